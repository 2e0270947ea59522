//! The terminal browser: terminal setup and restore, the blocking event
//! loop, and the effects (`quit`, clipboard) that `App::update` asks for.
//!
//! - [`action`]: every action; [`keymap`]: the one key table (keys →
//!   actions, and the help and hints drawn from it).
//! - [`app`]: the state and `update`, routing actions to the panes.
//! - [`panes`]: outline, reader, search results and help, each with its
//!   state, navigation and drawing; [`list`]: the selection they share.
//! - [`history`]: the saved queries and the state folder; the marks and
//!   positions are the library's [`crate::marks`], written here when the
//!   app asks ([`app::Effect::Mark`]) and on leaving;
//!   [`clipboard`]: where copies go;
//!   [`line`]: the editable query line.
//! - [`layout`]: where the panes go; [`view`]: the frame, the status line
//!   and overlays; [`wrap`]: styled lines; [`theme`]: styles.
//!
//! The terminal is restored on normal exit, on error, on panic and on
//! SIGTERM, SIGHUP and SIGINT; a terminal that disappears (a closed window,
//! a dropped ssh connection) ends the program. Startup sends no query to
//! the terminal, so the first frame never waits for a reply.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod history;
pub mod keymap;
pub mod layout;
pub mod line;
pub mod list;
pub mod panes;
mod start;
pub mod theme;
pub mod view;
pub mod wrap;

use crate::library::Library;
use action::Action;
use app::{App, Effect};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use theme::Theme;

/// Why the browser could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// Standard output is a pipe or file.
    #[error(
        "standard output is not a terminal; to read documents in scripts use `treatyview export` (json, csv, markdown) or `treatyview search QUERY`"
    )]
    NotATerminal,
    /// The terminal failed.
    #[error("terminal: {0}")]
    Io(#[from] io::Error),
    /// No document opened.
    #[error("{0}")]
    Load(#[from] crate::library::LoadError),
}

pub use start::{Report, open};

/// Put the terminal back as it was: main screen, cooked mode, cursor
/// shown, mouse reporting off. Safe to call more than once.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Take the terminal for the browser: raw mode, the alternate screen,
/// mouse reporting, no cursor. At start and after a suspend.
fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Once its terminal hangs up, crossterm's event reader reads end-of-file
/// in a loop and never returns (crossterm issue #793, fix pending in PR
/// #1067), so neither a signal's flag nor the loop's
/// own checks are seen again. This thread ends the program anyway: when the
/// terminal is gone it exits at once (there is nothing left to restore);
/// after a signal it gives the event loop half a second to exit cleanly,
/// then restores the terminal and exits itself.
fn watchdog(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(100));
            if !io::stdout().is_terminal() {
                std::process::exit(1);
            }
            if stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(500));
                restore();
                std::process::exit(0);
            }
        }
    });
}

/// How the browser starts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Start at the top instead of where the reader left off.
    pub fresh: bool,
}

/// Apply a change to the marks file, and take what it then holds (with
/// what other browsers wrote); say so if it could not be written. No
/// state folder: the change lives only in this session.
fn save(app: &mut App, change: &crate::marks::Change) {
    let Some(dir) = history::folder() else {
        return;
    };
    match crate::marks::store::change(&dir, change, &app.marks) {
        Ok(loaded) => {
            app.set_marks(loaded.state);
            if let Some(problem) = loaded.problem {
                app.message = Some(problem);
            }
        }
        Err(e) => app.message = Some(format!("Not saved: {e}")),
    }
}

/// Open the browser on a library and run until the user quits; where
/// each document was left is saved on the way out.
///
/// # Errors
/// [`TuiError::NotATerminal`] when stdout is not a terminal; terminal I/O
/// errors.
pub fn run(library: Library, options: Options) -> Result<(), TuiError> {
    if !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    run_from(
        start::Start::Ready(library),
        app::Opening::default(),
        options,
    )
    .map(|_| ())
}

/// [`run`] from a library that is ready, or being read (its metadata
/// shown meanwhile, or a progress screen).
fn run_from(
    begin: start::Start,
    opening: app::Opening,
    options: Options,
) -> Result<Report, TuiError> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let _guard = Guard;
    take_terminal()?;
    watchdog(Arc::clone(&stop));
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let Some((library, mut opening)) = start::library(begin, opening, &mut terminal, &stop)? else {
        // Left before anything opened.
        return Ok(Report::default());
    };
    let size = terminal.size()?;
    let theme = Theme::from_env();
    let mut app = if opening.loading.is_some() {
        App::reading(library, opening, size.width, size.height)
    } else {
        let mut app = App::browser(library, size.width, size.height);
        if let Some(stamp) = &opening.stamp {
            let sources = std::mem::take(&mut opening.sources);
            app.search
                .index
                .use_cache(stamp.clone(), sources, opening.clean);
        }
        app.opening = opening;
        app
    };
    let loading = app.loading();
    app.search.history = history::load();
    if let Some(measure) = std::env::var("TREATYVIEW_MEASURE")
        .ok()
        .and_then(|v| parse_measure(&v))
    {
        app.measure = measure;
        app.relayout();
    }
    // The marks file is read before the first frame: where to start
    // depends on it. A file that cannot be read costs the marks only.
    let loaded = history::folder().map(|dir| crate::marks::store::load(&dir));
    let problem = match loaded {
        Some(Ok(loaded)) => {
            app.set_marks(loaded.state);
            loaded.problem
        }
        Some(Err(e)) => Some(format!("Marks not read: {e}")),
        None => None,
    };
    // With only the metadata, where to start waits for the documents.
    app.opening.resume = loading && !options.fresh;
    if !options.fresh && !loading {
        app.resume();
    }
    if let Some(problem) = problem {
        app.message = Some(match app.message.take() {
            Some(resumed) => format!("{problem} · {resumed}"),
            None => problem,
        });
    }
    app.say_failures();
    let result = event_loop(&mut app, &mut terminal, &stop, theme);
    // Where each document was left, whichever way the loop ended (unless
    // no document opened after all).
    if app.opening.failed.is_none() {
        let positions = app.positions();
        save(&mut app, &positions);
    }
    result?;
    if let Some(failed) = app.opening.failed.take() {
        return Err(TuiError::Load(failed));
    }
    Ok(Report {
        failures: std::mem::take(&mut app.opening.failures),
        warnings: std::mem::take(&mut app.opening.warnings),
    })
}

fn event_loop(
    app: &mut App,
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    stop: &AtomicBool,
    theme: Theme,
) -> Result<(), TuiError> {
    let clipboard = clipboard::find();
    loop {
        terminal.draw(|frame| view::render(app, theme, frame))?;
        if app.after_frame() {
            continue;
        }
        let action = loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            // Poll quickly while a search waits for the index.
            // and while the documents are read, to show how far it is.
            let wait = if app.search_waiting() {
                20
            } else if app.loading() {
                50
            } else {
                250
            };
            if event::poll(Duration::from_millis(wait))? {
                if let Some(action) = to_action(app, &event::read()?) {
                    break Some(action);
                }
            } else if app.tick() {
                break None;
            }
            if app.opening.failed.is_some() {
                return Ok(());
            }
        };
        let Some(action) = action else {
            continue;
        };
        match app.update(action) {
            Some(Effect::Quit) => return Ok(()),
            Some(Effect::Copy { text, what }) => {
                let mut out = io::stdout();
                write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
                out.flush()?;
                let sent = clipboard
                    .as_ref()
                    .map(|p| (p.name(), p.send(&text).map_err(|e| e.to_string())));
                app.message = Some(clipboard::report(
                    &what,
                    sent.as_ref().map(|(n, r)| (n.as_str(), r.clone())),
                    std::env::var_os("TMUX").is_some(),
                ));
            }
            Some(Effect::Mark(change)) => save(app, &change),
            Some(Effect::ReadMarks) => {
                if let Some(Ok(loaded)) = history::folder().map(|d| crate::marks::store::load(&d)) {
                    app.set_marks(loaded.state);
                    app.message = loaded.problem;
                }
            }
            Some(Effect::Suspend) => {
                // A suspended browser may never be resumed.
                let positions = app.positions();
                save(app, &positions);
                restore();
                // Stops here until `fg` (SIGCONT); raw mode is off, so
                // the shell's own Ctrl-z is not needed.
                signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
                take_terminal()?;
                // Redraw everything on a cleared screen. (Terminal::clear
                // would ask the terminal where its cursor is.)
                execute!(io::stdout(), Clear(ClearType::All))?;
                terminal.swap_buffers();
                // The window may have changed size meanwhile.
                let size = terminal.size()?;
                app.update(Action::Resize {
                    width: size.width,
                    height: size.height,
                });
            }
            Some(Effect::Remember(query)) => {
                // Only the history is lost if it cannot be saved.
                let _ = history::remember(&query);
            }
            None => {}
        }
    }
}

/// `TREATYVIEW_MEASURE`: the widest the text is set, in columns (20 or
/// more), or `full` for the pane's width.
#[must_use]
pub fn parse_measure(value: &str) -> Option<Option<usize>> {
    match value.trim() {
        "full" | "0" => Some(None),
        n => n.parse().ok().filter(|&n: &usize| n >= 20).map(Some),
    }
}

/// Turn a terminal event into an action through the keymap.
fn to_action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => keymap::lookup(key, app.context()),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                lines: 3,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                lines: -3,
            }),
            MouseEventKind::Down(_) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// Standard base64 (RFC 4648) for OSC 52.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_measure_is_a_width_or_full() {
        assert_eq!(super::parse_measure("72"), Some(Some(72)));
        assert_eq!(super::parse_measure("full"), Some(None));
        assert_eq!(super::parse_measure("5"), None);
        assert_eq!(super::parse_measure("wide"), None);
    }

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(super::base64(plain.as_bytes()), encoded);
        }
    }
}
