//! A library on the shelf: filters (`committee:`, `state:`, `year:`,
//! `kind:`) in the `search` command and the browser, the outline's
//! groups, and `P`, the same subject in the previous cycle.

use crate::common::{assert_no_controls, bin, goto, screen, type_query};
use serde_json::Value;
use std::path::{Path, PathBuf};
use treatyview::library::Library;
use treatyview::tui::action::Action;
use treatyview::tui::app::App;

/// Three documents of two committees, three States and three years: the
/// seed (CAT, Kazakhstan, 2023) and two CRPD texts as `pdftotext` writes
/// them (Tunisia 2011, Canada 2025).
fn library() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    vec![
        root.join("assets/CAT-C-KAZ-CO-4.ron"),
        root.join("tests/fixtures/text/CRPD_C_TUN_CO_1.txt"),
        root.join("tests/fixtures/text/CRPD_C_CAN_CO_2-3.txt"),
    ]
}

/// `treatyview search QUERY` over the library as JSON: the hits, the
/// exit status and standard error.
fn search(query: &str) -> (Vec<Value>, Option<i32>, String) {
    let cache = std::env::temp_dir().join(format!("treatyview-filters-{}", std::process::id()));
    let out = bin()
        .args(["search", query, "--format", "json", "--limit", "500"])
        .args(library())
        .env("TREATYVIEW_CACHE_DIR", &cache)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_no_controls("search stdout", &stdout);
    assert_no_controls("search stderr", &stderr);
    let hits = if stdout.trim().is_empty() {
        Vec::new()
    } else {
        serde_json::from_str::<Vec<Value>>(&stdout).unwrap()
    };
    (hits, out.status.code(), stderr)
}

fn field<'a>(hits: &'a [Value], name: &str) -> Vec<&'a str> {
    let mut values: Vec<&str> = hits.iter().map(|h| h[name].as_str().unwrap()).collect();
    values.sort_unstable();
    values.dedup();
    values
}

#[test]
fn a_committee_filter_keeps_its_documents_and_results_carry_their_metadata() {
    let (all, status, _) = search("education");
    assert_eq!(status, Some(0));
    assert_eq!(field(&all, "committee"), ["CAT", "CRPD"]);
    let (crpd, status, _) = search("education committee:crpd");
    assert_eq!(status, Some(0));
    assert_eq!(field(&crpd, "committee"), ["CRPD"]);
    assert_eq!(
        field(&crpd, "symbol"),
        ["CRPD/C/CAN/CO/2-3", "CRPD/C/TUN/CO/1"]
    );
    // What the filter kept is exactly the other committee's results.
    let cat = all.iter().filter(|h| h["committee"] == "CAT").count();
    assert!(cat > 0);
    assert_eq!(crpd.len() + cat, all.len());
    let tunisia = crpd
        .iter()
        .find(|h| h["symbol"] == "CRPD/C/TUN/CO/1")
        .unwrap();
    assert_eq!(tunisia["state"], "Tunisia");
    assert_eq!(tunisia["year"], 2011);
}

#[test]
fn state_and_year_filters_take_starts_ranges_and_alternatives() {
    let symbols = |query: &str| {
        let (hits, _, _) = search(query);
        field(&hits, "symbol")
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(symbols("state:tun"), ["CRPD/C/TUN/CO/1"]);
    assert_eq!(symbols("State:KAZAKH"), ["CAT/C/KAZ/CO/4"]);
    assert_eq!(
        symbols("state:canada,tunisia"),
        ["CRPD/C/CAN/CO/2-3", "CRPD/C/TUN/CO/1"]
    );
    assert_eq!(symbols("year:2023"), ["CAT/C/KAZ/CO/4"]);
    assert_eq!(
        symbols("year:2020..2025"),
        ["CAT/C/KAZ/CO/4", "CRPD/C/CAN/CO/2-3"]
    );
    assert_eq!(symbols("year:..2012"), ["CRPD/C/TUN/CO/1"]);
    // Different filters must all hold.
    assert_eq!(symbols("committee:crpd year:2020.."), ["CRPD/C/CAN/CO/2-3"]);
    // A filter that keeps nothing is no match, not an error.
    let (hits, status, stderr) = search("torture committee:cat state:canada");
    assert!(hits.is_empty());
    assert_eq!(status, Some(1), "{stderr}");
}

#[test]
fn a_kind_filter_replaces_the_scope_and_keeps_only_that_kind() {
    // The default scope is concerns and recommendations, yet kind:positive
    // finds the positive aspects.
    let (hits, status, _) = search("law kind:positive");
    assert_eq!(status, Some(0));
    assert_eq!(field(&hits, "kind"), ["positive"]);
    assert_eq!(field(&hits, "committee"), ["CAT", "CRPD"]);
    let (hits, _, _) = search("kind:concern|rec committee:cat");
    assert_eq!(field(&hits, "kind"), ["concern", "recommendation"]);
    // Filters alone list in document order: the seed's paragraph 9 (its
    // first concern) first.
    assert_eq!(hits[0]["ref"], "9");
    // (Footnotes cited by those paragraphs come after them.)
    let paragraphs: Vec<u64> = hits
        .iter()
        .filter(|h| h["unit"] != "footnote")
        .map(|h| h["paragraph"].as_u64().unwrap())
        .collect();
    assert!(
        paragraphs.windows(2).all(|w| w[0] <= w[1]),
        "{paragraphs:?}"
    );
}

#[test]
fn a_filter_that_cannot_be_read_is_an_error_that_says_what_it_takes() {
    let (hits, status, stderr) = search("torture kind:concerns-ish");
    assert!(hits.is_empty());
    assert_eq!(status, Some(2));
    assert!(
        stderr.contains("kind:concerns-ish: the kinds are introduction, positive, concern"),
        "{stderr}"
    );
    let (_, status, stderr) = search("committee:un");
    assert_eq!(status, Some(2));
    assert!(
        stderr.contains("committee:un: the committees are cat, ccpr"),
        "{stderr}"
    );
}

#[test]
fn text_results_of_several_documents_name_symbol_and_year() {
    let out = bin()
        .args(["search", "inclusive education", "--limit", "3"])
        .args(library())
        .env(
            "TREATYVIEW_CACHE_DIR",
            std::env::temp_dir().join(format!("treatyview-filters-{}", std::process::id())),
        )
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("CRPD/C/"), "{text}");
    for line in text.lines() {
        assert!(
            line.starts_with("CRPD/C/CAN/CO/2-3 (2025) ")
                || line.starts_with("CRPD/C/TUN/CO/1 (2011) "),
            "{text}"
        );
    }
}

#[test]
fn the_browser_filters_titles_the_kind_and_explains_a_bad_filter() {
    let paths = library();
    let library = Library::open(&paths).unwrap().library;
    let mut app = App::new(library, 120, 40);
    type_query(&mut app, "education kind:rec state:tunisia");
    let s = screen(&app);
    assert!(s.contains("Search · kind: recommendation · "), "{s}");
    // Every result row names the document and its year.
    let rows: Vec<&str> = s.lines().filter(|l| l.contains(" REC ")).collect();
    assert!(!rows.is_empty(), "{s}");
    for row in &rows {
        assert!(row.contains("CRPD/C/TUN/CO/1 (2011) "), "{s}");
    }
    assert!(!s.contains("CRPD/C/CAN"), "{s}");
    for _ in 0.."education kind:rec state:tunisia".len() {
        app.update(Action::Backspace);
    }
    type_query(&mut app, "education kind:nonsense");
    let s = screen(&app);
    assert!(
        s.contains("kind:nonsense: the kinds are introduction"),
        "{s}"
    );
}

/// A folder of twelve documents: the seed under other symbols, States
/// and years, two committees.
fn shelf(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tv-groups-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let seed = &Library::embedded().documents[0];
    let states = [
        "Canada", "Canada", "Mexico", "Chile", "Peru", "Japan", "India", "Kenya", "Ghana", "Nepal",
        "Chad", "Togo",
    ];
    for (i, state) in states.iter().enumerate() {
        let mut doc = seed.clone();
        let committee = if i < 4 { "CAT" } else { "CRPD" };
        doc.symbol = format!("{committee}/C/{}/CO/{}", &state[..3].to_uppercase(), i + 1);
        doc.state = (*state).to_string();
        doc.year = Some(2010 + i as u32);
        std::fs::write(
            dir.join(format!("{i:02}.ron")),
            treatyview::library::to_ron(&doc),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_library_opens_grouped_and_collapsed_and_filters_from_the_query_line() {
    let dir = shelf("pty");
    let mut t = crate::common::pty::Pty::treatyview(&[dir.to_str().unwrap()], 100, 30);
    t.wait_for("▸ CAT (4)", 10);
    t.wait_for("▸ CRPD (8)", 5);
    // Open CAT: Canada's two documents are a group of their own.
    t.send("l");
    t.wait_for("▸ Canada (2)", 5);
    t.wait_for("▸ Chile 2013 CAT/C/CHI/CO", 5);
    // + opens everything, down to the paragraphs; - closes it again.
    t.send("+");
    t.wait_for("2010 CAT/C/CAN/CO/1", 5);
    t.wait_for("C  9 Bill approve", 5);
    t.wait_for("Sections expanded (- collapses all)", 5);
    t.send("-");
    t.wait_gone("2010 CAT/C/CAN/CO/1", 5);
    t.wait_for("▸ CAT (4)", 5);
    // Filters in the query line: CRPD's documents from 2018 on.
    t.send("/");
    t.wait_for("▶ Search", 5);
    t.send("solitary committee:crpd year:2018..");
    t.wait_for("CRPD/C/NEP/CO/10 (2019) 25", 10);
    t.wait_for("12 results", 5);
    let screen = t.screen();
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(" CON ") || l.contains(" REC "))
        .collect();
    assert_eq!(rows.len(), 8, "{screen}");
    for row in rows {
        let year: u32 = row[row.find(" (").unwrap() + 2..][..4].parse().unwrap();
        assert!(row.contains("┃CRPD/C/") && year >= 2018, "{screen}");
    }
    t.send("\x1b");
    t.wait_gone("▶ Search", 5);
    t.send("q");
    t.wait_exit(5);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The seed and the same document as its previous cycle (2014), where the
/// heading "Solitary confinement" read "Use of solitary confinement".
fn two_cycles() -> Library {
    let now = Library::embedded().documents[0].clone();
    let mut then = now.clone();
    then.symbol = "CAT/C/KAZ/CO/3".into();
    then.year = Some(2014);
    for section in &mut then.sections {
        for topic in &mut section.topics {
            if topic.heading.as_deref() == Some("Solitary confinement") {
                topic.heading = Some("Use of solitary confinement".into());
            }
        }
    }
    Library {
        documents: vec![now, then],
    }
}

#[test]
fn p_shows_the_same_subject_in_the_previous_cycle_and_ctrl_o_comes_back() {
    let mut app = App::new(two_cycles(), 120, 30);
    goto(&mut app, "26");
    app.update(Action::PreviousCycle);
    let s = screen(&app);
    assert!(s.contains("CAT/C/KAZ/CO/3 — Kazakhstan"), "{s}");
    assert!(
        s.contains("CAT/C/KAZ/CO/3 (2014), paras. 25–26: closest “Use of solitary confinement” · Ctrl-o back"),
        "{s}"
    );
    // The earlier heading is on top, its paragraph 25 under it.
    assert!(s.contains("Use of solitary confinement"), "{s}");
    assert!(s.contains("25. The Committee is deeply concerned"), "{s}");
    // There is nothing before 2014.
    app.update(Action::PreviousCycle);
    assert!(
        screen(&app).contains("No earlier CAT observations on Kazakhstan are open"),
        "{}",
        screen(&app)
    );
    app.update(Action::JumpBack);
    let s = screen(&app);
    assert!(s.contains("CAT/C/KAZ/CO/4 — Kazakhstan"), "{s}");
    assert!(s.contains("CAT/C/KAZ/CO/4 · para. 26"), "{s}");
}

#[test]
fn p_in_the_real_binary_opens_the_earlier_document() {
    let dir = std::env::temp_dir().join(format!("tv-cycles-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (i, doc) in two_cycles().documents.iter().enumerate() {
        std::fs::write(
            dir.join(format!("{i}.ron")),
            treatyview::library::to_ron(doc),
        )
        .unwrap();
    }
    let mut t = crate::common::pty::Pty::treatyview(&[dir.to_str().unwrap()], 100, 30);
    t.wait_for("CAT/C/KAZ/CO/4", 10);
    t.send(":");
    t.send("20\r");
    t.wait_for("CAT/C/KAZ/CO/4 · para. 20", 5);
    t.send("P");
    t.wait_for("CAT/C/KAZ/CO/3 (2014), paras. 19–20: also", 5);
    t.wait_for("CAT/C/KAZ/CO/3 — Kazakhstan", 5);
    t.send("q");
    t.wait_exit(5);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Poll the app as the event loop does, until `done` or ten seconds.
fn tick_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = std::time::Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "no {what}:\n{}",
            screen(app)
        );
        app.tick();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// The browser on a folder's metadata, as a warm open starts, with the
/// documents being read behind it.
fn reading(dir: &Path) -> App {
    use treatyview::library::Plan;
    use treatyview::library::shelf::{Loading, spine};
    use treatyview::tui::app::Opening;
    let paths = vec![dir.to_path_buf()];
    let opened = Library::open(&paths).unwrap();
    let spines = Library {
        documents: opened.library.documents.iter().map(spine).collect(),
    };
    let opening = Opening {
        loading: Some(Loading::start(Plan::of(&paths))),
        ..Opening::default()
    };
    App::reading(spines, opening, 100, 30)
}

#[test]
fn a_library_starts_on_its_metadata_and_takes_the_documents_when_read() {
    let dir = shelf("spines");
    let mut app = reading(&dir);
    // The first frame: the groups and the progress, from the metadata.
    let first = screen(&app);
    assert!(
        first.contains("▸ CAT (4)") && first.contains("▸ CRPD (8)"),
        "{first}"
    );
    assert!(first.contains("Reading the library:"), "{first}");
    assert!(first.contains(" of 12 documents"), "{first}");
    // Folding works meanwhile; a key that needs the text says it waits.
    app.update(Action::Expand);
    assert!(screen(&app).contains("▸ Canada (2)"), "{}", screen(&app));
    app.update(Action::Mark);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("that key works once they are read")
    );
    assert!(app.marks.marks.is_empty(), "nothing marked on metadata");
    // A query typed meanwhile waits, then answers.
    type_query(&mut app, "solitary confinement");
    assert!(screen(&app).contains("indexing"), "{}", screen(&app));
    tick_until(&mut app, "documents", |a| !a.loading());
    tick_until(&mut app, "results", |a| !a.search.results.is_empty());
    let after = screen(&app);
    assert!(after.contains("CAT/C/CAN/CO/1 (2010) 25"), "{after}");
    // The folds opened meanwhile are kept.
    assert!(after.contains("▸ Canada (2)"), "{after}");
    assert!(!after.contains("Reading the library"), "{after}");
    // And the reader has the text.
    app.update(Action::Escape);
    goto(&mut app, "26");
    assert!(
        screen(&app).contains("The State party should"),
        "{}",
        screen(&app)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_second_open_of_a_folder_starts_from_its_shelf_and_a_folder_that_opens_nothing_fails_cleanly()
{
    let dir = shelf("twice");
    let cache = dir.with_extension("cache");
    let _ = std::fs::remove_dir_all(&cache);
    let open = || {
        crate::common::pty::Pty::spawn(
            env!("CARGO_BIN_EXE_treatyview"),
            &[dir.to_str().unwrap()],
            100,
            30,
            &[("TREATYVIEW_CACHE_DIR", cache.to_str().unwrap())],
        )
    };
    let mut t = open();
    t.wait_for("▸ CRPD (8)", 10);
    t.wait_gone("Reading", 10);
    t.send("q");
    assert_eq!(t.wait_exit(5), 0);
    let shelves: Vec<_> = std::fs::read_dir(cache.join("shelves")).unwrap().collect();
    assert_eq!(shelves.len(), 1, "one shelf for the folder");
    // Again: the groups, then the documents (search answers).
    let mut t = open();
    t.wait_for("▸ CRPD (8)", 10);
    t.send("/");
    t.wait_for("▶ Search", 5);
    t.send("solitary committee:cat");
    t.wait_for("CAT/C/CAN/CO/1 (2010) 25", 10);
    t.send("\x1b");
    t.wait_gone("▶ Search", 5);
    t.send("q");
    assert_eq!(t.wait_exit(5), 0);
    // Every file broken: the browser says why, with file and line, and
    // gives the terminal back.
    for entry in std::fs::read_dir(&dir).unwrap() {
        std::fs::write(entry.unwrap().path(), "Document(\n  format: oops,\n)\n").unwrap();
    }
    let mut t = open();
    let status = t.wait_exit(10);
    assert_ne!(status, 0);
    assert!(t.restored(), "terminal not restored:\n{}", t.screen());
    let screen = t.screen();
    assert!(screen.contains("00.ron:2:"), "{screen}");
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&cache).unwrap();
}

#[test]
fn files_that_did_not_open_are_counted_listed_on_a_key_and_said_on_leaving() {
    let dir = shelf("problems");
    std::fs::write(dir.join("05.ron"), "Document(\n  format: oops,\n)\n").unwrap();
    let mut t = crate::common::pty::Pty::treatyview(&[dir.to_str().unwrap()], 100, 30);
    t.wait_for("1 file did not open: ! lists them", 10);
    t.send("!");
    t.wait_for("Did not open: 1 · duplicates skipped: 0", 5);
    let screen = t.screen();
    assert!(
        screen.contains("✗ ") && screen.contains("05.ron:2:"),
        "{screen}"
    );
    // Any other key closes it; the browser is as it was.
    t.send("x");
    t.wait_gone("Did not open:", 5);
    t.wait_for("▸ CRPD (7)", 5);
    t.send("q");
    assert_eq!(t.wait_exit(5), 0);
    // And the list is said again on leaving.
    t.wait_for("treatyview: ", 5);
    assert!(t.screen().contains("05.ron:2:"), "{}", t.screen());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_file_is_not_read_again_while_unchanged_and_no_cache_writes_nothing() {
    let dir = shelf("bad-kept");
    let cache = dir.with_extension("cache");
    let _ = std::fs::remove_dir_all(&cache);
    std::fs::write(dir.join("03.ron"), "Document(\n  format: oops,\n)\n").unwrap();
    let list = |extra: &[&str]| {
        let out = bin()
            .arg("list")
            .args(extra)
            .arg(&dir)
            .env("TREATYVIEW_CACHE_DIR", &cache)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let (status, first) = list(&[]);
    assert_eq!(status, Some(1));
    assert!(first.contains("03.ron:2:"), "{first}");
    // Its error is kept in the document cache, and said the same way.
    let kept: Vec<String> = std::fs::read_dir(cache.join("docs"))
        .unwrap()
        .map(|e| crate::common::cached_document(&e.unwrap().path()).1)
        .filter(|t| t.contains("\"Failed\""))
        .collect();
    assert_eq!(kept.len(), 1, "one kept error");
    assert_eq!(list(&[]), (Some(1), first.clone()));
    // Mended, it opens.
    let seed = treatyview::library::to_ron(&Library::embedded().documents[0]);
    std::fs::write(
        dir.join("03.ron"),
        seed.replace("CAT/C/KAZ/CO/4", "CAT/C/CHI/CO/9"),
    )
    .unwrap();
    assert_eq!(list(&[]).0, Some(0));
    // search --no-cache leaves no cache at all, even for a text it imports.
    let fresh = dir.with_extension("nocache");
    let _ = std::fs::remove_dir_all(&fresh);
    let text =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text/CRPD_C_TUN_CO_1.txt");
    let out = bin()
        .args(["search", "--no-cache", "education"])
        .arg(&text)
        .env("TREATYVIEW_CACHE_DIR", &fresh)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        !fresh.exists(),
        "search --no-cache wrote {}",
        fresh.display()
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&cache).unwrap();
}

#[test]
fn where_a_document_was_left_is_not_replaced_while_only_its_metadata_is_open() {
    use treatyview::marks::Change;
    let dir = shelf("positions");
    let mut app = reading(&dir);
    app.update(Action::Expand);
    app.update(Action::Down);
    app.update(Action::Open);
    let Change::Positions(left) = app.positions() else {
        panic!("positions");
    };
    assert!(left.is_empty(), "nothing recorded on metadata: {left:?}");
    // Once the documents are read, where the reader is counts again.
    tick_until(&mut app, "documents", |a| !a.loading());
    goto(&mut app, "26");
    let Change::Positions(left) = app.positions() else {
        panic!("positions");
    };
    assert!(
        left.iter()
            .any(|(_, at)| at.as_ref().is_some_and(|p| p.reference == "26")),
        "{left:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
