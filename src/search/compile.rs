//! A query compiled against an index's vocabulary: which vocabulary words
//! each query word matches and how well, and where a compiled query occurs
//! in a unit's words. The last compiled query is kept, because typing and
//! the reader's highlighter ask for the same query many times.

use super::Index;
use super::query::{self, Query, Term};
use super::words;
use std::sync::Arc;

/// How a word of the text matched a query word (higher is better).
pub(super) type Quality = u8;
/// A close spelling (typo tolerance): approximate.
pub(super) const FUZZY: Quality = 1;
/// A word the query word begins: approximate.
pub(super) const PREFIX: Quality = 2;
/// Another form of the query word (`woman` for `women`).
pub(super) const FORM: Quality = 3;
/// The query word as typed.
pub(super) const EXACT: Quality = 4;

/// Whether a match quality is the program's guess rather than the word
/// or one of its forms: drawn and reported as approximate.
pub(super) fn approximate(quality: Quality) -> bool {
    quality <= PREFIX
}

/// A query word's match in the vocabulary: (term, word in term, quality).
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot {
    term: u16,
    word: u16,
    quality: Quality,
}

/// A query resolved against the vocabulary.
pub(super) struct Compiled {
    pub(super) query: Query,
    /// For every positive term, for every word: the vocabulary ids it
    /// matched with their quality.
    pub(super) expansions: Vec<Vec<Vec<(u32, Quality)>>>,
    /// Same for excluded terms.
    pub(super) excluded: Vec<Vec<Vec<(u32, Quality)>>>,
    /// Vocabulary id → index + 1 into `slot_lists` (0: matches nothing).
    pub(super) slot_of: Vec<u32>,
    /// The positive query words a vocabulary word matches.
    pub(super) slot_lists: Vec<Vec<Slot>>,
    /// Whether any positive word is case-sensitive.
    pub(super) case: bool,
}

impl Compiled {
    /// The query words a vocabulary id matches (none for an unknown id).
    pub(super) fn slots(&self, id: u32) -> &[Slot] {
        match self.slot_of.get(id as usize) {
            Some(&at) if at > 0 => &self.slot_lists[at as usize - 1],
            _ => &[],
        }
    }

    /// Occurrences of every group of alternatives, from the occurrences
    /// of its terms ([`Compiled::occurrences`]), in position order.
    pub(super) fn groups(&self, found: &[Vec<Occurrence>]) -> Vec<Vec<Occurrence>> {
        let mut groups: Vec<Vec<Occurrence>> = vec![Vec::new(); self.query.groups()];
        for (term, occ) in self.query.terms.iter().zip(found) {
            groups[term.group].extend_from_slice(occ);
        }
        for g in &mut groups {
            g.sort_unstable();
        }
        groups
    }

    /// Whether group `g` is optional (function words only).
    pub(super) fn optional(&self, g: usize) -> bool {
        self.query
            .terms
            .iter()
            .filter(|t| t.group == g)
            .all(query::Term::optional)
    }

    /// Occurrences of every positive term in a sequence of word ids;
    /// `original` gives each word's text for case-sensitive terms.
    pub(super) fn occurrences(
        &self,
        tokens: &[u32],
        original: Option<&[&str]>,
    ) -> Vec<Vec<Occurrence>> {
        let terms = &self.query.terms;
        let mut found: Vec<Vec<Occurrence>> = vec![Vec::new(); terms.len()];
        let quality = |pos: usize, t: usize, w: usize| -> Option<Quality> {
            let slot = self
                .slots(*tokens.get(pos)?)
                .iter()
                .find(|s| s.term as usize == t && s.word as usize == w)?;
            let word = &terms[t].words[w];
            if let (Some(case), Some(original)) = (&word.case, original) {
                let text = words::strip_accents(original[pos]);
                let ok = match slot.quality {
                    EXACT => text == *case,
                    PREFIX => text.starts_with(case.as_str()),
                    // Another form or spelling: the same capital.
                    _ => text.chars().next() == case.chars().next(),
                };
                if !ok {
                    return None;
                }
            }
            Some(slot.quality)
        };
        for (pos, id) in tokens.iter().enumerate() {
            for slot in self.slots(*id).iter().filter(|s| s.word == 0) {
                let t = slot.term as usize;
                let mut worst = EXACT;
                let mut at = pos;
                // The words in a row; an optional one (a function word
                // inside a hyphenated word) may be missing.
                let whole = terms[t].words.iter().enumerate().all(|(w, word)| {
                    if let Some(q) = quality(at, t, w) {
                        worst = worst.min(q);
                        at += 1;
                        true
                    } else {
                        word.optional && w > 0
                    }
                });
                if whole {
                    found[t].push((pos, at, worst));
                }
            }
        }
        found
    }
}

/// Where a term occurs in a unit: word positions `start..end`, quality.
pub(super) type Occurrence = (usize, usize, Quality);

impl Index {
    pub(super) fn compile(&self, query: &str) -> Arc<Compiled> {
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
}
