//! Reading state that lasts: where each document was left, and the marks a
//! reader set (a paragraph or item, a note, its first words), kept in one
//! file in the state folder and shared by every browser open at once.
//!
//! - This module: the state ([`State`]), the one way it changes
//!   ([`Change`], applied to what is on disk, so a concurrent browser's
//!   marks are never lost), and whether a mark still fits its document
//!   ([`fit`]).
//! - [`store`]: the file: read, set aside when damaged or newer, changed
//!   under a lock and written atomically.
//! - [`cite`]: the marks as a citation list (Markdown, CSV, JSON).
//!
//! A mark is keyed by the document's symbol and the [`Reference`] it
//! names, and keeps the first words of the text it was set on: when a
//! document is re-imported and its paragraphs are renumbered, the
//! reference no longer says those words, and the mark is shown as
//! orphaned (with where those words are now, if they are somewhere),
//! never dropped or moved behind the reader's back.

pub mod cite;
pub mod store;

use crate::document::{Document, Reference};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The state file's format version. A file with a larger one was written
/// by a newer treatyview and is set aside rather than misread.
pub const VERSION: u32 = 1;

/// How many words of a unit's text a mark keeps.
pub const WORDS: usize = 12;

/// Where a document was left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The unit on top of the reader (`26`, `24(a)`).
    pub reference: String,
    /// When, in seconds since 1970 (the newest of a library's documents
    /// is the one the browser reopens).
    pub at: u64,
    /// The first words of the unit ([`first_words`]): a re-imported
    /// document that renumbered it is reopened where they are now.
    #[serde(default)]
    pub words: String,
}

/// A marked paragraph or item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The document's symbol.
    pub symbol: String,
    /// The unit (`26`, `24(a)(v)`), as [`Reference`] writes it.
    pub reference: String,
    /// The first words of its text when it was marked ([`first_words`]).
    pub words: String,
    /// The reader's note (may be empty).
    #[serde(default)]
    pub note: String,
    /// When it was first marked, in seconds since 1970.
    pub created: u64,
}

impl Mark {
    /// A mark on `reference` of `doc`, with its first words as they are
    /// now.
    #[must_use]
    pub fn new(doc: &Document, reference: &Reference, note: &str, created: u64) -> Self {
        Self {
            symbol: doc.symbol.clone(),
            reference: reference.to_string(),
            words: first_words(&doc.text_of(reference).unwrap_or_default()),
            note: one_line(note),
            created,
        }
    }

    /// The reference, read back (`None` for a damaged one).
    #[must_use]
    pub fn target(&self) -> Option<Reference> {
        self.reference.parse().ok()
    }

    /// `CAT/C/KAZ/CO/4, para. 26`.
    #[must_use]
    pub fn citation(&self) -> String {
        match self.target() {
            Some(r) => format!("{}, {}", self.symbol, r.citation()),
            None => format!("{}, {}", self.symbol, self.reference),
        }
    }

    /// Whether this mark is the one on `symbol`'s `reference`.
    #[must_use]
    pub fn is(&self, symbol: &str, reference: &Reference) -> bool {
        self.symbol == symbol && self.target().as_ref() == Some(reference)
    }
}

/// Everything the state file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The format version ([`VERSION`]).
    pub version: u32,
    /// Where each document was left, by symbol.
    #[serde(default)]
    pub positions: BTreeMap<String, Position>,
    /// Every mark, in the order set.
    #[serde(default)]
    pub marks: Vec<Mark>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            version: VERSION,
            positions: BTreeMap::new(),
            marks: Vec::new(),
        }
    }
}

/// One change a browser makes. Applied to the state as it is on disk at
/// the moment of writing, so that what another browser wrote meanwhile
/// stays: only a [`Change::Unmark`] removes a mark, and only the one it
/// names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Set a mark, or replace the note and words of the mark on the same
    /// unit (keeping when it was first set).
    Mark(Mark),
    /// Remove the mark on a document's unit.
    Unmark {
        /// The document's symbol.
        symbol: String,
        /// The unit.
        reference: Reference,
    },
    /// Where documents were left: `None` for the top.
    Positions(Vec<(String, Option<Position>)>),
}

impl State {
    /// Apply a change.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::Mark(mark) => {
                let same = |m: &&mut Mark| {
                    m.symbol == mark.symbol
                        && (m.reference == mark.reference || m.target() == mark.target())
                };
                if let Some(old) = self.marks.iter_mut().find(same) {
                    let created = old.created;
                    *old = mark.clone();
                    old.created = created;
                } else {
                    self.marks.push(mark.clone());
                }
            }
            Change::Unmark { symbol, reference } => {
                self.marks.retain(|m| !m.is(symbol, reference));
            }
            Change::Positions(positions) => {
                for (symbol, position) in positions {
                    match position {
                        Some(p) => self.positions.insert(symbol.clone(), p.clone()),
                        None => self.positions.remove(symbol),
                    };
                }
            }
        }
    }

    /// The mark on `symbol`'s `reference`, if there is one.
    #[must_use]
    pub fn mark(&self, symbol: &str, reference: &Reference) -> Option<&Mark> {
        self.marks.iter().find(|m| m.is(symbol, reference))
    }

    /// The marks in citation order: by document (in `order`, then the
    /// rest by symbol), then by where they point in the document.
    #[must_use]
    pub fn sorted(&self, order: &[&str]) -> Vec<&Mark> {
        let mut marks: Vec<&Mark> = self.marks.iter().collect();
        marks.sort_by_cached_key(|m| {
            let doc = order.iter().position(|s| *s == m.symbol);
            (
                doc.unwrap_or(usize::MAX),
                m.symbol.clone(),
                m.target().map(|r| reference_key(&r)),
                m.reference.clone(),
            )
        });
        marks
    }
}

/// Sorts references as documents number them: by paragraph, then items
/// by their letters (`z` before `aa`), sub-items by their roman numerals
/// (`iv` before `v`, `ix` before `x`).
#[must_use]
pub fn reference_key(reference: &Reference) -> (u32, Vec<(u32, String)>) {
    let labels = reference
        .labels
        .iter()
        .enumerate()
        .map(|(depth, label)| {
            let roman = if depth > 0 { roman(label) } else { None };
            match roman {
                Some(n) => (n, String::new()),
                None => (label.len() as u32, label.clone()),
            }
        })
        .collect();
    (reference.paragraph, labels)
}

/// The value of a lowercase roman numeral.
fn roman(label: &str) -> Option<u32> {
    let value = |c| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let digits: Option<Vec<u32>> = label.chars().map(value).collect();
    let digits = digits.filter(|d| !d.is_empty())?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= i64::from(*d);
        } else {
            total += i64::from(*d);
        }
    }
    u32::try_from(total).ok()
}

/// The first [`WORDS`] words of a text, spaces made single, `…` after
/// them when the text goes on: what a mark keeps and shows.
#[must_use]
pub fn first_words(text: &str) -> String {
    let mut words = text.split_whitespace();
    let mut out: Vec<&str> = words.by_ref().take(WORDS).collect();
    if words.next().is_some() {
        out.push("…");
    }
    out.join(" ")
}

/// A note as kept: one line, spaces made single.
#[must_use]
pub fn one_line(note: &str) -> String {
    note.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a mark still fits its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit {
    /// The reference says the words it was marked on.
    Live(Reference),
    /// The document changed: the reference is gone or says other words.
    /// `moved` is the one unit that now opens with the mark's words, if
    /// there is exactly one.
    Orphaned {
        /// Where the marked words are now.
        moved: Option<Reference>,
    },
}

impl Fit {
    /// Not [`Fit::Live`].
    #[must_use]
    pub fn orphaned(&self) -> bool {
        matches!(self, Fit::Orphaned { .. })
    }
}

/// Whether `mark` still fits `doc` (the document with its symbol).
#[must_use]
pub fn fit(mark: &Mark, doc: &Document) -> Fit {
    locate(doc, &mark.reference, &mark.words)
}

/// Whether `reference` (as written) still opens with `words` in `doc`,
/// and if not, the one unit that now does.
#[must_use]
pub fn locate(doc: &Document, reference: &str, words: &str) -> Fit {
    let says = |r: &Reference| doc.text_of(r).is_some_and(|t| first_words(&t) == words);
    if let Some(reference) = reference.parse::<Reference>().ok().filter(says) {
        return Fit::Live(reference);
    }
    let mut found = doc
        .units()
        .into_iter()
        // A part is cited by its paragraph's number: not a unit of its own.
        .filter(|u| u.unit != crate::document::UnitKind::Part)
        .map(|u| u.reference)
        .filter(says);
    let moved = match (found.next(), found.next()) {
        (Some(r), None) => Some(r),
        _ => None,
    };
    Fit::Orphaned { moved }
}

/// Seconds since 1970, now.
#[must_use]
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn seed() -> Document {
        Library::embedded().documents.remove(0)
    }

    fn r(text: &str) -> Reference {
        text.parse().unwrap()
    }

    #[test]
    fn changes_from_two_browsers_both_land() {
        let doc = seed();
        let mut disk = State::default();
        // Browser A marks 26 and writes; browser B, which read the file
        // before A wrote, marks 10: applied to the file as it is now.
        disk.apply(&Change::Mark(Mark::new(&doc, &r("26"), "A's", 1)));
        disk.apply(&Change::Mark(Mark::new(&doc, &r("10"), "B's", 2)));
        assert_eq!(disk.marks.len(), 2);
        // Editing a note keeps when the mark was set.
        disk.apply(&Change::Mark(Mark::new(
            &doc,
            &r("26"),
            "  A's  edited ",
            9,
        )));
        let m = disk.mark(&doc.symbol, &r("26")).unwrap();
        assert_eq!((m.note.as_str(), m.created), ("A's edited", 1));
        // Removing one leaves the other.
        disk.apply(&Change::Unmark {
            symbol: doc.symbol.clone(),
            reference: r("26"),
        });
        assert_eq!(disk.marks.len(), 1);
        assert_eq!(disk.marks[0].note, "B's");
        // Positions of one document leave the others'.
        let at = |reference: &str| Position {
            reference: reference.into(),
            at: 5,
            words: String::new(),
        };
        disk.apply(&Change::Positions(vec![("X".into(), Some(at("3")))]));
        disk.apply(&Change::Positions(vec![
            ("Y".into(), Some(at("4"))),
            ("X".into(), None),
        ]));
        assert_eq!(disk.positions.keys().collect::<Vec<_>>(), ["Y"]);
    }

    #[test]
    fn a_mark_on_renumbered_text_is_orphaned_and_says_where_its_words_went() {
        let doc = seed();
        let mark = Mark::new(&doc, &r("26"), "", 1);
        assert_eq!(fit(&mark, &doc), Fit::Live(r("26")));
        assert!(
            mark.words
                .starts_with("The State party is urged to bring articles 130")
        );
        assert!(mark.words.ends_with(" …"));
        // Re-imported with a paragraph inserted before 26: every number
        // from there on is one more.
        let mut renumbered = doc.clone();
        for section in &mut renumbered.sections {
            for topic in &mut section.topics {
                for p in &mut topic.paragraphs {
                    if p.number >= 20 {
                        p.number += 1;
                    }
                }
            }
        }
        let orphan = fit(&mark, &renumbered);
        assert_eq!(
            orphan,
            Fit::Orphaned {
                moved: Some(r("27"))
            }
        );
        // Gone altogether: orphaned, nowhere to point.
        let mut cut = doc.clone();
        for section in &mut cut.sections {
            for topic in &mut section.topics {
                topic.paragraphs.retain(|p| p.number != 26);
            }
        }
        assert_eq!(fit(&mark, &cut), Fit::Orphaned { moved: None });
        // An item that is no longer there.
        let item = Mark::new(&doc, &r("24(a)"), "", 1);
        assert!(fit(&item, &doc) == Fit::Live(r("24(a)")));
        let mut gone = item.clone();
        gone.reference = "24(z)".into();
        assert!(fit(&gone, &doc).orphaned());
    }

    #[test]
    fn marks_sort_as_the_document_numbers_them() {
        let keys: Vec<_> = ["12(b)", "12(a)(x)", "9", "12(a)(iv)", "12(a)(v)", "12"]
            .iter()
            .map(|s| r(s))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_by_key(reference_key);
        let names: Vec<String> = sorted.iter().map(ToString::to_string).collect();
        assert_eq!(
            names,
            ["9", "12", "12(a)(iv)", "12(a)(v)", "12(a)(x)", "12(b)"]
        );
        assert_eq!(roman("ix"), Some(9));
        assert_eq!(roman("xiv"), Some(14));
        assert_eq!(roman("q"), None);
    }

    #[test]
    fn first_words_are_single_spaced_and_say_when_they_stop() {
        assert_eq!(first_words("  short\n text "), "short text");
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen";
        assert!(first_words(long).ends_with("twelve …"));
    }
}
