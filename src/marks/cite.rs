//! The marks as a citation list to paste into a report: one line per mark,
//! `CAT/C/KAZ/CO/4, para. 26 — note — first words`, grouped by document,
//! in the order the document numbers them. Markdown (what `y` in the
//! marks list copies and `treatyview marks` prints), CSV and JSON.
//!
//! Whether a mark is orphaned is known only against its document: when
//! the documents are given, each mark says; without them, it is unknown
//! (`null` in JSON, empty in CSV).

use super::{Fit, Mark, State, fit};
use crate::library::Library;
use crate::text::visible;
use serde::Serialize;

/// The formats of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A heading per document and a bullet per mark.
    Markdown,
    /// RFC 4180 with a header row, a UTF-8 byte-order mark first.
    Csv,
    /// An array of objects.
    Json,
}

/// A mark with what its document says of it.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The mark.
    pub mark: &'a Mark,
    /// Whether it fits its document (`None`: the document is not open).
    pub fit: Option<Fit>,
}

/// The marks to list, in citation order. With a library, only its
/// documents' marks, in its order, each checked against its document;
/// without one, every mark, documents by symbol.
#[must_use]
pub fn entries<'a>(state: &'a State, library: Option<&Library>) -> Vec<Entry<'a>> {
    let order: Vec<&str> = library
        .map(|l| l.documents.iter().map(|d| d.symbol.as_str()).collect())
        .unwrap_or_default();
    state
        .sorted(&order)
        .into_iter()
        .filter_map(|mark| {
            let Some(library) = library else {
                return Some(Entry { mark, fit: None });
            };
            let doc = library.documents.iter().find(|d| d.symbol == mark.symbol)?;
            Some(Entry {
                mark,
                fit: Some(fit(mark, doc)),
            })
        })
        .collect()
}

/// What an orphaned mark says of itself: `⚠ orphaned (its words are now
/// at para. 27)`.
#[must_use]
pub fn orphan_label(fit: &Fit) -> Option<String> {
    match fit {
        Fit::Live(_) => None,
        Fit::Orphaned { moved: Some(r) } => Some(format!(
            "⚠ orphaned (its words are now at {})",
            r.citation()
        )),
        Fit::Orphaned { moved: None } => Some("⚠ orphaned (no longer in the document)".into()),
    }
}

/// One mark as a line of the list: citation — note — words, and what
/// an orphan says. Made visible: notes and words may carry anything.
#[must_use]
pub fn line(entry: &Entry<'_>) -> String {
    let mark = entry.mark;
    let mut parts = vec![mark.citation()];
    if !mark.note.is_empty() {
        parts.push(mark.note.clone());
    }
    parts.push(mark.words.clone());
    if let Some(label) = entry.fit.as_ref().and_then(orphan_label) {
        parts.push(label);
    }
    visible(&parts.join(" — ")).into_owned()
}

/// The list in a format. Empty when there are no marks.
#[must_use]
pub fn render(entries: &[Entry<'_>], format: Format) -> String {
    match format {
        Format::Markdown => markdown(entries),
        Format::Csv => csv(entries),
        Format::Json => json(entries),
    }
}

fn markdown(entries: &[Entry<'_>]) -> String {
    let mut out = String::new();
    let mut last: Option<&str> = None;
    for entry in entries {
        let symbol = entry.mark.symbol.as_str();
        if last != Some(symbol) {
            if last.is_some() {
                out.push('\n');
            }
            out.push_str(&format!("## {}\n\n", visible(symbol)));
            last = Some(symbol);
        }
        out.push_str(&format!("- {}\n", line(entry)));
    }
    out
}

/// One row of the CSV and JSON lists.
#[derive(Serialize)]
struct Row {
    symbol: String,
    reference: String,
    citation: String,
    note: String,
    text: String,
    orphaned: Option<bool>,
    now_at: Option<String>,
    created: String,
}

fn row(entry: &Entry<'_>) -> Row {
    let mark = entry.mark;
    let now_at = match &entry.fit {
        Some(Fit::Orphaned { moved: Some(r) }) => Some(r.to_string()),
        _ => None,
    };
    Row {
        symbol: mark.symbol.clone(),
        reference: mark.reference.clone(),
        citation: mark.citation(),
        note: mark.note.clone(),
        text: mark.words.clone(),
        orphaned: entry.fit.as_ref().map(Fit::orphaned),
        now_at,
        created: iso_time(mark.created),
    }
}

fn json(entries: &[Entry<'_>]) -> String {
    let rows: Vec<Row> = entries.iter().map(row).collect();
    crate::text::json_pretty(&rows)
}

const HEADER: [&str; 8] = [
    "symbol",
    "reference",
    "citation",
    "note",
    "text",
    "orphaned",
    "now_at",
    "created",
];

fn csv(entries: &[Entry<'_>]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(HEADER).expect("in memory");
    for entry in entries {
        let r = row(entry);
        let cells = [
            r.symbol,
            r.reference,
            r.citation,
            r.note,
            r.text,
            r.orphaned.map(|o| o.to_string()).unwrap_or_default(),
            r.now_at.unwrap_or_default(),
            r.created,
        ]
        .map(|c| visible(&c).into_owned());
        writer.write_record(cells).expect("in memory");
    }
    let bytes = writer.into_inner().expect("in memory");
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8(bytes).expect("written from str"));
    out
}

/// Seconds since 1970 as an ISO 8601 UTC time: `2026-11-29T17:10:00Z`.
#[must_use]
pub fn iso_time(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    // Days to a civil date (Howard Hinnant's algorithm), on u64 from
    // 0000-03-01, which 1970 is well past.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Reference;
    use crate::marks::Change;

    #[test]
    fn times_are_iso_8601() {
        assert_eq!(iso_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_time(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_time(1_798_211_045), "2026-12-25T15:04:05Z");
    }

    #[test]
    fn the_list_is_grouped_by_document_in_document_order() {
        let library = Library::embedded();
        let doc = &library.documents[0];
        let mut state = State::default();
        for (reference, note) in [("26", "key finding"), ("10", ""), ("24(a)", "")] {
            let r: Reference = reference.parse().unwrap();
            state.apply(&Change::Mark(Mark::new(doc, &r, note, 1)));
        }
        let mut other = Mark::new(doc, &Reference::paragraph(3), "", 1);
        other.symbol = "CCPR/C/AAA/CO/1".into();
        state.apply(&Change::Mark(other));
        let all = render(&entries(&state, None), Format::Markdown);
        let lines: Vec<&str> = all.lines().collect();
        assert_eq!(lines[0], "## CAT/C/KAZ/CO/4");
        assert!(lines[2].starts_with("- CAT/C/KAZ/CO/4, para. 10 — The State party should, as"));
        assert!(lines[3].starts_with("- CAT/C/KAZ/CO/4, para. 24 (a) — Ensure that"));
        assert!(lines[4].starts_with("- CAT/C/KAZ/CO/4, para. 26 — key finding — The State party"));
        assert_eq!(lines[6], "## CCPR/C/AAA/CO/1");
        // With the library, only its documents, each mark checked.
        let open = entries(&state, Some(&library));
        assert_eq!(open.len(), 3);
        assert!(
            open.iter()
                .all(|e| e.fit == Some(Fit::Live(e.mark.target().unwrap())))
        );
        let csv = render(&open, Format::Csv);
        assert!(csv.starts_with("\u{feff}symbol,reference,citation,note,text,orphaned"));
        assert_eq!(csv.lines().count(), 4);
        let json: serde_json::Value = serde_json::from_str(&render(&open, Format::Json)).unwrap();
        assert_eq!(json[2]["citation"], "CAT/C/KAZ/CO/4, para. 26");
        assert_eq!(json[2]["note"], "key finding");
        assert_eq!(json[2]["orphaned"], false);
        assert_eq!(json[0]["created"], "1970-01-01T00:00:01Z");
    }
}
