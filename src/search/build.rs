//! Building an index: every paragraph, item, heading and footnote of a
//! library becomes a unit with its words (folded, as vocabulary ids), its
//! reference, kind, heading and scopes, written into the byte store; a
//! footnote borrows its place from the unit that first cites it. Each
//! word is stemmed once per language it occurs in (`forms`), from its
//! first occurrence in a document of that language.

use super::map::Map;
use super::store::{self, Store, StoreError};
use super::{HitUnit, Index, Scope, forms, words};
use crate::document::{Document, Inline, Kind, Paragraph, Reference, UnitKind};
use crate::library::Library;
use std::fmt::Write as _;
use std::sync::Mutex;

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
    postings: Vec<Vec<(u32, u32)>>,
    word: String,
    tokens: Vec<u32>,
    seen: Vec<u32>,
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
                self.postings.push(Vec::new());
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
        let id = self.writer.unit(&store::NewUnit {
            fixed: unit.fixed,
            text: unit.text,
            articles: &unit.articles,
            reference: unit.reference,
            labels: unit.labels,
            tokens: &self.tokens,
        });
        self.seen.clear();
        self.seen.extend_from_slice(&self.tokens);
        self.seen.sort_unstable();
        for run in self.seen.chunk_by(|a, b| a == b) {
            self.postings[run[0] as usize].push((id, run.len() as u32));
        }
        id
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
        text: &str,
        at: &Reference,
    ) -> u32 {
        self.add(Unit {
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
        // The topic whose heading unit was added last: units of one topic
        // share its heading.
        let mut last_heading: Option<usize> = None;
        let mut heading_unit = None;
        let mut cited: Map<u32, Citing> = Map::default();
        let by_number: Map<u32, &Paragraph> =
            doc.paragraphs().map(|(_, _, p)| (p.number, p)).collect();
        // Each unit's reference, written into one buffer.
        let mut reference = String::new();
        for unit in doc.units() {
            let p = unit.paragraph;
            let key = unit.heading.map(|_| unit.topic);
            if key != last_heading {
                last_heading = key;
                let at = Reference::paragraph(p.number);
                heading_unit = unit.heading.map(|h| self.heading(d, None, p.kind, h, &at));
            }
            if let Some(h) = unit.item_heading {
                // A heading inside a list is found like a thematic one, at
                // the item it stands above.
                self.heading(d, heading_unit, unit.kind, h, &unit.reference);
            }
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
                    scopes |= Scope::Recommendations.bit() | Scope::ConcernsRecommendations.bit();
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
            self.add(Unit {
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
                reference: {
                    reference.clear();
                    let _ = write!(reference, "{}", unit.reference);
                    &reference
                },
                labels: &unit.reference.labels,
            });
        }
        for note in &doc.footnotes {
            let citing = cited.get(&note.number);
            self.add(Unit {
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
    }
}

impl Index {
    /// Index every document of a library.
    #[must_use]
    pub fn build(library: &Library) -> Index {
        Self::build_stamped(library, &[])
    }

    /// Index a library, recording `stamp` (what it was made from) in the
    /// bytes for a cache to compare later.
    ///
    /// # Panics
    /// Only if the writer and the reader of the index bytes disagree,
    /// which the tests rule out.
    #[must_use]
    pub fn build_stamped(library: &Library, stamp: &[u8]) -> Index {
        let mut builder = Builder {
            writer: store::Writer::new(),
            ids: Map::default(),
            vocab: Vec::new(),
            postings: Vec::new(),
            word: String::new(),
            tokens: Vec::new(),
            seen: Vec::new(),
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
        let documents: Vec<store::DocMeta<'_>> = library
            .documents
            .iter()
            .map(|d| store::DocMeta {
                symbol: &d.symbol,
                committee: d.committee_code().unwrap_or_default(),
                state: &d.state,
                year: d.year,
            })
            .collect();
        let bytes = builder.writer.finish(
            stamp,
            &builder.vocab,
            &builder.postings,
            &documents,
            &store::Forms {
                languages: &builder.languages,
                stems: &stems,
                groups: &groups,
            },
        );
        let store = Store::open(bytes).expect("a freshly built index is valid");
        Self::with_store(store, builder.ids)
    }

    /// An index from bytes written by [`Index::bytes`].
    ///
    /// # Errors
    /// Bytes that are not an index this version reads.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Index, StoreError> {
        let store = Store::open(bytes)?;
        let ids = (0..store.words() as u32)
            .map(|id| (store.word(id).to_string(), id))
            .collect();
        Ok(Self::with_store(store, ids))
    }

    fn with_store(store: Store, ids: Map<String, u32>) -> Index {
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
        }
    }
}
