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

pub mod cli;
pub mod query;
mod snippet;
pub mod words;

pub use snippet::snippet;

use crate::document::{Document, Inline, Kind, UnitKind};
use crate::library::Library;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use query::{Looseness, Query, Term};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

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

struct UnitInfo {
    doc: u32,
    paragraph: u32,
    labels: Vec<String>,
    reference: String,
    unit: HitUnit,
    kind: Kind,
    /// The heading unit this unit sits under.
    heading: Option<u32>,
    text: String,
    /// The paragraph's articles and those of its counterparts.
    articles: Vec<u32>,
    /// Bits of the scopes that include it.
    scopes: u8,
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
    /// Vocabulary id → the positive query words it matches.
    slots: HashMap<u32, Vec<Slot>>,
    /// Whether any positive word is case-sensitive.
    case: bool,
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
    units: Vec<UnitInfo>,
    /// Word ids of every unit, concatenated; `starts[u]..starts[u + 1]`.
    tokens: Vec<u32>,
    starts: Vec<u32>,
    vocab: Vec<String>,
    ids: HashMap<String, u32>,
    /// Vocabulary ids in word order, for prefix lookups.
    sorted: Vec<u32>,
    /// Vocabulary ids by first character, for fuzzy lookups.
    by_first: HashMap<char, Vec<u32>>,
    /// Word id → (unit, occurrences), units ascending.
    postings: Vec<Vec<(u32, u32)>>,
    /// The last compiled query: typing and the reader's highlighter ask
    /// for the same query many times.
    cache: Mutex<Option<(String, Arc<Compiled>)>>,
}

struct Builder {
    index: Index,
    word: String,
}

impl Builder {
    fn add(&mut self, mut info: UnitInfo) {
        let index = &mut self.index;
        let unit = index.units.len() as u32;
        let first = index.tokens.len();
        for span in words::spans(&info.text) {
            self.word.clear();
            words::fold_into(&info.text[span], &mut self.word);
            let id = if let Some(&id) = index.ids.get(&self.word) {
                id
            } else {
                let id = index.vocab.len() as u32;
                index.vocab.push(self.word.clone());
                index.ids.insert(self.word.clone(), id);
                index.postings.push(Vec::new());
                id
            };
            index.tokens.push(id);
        }
        let mut seen: Vec<u32> = index.tokens[first..].to_vec();
        seen.sort_unstable();
        for run in seen.chunk_by(|a, b| a == b) {
            index.postings[run[0] as usize].push((unit, run.len() as u32));
        }
        info.articles.sort_unstable();
        info.articles.dedup();
        index.units.push(info);
        index.starts.push(index.tokens.len() as u32);
    }

    fn document(&mut self, d: usize, doc: &Document) {
        let mut last_heading: Option<*const u8> = None;
        let mut heading_unit = None;
        let mut cited: HashMap<u32, u32> = HashMap::new();
        for unit in doc.units() {
            let p = unit.paragraph;
            let key = unit.heading.map(str::as_ptr);
            if key != last_heading {
                last_heading = key;
                heading_unit = unit.heading.map(|h| {
                    self.add(UnitInfo {
                        doc: d as u32,
                        paragraph: p.number,
                        labels: Vec::new(),
                        reference: p.number.to_string(),
                        unit: HitUnit::Heading,
                        kind: p.kind,
                        heading: None,
                        text: h.to_string(),
                        articles: Vec::new(),
                        scopes: Scope::All.bit(),
                    });
                    self.index.units.len() as u32 - 1
                });
            }
            let mut articles = p.articles.clone();
            for other in &p.pair {
                if let Some(q) = doc.paragraph(*other) {
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
            let id = self.index.units.len() as u32;
            for inline in unit.text {
                if let Inline::Note(n) = inline {
                    cited.entry(*n).or_insert(id);
                }
            }
            self.add(UnitInfo {
                doc: d as u32,
                paragraph: p.number,
                labels: unit.labels.iter().map(ToString::to_string).collect(),
                reference: unit.reference.clone(),
                unit: if unit.unit == UnitKind::Paragraph {
                    HitUnit::Paragraph
                } else {
                    HitUnit::Item
                },
                kind: p.kind,
                heading: heading_unit,
                text: unit.plain(),
                articles,
                scopes,
            });
        }
        for note in &doc.footnotes {
            let citing = cited
                .get(&note.number)
                .map(|&u| &self.index.units[u as usize]);
            let info = UnitInfo {
                doc: d as u32,
                paragraph: citing.map_or(0, |u| u.paragraph),
                labels: citing.map(|u| u.labels.clone()).unwrap_or_default(),
                reference: citing.map(|u| u.reference.clone()).unwrap_or_default(),
                unit: HitUnit::Footnote(note.number),
                kind: citing.map_or(Kind::Other, |u| u.kind),
                heading: citing.and_then(|u| u.heading),
                text: note.text.clone(),
                articles: Vec::new(),
                scopes: Scope::All.bit(),
            };
            self.add(info);
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
        self.0[i as usize / 64] |= 1 << (i % 64);
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
        let mut builder = Builder {
            index: Index {
                units: Vec::new(),
                tokens: Vec::new(),
                starts: vec![0],
                vocab: Vec::new(),
                ids: HashMap::new(),
                sorted: Vec::new(),
                by_first: HashMap::new(),
                postings: Vec::new(),
                cache: Mutex::new(None),
            },
            word: String::new(),
        };
        for (d, doc) in library.documents.iter().enumerate() {
            builder.document(d, doc);
        }
        let mut index = builder.index;
        let mut sorted: Vec<u32> = (0..index.vocab.len() as u32).collect();
        sorted.sort_unstable_by(|a, b| index.vocab[*a as usize].cmp(&index.vocab[*b as usize]));
        index.sorted = sorted;
        for (id, word) in index.vocab.iter().enumerate() {
            if let Some(c) = word.chars().next() {
                index.by_first.entry(c).or_default().push(id as u32);
            }
        }
        index
    }

    /// Sizes, for benchmarks.
    #[must_use]
    pub fn stats(&self) -> Stats {
        let text: usize = self.units.iter().map(|u| u.text.capacity()).sum();
        let meta: usize = self.units.len() * std::mem::size_of::<UnitInfo>()
            + self
                .units
                .iter()
                .map(|u| u.reference.capacity() + u.articles.capacity() * 4 + u.labels.len() * 24)
                .sum::<usize>();
        let vocab: usize = self.vocab.iter().map(|w| 2 * w.capacity() + 64).sum();
        let postings: usize = self.postings.iter().map(|p| p.capacity() * 8 + 24).sum();
        Stats {
            units: self.units.len(),
            words: self.vocab.len(),
            tokens: self.tokens.len(),
            bytes: text
                + meta
                + vocab
                + postings
                + (self.tokens.capacity() + self.starts.capacity() + 2 * self.sorted.len()) * 4,
        }
    }

    /// Search: results best first, at most `limit`.
    #[must_use]
    pub fn search(&self, query: &str, scope: Scope, limit: usize) -> Vec<Hit> {
        let compiled = self.compile(query);
        if compiled.query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut candidates = Bits::new(self.units.len(), true);
        for term in &compiled.expansions {
            candidates.and(&self.term_units(term));
        }
        for term in &compiled.excluded {
            candidates.and_not(&self.term_units(term));
        }
        let bit = scope.bit();
        let articles = &compiled.query.articles;
        let mut heading_matches: HashMap<u32, i64> = HashMap::new();
        let mut scored: Vec<(i64, u32)> = Vec::new();
        // One plain word: its postings already say how well and how often
        // each unit matches, so no unit needs to be scanned.
        let single = (compiled.query.terms.len() == 1
            && compiled.query.terms[0].words.len() == 1
            && !compiled.case
            && compiled.query.exclude.iter().all(|t| t.words.len() == 1))
        .then(|| self.single_word(&compiled.expansions[0][0]));
        for u in candidates.iter() {
            let info = &self.units[u as usize];
            if info.scopes & bit == 0
                || (!articles.is_empty() && !articles.iter().any(|a| info.articles.contains(a)))
            {
                continue;
            }
            let rank = match &single {
                Some(best) => Some(single_score(best[u as usize])),
                None => self.score(&compiled, u),
            };
            let Some(mut rank) = rank else {
                continue;
            };
            if let Some(h) = info.heading {
                rank += 1_000
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
            .map(|(score, u)| {
                let info = &self.units[u as usize];
                Hit {
                    doc: info.doc as usize,
                    paragraph: info.paragraph,
                    labels: info.labels.clone(),
                    reference: info.reference.clone(),
                    unit: info.unit,
                    kind: info.kind,
                    heading: info.heading.map(|h| self.units[h as usize].text.clone()),
                    score,
                    text: info.text.clone(),
                    highlights: self.highlight_compiled(&compiled, &info.text),
                }
            })
            .collect()
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
        let mut slots: HashMap<u32, Vec<Slot>> = HashMap::new();
        for (t, term) in expansions.iter().enumerate() {
            for (w, word) in term.iter().enumerate() {
                for &(id, quality) in word {
                    slots.entry(id).or_default().push(Slot {
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
            slots,
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
        let from = self
            .sorted
            .partition_point(|&id| self.vocab[id as usize].as_str() < q);
        for &id in &self.sorted[from..] {
            if !self.vocab[id as usize].starts_with(q) {
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
        let gaps = if n >= 8 { 2 } else { 1 };
        let typos = if n >= 8 { 2 } else { 1 };
        let mut v = Vec::new();
        for &id in self.by_first.get(&chars[0]).map_or(&[][..], Vec::as_slice) {
            let candidate = &self.vocab[id as usize];
            let len = candidate.chars().count();
            if len + typos < n || len > n + gaps.max(typos) || candidate.starts_with(q) {
                continue;
            }
            // Missing letters: the query is a subsequence with few gaps.
            let subsequence =
                len >= n && len <= n + gaps && matcher.fuzzy_match(candidate, q).is_some();
            let close = subsequence || {
                v.clear();
                v.extend(candidate.chars());
                words::edit_distance(&chars, &v, typos).is_some()
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
            let mut bits = Bits::new(self.units.len(), false);
            for &(id, _) in word {
                for &(u, _) in &self.postings[id as usize] {
                    bits.set(u);
                }
            }
            match &mut all {
                Some(a) => a.and(&bits),
                None => all = Some(bits),
            }
        }
        all.unwrap_or_else(|| Bits::new(self.units.len(), false))
    }

    /// For one query word: per unit, the best match quality and the
    /// number of occurrences, from the postings alone.
    fn single_word(&self, word: &[(u32, Quality)]) -> Vec<(Quality, u32)> {
        let mut best = vec![(0, 0); self.units.len()];
        for &(id, quality) in word {
            for &(u, count) in &self.postings[id as usize] {
                let entry = &mut best[u as usize];
                entry.0 = entry.0.max(quality);
                entry.1 += count;
            }
        }
        best
    }

    fn unit_tokens(&self, u: u32) -> &[u32] {
        &self.tokens[self.starts[u as usize] as usize..self.starts[u as usize + 1] as usize]
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
                .slots
                .get(tokens.get(pos)?)?
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
            let Some(slots) = compiled.slots.get(id) else {
                continue;
            };
            for slot in slots.iter().filter(|s| s.word == 0) {
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
    fn score(&self, compiled: &Compiled, u: u32) -> Option<i64> {
        let tokens = self.unit_tokens(u);
        let text = &self.units[u as usize].text;
        let original: Option<Vec<&str>> = compiled
            .case
            .then(|| words::spans(text).map(|r| &text[r]).collect());
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
                (2, (near + 1 - window).min(99) as i64)
            } else {
                (1, 0)
            }
        };
        let occurrences = found.iter().map(Vec::len).sum::<usize>().min(9) as i64;
        Some(tier * 10_000_000 + quality.min(99) * 10_000 + closeness * 10 + occurrences)
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
        let found = Self::occurrences(compiled, self.unit_tokens(h), None);
        found.iter().filter(|o| !o.is_empty()).count().min(9) as i64
    }

    fn highlight_compiled(&self, compiled: &Compiled, text: &str) -> Vec<Range<usize>> {
        if compiled.query.terms.is_empty() {
            return Vec::new();
        }
        let spans: Vec<Range<usize>> = words::spans(text).collect();
        let mut word = String::new();
        let tokens: Vec<u32> = spans
            .iter()
            .map(|r| {
                word.clear();
                words::fold_into(&text[r.clone()], &mut word);
                self.ids.get(&word).copied().unwrap_or(u32::MAX)
            })
            .collect();
        let original: Option<Vec<&str>> = compiled
            .case
            .then(|| spans.iter().map(|r| &text[r.clone()]).collect());
        let found = Self::occurrences(compiled, &tokens, original.as_deref());
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

/// The score [`Index::score`] gives a unit matching a one-word query.
fn single_score((quality, count): (Quality, u32)) -> i64 {
    let tier = if quality == FUZZY { 0 } else { 3 };
    tier * 10_000_000 + i64::from(quality) * 10_000 + i64::from(count.min(9))
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
            for u in 0..index.units.len() as u32 {
                let scanned = index.score(&compiled, u).filter(|_| best[u as usize].0 > 0);
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
