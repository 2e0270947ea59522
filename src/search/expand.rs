//! Matching one query word against the vocabulary: the same word, words
//! it begins (prefix) and, for a word the documents do not contain, close
//! typos and words with letters left out. The only place that uses
//! `fuzzy-matcher`, behind [`loosely_contains`].

use super::Index;
use super::compile::{EXACT, FUZZY, PREFIX, Quality};
use super::query::{self, Looseness};
use super::words;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

impl Index {
    /// The vocabulary words a query word matches, with their quality.
    pub(super) fn expand(&self, word: &query::Word) -> Vec<(u32, Quality)> {
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
            let subsequence = len >= n && loosely_contains(candidate, q);
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
}

/// Whether the letters of `query` appear in `candidate` in order, with few
/// gaps (`fuzzy-matcher`'s skim algorithm; both already folded).
fn loosely_contains(candidate: &str, query: &str) -> bool {
    SkimMatcherV2::default()
        .fuzzy_match(candidate, query)
        .is_some()
}
