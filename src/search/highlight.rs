//! Highlights: the byte ranges of a text that a query matched, for the
//! reader, footnotes, result snippets and the `search` command's JSON.
//! Positions are found on words; this is the one place they become byte
//! ranges of the original text.

use super::compile::{self, Compiled, Occurrence};
use super::{Index, words};
use std::ops::Range;

impl Index {
    /// Byte ranges of `text` that match `query`'s words and phrases, for
    /// highlighting anywhere (reader, footnotes, results).
    #[must_use]
    pub fn highlight(&self, query: &str, text: &str) -> Vec<Range<usize>> {
        let compiled = self.compile(query);
        self.highlight_compiled(&compiled, text)
            .into_iter()
            .map(|m| m.0)
            .collect()
    }

    /// [`Index::highlight`] with, for each range, whether it matched
    /// approximately (a prefix or a typo), to draw it differently.
    #[must_use]
    pub fn highlight_marked(&self, query: &str, text: &str) -> Vec<(Range<usize>, bool)> {
        let compiled = self.compile(query);
        self.highlight_compiled(&compiled, text)
    }

    fn highlight_compiled(&self, compiled: &Compiled, text: &str) -> Vec<(Range<usize>, bool)> {
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

    /// Highlights of a text whose word ids are known, each with whether
    /// it matched approximately.
    pub(super) fn highlight_tokens(
        compiled: &Compiled,
        text: &str,
        tokens: &[u32],
    ) -> Vec<(Range<usize>, bool)> {
        Self::highlight_and_approximate(compiled, text, tokens).0
    }

    /// [`Index::highlight_tokens`], and whether some required group of
    /// the query matched the text only approximately (a prefix or a
    /// typo, never the word or one of its forms): one pass over the
    /// words for both.
    pub(super) fn highlight_and_approximate(
        compiled: &Compiled,
        text: &str,
        tokens: &[u32],
    ) -> (Vec<(Range<usize>, bool)>, bool) {
        if compiled.query.terms.is_empty() {
            return (Vec::new(), false);
        }
        let spans: Vec<Range<usize>> = words::spans(text).collect();
        let original: Option<Vec<&str>> = compiled
            .case
            .then(|| spans.iter().map(|r| &text[r.clone()]).collect());
        let found = compiled.occurrences(tokens, original.as_deref());
        let approximate = compiled
            .groups(&found)
            .iter()
            .enumerate()
            .filter(|(g, o)| !compiled.optional(*g) && !o.is_empty())
            .any(|(_, o)| compile::approximate(o.iter().map(|x| x.2).max().unwrap_or(0)));
        let terms = &compiled.query.terms;
        // Short words ("in", "of", "the") of a longer query light up only
        // next to a neighbouring term, not all over the text.
        let minor = |t: usize| {
            terms.len() > 1
                && (terms[t].optional()
                    || terms[t].words.iter().all(|w| w.folded.chars().count() <= 3))
        };
        let touches = |t: usize, o: &Occurrence| {
            (t > 0 && found[t - 1].iter().any(|p| p.1 == o.0))
                || found
                    .get(t + 1)
                    .is_some_and(|n| n.iter().any(|p| p.0 == o.1))
        };
        let mut positions: Vec<(usize, usize, bool)> = found
            .iter()
            .enumerate()
            .flat_map(|(t, occ)| {
                occ.iter()
                    .filter(move |o| !minor(t) || touches(t, o))
                    .map(|o| (o.0, o.1, compile::approximate(o.2)))
            })
            .collect();
        // At one place, the better match (exact before approximate).
        positions.sort_unstable_by_key(|p| (p.0, p.2, std::cmp::Reverse(p.1)));
        // Words matched side by side become one highlight, when they
        // matched alike (exact or approximate).
        let mut merged: Vec<(usize, usize, bool)> = Vec::with_capacity(positions.len());
        for (start, end, approximate) in positions {
            match merged.last_mut() {
                Some(last) if start < last.1 => last.1 = last.1.max(end),
                Some(last) if start == last.1 && approximate == last.2 => last.1 = end,
                _ => merged.push((start, end, approximate)),
            }
        }
        let marks = merged
            .into_iter()
            .map(|(start, end, approximate)| (spans[start].start..spans[end - 1].end, approximate))
            .collect();
        (marks, approximate)
    }
}
