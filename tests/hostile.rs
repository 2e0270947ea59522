//! A document whose text carries terminal control sequences: they are
//! drawn as visible placeholders everywhere (reader, outline, status line,
//! exports) and never reach the terminal.

use crate::common::{Pty, bin};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use treatyview::document::{Document, Inline};
use treatyview::library::{Library, to_ron};
use treatyview::tui::action::Action;
use treatyview::tui::app::App;
use treatyview::tui::theme::Theme;

/// Screen clear, cursor home, OSC 52 clipboard write, OSC 8 link, window
/// title, BEL, a C1 CSI, a bidi override and a zero-width space.
const EVIL: &str = "\u{1b}[2J\u{1b}[H\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}]8;;http://x.invalid\u{7}link\u{1b}]8;;\u{7}\u{1b}]0;pwned\u{7}\u{7}\u{9b}31m\u{202e}txet\u{200b}end";

fn hostile() -> Document {
    let mut doc = Library::embedded().documents.remove(0);
    doc.symbol = format!("CAT/C/EVIL{EVIL}");
    doc.title = format!("Title {EVIL}");
    doc.sections[3].topics[9].heading = Some(format!("Solitary {EVIL}"));
    let p = &mut doc.sections[3].topics[9].paragraphs[1];
    p.text.insert(0, Inline::Text(format!("Hostile {EVIL} ")));
    doc.footnotes[0].text = format!("Note {EVIL}");
    doc
}

/// The browser at 120×40 on the hostile document.
fn hostile_app() -> App {
    App::new(
        Library {
            documents: vec![hostile()],
        },
        120,
        40,
    )
}

/// One frame of the browser, in colour.
fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| treatyview::tui::view::render(app, Theme::new(true), f))
        .unwrap();
    terminal
}

fn assert_clean(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(!bytes.contains(&0x07), "a BEL reached the output");
    assert!(
        !text.contains("\u{1b}]"),
        "an OSC sequence reached the output"
    );
    assert!(
        !text.contains("\u{1b}[2J") || !text.contains("pwned"),
        "a clear reached the output"
    );
    assert!(!text.contains('\u{9b}'), "a C1 control reached the output");
    assert!(
        !text.contains('\u{202e}'),
        "a bidi override reached the output"
    );
    assert!(
        !text.contains('\u{200b}'),
        "a zero-width character reached the output"
    );
}

#[test]
fn reader_outline_and_status_show_placeholders() {
    let mut app = hostile_app();
    app.update(Action::GotoPrompt);
    for c in "25".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Submit);
    app.update(Action::Down);
    let terminal = draw(&app);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("␛[2J␛[H␛]52;c;ZXZpbA==␇"), "{screen}");
    assert!(screen.contains("Hostile ␛[2J"), "reader: {screen}");
    assert!(screen.contains("Solitary ␛["), "outline: {screen}");
    assert!(
        screen.contains("CAT/C/EVIL␛["),
        "status line and title: {screen}"
    );
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || c == '\u{202e}' || c == '\u{200b}'),
            "raw control in a cell: {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn pty_screen_is_not_cleared_moved_or_retitled() {
    let dir = std::env::temp_dir().join(format!("tv-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("evil.ron");
    std::fs::write(&path, to_ron(&hostile())).unwrap();
    let mut t = Pty::treatyview(&[path.to_str().unwrap()], 100, 30);
    t.wait_for("␛]0;pwned␇", 10);
    t.send(":25\r");
    t.wait_for("␛]0;pwned␇␇", 5);
    t.wait_for("Hostile", 5);
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);
    assert_clean(&t.raw.lock().unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn markdown_and_csv_exports_neutralise_and_json_escapes() {
    let lib = Library {
        documents: vec![hostile()],
    };
    assert_clean(treatyview::export::markdown(&lib).as_bytes());
    assert_clean(treatyview::export::csv(&lib).as_bytes());
    let json = treatyview::export::json(&lib);
    assert_clean(json.as_bytes());
    assert!(json.contains("\\u001b[2J"), "JSON escapes ESC");
}

#[test]
fn search_pane_and_search_command_neutralise_controls() {
    let mut app = hostile_app();
    app.update(Action::FocusSearch);
    for c in "hostile link".chars() {
        app.update(Action::Type(c));
    }
    let terminal = draw(&app);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("· 1 result "), "{screen}");
    assert!(screen.contains("Solitary ␛["), "heading column: {screen}");
    assert!(screen.contains("Hostile ␛[2J"), "snippet: {screen}");

    let dir = std::env::temp_dir().join(format!("tv-hostile-search-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("evil.ron");
    std::fs::write(&path, to_ron(&hostile())).unwrap();
    let run = |format: &str| {
        let out = bin()
            .args([
                "search",
                "hostile",
                path.to_str().unwrap(),
                "--format",
                format,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        out.stdout
    };
    let text = run("text");
    assert_clean(&text);
    assert!(String::from_utf8_lossy(&text).contains("Hostile ␛[2J"));
    let json = run("json");
    assert_clean(&json);
    assert!(String::from_utf8_lossy(&json).contains("\\u001b[2J"));
    std::fs::remove_dir_all(&dir).unwrap();
}
