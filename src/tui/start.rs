//! Opening files and folders in the browser without waiting for them.
//!
//! The files are listed at once; they are read on a background thread.
//! When the shelf (see [`crate::library::shelf`]) says the library is as it
//! was last time, the first frame is drawn from its metadata and the
//! documents take its place when read. Otherwise a progress screen counts
//! the files read (`q` leaves, `Ctrl-z` suspends) until the browser can
//! open.

use super::app::{Opening, thousands};
use super::{Options, TuiError, run, run_from};
use crate::library::shelf::{self, Loading};
use crate::library::{Library, LoadError, Plan};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{Clear, ClearType};
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What is left to say once the browser has left the screen.
#[derive(Debug, Default)]
pub struct Report {
    /// Files that did not open, as `path: error` lines.
    pub failures: Vec<String>,
    /// Duplicates skipped, as sentences.
    pub warnings: Vec<String>,
}

/// How the browser starts.
pub(super) enum Start {
    /// With the documents.
    Ready(Library),
    /// With the documents' metadata, while they are read.
    Spines(Library),
    /// With nothing yet: a progress screen until they are read.
    Cold,
}

/// Open files and folders (none: the embedded document) in the browser
/// and run until the user quits.
///
/// # Errors
/// Standard output is not a terminal (after any error the files give);
/// no document opens; the terminal fails.
pub fn open(paths: &[PathBuf], options: Options) -> Result<Report, TuiError> {
    if paths.is_empty() {
        run(Library::embedded(), options)?;
        return Ok(Report::default());
    }
    if !io::stdout().is_terminal() {
        // What is wrong with the files is said first, as the commands do.
        Library::open(paths)?;
        return Err(TuiError::NotATerminal);
    }
    let mut plan = Plan::of(paths);
    if plan.files.is_empty() {
        return Err(TuiError::Load(plan.failures.swap_remove(0)));
    }
    // Taken before any file is read: a file changed while it is read must
    // not stamp an index made from what it was.
    let stamp = crate::search::cache::Stamp::of(&plan.found).ok();
    let spines = shelf::read(&plan);
    let opening = Opening {
        loading: Some(Loading::start(plan)),
        stamp,
        ..Opening::default()
    };
    let begin = match spines {
        Some(documents) => Start::Spines(Library { documents }),
        None => Start::Cold,
    };
    run_from(begin, opening, options)
}

/// The library to start on, with how it opened: at once, or after the
/// progress screen. `None`: the user left first.
pub(super) fn library(
    begin: Start,
    mut opening: Opening,
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    stop: &AtomicBool,
) -> Result<Option<(Library, Opening)>, TuiError> {
    match begin {
        Start::Ready(library) | Start::Spines(library) => Ok(Some((library, opening))),
        Start::Cold => {
            let Some(loading) = opening.loading.take() else {
                return Ok(None);
            };
            let Some(opened) = wait(&loading, terminal, stop)? else {
                return Ok(None);
            };
            let opened = opened?;
            opening.clean = opened.failures.is_empty() && opened.warnings.is_empty();
            opening.failures = opened.failures.iter().map(ToString::to_string).collect();
            opening.warnings = opened.warnings;
            opening.sources = opened.files;
            Ok(Some((opened.library, opening)))
        }
    }
}

/// The progress screen until the documents are read. `None`: the user
/// left (`q`, `Esc`, `Ctrl-c`, a signal).
fn wait(
    loading: &Loading,
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    stop: &AtomicBool,
) -> Result<Option<Result<crate::library::Opened, LoadError>>, TuiError> {
    loop {
        if let Some(result) = loading.poll() {
            return Ok(Some(result));
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        terminal.draw(|frame| {
            let area = frame.area();
            let lines = vec![
                Line::from(format!(
                    "Reading {} documents: {} read",
                    thousands(loading.total),
                    thousands(loading.done())
                )),
                Line::from(""),
                Line::from("The next open starts at once · q: quit"),
            ];
            let y = area.height.saturating_sub(3) / 2;
            let rect = Rect::new(area.x, area.y + y, area.width, 3.min(area.height));
            frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), rect);
        })?;
        if event::poll(Duration::from_millis(50))?
            && let Event::Key(key) = event::read()?
            && key.kind != KeyEventKind::Release
        {
            let quit = matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
                || key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c');
            if quit {
                return Ok(None);
            }
            if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('z') {
                // As in the browser: give the terminal back until `fg`.
                super::restore();
                signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
                super::take_terminal()?;
                execute!(io::stdout(), Clear(ClearType::All))?;
                terminal.swap_buffers();
            }
        }
    }
}
