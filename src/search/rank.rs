//! Running a query: candidate units from the postings, filters (scope,
//! articles, exclusions), a score for each, and the best `limit` as
//! [`Hit`]s in score then document order.
//!
//! A score is, most significant first: the tier (all words as a phrase >
//! near each other > anywhere > only through typos), the words' match
//! quality (the word as typed > another form > a prefix), a matching
//! heading's lift, then BM25 within the tier: rare words count more, and
//! a short unit dense with the words beats a long one that mentions them
//! once. Function words of a free query add to BM25 only.

// BM25 works in floating point over counts of words and units, which
// stay far below 2^52.
#![allow(clippy::cast_precision_loss)]

use super::bits::Bits;
use super::compile::{Compiled, EXACT, FORM, FUZZY, Occurrence, PREFIX, Quality};
use super::map::Map;
use super::{Hit, HitUnit, Index, Scope, words};

/// BM25's term-frequency saturation and length normalisation.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// What BM25 needs of the whole query: each term's rarity and the
/// average unit length.
struct Weights {
    idf: Vec<f64>,
    average: f64,
}

impl Index {
    /// Search: results best first, at most `limit`.
    #[must_use]
    pub fn search(&self, query: &str, scope: Scope, limit: usize) -> Vec<Hit> {
        let compiled = self.compile(query);
        // A filter that could not be read keeps nothing rather than
        // everything: the caller shows why (`Index::problems`).
        if compiled.query.is_empty() || !compiled.query.problems.is_empty() || limit == 0 {
            return Vec::new();
        }
        let units = self.store.units();
        let mut candidates = Bits::new(units, true);
        let term_bits: Vec<Bits> = compiled
            .expansions
            .iter()
            .zip(&compiled.query.terms)
            .map(|(t, term)| self.term_units(t, &optional_words(term)))
            .collect();
        for g in 0..compiled.query.groups() {
            if compiled.optional(g) {
                continue;
            }
            let mut any = Bits::new(units, false);
            for (term, bits) in compiled.query.terms.iter().zip(&term_bits) {
                if term.group == g {
                    any.or(bits);
                }
            }
            candidates.and(&any);
        }
        candidates.and_not(&self.excluded_units(&compiled));
        let weights = Weights {
            idf: term_bits.iter().map(|b| idf(units, b.count())).collect(),
            average: self.store.tokens() as f64 / units.max(1) as f64,
        };
        let bit = scope.bit();
        let articles = &compiled.query.articles;
        let filters = &compiled.query.filters;
        let documents: Option<Vec<bool>> = filters.on_documents().then(|| {
            (0..self.store.documents())
                .map(|d| {
                    let meta = self.store.meta(d);
                    filters.keeps(meta.committee, meta.state, meta.year)
                })
                .collect()
        });
        let kinds = &filters.kinds;
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
            let kept = if documents.is_none() && kinds.is_empty() {
                self.store.scopes(u) & bit != 0
            } else {
                let fixed = self.store.fixed(u);
                documents
                    .as_ref()
                    .is_none_or(|d| d.get(fixed.doc as usize).copied().unwrap_or(false))
                    && if kinds.is_empty() {
                        fixed.scopes & bit != 0
                    } else {
                        // A heading is no paragraph of any kind.
                        fixed.unit != HitUnit::Heading && kinds.contains(&fixed.kind)
                    }
            };
            if !kept
                || (!articles.is_empty() && {
                    let engaged = self.store.articles(u);
                    !articles.iter().any(|a| engaged.contains(a))
                })
            {
                continue;
            }
            let rank = match &single {
                Some(best) => best
                    .get(u as usize)
                    .map(|&b| self.single_score(b, u, &weights)),
                None => self.score(&compiled, u, &mut tokens, &weights),
            };
            let Some(mut rank) = rank else {
                continue;
            };
            if let Some(h) = self.store.fixed(u).heading {
                rank += HEADING
                    * *heading_matches.entry(h).or_insert_with(|| match &single {
                        Some(best) => single_heading(&compiled, best, h),
                        None => self.heading_terms(&compiled, h),
                    });
            }
            scored.push((rank, u));
        }
        let order = |a: &(i64, u32), b: &(i64, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
        scored.sort_unstable_by(order);
        self.hits(&compiled, scored)
    }

    /// The results, with their text and their headings' (a heading
    /// shared by many results is read once).
    fn hits(&self, compiled: &Compiled, scored: Vec<(i64, u32)>) -> Vec<Hit> {
        let mut units: Vec<u32> = scored.iter().map(|s| s.1).collect();
        units.extend(scored.iter().filter_map(|s| self.store.fixed(s.1).heading));
        units.sort_unstable();
        units.dedup();
        let texts = self.texts(&units);
        scored
            .into_iter()
            .map(|(score, u)| self.hit(compiled, u, score, &texts))
            .collect()
    }

    /// A result, with its text (and its heading's) from `texts`.
    fn hit(&self, compiled: &Compiled, u: u32, score: i64, texts: &Map<u32, String>) -> Hit {
        let fixed = self.store.fixed(u);
        let (reference, labels) = self.store.reference(u);
        let text = texts.get(&u).cloned();
        let mut tokens = Vec::new();
        // Without its text (see `Index::stale`), a unit has nothing to
        // highlight.
        if text.is_some() {
            self.store.tokens_into(u, &mut tokens);
        }
        let text = text.unwrap_or_default();
        let (marked, approximate) = Self::highlight_and_approximate(compiled, &text, &tokens);
        Hit {
            doc: fixed.doc as usize,
            paragraph: fixed.paragraph,
            labels,
            reference,
            unit: fixed.unit,
            kind: fixed.kind,
            heading: fixed
                .heading
                .map(|h| texts.get(&h).cloned().unwrap_or_default()),
            score,
            text,
            highlights: marked.iter().map(|m| m.0.clone()).collect(),
            highlight_approximate: marked.iter().map(|m| m.1).collect(),
            approximate,
        }
    }

    /// Units that hold every required word of a term (adjacency checked
    /// later); `optional` says which words may be missing.
    fn term_units(&self, term: &[Vec<(u32, Quality)>], optional: &[bool]) -> Bits {
        let mut all: Option<Bits> = None;
        for (word, _) in term.iter().zip(optional).filter(|(_, o)| !**o) {
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

    /// Units an excluded word rules out. An excluded run (`!ill-treatment`)
    /// rules a unit out only where its words stand together, which
    /// [`Index::score`] checks: "treatment of ill detainees" stays.
    fn excluded_units(&self, compiled: &Compiled) -> Bits {
        let mut out = Bits::new(self.store.units(), false);
        for (term, words) in compiled.excluded.iter().zip(&compiled.query.exclude) {
            if words.words.len() == 1 {
                out.or(&self.term_units(term, &optional_words(words)));
            }
        }
        out
    }

    /// For one query word: per unit, the best match quality and the
    /// weighted number of occurrences, from the postings alone.
    fn single_word(&self, word: &[(u32, Quality)]) -> Vec<(Quality, u32)> {
        let mut best = vec![(0, 0); self.store.units()];
        for &(id, quality) in word {
            for (u, count) in self.store.postings(id) {
                if let Some(entry) = best.get_mut(u as usize) {
                    entry.0 = entry.0.max(quality);
                    entry.1 += count * weight(quality);
                }
            }
        }
        best
    }

    /// The score [`Index::score`] gives a unit matching a one-word query.
    fn single_score(&self, (quality, weighted): (Quality, u32), u: u32, weights: &Weights) -> i64 {
        let tier = if quality == FUZZY { 0 } else { 3 };
        let bm25 = bm25(
            weights.idf[0],
            weighted,
            self.store.length(u),
            weights.average,
        );
        rank(tier, i64::from(quality), bm25)
    }

    /// A unit's score, or `None` when it does not match (a phrase not
    /// adjacent, a case that differs, an excluded phrase).
    fn score(
        &self,
        compiled: &Compiled,
        u: u32,
        tokens: &mut Vec<u32>,
        weights: &Weights,
    ) -> Option<i64> {
        self.store.tokens_into(u, tokens);
        // A case-sensitive query checks the words as written; a unit
        // whose text cannot be had (see `Index::stale`) cannot match it.
        let text = if compiled.case {
            self.text(u)?
        } else {
            String::new()
        };
        let original: Option<Vec<&str>> = compiled
            .case
            .then(|| words::spans(&text).map(|r| &text[r]).collect());
        let found = compiled.occurrences(tokens, original.as_deref());
        let groups = compiled.groups(&found);
        let required: Vec<usize> = (0..groups.len())
            .filter(|g| !compiled.optional(*g))
            .collect();
        if required.iter().any(|g| groups[*g].is_empty()) {
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
        let qualities: Vec<Quality> = required.iter().map(|g| best(&groups[*g])).collect();
        let quality: i64 = qualities.iter().map(|&q| i64::from(q)).sum();
        let words: usize = compiled.query.terms.iter().map(|t| t.words.len()).sum();
        let present: Vec<Vec<Occurrence>> =
            groups.iter().filter(|o| !o.is_empty()).cloned().collect();
        let needed: Vec<Vec<Occurrence>> = required.iter().map(|g| groups[*g].clone()).collect();
        let (tier, closeness) = if qualities.contains(&FUZZY) {
            (0, 0.0)
        } else if needed.len() <= 1 || in_order(&present) || in_order(&needed) {
            (3, 0.0)
        } else {
            let window = smallest_window(&needed);
            let near = words + 4;
            if window <= near {
                (2, (near + 1 - window) as f64 / (near + 1) as f64)
            } else {
                (1, 0.0)
            }
        };
        let length = tokens.len();
        let bm25: f64 = found
            .iter()
            .zip(&weights.idf)
            .map(|(occ, idf)| {
                let weighted = occ.iter().map(|o| weight(o.2)).sum();
                bm25(*idf, weighted, length, weights.average)
            })
            .sum();
        Some(rank(tier, quality, bm25 * (1.0 + closeness)))
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

    /// How many required groups a heading unit holds.
    fn heading_terms(&self, compiled: &Compiled, h: u32) -> i64 {
        let mut tokens = Vec::new();
        self.store.tokens_into(h, &mut tokens);
        let found = compiled.occurrences(&tokens, None);
        let groups = compiled.groups(&found);
        groups
            .iter()
            .enumerate()
            .filter(|(g, o)| !o.is_empty() && !compiled.optional(*g))
            .count()
            .min(9) as i64
    }
}

/// [`Index::heading_terms`] for a one-word query, from the word's
/// postings (`best`, from [`Index::single_word`]) rather than the
/// heading's words: a broad query meets thousands of headings, whose
/// words would otherwise be read from the index file one by one.
fn single_heading(compiled: &Compiled, best: &[(Quality, u32)], h: u32) -> i64 {
    i64::from(!compiled.optional(0) && best.get(h as usize).is_some_and(|b| b.0 > 0))
}

/// Which words of a term may be missing. A lone function word is
/// optional as a term, not as a word: its units are its postings.
fn optional_words(term: &super::query::Term) -> Vec<bool> {
    let alone = term.words.len() == 1;
    term.words.iter().map(|w| w.optional && !alone).collect()
}

/// The best quality among occurrences.
fn best(occurrences: &[Occurrence]) -> Quality {
    occurrences.iter().map(|o| o.2).max().unwrap_or(FUZZY)
}

/// How much one occurrence counts, in tenths: the word as typed fully,
/// other forms, prefixes and typos less.
fn weight(quality: Quality) -> u32 {
    match quality {
        EXACT => 10,
        FORM => 8,
        PREFIX => 6,
        _ => 4,
    }
}

/// Rarity of a term found in `df` of `units` units (BM25's, never
/// negative).
fn idf(units: usize, df: usize) -> f64 {
    let (n, df) = (units as f64, df as f64);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25 of one term in a unit of `length` words: `weighted` occurrences
/// in tenths ([`weight`]).
fn bm25(idf: f64, weighted: u32, length: usize, average: f64) -> f64 {
    let tf = f64::from(weighted) / 10.0;
    if tf == 0.0 {
        return 0.0;
    }
    let norm = K1 * (1.0 - B + B * length as f64 / average.max(1.0));
    idf * tf * (K1 + 1.0) / (tf + norm)
}

/// A score from its parts, most significant first: the tier (3 phrase or
/// one word, 2 near, 1 anywhere, 0 only through typos), the summed match
/// quality, a heading bonus added by the caller ([`HEADING`] per term the
/// heading holds), then BM25 (in thousandths).
fn rank(tier: i64, quality: i64, bm25: f64) -> i64 {
    // BM25 of a few terms stays far below the cap; the cast saturates.
    let bm25 = ((bm25 * 1000.0).round() as i64).clamp(0, HEADING - 1);
    tier * 1_000_000_000_000 + quality.min(99) * 10_000_000_000 + bm25
}

/// Score per term a matching heading adds (between quality and BM25).
const HEADING: i64 = 1_000_000_000;

/// Whether the groups occur one right after another, in query order.
fn in_order(found: &[Vec<Occurrence>]) -> bool {
    if found.len() < 2 {
        return false;
    }
    found[0].iter().any(|&(_, mut end, _)| {
        found[1..].iter().all(|term| {
            term.iter().find(|o| o.0 == end).is_some_and(|o| {
                end = o.1;
                true
            })
        })
    })
}

/// The fewest words spanning one occurrence of every group.
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
        let index = Index::build(Library::embedded());
        let mut lifted = 0;
        for query in [
            "torture",
            "solitar",
            "detention",
            "confinment",
            "'ibid",
            "women",
            // A lone function word: optional as a term, so it lifts no
            // heading.
            "the",
        ] {
            let compiled = index.compile(query);
            let units = index.store.units();
            let bits = index.term_units(&compiled.expansions[0], &[false]);
            let weights = Weights {
                idf: vec![idf(units, bits.count())],
                average: index.store.tokens() as f64 / units as f64,
            };
            let best = index.single_word(&compiled.expansions[0][0]);
            let mut checked = 0;
            for u in 0..units as u32 {
                let scanned = index
                    .score(&compiled, u, &mut Vec::new(), &weights)
                    .filter(|_| best[u as usize].0 > 0);
                if best[u as usize].0 > 0 {
                    assert_eq!(
                        scanned,
                        Some(index.single_score(best[u as usize], u, &weights)),
                        "{query} unit {u}"
                    );
                    checked += 1;
                }
            }
            assert!(checked > 0, "{query} matched nothing");
            // And a heading's part of the score: from the postings as from
            // the heading's words, for every heading that one is.
            let mut held = 0;
            for h in (0..units as u32).filter_map(|u| index.store.fixed(u).heading) {
                let terms = index.heading_terms(&compiled, h);
                assert_eq!(
                    single_heading(&compiled, &best, h),
                    terms,
                    "{query} heading {h}"
                );
                held += terms;
            }
            lifted += held;
        }
        assert!(lifted > 0, "no heading held a query word");
    }

    #[test]
    fn idf_and_bm25_are_the_usual_formulas() {
        // Okapi BM25 with Lucene's idf, worked out by hand. A term in df of
        // N units: idf = ln(1 + (N - df + 0.5) / (df + 0.5)). Counted tf
        // times in a unit of L words (A on average), it adds
        // idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * L / A)), with
        // k1 = 1.2 and b = 0.75.
        let close = |a: f64, b: f64| (a - b).abs() < 1e-4;
        // ln(1 + 90.5 / 10.5)
        assert!(close(idf(100, 10), 2.263_745), "{}", idf(100, 10));
        // ln(1 + 0.5 / 10.5): a word in every unit counts almost nothing.
        assert!(close(idf(10, 10), 0.046_520), "{}", idf(10, 10));
        // 2 * 2 * 2.2 / (2 + 1.2 * 1.75): twice, in a unit twice as long
        // as the average.
        let twice = bm25(2.0, 20, 100, 50.0);
        assert!(close(twice, 2.146_341), "{twice}");
    }

    #[test]
    fn a_rare_word_counts_more_and_a_short_unit_beats_a_long_one() {
        assert!(idf(1000, 5) > idf(1000, 500));
        assert!(idf(10, 10) > 0.0);
        let short = bm25(1.0, 10, 20, 60.0);
        let long = bm25(1.0, 10, 200, 60.0);
        assert!(short > long);
        assert!(bm25(1.0, 30, 60, 60.0) > bm25(1.0, 10, 60, 60.0));
        assert!(
            bm25(1.0, 10, 60, 60.0) > bm25(1.0, 8, 60, 60.0),
            "a form counts less"
        );
    }
}
