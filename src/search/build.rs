//! Building an index: every paragraph, item, heading and footnote of a
//! library becomes a unit with its words (folded, as vocabulary ids), its
//! reference, kind, heading and scopes, written into the byte store; a
//! footnote borrows its place from the unit that first cites it. Each
//! word is stemmed once per language it occurs in (`forms`), from its
//! first occurrence in a document of that language. The units' text is
//! not stored: [`walk`] gives the units of a document in index order,
//! each with its place in the document, which the builder records and
//! `texts` reads a result's text back from.

use super::map::Map;
use super::store::{self, Place, Store, StoreError};
use super::texts::Texts;
use super::{HitUnit, Index, Scope, forms, words};
use crate::document::{
    Document, Footnote, Inline, Kind, Paragraph, Reference, Unit as DocUnit, UnitKind,
};
use crate::library::Library;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

/// A document's units in index order, as [`walk`] hands them over.
pub(super) enum Step<'u, 'd> {
    /// The first unit of a topic (its heading, if it has one, is a unit
    /// of its own, before it) or of a run of units without a heading.
    Topic(&'u DocUnit<'d>),
    /// A heading inside a list, a unit of its own before the item.
    ItemHeading(&'d str, &'u DocUnit<'d>),
    /// A paragraph, part or item.
    Unit(&'u DocUnit<'d>),
    /// A footnote, after every paragraph.
    Footnote(&'d Footnote),
}

/// Visit a document's units in the order the index numbers them, each
/// with its place in the document (a `Topic` step without a heading is
/// no unit).
pub(super) fn walk<'d>(doc: &'d Document, mut visit: impl FnMut(Step<'_, 'd>, Place)) {
    let mut last_heading: Option<usize> = None;
    // The paragraph of the last unit: its topic, its position there, and
    // the position of the next unit in it.
    let mut at: Option<(*const Paragraph, usize, u32, u32)> = None;
    for unit in doc.units() {
        let topic = unit.topic as u32;
        let (paragraph, ordinal) = match at {
            Some((p, _, n, k)) if std::ptr::eq(p, unit.paragraph) => (n, k),
            Some((_, t, n, _)) if t == unit.topic => (n + 1, 0),
            _ => (0, 0),
        };
        at = Some((unit.paragraph, unit.topic, paragraph, ordinal + 1));
        // Units of one topic share its heading.
        let key = unit.heading.map(|_| unit.topic);
        if key != last_heading {
            last_heading = key;
            visit(Step::Topic(&unit), Place::Heading { topic });
        }
        let place = |item_heading| Place::Unit {
            topic,
            paragraph,
            unit: ordinal,
            item_heading,
        };
        if let Some(h) = unit.item_heading {
            visit(Step::ItemHeading(h, &unit), place(true));
        }
        visit(Step::Unit(&unit), place(false));
    }
    for (n, note) in doc.footnotes.iter().enumerate() {
        visit(Step::Footnote(note), Place::Footnote(n as u32));
    }
}

/// What a footnote's unit borrows from the unit that first cites it.
struct Citing {
    reference: Reference,
    kind: Kind,
    heading: Option<u32>,
}

struct Builder {
    writer: store::Writer,
    ids: Map<String, u32>,
    vocab: Vec<String>,
    word: String,
    tokens: Vec<u32>,
    /// The current document's language: its slot in `languages`.
    slot: Option<usize>,
    /// Languages of the documents, as positions in `forms::LANGUAGES`.
    languages: Vec<u32>,
    /// Per word, the language slots it has been stemmed in (bits).
    stemmed: Vec<u32>,
    /// (language slot, stem, word) for every word in every language.
    stems: Vec<(u32, String, u32)>,
}

/// A unit being added.
struct Unit<'a> {
    fixed: store::Fixed,
    place: Place,
    text: &'a str,
    articles: Vec<u32>,
    reference: &'a str,
    labels: &'a [String],
}

impl Builder {
    fn add(&mut self, mut unit: Unit<'_>) -> u32 {
        self.tokens.clear();
        for span in words::spans(unit.text) {
            self.word.clear();
            words::fold_into(&unit.text[span.clone()], &mut self.word);
            let id = if let Some(&id) = self.ids.get(&self.word) {
                id
            } else {
                let id = self.vocab.len() as u32;
                self.vocab.push(self.word.clone());
                self.ids.insert(self.word.clone(), id);
                self.stemmed.push(0);
                id
            };
            if let Some(slot) = self.slot
                && self.stemmed[id as usize] & (1 << slot) == 0
            {
                self.stemmed[id as usize] |= 1 << slot;
                let lang = self.languages[slot] as usize;
                let lower = unit.text[span].to_lowercase();
                self.stems
                    .push((slot as u32, forms::stem(lang, &lower), id));
            }
            self.tokens.push(id);
        }
        unit.articles.sort_unstable();
        unit.articles.dedup();
        self.writer.unit(&store::NewUnit {
            fixed: unit.fixed,
            place: unit.place,
            articles: &unit.articles,
            reference: unit.reference,
            labels: unit.labels,
            tokens: &self.tokens,
        })
    }

    /// The slot in `languages` of a document's language (added when
    /// new), or `None` for a language without forms.
    fn language_slot(&mut self, doc: &Document) -> Option<usize> {
        forms::language(doc.language.as_deref()).map(|lang| {
            let lang = lang as u32;
            self.languages
                .iter()
                .position(|l| *l == lang)
                .unwrap_or_else(|| {
                    self.languages.push(lang);
                    self.languages.len() - 1
                })
        })
    }

    /// A heading as a unit of its own, opening at `at` (`under`: the
    /// heading unit of the topic it sits in).
    fn heading(
        &mut self,
        d: usize,
        under: Option<u32>,
        kind: Kind,
        (text, place): (&str, Place),
        at: &Reference,
    ) -> u32 {
        self.add(Unit {
            place,
            fixed: store::Fixed {
                doc: d as u32,
                paragraph: at.paragraph,
                heading: under,
                unit: HitUnit::Heading,
                kind,
                scopes: Scope::All.bit(),
            },
            text,
            articles: Vec::new(),
            reference: &at.to_string(),
            labels: &at.labels,
        })
    }

    fn document(&mut self, d: usize, doc: &Document) {
        self.slot = self.language_slot(doc);
        let mut heading_unit = None;
        let mut cited: Map<u32, Citing> = Map::default();
        let by_number: Map<u32, &Paragraph> =
            doc.paragraphs().map(|(_, _, p)| (p.number, p)).collect();
        // Each unit's reference, written into one buffer.
        let mut reference = String::new();
        walk(doc, |step, place| match step {
            Step::Topic(unit) => {
                let at = Reference::paragraph(unit.paragraph.number);
                let kind = unit.paragraph.kind;
                heading_unit = unit
                    .heading
                    .map(|h| self.heading(d, None, kind, (h, place), &at));
            }
            Step::ItemHeading(h, unit) => {
                // A heading inside a list is found like a thematic one, at
                // the item it stands above.
                self.heading(d, heading_unit, unit.kind, (h, place), &unit.reference);
            }
            Step::Unit(unit) => {
                let p = unit.paragraph;
                let mut articles = p.articles.clone();
                for other in &p.pair {
                    if let Some(q) = by_number.get(other) {
                        articles.extend(&q.articles);
                    }
                }
                let mut scopes = Scope::All.bit();
                match unit.kind {
                    Kind::Concern => {
                        scopes |= Scope::Concerns.bit() | Scope::ConcernsRecommendations.bit();
                    }
                    Kind::Recommendation => {
                        scopes |=
                            Scope::Recommendations.bit() | Scope::ConcernsRecommendations.bit();
                    }
                    _ => {}
                }
                for inline in unit.text {
                    if let Inline::Note(n) = inline {
                        cited.entry(*n).or_insert_with(|| Citing {
                            reference: unit.reference.clone(),
                            kind: unit.kind,
                            heading: heading_unit,
                        });
                    }
                }
                reference.clear();
                let _ = write!(reference, "{}", unit.reference);
                self.add(Unit {
                    place,
                    fixed: store::Fixed {
                        doc: d as u32,
                        paragraph: p.number,
                        heading: heading_unit,
                        unit: if unit.unit == UnitKind::Item {
                            HitUnit::Item
                        } else {
                            HitUnit::Paragraph
                        },
                        kind: unit.kind,
                        scopes,
                    },
                    text: &unit.plain(),
                    articles,
                    reference: &reference,
                    labels: &unit.reference.labels,
                });
            }
            Step::Footnote(note) => {
                let citing = cited.get(&note.number);
                self.add(Unit {
                    place,
                    fixed: store::Fixed {
                        doc: d as u32,
                        paragraph: citing.map_or(0, |c| c.reference.paragraph),
                        heading: citing.and_then(|c| c.heading),
                        unit: HitUnit::Footnote(note.number),
                        kind: citing.map_or(Kind::Other, |c| c.kind),
                        scopes: Scope::All.bit(),
                    },
                    text: &note.text,
                    articles: Vec::new(),
                    reference: &citing.map_or_else(String::new, |c| c.reference.to_string()),
                    labels: citing.map_or(&[], |c| c.reference.labels.as_slice()),
                });
            }
        });
    }
}

impl Index {
    /// Index every document of a library. The index keeps the library:
    /// results take their text from it.
    #[must_use]
    pub fn build(library: impl Into<Arc<Library>>) -> Index {
        Self::build_stamped(library.into(), &[], &[])
    }

    /// Index a library read from `sources` (each document's file, in
    /// order; none for documents without one), recording `stamp` (what
    /// it was made from) in the bytes for a cache to compare later. The
    /// index keeps the library: results take their text from it.
    ///
    /// # Panics
    /// Only if the writer and the reader of the index bytes disagree,
    /// which the tests rule out.
    #[must_use]
    pub fn build_stamped(library: Arc<Library>, sources: &[PathBuf], stamp: &[u8]) -> Index {
        let mut builder = Builder {
            writer: store::Writer::new(),
            ids: Map::default(),
            vocab: Vec::new(),
            word: String::new(),
            tokens: Vec::new(),
            slot: None,
            languages: Vec::new(),
            stemmed: Vec::new(),
            stems: Vec::new(),
        };
        for (d, doc) in library.documents.iter().enumerate() {
            builder.document(d, doc);
        }
        let mut stems: Vec<String> = builder.stems.iter().map(|s| s.1.clone()).collect();
        stems.sort_unstable();
        stems.dedup();
        let mut groups = vec![Vec::new(); builder.languages.len() * stems.len()];
        for (slot, stem, id) in &builder.stems {
            let at = stems.binary_search(stem).unwrap_or_default();
            groups[*slot as usize * stems.len() + at].push(*id);
        }
        for group in &mut groups {
            group.sort_unstable();
        }
        // Canonical paths: a cached index is used from any folder.
        let sources: Vec<Vec<u8>> = (0..library.documents.len())
            .map(|d| {
                sources.get(d).map_or_else(Vec::new, |path| {
                    std::fs::canonicalize(path)
                        .unwrap_or_else(|_| path.clone())
                        .into_os_string()
                        .into_encoded_bytes()
                })
            })
            .collect();
        let documents: Vec<(store::DocMeta<'_>, &[u8])> = library
            .documents
            .iter()
            .zip(&sources)
            .map(|(d, source)| {
                let meta = store::DocMeta {
                    symbol: &d.symbol,
                    committee: d.committee_code().unwrap_or_default(),
                    state: &d.state,
                    year: d.year,
                };
                (meta, source.as_slice())
            })
            .collect();
        let bytes = builder.writer.finish(
            stamp,
            &builder.vocab,
            &documents,
            &store::Forms {
                languages: &builder.languages,
                stems: &stems,
                groups: &groups,
            },
        );
        drop(documents);
        let store = Store::open(bytes).expect("a freshly built index is valid");
        Self::with_store(store, builder.ids, Texts::Library(library))
    }

    /// An index from bytes written by [`Index::bytes`]. Results take
    /// their text from the documents' files, read when a result needs
    /// them (see [`Index::with_library`] for documents already open).
    ///
    /// # Errors
    /// Bytes that are not an index this version reads.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Index, StoreError> {
        Ok(Self::read_back(Store::open(bytes)?))
    }

    /// An index from a file written from [`Index::bytes`], read as
    /// searches need it: its head and small tables now, its word lists
    /// and posting lists piece by piece (see [`Index::bytes_read`]).
    ///
    /// # Errors
    /// A file that cannot be read or is not an index this version reads.
    pub fn open(file: std::fs::File) -> Result<Index, StoreError> {
        Ok(Self::read_back(Store::read(file)?))
    }

    fn read_back(store: Store) -> Index {
        let ids = (0..store.words() as u32)
            .map(|id| (store.word(id).to_string(), id))
            .collect();
        Self::with_store(store, ids, Texts::files())
    }

    fn with_store(store: Store, ids: Map<String, u32>, texts: Texts) -> Index {
        let mut by_first: Map<char, Vec<u32>> = Map::default();
        let mut by_second: Map<char, Vec<u32>> = Map::default();
        for id in 0..store.words() as u32 {
            let mut chars = store.word(id).chars();
            if let Some(c) = chars.next() {
                by_first.entry(c).or_default().push(id);
            }
            if let Some(c) = chars.next() {
                by_second.entry(c).or_default().push(id);
            }
        }
        let languages = store
            .languages()
            .into_iter()
            .map(|l| l.min(forms::LANGUAGES.len() - 1))
            .collect();
        Index {
            store,
            ids,
            by_first,
            by_second,
            languages,
            cache: Mutex::new(None),
            texts,
            stale: AtomicBool::new(false),
        }
    }
}
