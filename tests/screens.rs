//! Whole screens drawn into ratatui's `TestBackend`, snapshotted with
//! insta at 80×24 and 120×40. Review snapshot diffs like code.

use crate::common::{goto, screen, type_query};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use treatyview::library::Library;
use treatyview::tui::action::Action;
use treatyview::tui::app::App;
use treatyview::tui::theme::Theme;
use treatyview::tui::view::render;

fn app(width: u16, height: u16) -> App {
    App::new(Library::embedded(), width, height)
}

#[test]
fn start_80x24() {
    let s = screen(&app(80, 24));
    assert!(s.contains("Concluding observations on the fourth periodic"));
    insta::assert_snapshot!(s);
}

#[test]
fn start_120x40() {
    insta::assert_snapshot!(screen(&app(120, 40)));
}

#[test]
fn paragraph_26_80x24() {
    let mut a = app(80, 24);
    goto(&mut a, "26");
    let s = screen(&a);
    assert!(s.contains("26. The State party is urged"));
    assert!(s.contains("para. 26"));
    insta::assert_snapshot!(s);
}

#[test]
fn paragraph_26_120x40() {
    let mut a = app(120, 40);
    goto(&mut a, "26");
    insta::assert_snapshot!(screen(&a));
}

/// Scroll the reader line by line until the footnotes of paragraph 13
/// are on screen.
fn scroll_to_footnote_14(a: &mut App) -> String {
    a.update(Action::NextPane);
    for _ in 0..60 {
        let s = screen(a);
        if s.contains("[15] Ibid.") {
            return s;
        }
        a.update(Action::Down);
    }
    panic!("footnotes of paragraph 13 never came into view");
}

#[test]
fn footnotes_under_paragraph_13_120x40() {
    let mut a = app(120, 40);
    goto(&mut a, "13");
    let s = scroll_to_footnote_14(&mut a);
    assert!(s.contains("para. 13"));
    assert!(s.contains("[14] Ibid. [CAT/C/KAZ/RQ/4], para. 195."));
    assert!(s.contains("[15] Ibid. [CAT/C/KAZ/RQ/4], para. 169."));
    insta::assert_snapshot!(s);
}

#[test]
fn footnotes_under_paragraph_13_80x24() {
    let mut a = app(80, 24);
    goto(&mut a, "13");
    let s = scroll_to_footnote_14(&mut a);
    assert!(s.contains("[14] Ibid. [CAT/C/KAZ/RQ/4], para."));
    insta::assert_snapshot!(s);
}

#[test]
fn footnotes_hidden() {
    let mut a = app(120, 40);
    goto(&mut a, "13");
    // The notes of paragraph 13 are on screen before the toggle…
    let before = scroll_to_footnote_14(&mut a);
    assert!(before.contains("[14] Ibid. [CAT/C/KAZ/RQ/4], para. 195."));
    assert!(before.contains("authority,[14]"), "{before}");
    // …gone after it, while the markers stay in the text…
    a.update(Action::ToggleFootnotes);
    let s = screen(&a);
    assert!(!s.contains("Ibid."), "{s}");
    assert!(s.contains("authority,[14]"), "the marker stays in the text");
    // …and back after a second toggle, under the text again.
    a.update(Action::ToggleFootnotes);
    assert_eq!(a.message.as_deref(), Some("Footnotes shown"));
    let mut again = screen(&a);
    for _ in 0..60 {
        if again.contains("[14] Ibid.") {
            break;
        }
        a.update(Action::Down);
        again = screen(&a);
    }
    assert!(
        again.contains("[14] Ibid. [CAT/C/KAZ/RQ/4], para. 195."),
        "{again}"
    );
}

#[test]
fn help_80x24() {
    let mut a = app(80, 24);
    a.update(Action::Help);
    let s = screen(&a);
    assert!(s.contains("between a concern and its recommendation"));
    insta::assert_snapshot!(s);
}

#[test]
fn help_120x40() {
    let mut a = app(120, 40);
    a.update(Action::Help);
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn too_small() {
    let s = screen(&app(40, 10));
    assert!(s.contains("Window too small: 40×10"));
    insta::assert_snapshot!(s);
}

#[test]
fn every_size_from_1x1_to_200x60_draws_without_panicking() {
    // One app, resized through every size, with the help overlay and the
    // search pane (a different layout) drawn too on some sizes. Below the
    // minimum a user reads why nothing else is drawn; from it up, the
    // browser with the place in the status line; never a control
    // character.
    let (min_w, min_h) = treatyview::tui::layout::MIN_SIZE;
    let mut a = app(80, 24);
    goto(&mut a, "24a");
    for width in 1..=200u16 {
        for height in 1..=60u16 {
            a.update(Action::Resize { width, height });
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            terminal
                .draw(|frame| render(&a, Theme::new(true), frame))
                .unwrap();
            let s = terminal.backend().to_string();
            let at = format!("{width}×{height}");
            crate::common::assert_no_controls(&at, &s);
            let rows: Vec<&str> = s.lines().collect();
            if width < min_w || height < min_h {
                assert!(!s.contains("CAT/C/KAZ"), "{at}: browser drawn:\n{s}");
                let middle = rows[usize::from(height / 2)];
                if width >= 40 {
                    let told = format!("Window too small: {width}×{height}");
                    assert!(middle.contains(&told), "{at}:\n{s}");
                } else if width >= 18 {
                    assert!(middle.contains("Window too small"), "{at}:\n{s}");
                } else {
                    // Cut to the width: "W…", or "…" alone in one column.
                    let cut = if width == 1 { '…' } else { 'W' };
                    assert!(middle.contains(cut), "{at}:\n{s}");
                }
            } else {
                let status = rows.last().unwrap();
                assert!(
                    status.contains(" CAT/C/KAZ/CO/4 · para. 24 (a) │"),
                    "{at}: {status}"
                );
                assert!(rows[0].contains("Sections"), "{at}:\n{s}");
            }
            if (width + height) % 17 == 0 {
                for overlay in [
                    Action::Help,
                    Action::Help,
                    Action::FocusSearch,
                    Action::Escape,
                ] {
                    a.update(overlay);
                    terminal
                        .draw(|frame| render(&a, Theme::new(false), frame))
                        .unwrap();
                    crate::common::assert_no_controls(&at, &terminal.backend().to_string());
                }
            }
        }
    }
}

#[test]
fn search_typed_80x24() {
    let mut a = app(80, 24);
    type_query(&mut a, "solitary confinment");
    let s = screen(&a);
    assert!(s.contains("scope: concerns+recs · 2 results"), "{s}");
    assert!(s.contains("/ solitary confinment"), "{s}");
    // The concern, shorter and as dense with the words, first.
    let first = s.find("25        CON").expect("25 listed");
    let second = s.find("26        REC").expect("26 listed");
    assert!(first < second, "25 ranks above 26");
    insta::assert_snapshot!(s);
}

#[test]
fn search_opened_120x40() {
    let mut a = app(120, 40);
    type_query(&mut a, "deaths in custody");
    a.update(Action::Open);
    let s = screen(&a);
    // The first result: the short item asking for the data on deaths in
    // custody, under the heading that names them.
    assert!(s.contains("24(d)     REC Violence and deaths in"), "{s}");
    assert!(s.contains("para. 24 (d)"), "{s}");
    assert!(s.contains("n/N step through them"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn search_scope_all_and_no_match_80x24() {
    let mut a = app(80, 24);
    type_query(&mut a, "welcomes");
    a.update(Action::CycleScope);
    a.update(Action::CycleScope);
    a.update(Action::CycleScope);
    let s = screen(&a);
    assert!(s.contains("scope: all"), "{s}");
    assert!(s.contains("POS"), "positive aspects are in scope: {s}");
    a.update(Action::ClearQuery);
    type_query(&mut a, "xylophone");
    let s = screen(&a);
    assert!(s.contains("no match"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_reference_column_fits_the_longest_reference() {
    // Footnote 18 is cited from item 19(c): its result is cited
    // "19(c) fn 18", eleven cells, which a fixed 9-cell column cut.
    let mut a = app(120, 40);
    type_query(&mut a, "191 | 195");
    while a.search.scope != treatyview::search::Scope::All {
        a.update(Action::CycleScope);
    }
    let s = screen(&a);
    assert!(s.contains("19(c) fn 18 NTE"), "{s}");
    // Every row's kind starts in the same column.
    let columns: Vec<usize> = s
        .lines()
        .filter_map(|l| {
            ["NTE", "CON", "REC", "OTH", "POS", "INT", "FUP", "HDG"]
                .iter()
                .find_map(|k| l.find(&format!(" {k} ")))
        })
        .collect();
    assert!(columns.len() > 1, "{s}");
    assert!(columns.iter().all(|c| *c == columns[0]), "{s}");
}

#[test]
fn the_quick_first_frame_is_the_full_layouts_first_frame() {
    for (w, h) in [(80, 24), (120, 40), (200, 60), (50, 12)] {
        let full = App::new(Library::embedded(), w, h);
        let mut quick = App::new_quick(Library::embedded(), w, h);
        assert!(quick.reader.partial, "{w}x{h}: only the first screens");
        assert!(quick.reader.lines.len() < full.reader.lines.len());
        // The same first frame but for the position indicator, which waits
        // for the whole layout.
        let (first, whole) = (screen(&quick), screen(&full));
        let differ: Vec<(&str, &str)> = first
            .lines()
            .zip(whole.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(differ.len(), 1, "{w}x{h}: {differ:?}");
        assert!(!differ[0].0.contains('%') && differ[0].1.contains("% "));
        assert!(quick.finish_layout());
        assert!(!quick.reader.partial);
        assert_eq!(quick.reader.lines, full.reader.lines, "{w}x{h}");
        assert_eq!(screen(&quick), screen(&full), "{w}x{h}");
    }
}

/// The help overlay's own rows: those between its top and bottom borders.
fn help_box(s: &str) -> Vec<String> {
    s.lines()
        .skip_while(|l| !l.contains("Keys —"))
        .skip(1)
        .take_while(|l| !l.contains('┛'))
        .map(str::to_string)
        .collect()
}

#[test]
fn help_is_whole_at_80x24_and_scrolls_to_the_query_syntax() {
    let mut a = app(80, 24);
    a.update(Action::Help);
    let first = screen(&a);
    assert!(help_box(&first).len() >= 20, "{first}");
    assert!(first.contains("j k PgDn PgUp scroll"), "{first}");
    // Page through it all: nothing is cut, everything is there.
    let mut seen = String::new();
    for _ in 0..10 {
        let s = screen(&a);
        let rows = help_box(&s);
        assert!(
            !rows.iter().any(|r| r.contains('…')),
            "a cut description:\n{s}"
        );
        seen.push_str(&rows.join("\n"));
        a.update(Action::PageDown);
    }
    for text in [
        "show or hide footnotes under the text",
        "between a concern and its recommendation",
        "\"a phrase\"",
        "'word",
        "!word",
        "art:16",
        "a | b",
        "Mouse",
    ] {
        assert!(seen.contains(text), "{text} never shown:\n{seen}");
    }
    // q, as the keymap sends it while help is open.
    a.update(Action::Help);
    assert_eq!(a.mode, treatyview::tui::app::Mode::Normal, "q closes help");
}

#[test]
fn help_at_80x12_is_readable() {
    let mut a = app(80, 12);
    a.update(Action::Help);
    let s = screen(&a);
    let rows = help_box(&s);
    assert!(rows.len() >= 8, "{s}");
    assert!(!rows.iter().any(|r| r.contains('…')), "{s}");
    assert!(s.contains("more lines"), "it says there is more: {s}");
}

#[test]
fn hints_that_fit_whole_and_long_messages_wrap_at_80x24() {
    let mut a = app(80, 24);
    goto(&mut a, "26");
    a.update(Action::NextPane);
    let s = screen(&a);
    let status = s.lines().last().unwrap();
    assert!(!status.contains('…'), "{status}");
    for hint in ["/ search", "? help", "y cite", "p concern⇄rec"] {
        assert!(status.contains(hint), "{hint} missing: {status}");
    }
    a.message = Some(
        "Sent CAT/C/KAZ/CO/4, para. 26 with its text (812 characters) to the terminal clipboard (OSC 52); \
         if nothing pastes, the terminal does not accept OSC 52"
            .into(),
    );
    let s = screen(&a);
    let bottom: Vec<&str> = s.lines().rev().take(3).collect();
    assert!(!bottom.iter().any(|l| l.contains('…')), "{s}");
    let flat = s
        .replace('"', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("the terminal does not accept OSC 52"),
        "the message's end is shown:\n{s}"
    );
}

#[test]
fn no_match_never_calls_narrowing_widening() {
    // Issue 11, item 10: the hint said "Ctrl-s to widen the scope" in
    // every scope, but from concerns+recs the next Ctrl-s narrows it.
    let mut a = app(80, 24);
    type_query(&mut a, "xylophone");
    let flat = |a: &App| screen(a).split_whitespace().collect::<Vec<_>>().join(" ");
    let s = flat(&a);
    assert!(s.contains("no match in concerns+recs"), "{s}");
    assert!(s.contains("Ctrl-s 3 times for scope all"), "{s}");
    assert!(!s.contains("widen"), "{s}");
    a.update(Action::CycleScope);
    a.update(Action::CycleScope);
    assert!(flat(&a).contains("no match in recs — try fewer words, or Ctrl-s for scope all"));
    a.update(Action::CycleScope);
    let s = flat(&a);
    assert!(s.contains("no match in any part of the text"), "{s}");
    assert!(
        s.contains("text — try fewer words ┃"),
        "no Ctrl-s advice: {s}"
    );
}

/// The text attributes of every place `word` is drawn with some
/// attribute (a highlight) in the text pane, in screen order: the rows
/// above the search pane.
fn highlighted_styles(app: &App, word: &str) -> Vec<ratatui::style::Modifier> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal
        .draw(|frame| render(app, Theme::new(false), frame))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    let word: Vec<char> = word.chars().collect();
    let mut found = Vec::new();
    for y in 0..area.height {
        let row: Vec<char> = (0..area.width)
            .map(|x| buffer[(x, y)].symbol().chars().next().unwrap_or(' '))
            .collect();
        if row.iter().collect::<String>().contains(" Search ·") {
            break;
        }
        for x in 0..row.len().saturating_sub(word.len()) {
            if row[x..x + word.len()] == word[..] {
                let modifier = buffer[(x as u16, y)].modifier;
                if !modifier.is_empty() {
                    found.push(modifier);
                }
            }
        }
    }
    found
}

#[test]
fn approximate_matches_are_drawn_apart_in_results_and_text_80x24() {
    use ratatui::style::Modifier;
    let result_rows = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.contains(" CON ") || l.contains(" REC "))
            .map(str::to_string)
            .collect()
    };
    // `solitar` only begins "solitary": a guess, marked ≈ in the list and
    // underlined, not filled, in the text.
    let mut a = app(80, 24);
    type_query(&mut a, "solitar");
    let s = screen(&a);
    let rows = result_rows(&s);
    assert_eq!(rows.len(), 3, "{s}");
    assert!(rows.iter().all(|r| r.contains(" ≈ ")), "{s}");
    a.update(Action::Open);
    let styles = highlighted_styles(&a, "solitary");
    assert!(!styles.is_empty());
    for m in &styles {
        assert!(
            m.contains(Modifier::UNDERLINED) && !m.contains(Modifier::REVERSED),
            "{styles:?}"
        );
    }
    // The word itself: an ordinary hit, filled.
    let mut a = app(80, 24);
    type_query(&mut a, "solitary");
    let s = screen(&a);
    let rows = result_rows(&s);
    assert_eq!(rows.len(), 3, "{s}");
    assert!(
        rows.iter().all(|r| r.contains(" │ ") && !r.contains('≈')),
        "{s}"
    );
    a.update(Action::Open);
    let styles = highlighted_styles(&a, "solitary");
    assert!(!styles.is_empty());
    assert!(styles.iter().all(|m| m.contains(Modifier::REVERSED)));
}

/// The seed at 80×24 with paragraph 26 and item 24 (a) marked.
fn marked_80x24() -> App {
    let mut a = app(80, 24);
    for (at, note) in [("24a", "violence in custody"), ("26", "")] {
        goto(&mut a, at);
        a.update(Action::Mark);
        for c in note.chars() {
            a.update(Action::Type(c));
        }
        a.update(Action::Submit);
    }
    a
}

#[test]
fn marks_in_the_margin_outline_and_running_head_80x24() {
    let mut a = marked_80x24();
    goto(&mut a, "24");
    let s = screen(&a);
    assert!(s.contains("●(a) ⚑"), "{s}");
    assert!(s.contains("●R 24"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_note_prompt_80x24() {
    let mut a = marked_80x24();
    goto(&mut a, "24a");
    a.update(Action::Mark);
    let s = screen(&a);
    assert!(s.contains("edit note: violence in custody"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_marks_list_80x24() {
    let mut a = marked_80x24();
    a.update(Action::MarksList);
    let s = screen(&a);
    assert!(s.contains("Marks: 2"), "{s}");
    insta::assert_snapshot!(s);
}
