//! What several test modules share: the real binary, a pseudo-terminal
//! around it, typing into the browser, the seed text and proptest's case
//! count.

pub mod pty;

pub use pty::Pty;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::process::Command;
use treatyview::tui::action::Action;
use treatyview::tui::app::App;
use treatyview::tui::theme::Theme;
use treatyview::tui::view::render;

/// The seed text export (CAT/C/KAZ/CO/4).
pub const SEED: &str = include_str!("../../assets/CAT-C-KAZ-CO-4.txt");

/// The names of the files in a folder, sorted.
pub fn file_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A document cache file (`docs/` in the cache folder): its first line,
/// what it was made from, and its JSON, inflated.
pub fn cached_document(path: &std::path::Path) -> (String, String) {
    use std::io::Read as _;
    let bytes = std::fs::read(path).unwrap();
    let newline = bytes.iter().position(|&b| b == b'\n').unwrap();
    let mut json = String::new();
    flate2::read::DeflateDecoder::new(&bytes[newline + 1..])
        .read_to_string(&mut json)
        .unwrap();
    (String::from_utf8(bytes[..newline].to_vec()).unwrap(), json)
}

/// The seed twice in `docs` (created): `a.ron` as it is, `b.ron` under
/// the symbol CAT/C/XYZ/CO/1 — two documents whose results differ only
/// by symbol.
pub fn seed_twice(docs: &std::path::Path) {
    use treatyview::library::{Library, to_ron};
    std::fs::create_dir_all(docs).unwrap();
    let mut doc = Library::embedded().documents.remove(0);
    std::fs::write(docs.join("a.ron"), to_ron(&doc)).unwrap();
    doc.symbol = "CAT/C/XYZ/CO/1".into();
    std::fs::write(docs.join("b.ron"), to_ron(&doc)).unwrap();
}

/// The real `treatyview` binary, ready for arguments.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_treatyview"))
}

/// Type `:text` and Enter into the browser.
pub fn goto(app: &mut App, text: &str) {
    app.update(Action::GotoPrompt);
    for c in text.chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Submit);
}

/// Type a query into the browser's search line.
pub fn type_query(app: &mut App, query: &str) {
    app.update(Action::FocusSearch);
    for c in query.chars() {
        app.update(Action::Type(c));
    }
}

/// The whole screen the browser draws, without colour, one quoted line
/// per row (as the snapshots hold it).
pub fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| render(app, Theme::new(false), frame))
        .unwrap();
    terminal.backend().to_string()
}

/// Cases per property: `default` in `cargo test`; set `PROPTEST_CASES`
/// for a long run (see the README).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The one check for text that leaves treatyview as data (exports, `search`
/// output, error messages) or lands in a screen cell: no ESC or other C0
/// control but tab and line ends, no C1 control, no bidi override or
/// isolate, no zero-width character (a byte-order mark only first). What the document carried there must
/// have been replaced by a visible placeholder (`␛`, `␇`, …) or escaped.
#[track_caller]
pub fn assert_no_controls(what: &str, text: &str) {
    for (at, c) in text.char_indices() {
        let control = (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            || matches!(c, '\u{200b}'..='\u{200f}')
            // A byte-order mark opens a CSV file for spreadsheets; elsewhere
            // it is an invisible character.
            || (c == '\u{feff}' && at > 0);
        if control {
            let before: String = text[..at].chars().rev().take(30).collect();
            let before: String = before.chars().rev().collect();
            let after: String = text[at..].chars().take(30).collect();
            panic!("{what}: {c:?} at byte {at}, in {before:?} + {after:?}");
        }
    }
}
