//! `treatyview search`'s output: results as aligned text lines, or as the
//! JSON array scripts read (a contract, documented in the README).

use serde::Serialize;
use treatyview::search::{Hit, HitUnit, Index, Scope, snippet};
use treatyview::text::{json_pretty, visible};
use unicode_width::UnicodeWidthStr;

/// One result in `--format json`.
#[derive(Serialize)]
struct JsonHit<'a> {
    symbol: &'a str,
    /// Committee code, State and year of adoption of the document.
    committee: Option<&'a str>,
    state: Option<&'a str>,
    year: Option<u32>,
    #[serde(rename = "ref")]
    reference: &'a str,
    paragraph: u32,
    kind: &'a str,
    unit: &'a str,
    footnote: Option<u32>,
    heading: Option<&'a str>,
    score: i64,
    text: &'a str,
    highlights: Vec<[usize; 2]>,
    /// Some query word matched only approximately (a prefix or a typo).
    approximate: bool,
    /// The highlights (same ranges) that matched approximately.
    approximate_highlights: Vec<[usize; 2]>,
}

/// Columns of text shown after the reference and kind in text output.
const SNIPPET: usize = 100;

/// What the kind column says: the paragraph's kind, or what else matched.
fn kind_label(hit: &Hit) -> String {
    match hit.unit {
        HitUnit::Heading => "heading".to_string(),
        HitUnit::Footnote(n) => format!("footnote {n}"),
        HitUnit::Paragraph | HitUnit::Item => hit.kind.name().to_string(),
    }
}

/// How text output is set: for a pipe (the default), or for a terminal
/// of `width` columns, matched words in bold red (as grep colours them)
/// unless `color` is off, and references cited in full
/// (`CAT/C/KAZ/CO/4, para. 26`) when several documents are searched.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    /// Columns; snippets are fitted to them.
    pub width: usize,
    /// Colour the matched words.
    pub color: bool,
}

/// The words of a hit that matched approximately, once each, as written.
fn approximate_words(hit: &Hit) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    for (range, approximate) in hit.marked() {
        let word = hit.text.get(range).unwrap_or_default();
        if approximate && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// Run a search: the output to print, and whether anything matched (the
/// exit status, as grep).
#[must_use]
pub fn run(index: &Index, query: &str, scope: Scope, limit: usize, json: bool) -> (String, bool) {
    if json {
        return run_json(index, query, scope, limit);
    }
    run_text(index, query, scope, limit, None)
}

/// The text output, for a pipe or (`terminal`) for a person.
#[must_use]
pub fn run_text(
    index: &Index,
    query: &str,
    scope: Scope,
    limit: usize,
    terminal: Option<Terminal>,
) -> (String, bool) {
    let hits = index.search(query, scope, limit);
    // With several documents, each result names its document and year.
    let document = |hit: &Hit| {
        let meta = index.meta(hit.doc);
        let symbol = visible(meta.symbol);
        meta.year
            .map_or_else(|| symbol.to_string(), |y| format!("{symbol} ({y})"))
    };
    let several = index.documents() > 1;
    let refs: Vec<String> = hits
        .iter()
        .map(|h| {
            let r = visible(&h.reference).into_owned();
            match (several, terminal.is_some()) {
                // A citation as the browser copies it: no year inside.
                (true, true) => format!("{}, {}", visible(index.symbol(h.doc)), h.at().citation()),
                (true, false) => format!("{} {r}", document(h)),
                (false, _) => r,
            }
        })
        .collect();
    let kinds: Vec<String> = hits.iter().map(kind_label).collect();
    let ref_width = refs.iter().map(|r| r.width()).max().unwrap_or(0);
    let kind_width = kinds.iter().map(String::len).max().unwrap_or(0);
    let room = terminal.map_or(SNIPPET, |t| {
        t.width.saturating_sub(ref_width + kind_width + 4).max(20)
    });
    let color = terminal.is_some_and(|t| t.color);
    let mut out = String::new();
    for ((hit, r), k) in hits.iter().zip(&refs).zip(&kinds) {
        let (snip, ranges) = snippet(&hit.text, &hit.highlights, room);
        let pad = ref_width - r.width();
        let text = if color {
            paint(&snip, &ranges)
        } else {
            visible(&snip).into_owned()
        };
        // An approximate match says so, and which words it took.
        let mark = if hit.approximate {
            format!("≈ {}: ", approximate_words(hit).join(", "))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{r}{:pad$}  {k:kind_width$}  {}{text}\n",
            "",
            visible(&mark)
        ));
    }
    (out, !hits.is_empty())
}

/// The snippet with its matched byte ranges in bold red.
fn paint(snip: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in ranges {
        let (start, end) = (r.start.max(at).min(snip.len()), r.end.min(snip.len()));
        if start >= end || !snip.is_char_boundary(start) || !snip.is_char_boundary(end) {
            continue;
        }
        out.push_str(&visible(&snip[at..start]));
        out.push_str("\x1b[1;31m");
        out.push_str(&visible(&snip[start..end]));
        out.push_str("\x1b[0m");
        at = end;
    }
    out.push_str(&visible(&snip[at..]));
    out
}

fn run_json<'a>(index: &'a Index, query: &str, scope: Scope, limit: usize) -> (String, bool) {
    let hits = index.search(query, scope, limit);
    let some = |s: &'a str| (!s.is_empty()).then_some(s);
    let out = {
        let rows: Vec<JsonHit<'_>> = hits
            .iter()
            .map(|h| {
                let meta = index.meta(h.doc);
                JsonHit {
                    symbol: meta.symbol,
                    committee: some(meta.committee),
                    state: some(meta.state),
                    year: meta.year,
                    reference: &h.reference,
                    paragraph: h.paragraph,
                    kind: h.kind.name(),
                    unit: h.unit.name(),
                    footnote: match h.unit {
                        HitUnit::Footnote(n) => Some(n),
                        _ => None,
                    },
                    heading: h.heading.as_deref(),
                    score: h.score,
                    text: &h.text,
                    highlights: h.highlights.iter().map(|r| [r.start, r.end]).collect(),
                    approximate: h.approximate,
                    approximate_highlights: h
                        .marked()
                        .into_iter()
                        .filter(|m| m.1)
                        .map(|m| [m.0.start, m.0.end])
                        .collect(),
                }
            })
            .collect();
        json_pretty(&rows)
    };
    (out, !hits.is_empty())
}
