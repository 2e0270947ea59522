//! The `treatyview` command: open the browser (default), or `import`,
//! `export` and `search` without a terminal UI.
//!
//! The library knows nothing of the command line: argument parsing lives
//! here, and printing search results in [`cli::search`].

mod cli {
    pub mod import;
    pub mod list;
    pub mod marks;
    pub mod search;

    /// Say `message` on standard error as `treatyview: message`, each line
    /// made visible: a file name or a quoted line of a document may carry
    /// terminal controls, and an error message must not run them.
    pub fn say(message: &str) {
        for line in message.lines() {
            eprintln!("treatyview: {}", treatyview::text::visible(line));
        }
    }
}

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use treatyview::export::{self, Format};
use treatyview::library::{Library, describe_io};
use treatyview::search::{Index, Scope};

/// A terminal browser for UN treaty-body concluding observations.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Documents to open — RON trees, PDFs, texts — or folders of them
    /// (default: the embedded CAT/C/KAZ/CO/4).
    paths: Vec<PathBuf>,
    /// Start at the top, not where you left off.
    #[arg(long)]
    fresh: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Turn PDFs and texts (pdftotext output, or text extracted from
    /// Word) into RON document trees; the format is told by content.
    Import {
        /// The files to import.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Write the RON to this file (one input) or into this folder
        /// (NAME.pdf → NAME.ron) instead of to standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The document symbol, when it cannot be found (one input).
        #[arg(long)]
        symbol: Option<String>,
        /// Replace existing output files.
        #[arg(long)]
        force: bool,
        /// Say what was found (paragraphs, headings, footnotes, kinds),
        /// what was removed (page furniture by type) and every warning.
        #[arg(long)]
        report: bool,
    },
    /// Write documents as JSON, CSV or Markdown.
    Export {
        /// Documents (RON, PDF, text) or folders (default: the embedded
        /// document).
        paths: Vec<PathBuf>,
        /// Output format [default: from the -o file's extension (.json,
        /// .csv, .md or .markdown), else json].
        #[arg(long, short, value_enum)]
        format: Option<ExportFormat>,
        /// Write here instead of to standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace an existing output file.
        #[arg(long)]
        force: bool,
    },
    /// List the documents: symbol, committee, State, year, report,
    /// language and counts of paragraphs, concerns and recommendations.
    List {
        /// Documents (RON, PDF, text) or folders (default: the embedded
        /// document).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value = "text")]
        format: cli::list::ListFormat,
    },
    /// Print your marks as a citation list: `SYMBOL, para. N — note —
    /// first words`, grouped by document, in the order the document
    /// numbers them. Exit status 0 with marks, 1 with none.
    Marks {
        /// The marked documents (RON, PDF, text) or folders: only their
        /// marks are listed, in their order, each checked against its
        /// document (an orphaned mark says so). Without them, every
        /// mark, documents by symbol.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value = "markdown")]
        format: cli::marks::MarksFormat,
    },
    /// Search concerns and recommendations. Exit status as grep's: 0 when
    /// something matched, 1 when the search ran and matched nothing, 2 on
    /// an error (a missing or unreadable path, a bad or empty document,
    /// an empty query, a usage error).
    Search {
        /// The query: words (all must match, in any of their forms; "a",
        /// "the", "of"… optional), "a phrase", a | b (either), 'exact,
        /// !exclude, art:16. Prefix and typo matches are marked ≈.
        query: String,
        /// Documents (RON, PDF, text) or folders (default: the embedded
        /// document).
        paths: Vec<PathBuf>,
        /// Which units to search: cr (concerns and recommendations),
        /// concern, recommendation or all.
        #[arg(long, default_value = "cr", value_parser = parse_scope)]
        scope: Scope,
        /// At most this many results: 1 or more (0 is a usage error).
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..))]
        limit: u64,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: SearchFormat,
        /// Neither use nor write the caches (the index's and the
        /// documents').
        #[arg(long)]
        no_cache: bool,
    },
}

/// `export --format`: the library's [`Format`]s as the command line names
/// them.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    /// One JSON object `{"documents": [...]}`.
    Json,
    /// One row per paragraph and per item, RFC 4180.
    Csv,
    /// A readable document with Markdown footnotes.
    Markdown,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Format {
        match format {
            ExportFormat::Json => Format::Json,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Markdown => Format::Markdown,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SearchFormat {
    /// One line per result: REF  KIND  snippet.
    Text,
    /// An array of results with text and highlight ranges.
    Json,
}

fn parse_scope(name: &str) -> Result<Scope, String> {
    Scope::parse(name)
        .ok_or_else(|| format!("unknown scope {name:?}: use cr, concern, recommendation or all"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            cli::say(&message);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Some(Command::Import {
            inputs,
            output,
            symbol,
            force,
            report,
        }) => cli::import::run(cli::import::Options {
            inputs,
            output,
            symbol,
            force,
            report,
        }),
        Some(Command::Export {
            paths,
            format,
            output,
            force,
        }) => {
            let opened = Library::open(&paths).map_err(|e| e.to_string())?;
            emit(
                &export::render(&opened.library, export_format(format, output.as_deref())),
                output.as_deref(),
                force,
            )?;
            // What did not open is said, and the status says it; what did
            // is exported all the same.
            Ok(opened_status(&opened))
        }
        Some(Command::List { paths, format }) => {
            let opened = Library::open(&paths).map_err(|e| e.to_string())?;
            emit(&cli::list::render(&opened.library, format), None, false)?;
            Ok(opened_status(&opened))
        }
        Some(Command::Marks { paths, format }) => cli::marks::run(&paths, format),
        Some(Command::Search {
            query,
            paths,
            scope,
            limit,
            format,
            no_cache,
        }) => search(&query, &paths, scope, limit, format, no_cache),
        None => {
            let options = treatyview::tui::Options { fresh: cli.fresh };
            let report = treatyview::tui::open(&cli.paths, options).map_err(|e| e.to_string())?;
            // Said after the browser leaves the screen, where it stays.
            report_failures(&report.failures, &report.warnings);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `treatyview search`: the output, and grep's exit status (0 matched, 1
/// nothing matched, 2 an error).
fn search(
    query: &str,
    paths: &[PathBuf],
    scope: Scope,
    limit: u64,
    format: SearchFormat,
    no_cache: bool,
) -> Result<ExitCode, String> {
    // Errors exit 2, as grep's do: 1 means only "matched nothing".
    let error = |message: String| {
        cli::say(&message);
        Ok(ExitCode::from(2))
    };
    if query.trim().is_empty() {
        return error("search: the query is empty".into());
    }
    // A filter that cannot be read is an error before any document is
    // opened: `kind:foo` must not quietly search everything.
    let problems = treatyview::search::query::parse(query).problems;
    if !problems.is_empty() {
        return error(format!("search: {}", problems.join("; ")));
    }
    if no_cache {
        treatyview::library::stored::turn_off();
    }
    let searched = match Index::for_paths(paths, !no_cache) {
        Ok(searched) => searched,
        Err(e) => return error(e.to_string()),
    };
    // A partial load is reported; it does not turn a match into an
    // error, but with nothing matched it is one: what did not open
    // may have held the match.
    let failed = report_failures(&searched.failures, &searched.warnings);
    let json = matches!(format, SearchFormat::Json);
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let run = |index: &Index| {
        if json {
            cli::search::run(index, query, scope, limit, true)
        } else {
            cli::search::run_text(index, query, scope, limit, terminal())
        }
    };
    let (mut out, mut found) = run(&searched.index);
    if searched.index.stale() {
        // A cached index whose documents changed under it (their text is
        // read from them): build it again and search that.
        match Index::rebuilt_for_paths(paths, !no_cache) {
            Ok(again) => (out, found) = run(&again.index),
            Err(e) => return error(e.to_string()),
        }
    }
    emit(&out, None, false)?;
    Ok(match (found, failed) {
        (true, _) => ExitCode::SUCCESS,
        (false, false) => ExitCode::FAILURE,
        (false, true) => ExitCode::from(2),
    })
}

/// `--format` if given, else what the output file's extension says,
/// else JSON.
fn export_format(format: Option<ExportFormat>, output: Option<&Path>) -> Format {
    if let Some(format) = format {
        return format.into();
    }
    let extension = output
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("csv") => Format::Csv,
        Some("md" | "markdown") => Format::Markdown,
        _ => Format::Json,
    }
}

/// For a person at a terminal: its width, and colour unless `NO_COLOR`
/// is set. `None` when standard output is a pipe or a file.
fn terminal() -> Option<cli::search::Terminal> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let width = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
    Some(cli::search::Terminal {
        width,
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    })
}

/// Report what did not open (and the duplicates skipped) and give the
/// exit status of a command that wrote what did: failure if anything
/// failed.
fn opened_status(opened: &treatyview::library::Opened) -> ExitCode {
    let failures: Vec<String> = opened.failures.iter().map(ToString::to_string).collect();
    if report_failures(&failures, &opened.warnings) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Say on standard error which files did not open and which were
/// skipped as duplicates. Returns whether any failed.
fn report_failures(failures: &[String], warnings: &[String]) -> bool {
    for warning in warnings {
        cli::say(&format!("warning: {warning}"));
    }
    for failure in failures {
        cli::say(failure);
    }
    if failures.len() > 1 {
        eprintln!(
            "treatyview: {} files did not open; the rest did",
            failures.len()
        );
    }
    !failures.is_empty()
}

/// Write to a file atomically (temporary file, then rename), or to stdout.
fn emit(text: &str, output: Option<&Path>, force: bool) -> Result<(), String> {
    let Some(path) = output else {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
            .map_err(|e| format!("standard output: {}", describe_io(&e)));
    };
    treatyview::library::write_atomic(path, text, force).map_err(|e| e.to_string())
}
