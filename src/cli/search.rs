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
    let hits = index.search(query, scope, limit);
    let symbol = |hit: &Hit| index.symbol(hit.doc);
    let out = if json {
        let rows: Vec<JsonHit<'_>> = hits
            .iter()
            .map(|h| JsonHit {
                symbol: symbol(h),
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
            })
            .collect();
        json_pretty(&rows)
    } else {
        let several = index.documents() > 1;
        let refs: Vec<String> = hits
            .iter()
            .map(|h| {
                let r = visible(&h.reference).into_owned();
                if several {
                    format!("{} {r}", visible(symbol(h)))
                } else {
                    r
                }
            })
            .collect();
        let kinds: Vec<String> = hits.iter().map(kind_label).collect();
        let ref_width = refs.iter().map(|r| r.width()).max().unwrap_or(0);
        let kind_width = kinds.iter().map(String::len).max().unwrap_or(0);
        let mut out = String::new();
        for ((hit, r), k) in hits.iter().zip(&refs).zip(&kinds) {
            let (snip, _) = snippet(&hit.text, &hit.highlights, SNIPPET);
            let pad = ref_width - r.width();
            // An approximate match says so, and which words it took.
            let mark = if hit.approximate {
                format!("≈ {}: ", approximate_words(hit).join(", "))
            } else {
                String::new()
            };
            out.push_str(&format!(
                "{r}{:pad$}  {k:kind_width$}  {}{}\n",
                "",
                visible(&mark),
                visible(&snip)
            ));
        }
        out
    };
    (out, !hits.is_empty())
}
