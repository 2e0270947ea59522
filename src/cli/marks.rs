//! `treatyview marks [PATH...]`: the marks in the state folder as a
//! citation list to paste into a report (Markdown), or as CSV or JSON.

use std::path::PathBuf;
use std::process::ExitCode;
use treatyview::library::Library;
use treatyview::marks::cite::{self, Format};
use treatyview::marks::store;

/// The output formats of `marks`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum MarksFormat {
    /// A heading per document, a line per mark.
    Markdown,
    /// RFC 4180, a header row first.
    Csv,
    /// An array of objects.
    Json,
}

/// Print the list; 1 (and a word on standard error) when there is
/// nothing to print.
pub fn run(paths: &[PathBuf], format: MarksFormat) -> Result<ExitCode, String> {
    let Some(dir) = treatyview::tui::history::folder() else {
        return Err(
            "no state folder: set TREATYVIEW_STATE_DIR, XDG_STATE_HOME or HOME".to_string(),
        );
    };
    let loaded = store::load(&dir).map_err(|e| e.to_string())?;
    if let Some(problem) = &loaded.problem {
        super::say(problem);
    }
    let opened = if paths.is_empty() {
        None
    } else {
        Some(Library::open(paths).map_err(|e| e.to_string())?)
    };
    if let Some(o) = &opened {
        let failures: Vec<String> = o.failures.iter().map(ToString::to_string).collect();
        super::super::report_failures(&failures, &o.warnings);
    }
    let library = opened.as_ref().map(|o| &o.library);
    let entries = cite::entries(&loaded.state, library);
    if entries.is_empty() {
        let whose = if paths.is_empty() {
            String::new()
        } else {
            " in these documents".to_string()
        };
        super::say(&format!(
            "no marks{whose} (m marks a paragraph in the browser; they are kept in {})",
            dir.join(store::FILE).display()
        ));
        return Ok(ExitCode::FAILURE);
    }
    let format = match format {
        MarksFormat::Markdown => Format::Markdown,
        MarksFormat::Csv => Format::Csv,
        MarksFormat::Json => Format::Json,
    };
    let text = cite::render(&entries, format);
    super::super::emit(&text, None, false)?;
    Ok(ExitCode::SUCCESS)
}
