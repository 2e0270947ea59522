//! Matching one query word against the vocabulary: the same word, its
//! other forms (`forms`: the stem in each language of the documents),
//! words it begins (prefix) and close spellings. The only place that uses
//! `fuzzy-matcher`, behind [`loosely_contains`].
//!
//! Typo tolerance is kept to where it cannot silently change meaning:
//!
//! - never under five letters (`rape` is not `rate`);
//! - a word the documents do not contain gets one edit up to seven
//!   letters, two from eight, letters left out, and a mistyped start of a
//!   longer word; from seven letters the first letter may be the typo
//!   (`kolitary`), when nothing with the right first letter matched;
//! - a word the documents do contain gets only one-edit spellings, and
//!   only those at least [`COMMONER`] times as common as it (a typo that
//!   made another, rarer word: `polite` for `police`).
//!
//! Everything but the word and its forms is reported as approximate.

use super::Index;
use super::compile::{EXACT, FORM, FUZZY, PREFIX, Quality};
use super::query::{self, Looseness};
use super::{forms, words};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Shortest word with typo tolerance.
const TYPO_MIN: usize = 5;
/// Shortest word whose first letter may be the typo.
const FIRST_LETTER_MIN: usize = 7;
/// How much more common a one-edit spelling must be than a word of the
/// documents to be offered for it.
const COMMONER: usize = 3;

impl Index {
    /// The vocabulary words a query word matches, with their quality.
    pub(super) fn expand(&self, word: &query::Word) -> Vec<(u32, Quality)> {
        let q = word.folded.as_str();
        let mut out: Vec<(u32, Quality)> = Vec::new();
        let exact = self.ids.get(q).copied();
        if let Some(id) = exact {
            out.push((id, EXACT));
        }
        if word.looseness == Looseness::Exact {
            return out;
        }
        for (slot, &lang) in self.languages.iter().enumerate() {
            let stem = forms::stem(lang, &word.lower);
            for id in self.store.forms(slot, &stem) {
                if !out.iter().any(|(x, _)| *x == id) {
                    out.push((id, FORM));
                }
            }
        }
        if word.looseness == Looseness::Forms {
            return out;
        }
        let matched = out.len();
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
            if !out[..matched].iter().any(|(x, _)| *x == id) {
                out.push((id, PREFIX));
            }
        }
        let chars: Vec<char> = q.chars().collect();
        if word.looseness != Looseness::Fuzzy || chars.len() < TYPO_MIN {
            return out;
        }
        let known = out.len();
        for id in self.typos(&chars, exact, known > 0) {
            if !out[..known].iter().any(|(x, _)| *x == id) {
                out.push((id, FUZZY));
            }
        }
        out
    }

    /// Close spellings of a word of at least [`TYPO_MIN`] letters;
    /// `exact` is its id when the documents contain it; `matched` says
    /// whether it already matched a word (itself, a form or a longer word
    /// it begins).
    fn typos(&self, chars: &[char], exact: Option<u32>, matched: bool) -> Vec<u32> {
        let n = chars.len();
        let q: String = chars.iter().collect();
        let known = exact.map(|id| self.store.postings(id).count());
        // Letters that may be missing, or edits: one, two from eight
        // letters; one only for a word the documents contain.
        let slack = if n >= 8 && known.is_none() { 2 } else { 1 };
        // Same first letter; from seven letters also a first letter
        // replaced, left out, doubled or swapped: words whose first or
        // second letter is the query's first or second. The first letter
        // is the least likely typo: those pools are searched only when
        // nothing else matched (`kolitary`), which also spares long
        // queries the widest scans.
        let mut pools: Vec<(&[u32], bool)> = vec![(bucket(&self.by_first, chars[0]), true)];
        if n >= FIRST_LETTER_MIN {
            pools.push((bucket(&self.by_second, chars[1]), false));
            pools.push((bucket(&self.by_second, chars[0]), false));
            if chars[1] != chars[0] {
                pools.push((bucket(&self.by_first, chars[1]), false));
            }
        }
        let mut out = Vec::new();
        let mut v = Vec::new();
        // One matcher for the whole scan: building one allocates.
        let skim = SkimMatcherV2::default();
        for (p, (pool, same_first)) in pools.into_iter().enumerate() {
            if p == 1 && (matched || !out.is_empty()) {
                break;
            }
            for &id in pool {
                if Some(id) == exact {
                    continue;
                }
                let candidate = self.store.word(id);
                let len = candidate.chars().count();
                if len + slack < n || len > n + slack || candidate.starts_with(&q) {
                    continue;
                }
                if !same_first && candidate.starts_with(chars[0]) {
                    // Already seen in the first pool.
                    continue;
                }
                v.clear();
                v.extend(candidate.chars());
                let close = if known.is_some() {
                    words::edit_distance(chars, &v, 1).is_some()
                } else {
                    // Missing letters: the query is a subsequence with few
                    // gaps (same first letter only).
                    (same_first && len >= n && loosely_contains(&skim, candidate, &q))
                        || words::edit_distance(chars, &v, slack).is_some()
                        // A mistyped start of a longer word.
                        || (n >= 6 && len > n && words::edit_distance(chars, &v[..n], 1).is_some())
                };
                if close && !out.contains(&id) {
                    out.push(id);
                }
            }
        }
        if let Some(count) = known {
            out.retain(|id| self.store.postings(*id).count() >= COMMONER * count);
        }
        out
    }
}

/// The word ids filed under a character (none when nothing is).
fn bucket(map: &super::map::Map<char, Vec<u32>>, c: char) -> &[u32] {
    map.get(&c).map_or(&[][..], Vec::as_slice)
}

/// Whether the letters of `query` appear in `candidate` in order, with few
/// gaps (`fuzzy-matcher`'s skim algorithm; both already folded).
fn loosely_contains(skim: &SkimMatcherV2, candidate: &str, query: &str) -> bool {
    skim.fuzzy_match(candidate, query).is_some()
}
