//! `treatyview search`: results as text lines or JSON for scripts.

use super::{Hit, HitUnit, Index, Scope, cache};
use crate::library::{self, Library, LoadError};
use crate::text::{json_pretty, visible};
use serde::Serialize;
use std::path::PathBuf;
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

/// The index for the `search` command: the embedded document's, or the
/// cached one for `paths` when it is current, or one built now (and
/// cached unless `no_cache`).
///
/// # Errors
/// A file or folder that cannot be read or parsed.
pub fn index(paths: &[PathBuf], no_cache: bool) -> Result<Index, LoadError> {
    if paths.is_empty() {
        return Ok(Index::build(&Library::embedded()));
    }
    let files = library::files(paths)?;
    // Without a cache folder or a stamp the index is simply built.
    let cached = cache::folder()
        .filter(|_| !no_cache)
        .and_then(|folder| Some((cache::Stamp::of(&files).ok()?, folder)));
    if let Some((stamp, folder)) = &cached
        && let Some(index) = cache::load(folder, stamp)
    {
        return Ok(index);
    }
    let loaded = Library::load_files(&files)?;
    let stamp = cached.as_ref().map_or(&[][..], |(stamp, _)| stamp.bytes());
    let index = Index::build_stamped(&loaded, stamp);
    if let Some((stamp, folder)) = &cached {
        // A cache that cannot be written only costs time next run.
        let _ = cache::save(folder, stamp, &index);
    }
    Ok(index)
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
            let (snip, _) = super::snippet(&hit.text, &hit.highlights, SNIPPET);
            let pad = ref_width - r.width();
            out.push_str(&format!(
                "{r}{:pad$}  {k:kind_width$}  {}\n",
                "",
                visible(&snip)
            ));
        }
        out
    };
    (out, !hits.is_empty())
}
