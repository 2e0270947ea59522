//! `App::update` for every action, on the embedded document, without a
//! terminal: what the reader shows, where the outline points, what the
//! status line says.

use crate::common::goto;
use treatyview::document::Reference as Anchor;
use treatyview::library::Library;
use treatyview::tui::action::{Action, Focus};
use treatyview::tui::app::{App, Effect, Mode};

fn app() -> App {
    App::new(Library::embedded(), 80, 24)
}

fn at(app: &App) -> Anchor {
    app.reader.current().unwrap()
}

fn para(n: u32) -> Anchor {
    Anchor {
        paragraph: n,
        labels: vec![],
    }
}

#[test]
fn goto_paragraph_and_item() {
    let mut a = app();
    goto(&mut a, "26");
    assert_eq!(at(&a), para(26));
    assert_eq!(a.mode, Mode::Normal);
    goto(&mut a, "24a");
    assert_eq!(
        at(&a),
        Anchor {
            paragraph: 24,
            labels: vec!["a".into()]
        }
    );
    goto(&mut a, "12(a)(v)");
    assert_eq!(at(&a).labels, ["a", "v"]);
}

#[test]
fn goto_unknown_paragraph_says_so_and_stays() {
    let mut a = app();
    goto(&mut a, "26");
    goto(&mut a, "99");
    assert_eq!(at(&a), para(26));
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("No paragraph 99 in CAT/C/KAZ/CO/4")
    );
}

#[test]
fn goto_takes_the_programs_own_citations_and_names_a_missing_item() {
    // Issue 11, item 9.
    let mut a = app();
    goto(&mut a, "para. 24 (a)");
    assert_eq!(at(&a).to_string(), "24(a)");
    goto(&mut a, "26.");
    assert_eq!(at(&a), para(26));
    goto(&mut a, "CAT/C/KAZ/CO/4, para. 12 (a)");
    assert_eq!(at(&a).to_string(), "12(a)");
    goto(&mut a, "24z");
    assert_eq!(at(&a).to_string(), "12(a)", "stays");
    assert_eq!(
        a.message.as_deref(),
        Some(
            "No item (z) in CAT/C/KAZ/CO/4, para. 24: its items are (a) (b) (c) (d) (e) (f) (g) (h) (i)"
        )
    );
    goto(&mut a, "26b");
    assert_eq!(
        a.message.as_deref(),
        Some("No item (b) in CAT/C/KAZ/CO/4, para. 26: it has no items")
    );
    goto(&mut a, "pear");
    assert!(a.message.as_deref().unwrap().contains("is not a paragraph"));
}

#[test]
fn prompt_escape_and_backspace() {
    let mut a = app();
    a.update(Action::GotoPrompt);
    a.update(Action::Type('2'));
    assert_eq!(a.mode, Mode::Prompt("2".into()));
    a.update(Action::Backspace);
    assert_eq!(a.mode, Mode::Prompt("".into()));
    a.update(Action::Backspace);
    assert_eq!(a.mode, Mode::Normal);
    a.update(Action::GotoPrompt);
    a.update(Action::Escape);
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn pair_jumps_between_concern_and_recommendation_and_back() {
    let mut a = app();
    goto(&mut a, "26");
    a.update(Action::Pair);
    assert_eq!(at(&a), para(25));
    a.update(Action::Pair);
    assert_eq!(at(&a), para(26));
    a.update(Action::JumpBack);
    assert_eq!(at(&a), para(25));
    a.update(Action::JumpBack);
    assert_eq!(at(&a), para(26));
}

#[test]
fn pair_on_an_unpaired_paragraph_explains() {
    let mut a = app();
    goto(&mut a, "46");
    a.update(Action::Pair);
    assert_eq!(at(&a), para(46));
    assert!(a.message.unwrap().contains("no concern or recommendation"));
}

#[test]
fn jump_back_with_no_history() {
    let mut a = app();
    a.update(Action::JumpBack);
    assert_eq!(a.message.as_deref(), Some("No earlier position"));
}

#[test]
fn reader_scrolling_is_clamped_and_moves_the_outline() {
    let mut a = app();
    a.update(Action::NextPane); // reader
    assert_eq!(a.focus, Focus::Reader);
    a.update(Action::Down);
    assert_eq!(a.reader.scroll, 1);
    a.update(Action::Up);
    a.update(Action::Up);
    assert_eq!(a.reader.scroll, 0);
    a.update(Action::PageDown);
    let page = a.reader.scroll;
    assert!(page > 5);
    a.update(Action::HalfPageDown);
    assert!(a.reader.scroll > page);
    a.update(Action::HalfPageUp);
    a.update(Action::PageUp);
    assert_eq!(a.reader.scroll, 0);
    a.update(Action::Bottom);
    assert_eq!(a.reader.scroll, a.reader.max_scroll());
    let row = a.outline.current().unwrap();
    assert!(row.target.1 >= 46, "outline follows the reader to the end");
    assert_eq!(row.target.1, at(&a).paragraph);
    a.update(Action::Top);
    assert_eq!(a.reader.scroll, 0);
}

#[test]
fn headings_step_forward_and_back() {
    let mut a = app();
    a.update(Action::NextHeading);
    let first = a.reader.scroll;
    assert!(a.reader.headings.contains(&first));
    a.update(Action::NextHeading);
    assert!(a.reader.scroll > first);
    a.update(Action::PreviousHeading);
    assert_eq!(a.reader.scroll, first);
}

#[test]
fn outline_moves_the_reader_and_enter_focuses_it() {
    let mut a = app();
    assert_eq!(a.focus, Focus::Outline);
    let solitary = a
        .outline
        .rows
        .iter()
        .position(|r| r.text.starts_with("25 "))
        .unwrap();
    for _ in 0..solitary {
        a.update(Action::Down);
    }
    assert_eq!(at(&a), para(25));
    a.update(Action::Open);
    assert_eq!(a.focus, Focus::Reader);
    a.update(Action::PreviousPane);
    a.update(Action::Top);
    assert_eq!(a.outline.selected, 0);
    a.update(Action::Bottom);
    let last = a.outline.rows.len() - 1;
    assert_eq!(a.outline.selected, last);
    assert_eq!(at(&a).paragraph, a.outline.current().unwrap().target.1);
    // Paging moves the selection a page (one row kept in view) or half a
    // page, and the reader, whose place the status line names, follows
    // to the paragraph of the row reached.
    let page = a.outline.height;
    assert!(page > 4, "{page} rows in view");
    let mut step = |action: Action, to: usize| {
        let before = at(&a);
        a.update(action);
        assert_eq!(a.outline.selected, to, "{action:?}");
        let row = a.outline.current().unwrap();
        assert_eq!(at(&a).paragraph, row.target.1, "{action:?}: {}", row.text);
        assert_ne!(at(&a), before, "{action:?} left the reader where it was");
    };
    step(Action::PageUp, last - (page - 1));
    step(Action::HalfPageUp, last - (page - 1) - page / 2);
    step(Action::PageDown, last - page / 2);
    step(Action::HalfPageDown, last);
    // At the ends they stop.
    a.update(Action::PageDown);
    assert_eq!(a.outline.selected, last);
    a.update(Action::Top);
    a.update(Action::PageUp);
    assert_eq!(a.outline.selected, 0);
}

#[test]
fn outline_collapse_and_expand() {
    let mut a = app();
    let rows = a.outline.rows.len();
    a.update(Action::Down); // A. Introduction
    a.update(Action::Collapse);
    assert_eq!(a.outline.rows.len(), rows - 2);
    a.update(Action::Expand);
    assert_eq!(a.outline.rows.len(), rows);
}

#[test]
fn footnotes_toggle_keeps_the_paragraph() {
    let mut a = app();
    goto(&mut a, "13");
    let with = a.reader.lines.len();
    a.update(Action::ToggleFootnotes);
    assert!(!a.footnotes);
    assert!(a.reader.lines.len() < with);
    assert_eq!(at(&a), para(13));
    assert_eq!(a.message.as_deref(), Some("Footnotes hidden"));
    a.update(Action::ToggleFootnotes);
    assert_eq!(a.reader.lines.len(), with);
}

#[test]
fn copy_gives_citation_and_text() {
    let mut a = app();
    goto(&mut a, "26");
    let Some(Effect::Copy { text, .. }) = a.update(Action::Copy) else {
        panic!("copy effect expected");
    };
    assert!(text.starts_with("CAT/C/KAZ/CO/4, para. 26: The State party is urged"));
    goto(&mut a, "24a");
    let Some(Effect::Copy { text, .. }) = a.update(Action::Copy) else {
        panic!("copy effect expected");
    };
    assert!(text.starts_with("CAT/C/KAZ/CO/4, para. 24 (a): Ensure that all allegations"));
    assert_eq!(
        a.message.as_deref(),
        Some("Copying CAT/C/KAZ/CO/4, para. 24 (a) with its text"),
        "what was sent is said by the event loop once it has been"
    );
    // Y: the citation alone (issue 11, item 4).
    assert_eq!(
        a.update(Action::CopyCitation),
        Some(Effect::Copy {
            text: "CAT/C/KAZ/CO/4, para. 24 (a)".into(),
            what: "the citation CAT/C/KAZ/CO/4, para. 24 (a)".into(),
        })
    );
}

#[test]
fn pane_cycle_help_and_quit() {
    let mut a = app();
    a.update(Action::NextPane);
    a.update(Action::NextPane);
    assert_eq!(a.focus, Focus::Search);
    a.update(Action::NextPane);
    assert_eq!(a.focus, Focus::Outline);
    a.update(Action::PreviousPane);
    assert_eq!(a.focus, Focus::Search);
    a.update(Action::Help);
    assert_eq!(a.mode, Mode::Help);
    a.update(Action::Down);
    assert_eq!(a.mode, Mode::Help, "movement scrolls the help");
    a.update(Action::Help);
    assert_eq!(a.mode, Mode::Normal, "any other key closes it");
    assert_eq!(a.update(Action::Quit), Some(Effect::Quit));
}

#[test]
fn search_focus_typing_and_escape() {
    let mut a = app();
    a.update(Action::NextPane); // reader
    a.update(Action::FocusSearch);
    assert_eq!(a.focus, Focus::Search);
    for c in "solitary".chars() {
        a.update(Action::Type(c));
    }
    assert_eq!(a.search.query, "solitary");
    a.update(Action::Backspace);
    assert_eq!(a.search.query, "solitar");
    let scope = a.search.scope;
    a.update(Action::CycleScope);
    assert_ne!(a.search.scope, scope);
    a.update(Action::Escape);
    assert_eq!(
        a.focus,
        Focus::Reader,
        "Esc returns to the pane search came from"
    );
    assert_eq!(a.search.query, "solitar", "the query survives");
    a.update(Action::FocusSearch);
    a.update(Action::ClearQuery);
    assert!(a.search.query.is_empty());
}

#[test]
fn resize_keeps_the_current_paragraph_in_view() {
    let mut a = app();
    goto(&mut a, "31");
    a.update(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(at(&a), para(31));
    a.update(Action::Resize {
        width: 10,
        height: 5,
    });
    a.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(at(&a), para(31));
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    let mut a = app();
    let areas = a.areas().unwrap();
    a.update(Action::Scroll {
        column: areas.reader.x + 5,
        row: 5,
        lines: 3,
    });
    assert_eq!(a.reader.scroll, 3);
    assert_eq!(a.outline.selected, 0, "the outline did not move");
    a.update(Action::Click { column: 3, row: 3 });
    assert_eq!(a.outline.selected, 2);
    assert_eq!(a.focus, Focus::Outline);
    assert_eq!(at(&a), para(2));
}

/// What the `:` prompt reads.
fn parse_goto(text: &str) -> Option<Anchor> {
    text.parse().ok()
}

#[test]
fn goto_syntax() {
    assert_eq!(parse_goto("26"), Some(para(26)));
    assert_eq!(parse_goto(" 24 (a) ").unwrap().labels, ["a"]);
    assert_eq!(parse_goto("24A").unwrap().labels, ["a"]);
    assert_eq!(parse_goto("x"), None);
    assert_eq!(parse_goto("2-4"), None);
}

#[test]
fn typing_never_waits_for_the_index_and_results_follow_it() {
    let mut a = app();
    let (send, receive) = std::sync::mpsc::channel();
    a.search.index = treatyview::search::IndexSlot::Building(receive);
    a.search.wait_for_index = false;
    a.update(Action::FocusSearch);
    for c in "solitary".chars() {
        a.update(Action::Type(c));
    }
    assert!(a.search_waiting(), "the index is not there yet");
    assert!(a.search.results.is_empty());
    assert!(!a.tick(), "nothing to show until the index arrives");
    send.send(treatyview::search::Index::build(a.library.clone()))
        .unwrap();
    assert!(a.tick(), "the waiting search runs when the index arrives");
    assert!(!a.search_waiting());
    let refs: Vec<&str> = a
        .search
        .results
        .iter()
        .map(|h| h.reference.as_str())
        .collect();
    assert_eq!(refs, ["25", "26", "31"]);
    assert!(!a.tick());
}

#[test]
fn a_section_or_heading_row_puts_its_own_title_on_top() {
    let mut a = app();
    let top = |a: &App| -> String {
        a.reader.lines[a.reader.scroll]
            .pieces
            .iter()
            .map(|(s, _)| s.as_str())
            .collect::<String>()
            .trim()
            .to_string()
    };
    // Rows: 1, A. Introduction, 2, 3, B. Positive aspects.
    for _ in 0..4 {
        a.update(Action::Down);
    }
    assert_eq!(top(&a), "B. Positive aspects");
    assert_eq!(at(&a), para(4));
    // Down to the first thematic heading row under section C.
    while !top(&a).starts_with("Definition") {
        a.update(Action::Down);
        assert!(
            a.reader.scroll > 0 && at(&a).paragraph < 12,
            "never reached"
        );
    }
    assert_eq!(at(&a), para(9));
}

#[test]
fn the_last_paragraph_reaches_the_top_and_is_cited() {
    // At 80×24 the text used to stop scrolling with 47 on the top line,
    // so `:48` and `G` cited 47 while 48 was on screen.
    let mut a = app();
    goto(&mut a, "48");
    assert_eq!(at(&a), para(48));
    assert_eq!(a.citation(), "CAT/C/KAZ/CO/4, para. 48");
    let Some(Effect::Copy { text, .. }) = a.update(Action::Copy) else {
        panic!("copy effect expected");
    };
    assert!(
        text.starts_with("CAT/C/KAZ/CO/4, para. 48: The Committee requests"),
        "{text}"
    );
    goto(&mut a, "1");
    a.update(Action::NextPane);
    a.update(Action::Bottom);
    assert_eq!(at(&a), para(48), "G puts the last paragraph on top");
    assert_eq!(a.outline.current().unwrap().target.1, 48);
    // Scrolling on from there goes no further than the last unit.
    for _ in 0..10 {
        a.update(Action::Down);
    }
    assert_eq!(at(&a), para(48));
}

#[test]
fn the_opened_result_stays_selected_and_in_view() {
    let mut a = app();
    a.update(Action::FocusSearch);
    for c in "torture".chars() {
        a.update(Action::Type(c));
    }
    for _ in 0..8 {
        a.update(Action::Down);
    }
    let chosen = a.search.selected;
    assert_eq!(chosen, 8);
    a.update(Action::Open);
    assert_eq!(a.focus, Focus::Reader);
    assert_eq!(a.search.selected, chosen, "still the selected result");
    let rows = a.areas().unwrap().results.height as usize;
    assert!(
        a.search.offset <= chosen && chosen < a.search.offset + rows,
        "result {chosen} not among rows {}..{}",
        a.search.offset,
        a.search.offset + rows
    );
}

#[test]
fn the_query_line_edits_as_shells_do() {
    let mut a = app();
    a.update(Action::FocusSearch);
    for c in "solitary confinement".chars() {
        a.update(Action::Type(c));
    }
    a.update(Action::LineStart);
    a.update(Action::Type('"'));
    a.update(Action::LineEnd);
    a.update(Action::Type('"'));
    assert_eq!(a.search.query, "\"solitary confinement\"");
    assert_eq!(a.search.results.len(), 2, "the phrase is searched");
    a.update(Action::CursorLeft);
    a.update(Action::DeleteWordBack);
    assert_eq!(a.search.query, "\"solitary \"");
    a.update(Action::KillToEnd);
    a.update(Action::WordLeft);
    a.update(Action::ClearQuery);
    assert_eq!(a.search.query, "solitary ");
    assert_eq!(a.search.results.len(), 3);
}

#[test]
fn opened_queries_are_remembered_and_recalled_with_up() {
    let mut a = app();
    a.update(Action::FocusSearch);
    for c in "torture".chars() {
        a.update(Action::Type(c));
    }
    assert_eq!(
        a.update(Action::Open),
        Some(Effect::Remember("torture".into()))
    );
    a.update(Action::FocusSearch);
    for c in " police".chars() {
        a.update(Action::Type(c));
    }
    assert_eq!(
        a.update(Action::Escape),
        Some(Effect::Remember("torture police".into()))
    );
    a.update(Action::FocusSearch);
    a.update(Action::ClearQuery);
    a.update(Action::Up);
    assert_eq!(
        a.search.query, "torture police",
        "↑ on an empty line recalls"
    );
    a.update(Action::Up);
    assert_eq!(a.search.query, "torture");
    assert!(!a.search.results.is_empty(), "a recalled query is searched");
    a.update(Action::Down);
    assert_eq!(a.search.query, "torture police");
    a.update(Action::Down);
    assert_eq!(a.search.query, "", "past the newest: an empty line");
    // On a typed query, ↑ and ↓ move through the results.
    for c in "torture".chars() {
        a.update(Action::Type(c));
    }
    a.update(Action::Down);
    assert_eq!(
        (a.search.query.to_string(), a.search.selected),
        ("torture".into(), 1)
    );
}

#[test]
fn a_footnote_result_names_its_note_and_opens_on_it() {
    // Issue 11, item 6: footnote results read as identical rows and
    // opened at the top of their paragraph.
    let mut a = app();
    a.update(Action::ToggleFootnotes);
    assert!(!a.footnotes);
    a.update(Action::FocusSearch);
    for c in "KAZ".chars() {
        a.update(Action::Type(c));
    }
    for _ in 0..3 {
        a.update(Action::CycleScope);
    }
    let rows: Vec<String> = a
        .search
        .results
        .iter()
        .map(treatyview::tui::panes::search::result_reference)
        .collect();
    assert!(rows.contains(&"8 fn 10".to_string()), "{rows:?}");
    assert!(rows.contains(&"8 fn 12".to_string()), "{rows:?}");
    while a.search.selected_hit().unwrap().unit != treatyview::search::HitUnit::Footnote(10) {
        a.update(Action::Down);
    }
    a.update(Action::Open);
    assert!(a.footnotes, "footnotes are shown to show the note");
    let top: String = a.reader.lines[a.reader.scroll]
        .pieces
        .iter()
        .map(|(t, _)| t.as_str())
        .collect();
    assert!(top.contains("[10] CAT/C/KAZ/CO/3/Add.1"), "top line: {top}");
    assert_eq!(a.citation(), "CAT/C/KAZ/CO/4, para. 8");
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .starts_with("Footnote 10 on top")
    );
}

#[test]
fn the_follow_up_badge_leads_the_item_it_marks() {
    // Issue 11, item 7: the badge came after the item's text, on a line
    // that read as the next item's.
    let mut a = app();
    goto(&mut a, "14a");
    let text = |line: usize| -> String {
        a.reader.lines[line]
            .pieces
            .iter()
            .map(|(t, _)| t.as_str())
            .collect()
    };
    let start = a.reader.line_of(&"14a".parse().unwrap()).unwrap();
    assert!(
        text(start)
            .trim_start()
            .starts_with("(a) ⚑\u{a0}FOLLOW-UP To ensure that all acts"),
        "{}",
        text(start)
    );
    let next = a.reader.line_of(&"14b".parse().unwrap()).unwrap();
    for line in start + 1..=next {
        assert!(
            !text(line).contains("FOLLOW-UP"),
            "line {line}: {}",
            text(line)
        );
    }
}

#[test]
fn the_text_is_set_to_a_readable_measure_at_200_columns() {
    // Issue 11, item 14: at 200 columns lines ran to ~150 characters.
    let widest = |a: &App| {
        a.reader
            .lines
            .iter()
            .map(|l| {
                l.pieces
                    .iter()
                    .map(|(t, _)| t.chars().count())
                    .sum::<usize>()
            })
            .max()
            .unwrap()
    };
    let mut a = App::new(Library::embedded(), 200, 50);
    goto(&mut a, "26");
    assert!(widest(&a) <= 80, "{}", widest(&a));
    assert!(widest(&a) > 70);
    // The running head ends where the text does.
    let backend = ratatui::backend::TestBackend::new(200, 50);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|f| treatyview::tui::view::render(&a, treatyview::tui::theme::Theme::new(false), f))
        .unwrap();
    let head: String = (0..200)
        .map(|x| terminal.backend().buffer()[(x, 1)].symbol().to_string())
        .collect();
    let end = head.find("para. 26").expect(&head);
    assert!(head[..end].chars().count() < 130, "{head}");
    a.update(Action::ReadingWidth);
    assert!((90..=100).contains(&widest(&a)), "{}", widest(&a));
    assert_eq!(
        a.message.as_deref(),
        Some("Reading width: at most 100 columns (w: next)")
    );
    a.update(Action::ReadingWidth);
    assert!(widest(&a) <= 66);
    a.update(Action::ReadingWidth);
    assert!(widest(&a) > 120, "the whole pane");
    assert_eq!(at(&a), para(26), "the paragraph stays on top");
    a.update(Action::ReadingWidth);
    assert!(widest(&a) <= 80);
}

#[test]
fn a_wrapped_footnote_keeps_its_margin_on_every_line() {
    // Issue 11, item 15: the URL of note 11 wraps over three lines at
    // 80 columns, and only the first had the ┆ margin.
    let a = app();
    let text = |line: usize| -> String {
        a.reader.lines[line]
            .pieces
            .iter()
            .map(|(t, _)| t.as_str())
            .collect()
    };
    let first = (0..a.reader.lines.len())
        .find(|&l| text(l).contains("┆ [11] See"))
        .unwrap();
    let next = (first..a.reader.lines.len())
        .find(|&l| text(l).contains("┆ [12]"))
        .unwrap();
    assert!(next - first >= 3, "the note wraps");
    for line in first..next {
        assert!(
            text(line).trim_start().starts_with('┆'),
            "line {line}: {:?}",
            text(line)
        );
    }
    // The text of the note is where it was: under the first line's text.
    let column = text(first).find("See").unwrap();
    assert_eq!(text(first + 1).find("https").unwrap(), column);
}

#[test]
fn results_step_from_the_text_and_hits_go_round() {
    // Issue 11, item 18.
    let mut a = app();
    a.update(Action::NextResult);
    assert_eq!(a.message.as_deref(), Some("No search results: / to search"));
    a.update(Action::FocusSearch);
    for c in "torture".chars() {
        a.update(Action::Type(c));
    }
    let total = a.search.results.len();
    a.update(Action::Escape);
    // The first Ctrl-n opens the selected (first) result.
    a.update(Action::NextResult);
    assert_eq!(a.focus, Focus::Reader);
    let first = a.search.results[0].at();
    assert_eq!(at(&a), first);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .starts_with(&format!("Result 1/{total}: "))
    );
    a.update(Action::NextResult);
    let second = a.search.results[1].at();
    assert_eq!(at(&a), second);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .starts_with(&format!("Result 2/{total}: "))
    );
    a.update(Action::PreviousResult);
    a.update(Action::PreviousResult);
    assert_eq!(
        at(&a),
        a.search.results[total - 1].at(),
        "round to the last"
    );
    assert!(a.message.as_deref().unwrap().ends_with("round to the last"));
    a.update(Action::NextResult);
    assert_eq!(at(&a), first, "and back to the first");
    // n and N go round the text with a message.
    a.update(Action::Top);
    let hits = a.reader.hits.len();
    assert!(hits > 3);
    a.update(Action::PreviousHit);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .ends_with("passed the top, continued from the end"),
        "{:?}",
        a.message
    );
    a.update(Action::Top);
    a.update(Action::NextHit);
    assert_eq!(a.message.as_deref(), Some(format!("Hit 1/{hits}").as_str()));
    for _ in 0..hits {
        a.update(Action::NextHit);
        if a.message.as_deref().unwrap().contains("passed") {
            break;
        }
    }
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .ends_with("passed the end, continued from the top"),
        "{:?}",
        a.message
    );
    assert!(a.message.as_deref().unwrap().starts_with("Hit 1/"));
}

#[test]
fn a_broken_web_address_is_one_link_on_every_line() {
    // Issue 11, item 15: the address of note 11 breaks over lines at 80
    // columns; each of its pieces links to the whole address.
    let a = app();
    let url = "https://tbinternet.ohchr.org/_layouts/15/treatybodyexternal/Download.aspx?symbolno=INT%2FCAT%2FFUL%2FKAZ%2F25015&Lang=en";
    let links: Vec<_> = a
        .reader
        .links
        .iter()
        .filter(|(_, _, u)| &**u == url)
        .collect();
    assert!(links.len() >= 2, "{links:?}");
    let mut spelled = String::new();
    for (line, columns, _) in &links {
        let text: String = a.reader.lines[*line]
            .pieces
            .iter()
            .map(|(t, _)| t.as_str())
            .collect();
        let start = text.char_indices().nth(columns.start).unwrap().0;
        let end = text
            .char_indices()
            .nth(columns.end)
            .map_or(text.len(), |(i, _)| i);
        spelled.push_str(&text[start..end]);
    }
    assert_eq!(spelled, url, "the full stop after it is not part of it");
}

/// Type a note at the `m` prompt and press Enter.
fn mark_here(a: &mut App, note: &str) -> Option<Effect> {
    a.update(Action::Mark);
    assert!(matches!(a.mode, Mode::Note(_)), "m opens the note prompt");
    a.update(Action::ClearQuery);
    for c in note.chars() {
        a.update(Action::Type(c));
    }
    a.update(Action::Submit)
}

#[test]
fn m_marks_the_unit_on_top_with_a_note_and_again_edits_or_removes_it() {
    use treatyview::marks::Change;
    let mut a = app();
    goto(&mut a, "24a");
    let effect = mark_here(&mut a, "violence  in custody");
    let Some(Effect::Mark(Change::Mark(mark))) = effect else {
        panic!("{effect:?}");
    };
    assert_eq!(
        (mark.reference.as_str(), mark.note.as_str()),
        ("24(a)", "violence in custody")
    );
    assert!(
        mark.words.starts_with("Ensure that all allegations"),
        "{}",
        mark.words
    );
    assert_eq!(
        a.message.as_deref(),
        Some("Marked CAT/C/KAZ/CO/4, para. 24 (a) · ' lists every mark")
    );
    assert_eq!(a.mark_rows.len(), 1);
    assert!(a.mark_rows[0].live().is_some());
    // m again: the note to edit; Esc leaves it as it was.
    a.update(Action::Mark);
    let Mode::Note(prompt) = &a.mode else {
        panic!()
    };
    assert_eq!(&*prompt.line, "violence in custody");
    assert!(prompt.existing.is_some());
    assert_eq!(a.update(Action::Escape), None);
    assert_eq!(a.marks.marks[0].note, "violence in custody");
    // Edited: one mark still, when it was set kept.
    let created = a.marks.marks[0].created;
    mark_here(&mut a, "edited");
    assert_eq!(a.marks.marks.len(), 1);
    assert_eq!(
        (a.marks.marks[0].note.as_str(), a.marks.marks[0].created),
        ("edited", created)
    );
    // Ctrl-d at the prompt removes it.
    a.update(Action::Mark);
    let effect = a.update(Action::Unmark);
    assert!(
        matches!(effect, Some(Effect::Mark(Change::Unmark { .. }))),
        "{effect:?}"
    );
    assert!(a.marks.marks.is_empty() && a.mark_rows.is_empty());
    // Nothing to remove on an unmarked unit.
    a.update(Action::Mark);
    assert_eq!(a.update(Action::Unmark), None);
    assert_eq!(a.message.as_deref(), Some("Not marked: nothing to remove"));
}

#[test]
fn the_marks_list_opens_deletes_and_copies_and_knows_closed_documents() {
    use treatyview::marks::{Change, Mark};
    let mut a = app();
    goto(&mut a, "10");
    mark_here(&mut a, "");
    goto(&mut a, "26");
    mark_here(&mut a, "solitary");
    // A mark in a document that is not open.
    let mut state = a.marks.clone();
    let mut other = Mark::new(a.document(), &para(3), "elsewhere", 1);
    other.symbol = "CCPR/C/AAA/CO/1".into();
    state.apply(&Change::Mark(other));
    // Paragraph 10's mark made on other words: orphaned.
    state.marks[0].words = "Words the document never had".into();
    a.set_marks(state);
    assert_eq!(a.mark_rows.len(), 3);
    assert_eq!(a.mark_rows[2].doc, None, "open documents first");
    // The list opens on the mark of the unit on top.
    a.update(Action::MarksList);
    assert_eq!(a.mode, Mode::Marks);
    assert_eq!(a.marks_list.selected, 1);
    // y: every mark as Markdown.
    let Some(Effect::Copy { text, what }) = a.update(Action::CopyMarks) else {
        panic!()
    };
    assert_eq!(what, "3 marks as a citation list");
    assert!(
        text.contains("- CAT/C/KAZ/CO/4, para. 26 — solitary — The State party is urged"),
        "{text}"
    );
    assert!(text.contains("## CCPR/C/AAA/CO/1"), "{text}");
    assert!(
        text.contains(
            "para. 10 — Words the document never had — ⚠ orphaned (no longer in the document)"
        ),
        "{text}"
    );
    // Enter on the closed document's mark says so and stays.
    a.update(Action::Bottom);
    a.update(Action::Open);
    assert_eq!(a.mode, Mode::Marks);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("CCPR/C/AAA/CO/1 is not open")
    );
    // d deletes the selected mark only.
    let effect = a.update(Action::Unmark);
    assert!(
        matches!(effect, Some(Effect::Mark(Change::Unmark { ref symbol, .. })) if symbol == "CCPR/C/AAA/CO/1")
    );
    assert_eq!(a.mark_rows.len(), 2);
    // Enter on an orphan whose words are nowhere says so and stays.
    a.update(Action::Top);
    a.update(Action::Open);
    assert_eq!(a.mode, Mode::Marks);
    assert!(
        a.message
            .as_deref()
            .unwrap()
            .contains("no longer in CAT/C/KAZ/CO/4")
    );
    // Enter on paragraph 26's mark goes there and closes the list.
    a.update(Action::Down);
    a.update(Action::Open);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(at(&a), para(26));
    assert_eq!(
        a.message.as_deref(),
        Some("Mark: CAT/C/KAZ/CO/4, para. 26 — solitary")
    );
}

#[test]
fn where_a_document_is_left_is_recorded_and_resumed() {
    use treatyview::marks::{Change, State};
    let mut a = app();
    let Change::Positions(at_top) = a.positions() else {
        panic!()
    };
    assert_eq!(
        at_top,
        [("CAT/C/KAZ/CO/4".to_string(), None)],
        "the top is no position"
    );
    goto(&mut a, "24a");
    let change = a.positions();
    let Change::Positions(left) = &change else {
        panic!()
    };
    let position = left[0].1.clone().unwrap();
    assert_eq!(position.reference, "24(a)");
    assert!(position.words.starts_with("Ensure that all allegations"));
    let mut state = State::default();
    state.apply(&change);
    let mut b = app();
    b.set_marks(state.clone());
    b.resume();
    assert_eq!(at(&b), Anchor::paragraph(24).child("a"));
    assert_eq!(
        b.message.as_deref(),
        Some("Back where you left CAT/C/KAZ/CO/4: para. 24 (a) · g: the top")
    );
    // Its words gone from the document: the top, and why.
    let mut gone = state;
    gone.positions.get_mut("CAT/C/KAZ/CO/4").unwrap().words = "Words no document has".into();
    let mut c = app();
    c.set_marks(gone);
    c.resume();
    assert_eq!(c.reader.scroll, 0);
    assert!(
        c.message
            .unwrap()
            .contains("(para. 24 (a)) is no longer in it")
    );
}
