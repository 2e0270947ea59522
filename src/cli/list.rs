//! `treatyview list [PATH...]`: the library as a table — one row per
//! document with what a researcher sorts a shelf by — as text, JSON or
//! CSV.

use serde::Serialize;
use treatyview::document::{Document, Kind};
use treatyview::library::Library;

/// One document's row.
#[derive(Serialize)]
struct Row<'a> {
    symbol: &'a str,
    committee: Option<&'static str>,
    committee_name: &'a str,
    state: &'a str,
    year: Option<u32>,
    report: Option<&'a str>,
    language: Option<&'a str>,
    genre: &'static str,
    paragraphs: usize,
    concerns: usize,
    recommendations: usize,
}

fn row(doc: &Document) -> Row<'_> {
    let count = |kind: Kind| doc.paragraphs().filter(|(_, _, p)| p.kind == kind).count();
    Row {
        symbol: &doc.symbol,
        committee: doc.committee_code(),
        committee_name: &doc.committee,
        state: &doc.state,
        year: doc.year,
        report: doc.report.as_deref(),
        language: doc.language.as_deref(),
        genre: doc.genre.name(),
        paragraphs: doc.paragraphs().count(),
        concerns: count(Kind::Concern),
        recommendations: count(Kind::Recommendation),
    }
}

/// The output formats of `list`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    /// An aligned table.
    Text,
    /// An array of objects.
    Json,
    /// RFC 4180, a header row first.
    Csv,
}

/// The library as a table, sorted by committee, State and year.
pub fn render(library: &Library, format: ListFormat) -> String {
    let mut rows: Vec<Row<'_>> = library.documents.iter().map(row).collect();
    rows.sort_by(|a, b| {
        (a.committee, a.state, a.year, a.symbol).cmp(&(b.committee, b.state, b.year, b.symbol))
    });
    match format {
        ListFormat::Json => treatyview::text::json_pretty(&rows),
        ListFormat::Csv => csv(&rows),
        ListFormat::Text => text(&rows),
    }
}

const HEADER: [&str; 9] = [
    "symbol",
    "committee",
    "state",
    "year",
    "report",
    "language",
    "paragraphs",
    "concerns",
    "recommendations",
];

fn cells(r: &Row<'_>) -> [String; 9] {
    let or_dash = |s: Option<String>| s.unwrap_or_else(|| "—".into());
    [
        r.symbol.to_string(),
        or_dash(r.committee.map(str::to_string)),
        r.state.to_string(),
        or_dash(r.year.map(|y| y.to_string())),
        or_dash(r.report.map(str::to_string)),
        or_dash(r.language.map(str::to_string)),
        r.paragraphs.to_string(),
        r.concerns.to_string(),
        r.recommendations.to_string(),
    ]
}

fn text(rows: &[Row<'_>]) -> String {
    use unicode_width::UnicodeWidthStr;
    let table: Vec<[String; 9]> = rows
        .iter()
        .map(|r| cells(r).map(|c| treatyview::text::visible(&c).into_owned()))
        .collect();
    let mut widths = HEADER.map(UnicodeWidthStr::width);
    for cells in &table {
        for (w, c) in widths.iter_mut().zip(cells) {
            *w = (*w).max(c.width());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let mut l = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            // Numbers align right, words left.
            let pad = " ".repeat(w - c.width());
            if i >= 6 {
                l.push_str(&pad);
                l.push_str(c);
            } else {
                l.push_str(c);
                if i < 8 {
                    l.push_str(&pad);
                }
            }
            if i < 8 {
                l.push_str("  ");
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&HEADER.map(str::to_string));
    for cells in &table {
        line(cells);
    }
    out
}

fn csv(rows: &[Row<'_>]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(HEADER).expect("in memory");
    for r in rows {
        let cells = cells(r).map(|c| {
            let c = if c == "—" { String::new() } else { c };
            treatyview::text::visible(&c).into_owned()
        });
        writer.write_record(cells).expect("in memory");
    }
    let bytes = writer.into_inner().expect("in memory");
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8(bytes).expect("written from str"));
    out
}
