//! Search over concerns and recommendations (and, on request, everything).
//!
//! Fuzzy subsequence matching over whole paragraphs finds letters scattered
//! across prose, so the index works on words instead:
//!
//! 1. every paragraph, item, heading and footnote is cut into words, each
//!    folded (lowercase, no accents) and kept as an id in a vocabulary;
//!    postings map a word to the units that hold it;
//! 2. each query word is matched against the *vocabulary* — exactly, as
//!    another form of it (the Snowball stem in the document's language),
//!    as a prefix, or fuzzily for a long word (`fuzzy-matcher` and an edit
//!    distance) — and units come from the postings of the words it
//!    matched; function words of a free query are optional, `|` joins
//!    alternatives;
//! 3. candidate units are scanned word by word to check phrases and rank:
//!    phrase > all words near each other > all words anywhere > fuzzy word
//!    matches; then the word as typed over other forms over prefixes; a
//!    heading that matches lifts its paragraphs; then BM25 (rare words,
//!    short units); ties keep document order. Prefix and typo matches are
//!    marked approximate.
//!
//! The façade holds the public types ([`Index`], [`Hit`], [`Scope`]); each
//! concern has its own module:
//!
//! - [`query`]: the query syntax; [`words`]: the tokeniser and folding;
//! - `build`: documents → units, words and postings in the `store` (one
//!   byte buffer, which `cache` keeps on disk for the `search` command:
//!   [`Index::for_paths`]); no text: `texts` takes a result's text from
//!   its document;
//! - `compile`: a query resolved against the vocabulary, through `expand`
//!   (exact, forms, prefix and typo matching: the only user of
//!   `fuzzy-matcher`) and `forms` (stemmers, irregular plurals, function
//!   words);
//! - `rank`: candidates, filters and scores ([`Index::search`]), with the
//!   `bits` set of candidates;
//! - `highlight`: matched byte ranges ([`Index::highlight`]);
//!   [`snippet`]: the one-line excerpt of a result;
//! - [`IndexSlot`]: the browser's index, built on a background thread.

mod bits;
mod build;
pub(crate) mod cache;
mod compile;
mod expand;
mod forms;
mod highlight;
mod map;
mod pieces;
pub mod query;
mod rank;
mod slot;
mod snippet;
pub(crate) mod store;
mod texts;
pub mod words;

pub use cache::Searched;
pub use slot::IndexSlot;
pub use snippet::{snippet, snippet_marked};
pub use store::{DocMeta, StoreError};

use crate::document::{Kind, Reference};
use compile::Compiled;
use map::Map;
use std::ops::Range;
use std::sync::atomic::AtomicBool;
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
    /// For each highlight, whether it matched approximately: a word the
    /// query word begins or a close spelling, not the word or one of its
    /// forms.
    pub highlight_approximate: Vec<bool>,
    /// Whether some query word matched this unit only approximately.
    pub approximate: bool,
}

impl Hit {
    /// The highlights with their approximate flags.
    #[must_use]
    pub fn marked(&self) -> Vec<(Range<usize>, bool)> {
        self.highlights
            .iter()
            .cloned()
            .zip(self.highlight_approximate.iter().copied())
            .collect()
    }

    /// Where the hit is: its paragraph and item labels.
    #[must_use]
    pub fn at(&self) -> Reference {
        Reference {
            paragraph: self.paragraph,
            labels: self.labels.clone(),
        }
    }
}

/// Sizes of an index: what it holds and roughly what it costs in memory.
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
    /// Word ids by second character, for typos in the first letter.
    by_second: Map<char, Vec<u32>>,
    /// The documents' languages with forms (positions in
    /// `forms::LANGUAGES`), in the store's order.
    languages: Vec<usize>,
    /// The last compiled query: typing and the reader's highlighter ask
    /// for the same query many times.
    cache: Mutex<Option<(String, Arc<Compiled>)>>,
    /// The documents, for the results' text.
    texts: texts::Texts,
    /// Set when a result's document is not the one indexed.
    stale: AtomicBool,
}

impl Index {
    /// The index as bytes, for a cache file (`None` for an index read
    /// from one: see [`Index::open`]).
    #[must_use]
    pub fn bytes(&self) -> Option<&[u8]> {
        self.store.bytes()
    }

    /// For an index read from its file, how many of the file's bytes were
    /// read so far: its head and tables, then what searches asked for.
    #[must_use]
    pub fn bytes_read(&self) -> Option<u64> {
        self.store.bytes_read()
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

    /// The symbol, committee, State and year of document `doc` (empty
    /// fields if there is none).
    #[must_use]
    pub fn meta(&self, doc: usize) -> DocMeta<'_> {
        self.store.meta(doc)
    }

    /// Sizes of the index.
    #[must_use]
    pub fn stats(&self) -> Stats {
        let vocab: usize = self.ids.keys().map(|w| w.len() + 48).sum();
        Stats {
            units: self.store.units(),
            words: self.store.words(),
            tokens: self.store.tokens(),
            bytes: self.store.held() + vocab + self.store.words() * 4,
        }
    }
}
