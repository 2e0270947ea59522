//! Search over concerns and recommendations (and, on request, everything).
//!
//! Fuzzy subsequence matching over whole paragraphs finds letters scattered
//! across prose, so the index works on words instead:
//!
//! 1. every paragraph, item, heading and footnote is cut into words, each
//!    folded (lowercase, no accents) and kept as an id in a vocabulary;
//!    postings map a word to the units that hold it;
//! 2. each query word is matched against the *vocabulary* — exactly, as a
//!    prefix, or (only when it is not itself a word of the documents) fuzzily
//!    with `fuzzy-matcher` and an edit distance — and units come from the
//!    postings of the words it matched;
//! 3. candidate units are scanned word by word to check phrases and rank:
//!    phrase > all words near each other > all words anywhere > fuzzy word
//!    matches; a heading that matches lifts its paragraphs; ties keep
//!    document order.
//!
//! [`query`] holds the syntax, [`words`] the tokeniser and folding,
//! [`snippet`] the one-line result excerpt, [`cli`] the `search` command.

pub mod cache;
pub mod cli;
pub mod query;
mod snippet;
pub mod store;
pub mod words;

pub use snippet::snippet;

use crate::document::{Document, Inline, Kind, Reference, UnitKind};
use crate::library::Library;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use query::{Looseness, Query, Term};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// A small multiplicative hasher for the index's maps: their keys are
/// word ids and words of the documents, not attacker-chosen, and the
/// standard `SipHash` was most of a search's time.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ rest.len() as u64);
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// Which units a search looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Concerns and recommendations (paragraphs and their items).
    #[default]
    ConcernsRecommendations,
    /// Concerns only.
    Concerns,
    /// Recommendations only.
    Recommendations,
    /// Everything: introduction, positive aspects, other paragraphs,
    /// headings and footnotes too.
    All,
}

impl Scope {
    /// Next scope in the cycle the scope key walks.
    #[must_use]
    pub fn next(self) -> Scope {
        match self {
            Scope::ConcernsRecommendations => Scope::Concerns,
            Scope::Concerns => Scope::Recommendations,
            Scope::Recommendations => Scope::All,
            Scope::All => Scope::ConcernsRecommendations,
        }
    }

    /// On-screen label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Scope::ConcernsRecommendations => "concerns+recs",
            Scope::Concerns => "concerns",
            Scope::Recommendations => "recs",
            Scope::All => "all",
        }
    }

    /// The command line's name for a scope: `cr`, `concern`,
    /// `recommendation`, `all` (plurals accepted).
    #[must_use]
    pub fn parse(name: &str) -> Option<Scope> {
        match name.to_ascii_lowercase().as_str() {
            "cr" | "concerns+recommendations" => Some(Scope::ConcernsRecommendations),
            "concern" | "concerns" => Some(Scope::Concerns),
            "recommendation" | "recommendations" | "rec" | "recs" => Some(Scope::Recommendations),
            "all" => Some(Scope::All),
            _ => None,
        }
    }

    fn bit(self) -> u8 {
        match self {
            Scope::ConcernsRecommendations => 1,
            Scope::Concerns => 2,
            Scope::Recommendations => 4,
            Scope::All => 8,
        }
    }
}

/// What kind of unit a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitUnit {
    /// A paragraph's own text.
    Paragraph,
    /// An item or sub-item.
    Item,
    /// A thematic heading (its paragraph is the first under it).
    Heading,
    /// Footnote N (its paragraph is the first that cites it).
    Footnote(u32),
}

impl HitUnit {
    /// Name used in `search` output: `paragraph`, `item`, `heading`,
    /// `footnote`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            HitUnit::Paragraph => "paragraph",
            HitUnit::Item => "item",
            HitUnit::Heading => "heading",
            HitUnit::Footnote(_) => "footnote",
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the document in the library.
    pub doc: usize,
    /// The paragraph it belongs to (or opens at).
    pub paragraph: u32,
    /// Item labels under the paragraph (`["a", "v"]`).
    pub labels: Vec<String>,
    /// Citation reference: `24`, `24(a)`, `12(a)(v)`.
    pub reference: String,
    /// What kind of unit matched.
    pub unit: HitUnit,
    /// The paragraph's kind.
    pub kind: Kind,
    /// The thematic heading it sits under.
    pub heading: Option<String>,
    /// Rank: higher is better.
    pub score: i64,
    /// The unit's plain text.
    pub text: String,
    /// Byte ranges `[start, end)` of the matched words in `text`.
    pub highlights: Vec<Range<usize>>,
}

/// How a word of the text matched a query word (higher is better).
type Quality = u8;
const FUZZY: Quality = 1;
const PREFIX: Quality = 2;
const EXACT: Quality = 3;

/// A query word's match in the vocabulary: (term, word in term, quality).
#[derive(Debug, Clone, Copy)]
struct Slot {
    term: u16,
    word: u16,
    quality: Quality,
}

/// A query resolved against the vocabulary.
struct Compiled {
    query: Query,
    /// For every positive term, for every word: the vocabulary ids it
    /// matched with their quality.
    expansions: Vec<Vec<Vec<(u32, Quality)>>>,
    /// Same for excluded terms.
    excluded: Vec<Vec<Vec<(u32, Quality)>>>,
    /// Vocabulary id → index + 1 into `slot_lists` (0: matches nothing).
    slot_of: Vec<u32>,
    /// The positive query words a vocabulary word matches.
    slot_lists: Vec<Vec<Slot>>,
    /// Whether any positive word is case-sensitive.
    case: bool,
}

impl Compiled {
    /// The query words a vocabulary id matches (none for an unknown id).
    fn slots(&self, id: u32) -> &[Slot] {
        match self.slot_of.get(id as usize) {
            Some(&at) if at > 0 => &self.slot_lists[at as usize - 1],
            _ => &[],
        }
    }
}

/// Sizes of an index, for benchmarks.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    /// Searchable units (paragraphs, items, headings, footnotes).
    pub units: usize,
    /// Distinct folded words.
    pub words: usize,
    /// Word occurrences.
    pub tokens: usize,
    /// Approximate heap bytes held by the index.
    pub bytes: usize,
}

/// The word index over a library.
pub struct Index {
    /// Units, words and postings, as bytes that can be cached on disk.
    store: store::Store,
    /// Folded word → id.
    ids: Map<String, u32>,
    /// Word ids by first character, for fuzzy lookups.
    by_first: Map<char, Vec<u32>>,
    /// The last compiled query: typing and the reader's highlighter ask
    /// for the same query many times.
    cache: Mutex<Option<(String, Arc<Compiled>)>>,
}

/// What a footnote's unit borrows from the unit that first cites it.
struct Citing {
    paragraph: u32,
    labels: Vec<String>,
    reference: String,
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
            words::fold_into(&unit.text[span], &mut self.word);
            let id = if let Some(&id) = self.ids.get(&self.word) {
                id
            } else {
                let id = self.vocab.len() as u32;
                self.vocab.push(self.word.clone());
                self.ids.insert(self.word.clone(), id);
                self.postings.push(Vec::new());
                id
            };
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

    fn document(&mut self, d: usize, doc: &Document) {
        let mut last_heading: Option<*const u8> = None;
        let mut heading_unit = None;
        let mut cited: Map<u32, Citing> = Map::default();
        let by_number: Map<u32, &crate::document::Paragraph> =
            doc.paragraphs().map(|(_, _, p)| (p.number, p)).collect();
        for unit in doc.units() {
            let p = unit.paragraph;
            let key = unit.heading.map(str::as_ptr);
            if key != last_heading {
                last_heading = key;
                heading_unit = unit.heading.map(|h| {
                    self.add(Unit {
                        fixed: store::Fixed {
                            doc: d as u32,
                            paragraph: p.number,
                            heading: None,
                            unit: HitUnit::Heading,
                            kind: p.kind,
                            scopes: Scope::All.bit(),
                        },
                        text: h,
                        articles: Vec::new(),
                        reference: &Reference::paragraph(p.number).to_string(),
                        labels: &[],
                    })
                });
            }
            let mut articles = p.articles.clone();
            for other in &p.pair {
                if let Some(q) = by_number.get(other) {
                    articles.extend(&q.articles);
                }
            }
            let mut scopes = Scope::All.bit();
            match p.kind {
                Kind::Concern => {
                    scopes |= Scope::Concerns.bit() | Scope::ConcernsRecommendations.bit();
                }
                Kind::Recommendation => {
                    scopes |= Scope::Recommendations.bit() | Scope::ConcernsRecommendations.bit();
                }
                _ => {}
            }
            let labels = unit.reference.labels.clone();
            let reference = unit.reference.to_string();
            for inline in unit.text {
                if let Inline::Note(n) = inline {
                    cited.entry(*n).or_insert_with(|| Citing {
                        paragraph: p.number,
                        labels: labels.clone(),
                        reference: reference.clone(),
                        kind: p.kind,
                        heading: heading_unit,
                    });
                }
            }
            self.add(Unit {
                fixed: store::Fixed {
                    doc: d as u32,
                    paragraph: p.number,
                    heading: heading_unit,
                    unit: if unit.unit == UnitKind::Paragraph {
                        HitUnit::Paragraph
                    } else {
                        HitUnit::Item
                    },
                    kind: p.kind,
                    scopes,
                },
                text: &unit.plain(),
                articles,
                reference: &reference,
                labels: &labels,
            });
        }
        for note in &doc.footnotes {
            let citing = cited.get(&note.number);
            self.add(Unit {
                fixed: store::Fixed {
                    doc: d as u32,
                    paragraph: citing.map_or(0, |c| c.paragraph),
                    heading: citing.and_then(|c| c.heading),
                    unit: HitUnit::Footnote(note.number),
                    kind: citing.map_or(Kind::Other, |c| c.kind),
                    scopes: Scope::All.bit(),
                },
                text: &note.text,
                articles: Vec::new(),
                reference: citing.map_or("", |c| c.reference.as_str()),
                labels: citing.map_or(&[], |c| c.labels.as_slice()),
            });
        }
    }
}

/// A set of unit ids as bits.
struct Bits(Vec<u64>);

impl Bits {
    fn new(len: usize, full: bool) -> Bits {
        let mut bits = Bits(vec![if full { u64::MAX } else { 0 }; len.div_ceil(64)]);
        if full
            && !len.is_multiple_of(64)
            && let Some(last) = bits.0.last_mut()
        {
            *last = (1u64 << (len % 64)) - 1;
        }
        bits
    }
    fn set(&mut self, i: u32) {
        if let Some(word) = self.0.get_mut(i as usize / 64) {
            *word |= 1 << (i % 64);
        }
    }
    fn and(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
    fn and_not(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= !b;
        }
    }
    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                (w != 0).then(|| {
                    let b = w.trailing_zeros();
                    w &= w - 1;
                    i as u32 * 64 + b
                })
            })
        })
    }
}

/// Where a term occurs in a unit: word positions `start..end`, quality.
type Occurrence = (usize, usize, Quality);

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
        };
        for (d, doc) in library.documents.iter().enumerate() {
            builder.document(d, doc);
        }
        let symbols: Vec<&str> = library
            .documents
            .iter()
            .map(|d| d.symbol.as_str())
            .collect();
        let bytes = builder
            .writer
            .finish(stamp, &builder.vocab, &builder.postings, &symbols);
        let store = store::Store::open(bytes).expect("a freshly built index is valid");
        Self::with_store(store, builder.ids)
    }

    /// An index from bytes written by [`Index::bytes`].
    ///
    /// # Errors
    /// Bytes that are not an index this version reads.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Index, store::StoreError> {
        let store = store::Store::open(bytes)?;
        let ids = (0..store.words() as u32)
            .map(|id| (store.word(id).to_string(), id))
            .collect();
        Ok(Self::with_store(store, ids))
    }

    fn with_store(store: store::Store, ids: Map<String, u32>) -> Index {
        let mut by_first: Map<char, Vec<u32>> = Map::default();
        for id in 0..store.words() as u32 {
            if let Some(c) = store.word(id).chars().next() {
                by_first.entry(c).or_default().push(id);
            }
        }
        Index {
            store,
            ids,
            by_first,
            cache: Mutex::new(None),
        }
    }

    /// The index as bytes, for a cache file.
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        self.store.bytes()
    }

    /// What [`Index::build_stamped`] recorded.
    #[must_use]
    pub fn stamp(&self) -> &[u8] {
        self.store.stamp()
    }

    /// How many documents the index covers.
    #[must_use]
    pub fn documents(&self) -> usize {
        self.store.documents()
    }

    /// The symbol of document `doc` (empty if there is none).
    #[must_use]
    pub fn symbol(&self, doc: usize) -> &str {
        self.store.symbol(doc)
    }

    /// Sizes, for benchmarks.
    #[must_use]
    pub fn stats(&self) -> Stats {
        let vocab: usize = self.ids.keys().map(|w| w.len() + 48).sum();
        Stats {
            units: self.store.units(),
            words: self.store.words(),
            tokens: self.store.tokens(),
            bytes: self.store.bytes().len() + vocab + self.store.words() * 4,
        }
    }

    /// Search: results best first, at most `limit`.
    #[must_use]
    pub fn search(&self, query: &str, scope: Scope, limit: usize) -> Vec<Hit> {
        let compiled = self.compile(query);
        if compiled.query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let units = self.store.units();
        let mut candidates = Bits::new(units, true);
        for term in &compiled.expansions {
            candidates.and(&self.term_units(term));
        }
        for term in &compiled.excluded {
            candidates.and_not(&self.term_units(term));
        }
        let bit = scope.bit();
        let articles = &compiled.query.articles;
        let mut heading_matches: Map<u32, i64> = Map::default();
        let mut scored: Vec<(i64, u32)> = Vec::new();
        let mut tokens = Vec::new();
        // One plain word: its postings already say how well and how often
        // each unit matches, so no unit needs to be scanned.
        let single = (compiled.query.terms.len() == 1
            && compiled.query.terms[0].words.len() == 1
            && !compiled.case
            && compiled.query.exclude.iter().all(|t| t.words.len() == 1))
        .then(|| self.single_word(&compiled.expansions[0][0]));
        for u in candidates.iter() {
            if self.store.scopes(u) & bit == 0
                || (!articles.is_empty() && {
                    let engaged = self.store.articles(u);
                    !articles.iter().any(|a| engaged.contains(a))
                })
            {
                continue;
            }
            let rank = match &single {
                Some(best) => best.get(u as usize).map(|&b| single_score(b)),
                None => self.score(&compiled, u, &mut tokens),
            };
            let Some(mut rank) = rank else {
                continue;
            };
            if let Some(h) = self.store.fixed(u).heading {
                rank += HEADING
                    * *heading_matches
                        .entry(h)
                        .or_insert_with(|| self.heading_terms(&compiled, h));
            }
            scored.push((rank, u));
        }
        let order = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(order);
        scored
            .into_iter()
            .map(|(score, u)| self.hit(&compiled, u, score))
            .collect()
    }

    fn hit(&self, compiled: &Compiled, u: u32, score: i64) -> Hit {
        let fixed = self.store.fixed(u);
        let (reference, labels) = self.store.reference(u);
        let text = self.store.text(u).into_owned();
        let mut tokens = Vec::new();
        self.store.tokens_into(u, &mut tokens);
        let highlights = Self::highlight_tokens(compiled, &text, &tokens);
        Hit {
            doc: fixed.doc as usize,
            paragraph: fixed.paragraph,
            labels,
            reference,
            unit: fixed.unit,
            kind: fixed.kind,
            heading: fixed.heading.map(|h| self.store.text(h).into_owned()),
            score,
            text,
            highlights,
        }
    }

    /// Byte ranges of `text` that match `query`'s words and phrases, for
    /// highlighting anywhere (reader, footnotes, results).
    #[must_use]
    pub fn highlight(&self, query: &str, text: &str) -> Vec<Range<usize>> {
        let compiled = self.compile(query);
        self.highlight_compiled(&compiled, text)
    }

    fn compile(&self, query: &str) -> Arc<Compiled> {
        let mut cache = self
            .cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((text, compiled)) = cache.as_ref()
            && text == query
        {
            return Arc::clone(compiled);
        }
        let parsed = query::parse(query);
        let expand = |terms: &[Term]| -> Vec<Vec<Vec<(u32, Quality)>>> {
            terms
                .iter()
                .map(|t| t.words.iter().map(|w| self.expand(w)).collect())
                .collect()
        };
        let expansions = expand(&parsed.terms);
        let excluded = expand(&parsed.exclude);
        let mut slot_of = vec![0u32; self.store.words()];
        let mut slot_lists: Vec<Vec<Slot>> = Vec::new();
        for (t, term) in expansions.iter().enumerate() {
            for (w, word) in term.iter().enumerate() {
                for &(id, quality) in word {
                    let at = &mut slot_of[id as usize];
                    if *at == 0 {
                        slot_lists.push(Vec::new());
                        *at = slot_lists.len() as u32;
                    }
                    slot_lists[*at as usize - 1].push(Slot {
                        term: t as u16,
                        word: w as u16,
                        quality,
                    });
                }
            }
        }
        let case = parsed
            .terms
            .iter()
            .any(|t| t.words.iter().any(|w| w.case.is_some()));
        let compiled = Arc::new(Compiled {
            query: parsed,
            expansions,
            excluded,
            slot_of,
            slot_lists,
            case,
        });
        *cache = Some((query.to_string(), Arc::clone(&compiled)));
        compiled
    }

    /// The vocabulary words a query word matches, with their quality.
    fn expand(&self, word: &query::Word) -> Vec<(u32, Quality)> {
        let q = word.folded.as_str();
        let mut out = Vec::new();
        let exact = self.ids.get(q).copied();
        if let Some(id) = exact {
            out.push((id, EXACT));
        }
        if word.looseness == Looseness::Exact {
            return out;
        }
        let words = self.store.words();
        let (mut lo, mut hi) = (0, words);
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            if self.store.word(self.store.sorted(mid)) < q {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for i in lo..words {
            let id = self.store.sorted(i);
            if !self.store.word(id).starts_with(q) {
                break;
            }
            if Some(id) != exact {
                out.push((id, PREFIX));
            }
        }
        let chars: Vec<char> = q.chars().collect();
        // Typo tolerance only for a word the documents do not contain, and
        // long enough that a typo is not just another short word.
        if word.looseness != Looseness::Fuzzy || exact.is_some() || chars.len() < 4 {
            return out;
        }
        let matcher = SkimMatcherV2::default();
        let n = chars.len();
        // Letters that may be missing, or edits: one, two from eight letters.
        let slack = if n >= 8 { 2 } else { 1 };
        let mut v = Vec::new();
        for &id in self.by_first.get(&chars[0]).map_or(&[][..], Vec::as_slice) {
            let candidate = self.store.word(id);
            let len = candidate.chars().count();
            if len + slack < n || len > n + slack || candidate.starts_with(q) {
                continue;
            }
            // Missing letters: the query is a subsequence with few gaps.
            let subsequence = len >= n && matcher.fuzzy_match(candidate, q).is_some();
            let close = subsequence || {
                v.clear();
                v.extend(candidate.chars());
                words::edit_distance(&chars, &v, slack).is_some()
                    // A mistyped prefix of a longer word.
                    || (n >= 6 && len > n && words::edit_distance(&chars, &v[..n], 1).is_some())
            };
            if close {
                out.push((id, FUZZY));
            }
        }
        out
    }

    /// Units that hold every word of a term (adjacency checked later).
    fn term_units(&self, term: &[Vec<(u32, Quality)>]) -> Bits {
        let mut all: Option<Bits> = None;
        for word in term {
            let mut bits = Bits::new(self.store.units(), false);
            for &(id, _) in word {
                for (u, _) in self.store.postings(id) {
                    bits.set(u);
                }
            }
            match &mut all {
                Some(a) => a.and(&bits),
                None => all = Some(bits),
            }
        }
        all.unwrap_or_else(|| Bits::new(self.store.units(), false))
    }

    /// For one query word: per unit, the best match quality and the
    /// number of occurrences, from the postings alone.
    fn single_word(&self, word: &[(u32, Quality)]) -> Vec<(Quality, u32)> {
        let mut best = vec![(0, 0); self.store.units()];
        for &(id, quality) in word {
            for (u, count) in self.store.postings(id) {
                if let Some(entry) = best.get_mut(u as usize) {
                    entry.0 = entry.0.max(quality);
                    entry.1 += count;
                }
            }
        }
        best
    }

    /// Occurrences of every positive term in a sequence of word ids;
    /// `original` gives each word's text for case-sensitive terms.
    fn occurrences(
        compiled: &Compiled,
        tokens: &[u32],
        original: Option<&[&str]>,
    ) -> Vec<Vec<Occurrence>> {
        let terms = &compiled.query.terms;
        let mut found: Vec<Vec<Occurrence>> = vec![Vec::new(); terms.len()];
        let quality = |pos: usize, t: usize, w: usize| -> Option<Quality> {
            let slot = compiled
                .slots(*tokens.get(pos)?)
                .iter()
                .find(|s| s.term as usize == t && s.word as usize == w)?;
            let word = &terms[t].words[w];
            if let (Some(case), Some(original)) = (&word.case, original) {
                let text = words::strip_accents(original[pos]);
                let ok = match slot.quality {
                    EXACT => text == *case,
                    PREFIX => text.starts_with(case.as_str()),
                    _ => text.chars().next() == case.chars().next(),
                };
                if !ok {
                    return None;
                }
            }
            Some(slot.quality)
        };
        for (pos, id) in tokens.iter().enumerate() {
            for slot in compiled.slots(*id).iter().filter(|s| s.word == 0) {
                let t = slot.term as usize;
                let len = terms[t].words.len();
                let mut worst = EXACT;
                let whole = (0..len).all(|w| {
                    quality(pos + w, t, w).is_some_and(|q| {
                        worst = worst.min(q);
                        true
                    })
                });
                if whole {
                    found[t].push((pos, pos + len, worst));
                }
            }
        }
        found
    }

    /// Score a candidate unit, or `None` if it does not really match
    /// (a phrase not adjacent, a case that differs).
    fn score(&self, compiled: &Compiled, u: u32, tokens: &mut Vec<u32>) -> Option<i64> {
        self.store.tokens_into(u, tokens);
        let text = if compiled.case {
            self.store.text(u)
        } else {
            std::borrow::Cow::Borrowed("")
        };
        let original: Option<Vec<&str>> = compiled
            .case
            .then(|| words::spans(&text).map(|r| &text[r]).collect());
        let found = Self::occurrences(compiled, tokens, original.as_deref());
        if found.iter().any(Vec::is_empty) {
            return None;
        }
        let excluded_phrase = compiled.query.exclude.iter().any(|t| t.words.len() > 1);
        if excluded_phrase && Self::excluded_phrase_present(compiled, tokens) {
            return None;
        }
        if found.is_empty() {
            // Only filters (articles, exclusions): document order.
            return Some(0);
        }
        let best: Vec<Quality> = found
            .iter()
            .map(|o| o.iter().map(|x| x.2).max().unwrap_or(FUZZY))
            .collect();
        let quality: i64 = best.iter().map(|&q| i64::from(q)).sum();
        let words: usize = compiled.query.terms.iter().map(|t| t.words.len()).sum();
        let (tier, closeness) = if best.contains(&FUZZY) {
            (0, 0)
        } else if found.len() == 1 || in_order(&found) {
            (3, 0)
        } else {
            let window = smallest_window(&found);
            let near = words + 4;
            if window <= near {
                (2, (near + 1 - window) as i64)
            } else {
                (1, 0)
            }
        };
        let occurrences = found.iter().map(Vec::len).sum::<usize>();
        Some(rank(tier, quality, closeness, occurrences))
    }

    fn excluded_phrase_present(compiled: &Compiled, tokens: &[u32]) -> bool {
        compiled
            .excluded
            .iter()
            .filter(|t| t.len() > 1)
            .any(|term| {
                (0..tokens.len()).any(|pos| {
                    term.iter().enumerate().all(|(w, ids)| {
                        tokens
                            .get(pos + w)
                            .is_some_and(|id| ids.iter().any(|(x, _)| x == id))
                    })
                })
            })
    }

    /// How many positive terms a heading unit holds.
    fn heading_terms(&self, compiled: &Compiled, h: u32) -> i64 {
        let mut tokens = Vec::new();
        self.store.tokens_into(h, &mut tokens);
        let found = Self::occurrences(compiled, &tokens, None);
        found.iter().filter(|o| !o.is_empty()).count().min(9) as i64
    }

    fn highlight_compiled(&self, compiled: &Compiled, text: &str) -> Vec<Range<usize>> {
        let mut word = String::new();
        let tokens: Vec<u32> = words::spans(text)
            .map(|r| {
                word.clear();
                words::fold_into(&text[r], &mut word);
                self.ids.get(&word).copied().unwrap_or(u32::MAX)
            })
            .collect();
        Self::highlight_tokens(compiled, text, &tokens)
    }

    /// Highlights of a text whose word ids are known.
    fn highlight_tokens(compiled: &Compiled, text: &str, tokens: &[u32]) -> Vec<Range<usize>> {
        if compiled.query.terms.is_empty() {
            return Vec::new();
        }
        let spans: Vec<Range<usize>> = words::spans(text).collect();
        let original: Option<Vec<&str>> = compiled
            .case
            .then(|| spans.iter().map(|r| &text[r.clone()]).collect());
        let found = Self::occurrences(compiled, tokens, original.as_deref());
        let terms = &compiled.query.terms;
        // Short words ("in", "of", "the") of a longer query light up only
        // next to a neighbouring term, not all over the text.
        let minor = |t: usize| {
            terms.len() > 1 && terms[t].words.iter().all(|w| w.folded.chars().count() <= 3)
        };
        let touches = |t: usize, o: &Occurrence| {
            (t > 0 && found[t - 1].iter().any(|p| p.1 == o.0))
                || found
                    .get(t + 1)
                    .is_some_and(|n| n.iter().any(|p| p.0 == o.1))
        };
        let mut positions: Vec<(usize, usize)> = found
            .iter()
            .enumerate()
            .flat_map(|(t, occ)| {
                occ.iter()
                    .filter(move |o| !minor(t) || touches(t, o))
                    .map(|o| (o.0, o.1))
            })
            .collect();
        positions.sort_unstable();
        // Words matched side by side become one highlight.
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(positions.len());
        for (start, end) in positions {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        merged
            .into_iter()
            .map(|(start, end)| spans[start].start..spans[end - 1].end)
            .collect()
    }
}

/// A score from its parts, most significant first: the tier (3 phrase or
/// one word, 2 near, 1 anywhere, 0 only through typos), the summed match
/// quality, a heading bonus added by the caller ([`HEADING`] per term the
/// heading holds), how near the words are, how often they occur.
fn rank(tier: i64, quality: i64, closeness: i64, occurrences: usize) -> i64 {
    tier * 10_000_000
        + quality.min(99) * 10_000
        + closeness.min(99) * 10
        + occurrences.min(9) as i64
}

/// Score per term a matching heading adds (between quality and closeness).
const HEADING: i64 = 1_000;

/// The score [`Index::score`] gives a unit matching a one-word query.
fn single_score((quality, count): (Quality, u32)) -> i64 {
    let tier = if quality == FUZZY { 0 } else { 3 };
    rank(tier, i64::from(quality), 0, count as usize)
}

/// Whether the terms occur one right after another, in query order.
fn in_order(found: &[Vec<Occurrence>]) -> bool {
    found[0].iter().any(|&(_, mut end, _)| {
        found[1..].iter().all(|term| {
            term.iter().find(|o| o.0 == end).is_some_and(|o| {
                end = o.1;
                true
            })
        })
    })
}

/// The fewest words spanning one occurrence of every term.
fn smallest_window(found: &[Vec<Occurrence>]) -> usize {
    let mut events: Vec<(usize, usize, usize)> = found
        .iter()
        .enumerate()
        .flat_map(|(t, o)| o.iter().map(move |&(s, e, _)| (s, e, t)))
        .collect();
    events.sort_unstable();
    let mut last_end = vec![None::<(usize, usize)>; found.len()];
    let mut best = usize::MAX;
    for &(s, e, t) in &events {
        last_end[t] = Some((s, e));
        if last_end.iter().all(Option::is_some) {
            let first = last_end.iter().flatten().map(|x| x.0).min().unwrap_or(s);
            let end = last_end.iter().flatten().map(|x| x.1).max().unwrap_or(e);
            best = best.min(end - first);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_scores_from_postings_equal_scores_from_scanning() {
        let index = Index::build(&Library::embedded());
        for query in ["torture", "solitar", "detention", "confinment", "'ibid"] {
            let compiled = index.compile(query);
            let best = index.single_word(&compiled.expansions[0][0]);
            let mut checked = 0;
            for u in 0..index.store.units() as u32 {
                let scanned = index
                    .score(&compiled, u, &mut Vec::new())
                    .filter(|_| best[u as usize].0 > 0);
                if best[u as usize].0 > 0 {
                    assert_eq!(
                        scanned,
                        Some(single_score(best[u as usize])),
                        "{query} unit {u}"
                    );
                    checked += 1;
                }
            }
            assert!(checked > 0, "{query} matched nothing");
        }
    }

    #[test]
    fn bits_hold_exactly_what_was_set() {
        let mut bits = Bits::new(130, false);
        for i in [0, 63, 64, 129] {
            bits.set(i);
        }
        assert_eq!(bits.iter().collect::<Vec<_>>(), [0, 63, 64, 129]);
        assert_eq!(Bits::new(130, true).iter().count(), 130);
        let mut full = Bits::new(130, true);
        full.and_not(&bits);
        assert_eq!(full.iter().count(), 126);
    }
}
