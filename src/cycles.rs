//! Across reporting cycles: a State's earlier concluding observations
//! from the same committee, and where in them the Committee spoke to the
//! same subject — what it repeated, what it dropped.

use crate::document::Document;
use crate::import::states::code_of_symbol;
use crate::library::Library;
use crate::search::words::{fold, spans};

/// Where the previous cycle treats a paragraph's subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    /// The earlier document, as a position in the library.
    pub doc: usize,
    /// Its thematic heading that matched.
    pub heading: String,
    /// The paragraphs under that heading.
    pub paragraphs: Vec<u32>,
    /// The heading is the same words (not only the closest).
    pub same: bool,
}

/// Why there is nothing to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// The paragraph is under no thematic heading.
    NoHeading,
    /// No earlier document of this committee on this State is open.
    NoEarlier,
    /// The earlier document (its position) has no heading close to it.
    NoSubject(usize),
}

/// Words that say nothing about a subject.
const EMPTY: &[&str] = &[
    "and", "the", "for", "with", "from", "into", "its", "their", "other", "des", "les", "del",
    "los", "las", "por", "para", "aux", "sur",
];

/// The words of a heading that carry its subject, cut to six letters so
/// that "detention" and "detained" meet.
fn subject(heading: &str) -> Vec<String> {
    let mut words: Vec<String> = spans(heading)
        .map(|r| fold(&heading[r]))
        .filter(|w| w.chars().count() >= 3 && !EMPTY.contains(&w.as_str()))
        .map(|w| w.chars().take(6).collect())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// How close two headings are: shared subject words over all of them.
fn closeness(a: &[String], b: &[String]) -> f64 {
    let shared = a.iter().filter(|w| b.contains(w)).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        let count = |n: usize| f64::from(u32::try_from(n).unwrap_or(u32::MAX));
        count(shared) / count(all)
    }
}

/// Whether two documents are one committee's observations on one State.
fn same_series(a: &Document, b: &Document) -> bool {
    let country = |d: &Document| code_of_symbol(&d.symbol).map(str::to_string);
    a.committee_code().is_some()
        && a.committee_code() == b.committee_code()
        && match (country(a), country(b)) {
            (Some(x), Some(y)) => x == y,
            _ => fold(&a.state) == fold(&b.state),
        }
}

/// The latest open document before `doc` in its series (by year, then
/// symbol).
#[must_use]
pub fn previous(library: &Library, doc: usize) -> Option<usize> {
    let docs = &library.documents;
    let key = |d: &Document| (d.year, d.symbol.clone());
    let here = key(&docs[doc]);
    docs.iter()
        .enumerate()
        .filter(|(i, d)| *i != doc && same_series(d, &docs[doc]) && key(d) < here)
        .max_by_key(|(_, d)| key(d))
        .map(|(i, _)| i)
}

/// The paragraphs of the previous cycle under the same thematic heading
/// as `paragraph` of `doc`, or under the closest one.
///
/// # Errors
/// When the paragraph has no heading, there is no earlier document, or
/// no heading of it is close enough.
pub fn earlier(library: &Library, doc: usize, paragraph: u32) -> Result<Earlier, Missing> {
    let heading = library.documents[doc]
        .paragraphs()
        .find(|(_, _, p)| p.number == paragraph)
        .and_then(|(_, t, _)| t.heading.clone())
        .ok_or(Missing::NoHeading)?;
    let before = previous(library, doc).ok_or(Missing::NoEarlier)?;
    let wanted = subject(&heading);
    let mut best: Option<(f64, &crate::document::Topic)> = None;
    for section in &library.documents[before].sections {
        for topic in &section.topics {
            let Some(h) = &topic.heading else { continue };
            let score = if fold(h) == fold(&heading) {
                2.0
            } else {
                closeness(&wanted, &subject(h))
            };
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, topic));
            }
        }
    }
    match best {
        Some((score, topic)) if score >= 0.34 => Ok(Earlier {
            doc: before,
            heading: topic.heading.clone().unwrap_or_default(),
            paragraphs: topic.paragraphs.iter().map(|p| p.number).collect(),
            same: score > 1.0,
        }),
        _ => Err(Missing::NoSubject(before)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed as an earlier cycle: other symbol and year, some headings
    /// reworded.
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
                if topic.heading.as_deref() == Some("Definition of torture") {
                    topic.heading = Some("Gender equality".into());
                }
            }
        }
        let mut other = now.clone();
        other.symbol = "CAT/C/KGZ/CO/3".into();
        other.state = "Kyrgyzstan".into();
        other.year = Some(2021);
        Library {
            documents: vec![other, now, then],
        }
    }

    #[test]
    fn the_previous_cycle_is_the_same_committee_and_state_before() {
        let lib = two_cycles();
        assert_eq!(previous(&lib, 1), Some(2));
        assert_eq!(previous(&lib, 2), None);
        // Kyrgyzstan's document is another series.
        assert_eq!(previous(&lib, 0), None);
    }

    #[test]
    fn the_same_heading_or_else_the_closest_finds_the_subject() {
        let lib = two_cycles();
        // Paragraph 20 of the seed is under a heading kept as it was.
        let heading = |n: u32| {
            lib.documents[1]
                .paragraphs()
                .find(|(_, _, p)| p.number == n)
                .and_then(|(_, t, _)| t.heading.clone())
                .unwrap()
        };
        let found = earlier(&lib, 1, 20).unwrap();
        assert_eq!((found.doc, found.same), (2, true));
        assert_eq!(found.heading, heading(20));
        assert_eq!(found.paragraphs, [19, 20]);
        // Reworded: the closest heading.
        let found = earlier(&lib, 1, 26).unwrap();
        assert_eq!(found.heading, "Use of solitary confinement");
        assert!(!found.same);
        assert_eq!(found.paragraphs, [25, 26]);
        // Nothing close: said so, with the document looked in.
        assert_eq!(earlier(&lib, 1, 9), Err(Missing::NoSubject(2)));
        assert_eq!(earlier(&lib, 2, 26), Err(Missing::NoEarlier));
        assert_eq!(earlier(&lib, 1, 1), Err(Missing::NoHeading));
    }
}
