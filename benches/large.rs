//! A generated 10 MB document and a single 100,000-character paragraph:
//! import, load, render and search timings, as a markdown table.
//!
//! `cargo bench --bench large`. Each step is run a few times and the
//! median is shown. "Render" is the browser as the user meets it: `App::new`
//! (outline and reader layout at 120×40) and one full frame drawn into
//! ratatui's `TestBackend`, then `G` in the reader (scroll to the end) and
//! the frame after it.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};
use treatyview::document::Document;
use treatyview::library::{Library, from_ron, to_ron};
use treatyview::search::{Index, Scope};
use treatyview::tui::action::Action;
use treatyview::tui::app::App;
use treatyview::tui::theme::Theme;
use treatyview::tui::view;
use treatyview_corpus as corpus;

const RUNS: usize = 7;
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;
const QUERY: &str = "solitary confinement";

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Median time of `RUNS` calls of `f` (each given fresh input by `setup`,
/// which is not timed).
fn time<I, O>(mut setup: impl FnMut() -> I, mut f: impl FnMut(I) -> O) -> Duration {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let input = setup();
        let t = Instant::now();
        let out = f(input);
        times.push(t.elapsed());
        drop(black_box(out));
    }
    median(times)
}

/// One row of the table: a step and its time for each case.
struct Row {
    step: &'static str,
    times: Vec<String>,
}

struct Case {
    name: String,
    rows: Vec<(&'static str, String)>,
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| view::render(app, Theme::new(true), frame))
        .expect("the test backend draws");
}

/// How the browser starts: the first screens laid out and drawn, then the
/// rest of the layout after that frame (medians).
fn quick_start(doc: &Document) -> (Duration, Duration) {
    let mut quick_frame = Vec::new();
    let mut rest = Vec::new();
    for _ in 0..RUNS {
        let lib = Library {
            documents: vec![doc.clone()],
        };
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
        let t = Instant::now();
        let mut app = App::new_quick(lib, WIDTH, HEIGHT);
        draw(&mut terminal, &app);
        quick_frame.push(t.elapsed());
        let t = Instant::now();
        app.finish_layout();
        rest.push(t.elapsed());
    }
    (median(quick_frame), median(rest))
}

fn measure(name: &str, doc: &Document) -> Case {
    let mut rows = Vec::new();
    let mut row = |step, d: Duration| rows.push((step, format!("{:.1}", ms(d))));

    let t = Instant::now();
    let text = corpus::to_text(doc);
    let to_text = t.elapsed();
    let imported = treatyview::import::import(&text, None).expect("the text imports");
    assert!(
        imported == *doc,
        "{name}: the import of to_text differs from the document"
    );
    row("write text export (to_text)", to_text);
    row(
        "import (text → tree, lossless check)",
        time(|| (), |()| treatyview::import::import(&text, None)),
    );
    let ron = to_ron(doc);
    row("save (to_ron)", time(|| (), |()| to_ron(doc)));
    row(
        "load (from_ron)",
        time(|| (), |()| from_ron(&ron, Path::new("bench.ron"))),
    );

    // The app builds its search index on a thread; wait for it outside
    // the timings so that it does not compete with the next run.
    let library = || Library {
        documents: vec![doc.clone()],
    };
    let mut new_times = Vec::new();
    let mut first_frame = Vec::new();
    let mut end_frame = Vec::new();
    let mut lines = 0;
    for _ in 0..RUNS {
        let lib = library();
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test backend");
        let t = Instant::now();
        let mut app = App::new(lib, WIDTH, HEIGHT);
        new_times.push(t.elapsed());
        let t = Instant::now();
        draw(&mut terminal, &app);
        first_frame.push(t.elapsed());
        app.update(Action::NextPane);
        let t = Instant::now();
        app.update(Action::Bottom);
        draw(&mut terminal, &app);
        end_frame.push(t.elapsed());
        assert!(app.reader.scroll > 0 || app.reader.lines.len() <= HEIGHT as usize);
        lines = app.reader.lines.len();
        let _ = app.search.index.get();
    }
    row(
        "open (App::new: outline + whole reader layout)",
        median(new_times),
    );
    let (quick_frame, rest) = quick_start(doc);
    row("browser start: first screens + first frame", quick_frame);
    row("browser start: rest of the layout", rest);
    row("first frame 120×40", median(first_frame));
    row("scroll to end (G) + frame", median(end_frame));

    let lib = std::sync::Arc::new(library());
    row(
        "index build",
        time(
            || (),
            |()| Index::build(std::sync::Arc::clone(black_box(&lib))),
        ),
    );
    let index = Index::build(std::sync::Arc::clone(&lib));
    let hits = index
        .search(QUERY, Scope::ConcernsRecommendations, 500)
        .len();
    row(
        "search `solitary confinement`",
        time(
            || (),
            |()| index.search(black_box(QUERY), Scope::ConcernsRecommendations, 500),
        ),
    );

    let stats = corpus::stats(std::slice::from_ref(doc));
    #[allow(clippy::cast_precision_loss)] // byte counts fit f64 exactly
    let mb = |bytes: usize| bytes as f64 / 1e6;
    rows.push(("text export size", format!("{:.2} MB", mb(text.len()))));
    rows.push(("RON size", format!("{:.2} MB", mb(ron.len()))));
    rows.push((
        "paragraphs / units",
        format!("{} / {}", doc.paragraphs().count(), stats.units),
    ));
    rows.push(("reader lines at 120 columns", lines.to_string()));
    rows.push(("search hits", hits.to_string()));
    Case {
        name: name.to_string(),
        rows,
    }
}

fn main() {
    let t = Instant::now();
    let large = corpus::large_document(10_000_000);
    let large_made = t.elapsed();
    let t = Instant::now();
    let long = corpus::long_paragraph(100_000);
    let long_made = t.elapsed();

    let seed = Library::embedded().documents.remove(0);
    let cases = [
        measure("seed CAT/C/KAZ/CO/4", &seed),
        measure("10 MB document", &large),
        measure("100,000-character paragraph", &long),
    ];
    let mut rows: Vec<Row> = cases[0]
        .rows
        .iter()
        .map(|(step, _)| Row {
            step,
            times: Vec::new(),
        })
        .collect();
    for case in &cases {
        for (row, (_, value)) in rows.iter_mut().zip(&case.rows) {
            row.times.push(value.clone());
        }
    }

    // The seed as shipped: its own text export and the embedded RON.
    let asset = include_str!("../assets/CAT-C-KAZ-CO-4.txt");
    let import = time(|| (), |()| treatyview::import::import(asset, None));
    let load = time(
        || (),
        |()| from_ron(treatyview::library::EMBEDDED_RON, Path::new("embedded")),
    );
    println!("## The seed as shipped: medians of {RUNS} runs\n");
    println!(
        "- import of assets/CAT-C-KAZ-CO-4.txt ({} bytes): {:.2} ms",
        asset.len(),
        ms(import)
    );
    println!(
        "- load of the embedded RON ({} bytes): {:.2} ms\n",
        treatyview::library::EMBEDDED_RON.len(),
        ms(load)
    );
    println!("## Large inputs: medians of {RUNS} runs, ms\n");
    println!(
        "Generated in {:.0} ms and {:.0} ms (`corpus::large_document`, `corpus::long_paragraph`); \
         both import back into the identical tree.\n",
        ms(large_made),
        ms(long_made)
    );
    println!(
        "| step | {} |",
        cases
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|{}", "---:|".repeat(cases.len()));
    for row in rows {
        println!("| {} | {} |", row.step, row.times.join(" | "));
    }
}
