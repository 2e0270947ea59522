//! Running a query: candidate units from the postings, filters (scope,
//! articles, exclusions), a score for each (phrase > near > anywhere >
//! typos, exact over prefix, a matching heading lifts its paragraphs), and
//! the best `limit` as [`Hit`]s in score then document order.

use super::bits::Bits;
use super::compile::{Compiled, FUZZY, Occurrence, Quality};
use super::map::Map;
use super::{Hit, Index, Scope, words};

impl Index {
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
        let found = compiled.occurrences(tokens, original.as_deref());
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
        let found = compiled.occurrences(&tokens, None);
        found.iter().filter(|o| !o.is_empty()).count().min(9) as i64
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
    use crate::library::Library;

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
}
