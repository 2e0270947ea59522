//! Where a result's text comes from.
//!
//! An index keeps each unit's words, not its text: the documents hold the
//! text already, and keeping it twice made the index more than half text.
//! A result takes its text from its document, at the place the builder
//! recorded (`store::Place`: a topic's heading, the n-th unit of a
//! paragraph, a footnote), made from that paragraph alone. The documents
//! are those the index was built from, those the browser opened, or, for
//! an index read from the cache by the `search` command, the document's
//! file, read (through the document cache) when a result needs it.
//!
//! A document that cannot be read, or that is not the one indexed (a
//! file changed since), gives no text: the index says it is stale
//! ([`Index::stale`]), and the caller builds it again.

use super::Index;
use super::build::{Step, walk};
use super::map::Map;
use super::store::Place;
use super::words;
use crate::document::Document;
use crate::library::{self, Library};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

/// The documents of an index.
pub(super) enum Texts {
    /// The documents it was built from, or opened with.
    Library(Arc<Library>),
    /// Documents read from their files (named in the index) on demand,
    /// kept once read; `None` for one that could not be read.
    Files(Mutex<Map<usize, Option<Arc<Document>>>>),
}

impl Texts {
    /// Documents to read from their files.
    pub(super) fn files() -> Texts {
        Texts::Files(Mutex::new(Map::default()))
    }
}

/// The text of the unit at `place` in `doc`.
fn text_at(doc: &Document, place: Place) -> Option<String> {
    match place {
        Place::Heading { topic } => doc.topic(topic as usize)?.heading.clone(),
        Place::Unit {
            topic,
            paragraph,
            unit,
            item_heading,
        } => {
            let units = doc.paragraph_units(topic as usize, paragraph as usize)?;
            let unit = units.get(unit as usize)?;
            if item_heading {
                unit.item_heading.map(str::to_string)
            } else {
                Some(unit.plain())
            }
        }
        Place::Footnote(n) => doc.footnotes.get(n as usize).map(|f| f.text.clone()),
    }
}

/// How many units a document has in an index.
fn unit_count(doc: &Document) -> usize {
    let mut count = 0;
    walk(doc, |step, _| {
        if !matches!(step, Step::Topic(unit) if unit.heading.is_none()) {
            count += 1;
        }
    });
    count
}

impl Index {
    /// Run `f` on document `d`, if it can be read and is the one indexed
    /// (the same symbol).
    fn with_document<R>(&self, d: usize, f: impl FnOnce(&Document) -> Option<R>) -> Option<R> {
        let same = |doc: &&Document| doc.symbol == self.store.symbol(d);
        match &self.texts {
            Texts::Library(library) => library.documents.get(d).filter(same).and_then(f),
            Texts::Files(read) => {
                let mut read = read
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let doc = read.entry(d).or_insert_with(|| {
                    let path = self.store.source(d)?;
                    library::load_file(&path).ok().map(Arc::new)
                });
                doc.as_deref().filter(same).and_then(f)
            }
        }
    }

    /// The text of unit `u`, from its document: `None`, and the index
    /// marked stale, when the document cannot be read or is not the one
    /// indexed (another symbol, no unit at that place, or one with
    /// another number of words).
    pub(super) fn text(&self, u: u32) -> Option<String> {
        let d = self.store.fixed(u).doc as usize;
        let text = self
            .store
            .place(u)
            .and_then(|place| self.with_document(d, |doc| text_at(doc, place)))
            .filter(|text| words::spans(text).count() == self.store.length(u));
        if text.is_none() {
            self.stale.store(true, Ordering::Relaxed);
        }
        text
    }

    /// The texts of `units` (those that have one: see [`Index::text`]).
    pub(super) fn texts(&self, units: &[u32]) -> Map<u32, String> {
        units
            .iter()
            .filter_map(|&u| Some((u, self.text(u)?)))
            .collect()
    }

    /// Whether `library` holds the documents this index was made from:
    /// the same symbols, in order, each with as many units.
    #[must_use]
    pub fn fits(&self, library: &Library) -> bool {
        library.documents.len() == self.store.documents()
            && library.documents.iter().enumerate().all(|(d, doc)| {
                doc.symbol == self.store.symbol(d)
                    && unit_count(doc) == self.store.document_units(d).len()
            })
    }

    /// Take results' text from `library`, the documents the index was
    /// made from (see [`Index::fits`]), rather than from their files.
    #[must_use]
    pub fn with_library(mut self, library: Arc<Library>) -> Index {
        self.texts = Texts::Library(library);
        self
    }

    /// The documents the index takes its text from, when they are open
    /// (built from them, or given by [`Index::with_library`]).
    #[must_use]
    pub fn library(&self) -> Option<Arc<Library>> {
        match &self.texts {
            Texts::Library(library) => Some(Arc::clone(library)),
            Texts::Files(_) => None,
        }
    }

    /// Whether a search met a document that is not the one indexed, or
    /// could not read it, or could not read the index's own file (cut
    /// short behind its back): results may be missing or lack their
    /// text, and the index should be built again.
    #[must_use]
    pub fn stale(&self) -> bool {
        self.stale.load(Ordering::Relaxed) || self.store.failed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Inline;
    use crate::search::Scope;

    /// The seed, with one more word in paragraph 25 (a concern about
    /// solitary confinement), as if its file changed after indexing.
    fn edited() -> Library {
        let mut library = Library::embedded();
        let doc = &mut library.documents[0];
        for section in &mut doc.sections {
            for topic in &mut section.topics {
                for p in &mut topic.paragraphs {
                    if p.number == 25 {
                        p.text.push(Inline::Text(" Edited.".into()));
                    }
                }
            }
        }
        library
    }

    #[test]
    fn results_take_their_text_from_the_documents() {
        let seed = Arc::new(Library::embedded());
        let built = Index::build(Arc::clone(&seed));
        let read = Index::from_bytes(built.bytes().unwrap().to_vec())
            .unwrap()
            .with_library(Arc::clone(&seed));
        assert!(read.fits(&seed));
        // Case-sensitive (a capital): each candidate's text is read too.
        for query in [
            "solitary confinement",
            "Optional Protocol",
            "torture !police",
        ] {
            let hits = read.search(query, Scope::All, 20);
            assert!(!hits.is_empty(), "{query}");
            assert_eq!(hits, built.search(query, Scope::All, 20), "{query}");
            for hit in &hits {
                for range in &hit.highlights {
                    assert!(hit.text.get(range.clone()).is_some_and(|w| !w.is_empty()));
                }
            }
        }
        let hit = &read.search("solitary confinement", Scope::All, 1)[0];
        assert_eq!(hit.reference, "25");
        assert!(hit.text.contains("solitary confinement may be imposed"));
        assert_eq!(hit.heading.as_deref(), Some("Solitary confinement"));
        assert!(!read.stale());
    }

    #[test]
    fn a_document_that_is_not_the_one_indexed_gives_no_text_and_marks_the_index_stale() {
        let built = Index::build(Library::embedded());
        let edited = Arc::new(edited());
        // As many units: only the words tell.
        assert!(built.fits(&edited));
        let read = Index::from_bytes(built.bytes().unwrap().to_vec())
            .unwrap()
            .with_library(Arc::clone(&edited));
        let hits = read.search("solitary confinement", Scope::All, 20);
        let changed = hits.iter().find(|h| h.reference == "25").unwrap();
        assert_eq!((changed.text.as_str(), changed.highlights.len()), ("", 0));
        let kept = hits.iter().find(|h| h.reference == "26").unwrap();
        assert!(kept.text.contains("solitary confinement"));
        assert!(read.stale());
        // Another symbol, or a document fewer: it does not fit at all.
        let mut renamed = Library::embedded();
        renamed.documents[0].symbol = "CAT/C/XYZ/CO/1".into();
        assert!(!built.fits(&renamed));
        assert!(!built.fits(&Library::default()));
        let read = Index::from_bytes(built.bytes().unwrap().to_vec())
            .unwrap()
            .with_library(Arc::new(renamed));
        assert!(
            read.search("Optional Protocol", Scope::All, 5)
                .iter()
                .all(|h| h.text.is_empty())
        );
        assert!(read.stale());
    }
}
