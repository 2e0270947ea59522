//! A document whose text carries terminal control sequences: they are
//! drawn as visible placeholders everywhere (reader, outline, status line,
//! exports) and never reach the terminal.

use crate::common::{Pty, assert_no_controls, bin};
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
    let markdown = treatyview::export::markdown(&lib);
    assert_no_controls("markdown", &markdown);
    assert!(markdown.contains("CAT/C/EVIL␛"), "{markdown}");
    let csv = treatyview::export::csv(&lib);
    assert_no_controls("csv", &csv);
    assert!(csv.contains("Hostile ␛[2J"));
    let json = treatyview::export::json(&lib);
    assert_no_controls("json", &json);
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
    assert_no_controls("search text", &String::from_utf8_lossy(&text));
    assert!(String::from_utf8_lossy(&text).contains("Hostile ␛[2J"));
    let json = run("json");
    assert_no_controls("search json", &String::from_utf8_lossy(&json));
    assert!(String::from_utf8_lossy(&json).contains("\\u001b[2J"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn copying_draws_a_visible_message() {
    // The status-line message names the copied citation, symbol and all.
    let mut app = hostile_app();
    crate::common::goto(&mut app, "25");
    let before = draw(&app).backend().to_string();
    app.update(Action::Copy);
    let terminal = draw(&app);
    let screen = terminal.backend().to_string();
    assert_ne!(screen, before, "copying says something");
    for cell in terminal.backend().buffer().content() {
        assert_no_controls("a screen cell", cell.symbol());
    }
}

#[test]
fn search_list_and_errors_over_several_hostile_documents_stay_visible() {
    let dir = std::env::temp_dir().join(format!("tv-hostile-many-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut second = hostile();
    second.symbol = format!("CAT/C/EVIL2{EVIL}");
    std::fs::write(dir.join("a.ron"), to_ron(&hostile())).unwrap();
    std::fs::write(dir.join("b.ron"), to_ron(&second)).unwrap();
    // With several documents every result row carries its symbol.
    for format in ["text", "json"] {
        let out = bin()
            .args(["search", "hostile", "--format", format])
            .arg(&dir)
            .env("TREATYVIEW_CACHE_DIR", dir.join("cache"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_no_controls(&format!("search {format} over a folder"), &stdout);
        assert!(stdout.contains("EVIL2"), "{stdout}");
    }
    let out = bin()
        .args(["search", "hostile"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("CAT/C/EVIL2␛[2J"));
    for format in ["text", "csv", "json"] {
        let out = bin()
            .args(["list", "--format", format])
            .arg(&dir)
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_no_controls(
            &format!("list {format}"),
            &String::from_utf8_lossy(&out.stdout),
        );
    }
    // A file whose name carries controls, and a text whose error quotes
    // them: the messages show placeholders.
    // (EVIL holds a `/`, which no file name can.)
    let name_evil = "\u{1b}[2J\u{7}\u{9b}31m\u{202e}txet\u{200b}";
    let bad = dir.join(format!("bad{name_evil}.ron"));
    std::fs::write(&bad, "garbage").unwrap();
    let out = bin().arg("export").arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_controls("an export error", &stderr);
    assert!(stderr.contains("bad␛[2J"), "{stderr}");
    let text = dir.join(format!("t{name_evil}.txt"));
    std::fs::write(&text, "1.\tText\u{1b}[2J[footnoteRef:3].\n").unwrap();
    let out = bin()
        .args(["import", "--symbol", "X/C/1", "-o"])
        .arg(dir.join("t.ron"))
        .arg(&text)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_no_controls("an import error", &stderr);
    assert!(stderr.contains("footnote"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn marks_with_hostile_notes_draw_and_print_placeholders() {
    use treatyview::document::Reference;
    use treatyview::marks::{Change, Mark, State, store};
    let mut app = hostile_app();
    let doc = app.document().clone();
    let mut state = State::default();
    state.apply(&Change::Mark(Mark::new(
        &doc,
        &Reference::paragraph(26),
        &format!("note {EVIL}"),
        1,
    )));
    // A mark of a document that is not open, hostile all through.
    state.apply(&Change::Mark(Mark {
        symbol: format!("X/{EVIL}"),
        reference: "3".into(),
        words: format!("words {EVIL}"),
        note: format!("note {EVIL}"),
        created: 1,
    }));
    app.set_marks(state.clone());
    app.update(Action::GotoPrompt);
    for c in "26".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Submit);
    // The running head with the note, then the marks list.
    for (step, shown) in [("reader", "● note ␛[2J"), ("list", "○ X/␛[2J")] {
        if step == "list" {
            app.update(Action::MarksList);
        }
        let terminal = draw(&app);
        let screen = terminal.backend().to_string();
        assert!(screen.contains(shown), "{step}: {screen}");
        for cell in terminal.backend().buffer().content() {
            assert_no_controls(&format!("{step}: a screen cell"), cell.symbol());
        }
    }
    // Opening the closed document's mark says so, visibly.
    app.update(Action::Bottom);
    app.update(Action::Open);
    assert!(draw(&app).backend().to_string().contains("X/␛[2J"));
    // `treatyview marks` in each format.
    let dir = std::env::temp_dir().join(format!("tv-hostile-marks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(store::FILE), store::to_ron(&state)).unwrap();
    for format in ["markdown", "csv", "json"] {
        let out = bin()
            .args(["marks", "--format", format])
            .env("TREATYVIEW_STATE_DIR", &dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_no_controls(&format!("marks --format {format}"), &stdout);
        assert!(stdout.contains("note"), "{stdout}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
