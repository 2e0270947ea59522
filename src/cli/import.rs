//! `treatyview import FILE... [-o OUT.ron | -o DIR]`: PDFs and texts in,
//! RON trees out, several files at once on every core.
//!
//! Every guarantee of a single import holds for each file: the RON is
//! written atomically, an existing file is replaced only with `--force`,
//! and a failure is one line naming the file and the page or line. One
//! file failing does not stop the others; the exit status says whether
//! any did.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use treatyview::import::{Imported, import_any};
use treatyview::library::{self, describe_io};

/// What the command line asked for.
pub struct Options {
    /// The files to import.
    pub inputs: Vec<PathBuf>,
    /// `-o`: a file (one input) or a folder.
    pub output: Option<PathBuf>,
    /// `--symbol`: the document symbol (one input only).
    pub symbol: Option<String>,
    /// `--force`: replace existing outputs.
    pub force: bool,
    /// `--report`: say what was found and removed.
    pub report: bool,
}

/// Where the RON of each input goes.
enum Destination {
    Stdout,
    File(PathBuf),
    Folder(PathBuf),
}

/// Run the import.
///
/// # Errors
/// A usage error (the message to print); import failures are printed
/// here and turn into exit status 1.
pub fn run(options: Options) -> Result<ExitCode, String> {
    let Options {
        inputs,
        output,
        symbol,
        force,
        report,
    } = options;
    if symbol.is_some() && inputs.len() > 1 {
        return Err("--symbol names one document: give it with one input".into());
    }
    if symbol.as_deref().is_some_and(|s| s.trim().is_empty()) {
        return Err("--symbol is empty".into());
    }
    let destination = match output {
        None if inputs.len() == 1 => Destination::Stdout,
        None => {
            return Err(
                "several inputs need -o DIR: the folder to write their .ron files into".into(),
            );
        }
        Some(path) => {
            let folder = path.is_dir()
                || inputs.len() > 1
                || path
                    .as_os_str()
                    .to_string_lossy()
                    .ends_with(std::path::MAIN_SEPARATOR);
            if folder {
                std::fs::create_dir_all(&path)
                    .map_err(|e| format!("{}: {}", path.display(), describe_io(&e)))?;
                Destination::Folder(path)
            } else {
                Destination::File(path)
            }
        }
    };
    let targets: Vec<Option<PathBuf>> = inputs
        .iter()
        .map(|input| match &destination {
            Destination::Stdout => None,
            Destination::File(path) => Some(path.clone()),
            Destination::Folder(dir) => Some(dir.join(ron_name(input))),
        })
        .collect();
    for (i, target) in targets.iter().enumerate() {
        if let Some(t) = target
            && targets[..i].iter().flatten().any(|earlier| earlier == t)
        {
            return Err(format!(
                "{} and an earlier input would both be written to {}",
                inputs[i].display(),
                t.display()
            ));
        }
    }
    let results = import_all(&inputs, symbol.as_deref());
    let mut failed = 0;
    for ((input, result), target) in inputs.iter().zip(results).zip(targets) {
        let imported = match result {
            Ok(imported) => imported,
            Err(message) => {
                super::say(&message);
                failed += 1;
                continue;
            }
        };
        let ron = library::to_ron(&imported.doc);
        let written = match &target {
            None => write_stdout(&ron),
            Some(path) => library::write_atomic(path, &ron, force).map_err(|e| e.to_string()),
        };
        if let Err(message) = written {
            super::say(&message);
            failed += 1;
            continue;
        }
        say_report(input, &imported, report, target.is_some());
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `report.pdf` → `report.ron`.
fn ron_name(input: &Path) -> PathBuf {
    let stem = input
        .file_stem()
        .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    PathBuf::from(format!("{stem}.ron"))
}

/// Import every input, on every core, keeping their order.
fn import_all(inputs: &[PathBuf], symbol: Option<&str>) -> Vec<Result<Imported, String>> {
    let one = |input: &PathBuf| -> Result<Imported, String> {
        let bytes = std::fs::read(input)
            .map_err(|e| format!("{}: {}", input.display(), describe_io(&e)))?;
        import_any(&bytes, symbol).map_err(|e| e.in_file(input))
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = inputs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = inputs
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

fn write_stdout(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("standard output: {}", describe_io(&e)))
}

/// The report on request (on standard output when the RON went to a
/// file, else on standard error); otherwise a count of warnings.
fn say_report(input: &Path, imported: &Imported, report: bool, to_file: bool) {
    let warnings = imported.report.warnings.len();
    if report {
        // The report quotes the document (warnings name its text) and the
        // file name: both are made visible, line by line.
        let text = format!(
            "{}:\n{}",
            input.display(),
            imported.report.render(&imported.doc)
        );
        let mut visible = String::with_capacity(text.len());
        for line in text.lines() {
            visible.push_str(&treatyview::text::visible(line));
            visible.push('\n');
        }
        let text = visible;
        if to_file {
            print!("{text}");
        } else {
            eprint!("{text}");
        }
    } else if warnings > 0 {
        let s = if warnings == 1 { "" } else { "s" };
        super::say(&format!(
            "{}: {warnings} warning{s} (import --report lists them)",
            input.display()
        ));
    }
}
