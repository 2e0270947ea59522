//! Importing the UN's PDFs, against poppler's `pdftotext` on the same
//! files in the same run.
//!
//! `cargo bench --bench import`. For each PDF in `tests/fixtures/pdf/`:
//! the median of `RUNS` whole-process runs of `treatyview import FILE -o
//! /dev/null` (the release binary, built first) and of `pdftotext FILE
//! /dev/null` (skipped when poppler is not installed), alternated so that
//! noise on this shared machine falls on both alike; then the in-process
//! median of `import_any` (PDF read, structure, check). The goal: the
//! whole import no slower than `pdftotext`, which only extracts text.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use treatyview::import::import_any;

const RUNS: usize = 7;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Time a whole process; `None` when it cannot be started.
fn run(program: &Path, args: &[&std::ffi::OsStr]) -> Option<Duration> {
    let t = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    let elapsed = t.elapsed();
    status.code()?;
    Some(elapsed)
}

fn binary() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet"])
        .current_dir(root)
        .status()
        .expect("cargo builds the release binary");
    assert!(status.success(), "release build failed");
    root.join("target/release/treatyview")
}

fn main() {
    let treatyview = binary();
    let pdftotext = which("pdftotext");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf");
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/pdf")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    println!("| PDF | pages | KB | treatyview import | pdftotext | ratio | in process |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut ratios = Vec::new();
    let (mut ours_total, mut theirs_total) = (Duration::ZERO, Duration::ZERO);
    for pdf in &pdfs {
        let bytes = std::fs::read(pdf).expect("a fixture");
        let pages = treatyview::import::pdf::read(&bytes).map_or(0, |p| p.len());
        let null = std::ffi::OsStr::new("/dev/null");
        let mut ours = Vec::new();
        let mut theirs = Vec::new();
        for _ in 0..RUNS {
            let args = [
                std::ffi::OsStr::new("import"),
                pdf.as_os_str(),
                std::ffi::OsStr::new("-o"),
                null,
                std::ffi::OsStr::new("--force"),
            ];
            if let Some(d) = run(&treatyview, &args) {
                ours.push(d);
            }
            if let Some(p) = &pdftotext
                && let Some(d) = run(p, &[pdf.as_os_str(), null])
            {
                theirs.push(d);
            }
        }
        let mut inside = Vec::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            let result = import_any(&bytes, None);
            inside.push(t.elapsed());
            drop(std::hint::black_box(result));
        }
        let ours = median(ours);
        ours_total += ours;
        let name = pdf
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let (theirs_cell, ratio_cell) = if theirs.is_empty() {
            ("—".to_string(), "—".to_string())
        } else {
            let theirs = median(theirs);
            theirs_total += theirs;
            let ratio = ours.as_secs_f64() / theirs.as_secs_f64();
            ratios.push(ratio);
            (format!("{:.1} ms", ms(theirs)), format!("{ratio:.2}×"))
        };
        println!(
            "| {name} | {pages} | {} | {:.1} ms | {theirs_cell} | {ratio_cell} | {:.1} ms |",
            bytes.len() / 1024,
            ms(ours),
            ms(median(inside)),
        );
    }
    if ratios.is_empty() {
        println!("\npdftotext is not installed: install poppler-utils for the comparison");
    } else {
        ratios.sort_by(f64::total_cmp);
        println!(
            "\nAll {} files: treatyview {:.0} ms, pdftotext {:.0} ms; median ratio {:.2}× (1.00× = as fast as pdftotext)",
            pdfs.len(),
            ms(ours_total),
            ms(theirs_total),
            ratios[ratios.len() / 2]
        );
    }
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}
