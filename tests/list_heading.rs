//! A heading set inside a list (between two sub-items, or two items) is
//! kept at its place: the importer attaches it to the item below it, and
//! RON, every export, the reader and search show it there.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use treatyview::document::{Document, plain};
use treatyview::export::{Format, render};
use treatyview::import::import;
use treatyview::library::{Library, from_ron, to_ron};
use treatyview::search::{HitUnit, Index, Scope};
use treatyview::tui::app::App;
use treatyview::tui::theme::Theme;
use treatyview::tui::view::render as draw;

/// The issue's input, with words one can look for: a heading between
/// sub-items (i) and (ii), and another between items (a) and (b).
const INPUT: &str = " Committee X\n\t\tTitle of it\n1.\tThe State party should:\n\t(a)\tProtect detainees:\n(i)\tby recording arrests;\n\t\tMonitoring of places\n(ii)\tby visiting prisons;\n\t\tComplaints\n\t(b)\tInvestigate promptly.\n";

fn doc() -> Document {
    import(INPUT, Some("X/1")).expect("a heading inside a list is accepted")
}

#[test]
fn the_heading_stays_above_the_item_it_stands_before() {
    let doc = doc();
    // No topic is made of them: paragraph 1 is the only paragraph, under
    // the one unnamed topic, with its whole list.
    let topics: Vec<_> = doc.sections.iter().flat_map(|s| &s.topics).collect();
    assert_eq!(topics.len(), 1);
    assert_eq!(topics[0].heading, None);
    let p = doc.paragraph(1).unwrap();
    let a = &p.items[0];
    assert_eq!(a.heading, None);
    assert_eq!(a.items[0].heading, None);
    assert_eq!(plain(&a.items[0].text), "by recording arrests;");
    assert_eq!(a.items[1].label, "ii");
    assert_eq!(a.items[1].heading.as_deref(), Some("Monitoring of places"));
    assert_eq!(plain(&a.items[1].text), "by visiting prisons;");
    assert_eq!(p.items[1].label, "b");
    assert_eq!(p.items[1].heading.as_deref(), Some("Complaints"));
    assert_eq!(plain(&p.items[1].text), "Investigate promptly.");
}

#[test]
fn blank_lines_between_heading_and_item_change_nothing() {
    let spaced = INPUT.replace("places\n", "places\n\n");
    assert_eq!(import(&spaced, Some("X/1")).unwrap(), doc());
}

#[test]
fn the_heading_goes_through_ron_and_older_files_still_read() {
    let doc = doc();
    let ron = to_ron(&doc);
    assert!(
        ron.contains("heading: Some(\"Monitoring of places\")"),
        "{ron}"
    );
    assert_eq!(from_ron(&ron, Path::new("x.ron")).unwrap(), doc);
    // Items without one write no `heading` (so older builds read the
    // file), and a file without the field reads as no heading.
    assert_eq!(ron.matches("heading: Some(").count(), 2, "{ron}");
    let older = ron
        .lines()
        .filter(|l| !l.contains("heading: Some(\"Monitoring"))
        .collect::<Vec<_>>()
        .join("\n");
    let read = from_ron(&older, Path::new("x.ron")).unwrap();
    assert_eq!(read.paragraph(1).unwrap().items[0].items[1].heading, None);
}

fn library() -> Library {
    Library {
        documents: vec![doc()],
    }
}

#[test]
fn json_gives_the_item_its_heading() {
    let json: serde_json::Value = serde_json::from_str(&render(&library(), Format::Json)).unwrap();
    let items = &json["documents"][0]["paragraphs"][0]["items"];
    let sub = &items[0]["items"];
    assert_eq!(sub[1]["ref"], "1(a)(ii)");
    assert_eq!(sub[1]["heading"], "Monitoring of places");
    assert_eq!(items[1]["heading"], "Complaints");
    // Only items with one carry the field.
    assert!(sub[0].get("heading").is_none(), "{sub}");
    assert!(items[0].get("heading").is_none());
}

#[test]
fn csv_gives_the_row_its_item_heading_in_the_last_column() {
    let csv = render(&library(), Format::Csv);
    let mut rows = csv.trim_start_matches('\u{feff}').lines();
    assert!(
        rows.next()
            .unwrap()
            .ends_with(",articles_with_pair,item_heading")
    );
    let row = |reference: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("X/1,{reference},")))
            .unwrap_or_else(|| panic!("no row {reference} in {csv}"))
            .to_string()
    };
    assert!(row("1(a)(ii)").ends_with(",Monitoring of places"), "{csv}");
    assert!(row("1(b)").ends_with(",Complaints"), "{csv}");
    assert!(row("1(a)(i)").ends_with(','), "{csv}");
}

#[test]
fn markdown_keeps_the_heading_inside_the_list() {
    let md = render(&library(), Format::Markdown);
    assert!(
        md.contains(
            "  - (a) Protect detainees:\n    - (i) by recording arrests;\n    - **Monitoring of places**\n    - (ii) by visiting prisons;\n  - **Complaints**\n  - (b) Investigate promptly.\n"
        ),
        "{md}"
    );
}

#[test]
fn the_reader_shows_the_heading_between_the_sub_items() {
    let app = App::new(library(), 100, 30);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| draw(&app, Theme::new(false), frame))
        .unwrap();
    let screen = terminal.backend().to_string();
    let rows: Vec<&str> = screen.lines().collect();
    let at = |text: &str| {
        rows.iter()
            .position(|r| r.contains(text))
            .unwrap_or_else(|| panic!("{text:?} not on screen:\n{screen}"))
    };
    // In order, each on its own line: (i), the heading, (ii); then the
    // second heading and (b).
    let i = at("(i) by recording arrests;");
    let heading = at("Monitoring of places");
    let ii = at("(ii) by visiting prisons;");
    let complaints = at("Complaints");
    let b = at("(b) Investigate promptly.");
    assert!(i < heading && heading < ii, "{screen}");
    assert!(ii < complaints && complaints < b, "{screen}");
    // The heading stands at the sub-items' labels, not at the left edge.
    let column = |row: usize, text: &str| rows[row].find(text).unwrap();
    assert_eq!(
        column(heading, "Monitoring"),
        column(ii, "(ii)"),
        "{screen}"
    );
}

#[test]
fn search_finds_the_heading_at_its_item() {
    let library = library();
    let index = Index::build(library.clone());
    let hits = index.search("monitoring", Scope::All, 10);
    let hit = hits
        .iter()
        .find(|h| h.unit == HitUnit::Heading)
        .expect("the heading is found");
    assert_eq!(hit.reference, "1(a)(ii)");
    assert_eq!(hit.text, "Monitoring of places");
}

#[test]
fn the_issues_input_is_accepted_without_losing_a_word() {
    let doc = import("1.\tA.\n\t(a)\tx\n(i)\ty\n\t\tH\n(ii)\tz\n", Some("X/1")).unwrap();
    let a = &doc.paragraph(1).unwrap().items[0];
    assert_eq!(plain(&a.text), "x");
    assert_eq!(plain(&a.items[0].text), "y");
    assert_eq!(a.items[1].heading.as_deref(), Some("H"));
    assert_eq!(plain(&a.items[1].text), "z");
}
