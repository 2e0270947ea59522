//! The query language, as fzf users know it:
//!
//! - words separated by spaces must all match (`solitary confinement`);
//! - `"a phrase"` matches its words adjacent and in order;
//! - `'word` matches the word exactly (no prefix, no typo tolerance);
//! - `!word` excludes units that contain it;
//! - `art:16` (or `art:2,16`) keeps units that engage one of the articles.
//!
//! A plain word matches a word, a word prefix or a close fuzzy match of a
//! word. Matching is smart-case: a term with a capital letter matches case.

use super::words::{fold, has_upper, spans, strip_accents};

/// How loosely a query word may match a word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looseness {
    /// The same word only.
    Exact,
    /// The same word or a word it begins.
    Prefix,
    /// Also a close fuzzy match (typos, missing letters).
    Fuzzy,
}

/// One word of a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Folded form, matched against the index's vocabulary.
    pub folded: String,
    /// Accent-stripped original when it has a capital (smart case).
    pub case: Option<String>,
    /// How loosely it matches.
    pub looseness: Looseness,
}

/// A run of words that must appear adjacent and in order (one word for a
/// plain term).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The words.
    pub words: Vec<Word>,
    /// Written as a quoted phrase.
    pub quoted: bool,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Terms a unit must contain, in the order typed.
    pub terms: Vec<Term>,
    /// Terms a unit must not contain.
    pub exclude: Vec<Term>,
    /// Articles a unit must engage (any of them); empty for no filter.
    pub articles: Vec<u32>,
}

impl Query {
    /// Whether the query asks for nothing at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.exclude.is_empty() && self.articles.is_empty()
    }
}

fn term(text: &str, looseness: Looseness, quoted: bool) -> Option<Term> {
    let pieces: Vec<&str> = spans(text).map(|r| &text[r]).collect();
    let count = pieces.len();
    let words: Vec<Word> = pieces
        .into_iter()
        .enumerate()
        .map(|(i, w)| Word {
            folded: fold(w),
            case: has_upper(w).then(|| strip_accents(w)),
            // In a quoted phrase the last word may still be being typed.
            looseness: if quoted && i + 1 == count {
                Looseness::Prefix
            } else {
                looseness
            },
        })
        .collect();
    (!words.is_empty()).then_some(Term { words, quoted })
}

fn articles(spec: &str) -> Option<Vec<u32>> {
    let list: Option<Vec<u32>> = spec.split(',').map(|n| n.trim().parse().ok()).collect();
    list.filter(|l| !l.is_empty())
}

/// Parse a query. Never fails: whatever is not syntax is words.
#[must_use]
pub fn parse(input: &str) -> Query {
    let mut query = Query::default();
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('"') {
            // A phrase runs to the closing quote, or to the end while typed.
            let end = after.find('"').unwrap_or(after.len());
            query
                .terms
                .extend(term(&after[..end], Looseness::Exact, true));
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..end];
            rest = &rest[end..];
            if let Some(word) = token.strip_prefix('!') {
                let word = word.trim_matches('"');
                query.exclude.extend(term(word, Looseness::Prefix, false));
            } else if let Some(word) = token.strip_prefix('\'') {
                query.terms.extend(term(word, Looseness::Exact, false));
            } else if let Some(list) = token
                .strip_prefix("art:")
                .or_else(|| token.strip_prefix("arts:"))
                .and_then(articles)
            {
                query.articles.extend(list);
            } else {
                query.terms.extend(term(token, Looseness::Fuzzy, false));
            }
        }
        rest = rest.trim_start();
    }
    // A short word before the last ("in", "of") is a whole word: as a
    // prefix it would match nearly every paragraph. The last word may
    // still be being typed.
    let count = query.terms.len();
    for term in query.terms.iter_mut().take(count.saturating_sub(1)) {
        for word in &mut term.words {
            if word.folded.chars().count() < 3 {
                word.looseness = Looseness::Exact;
            }
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &Term) -> Vec<(&str, Looseness)> {
        t.words
            .iter()
            .map(|w| (w.folded.as_str(), w.looseness))
            .collect()
    }

    #[test]
    fn plain_words_are_fuzzy_terms() {
        let q = parse("  solitary   confinment ");
        assert_eq!(q.terms.len(), 2);
        assert_eq!(words(&q.terms[0]), [("solitary", Looseness::Fuzzy)]);
        assert_eq!(words(&q.terms[1]), [("confinment", Looseness::Fuzzy)]);
        assert!(q.exclude.is_empty() && q.articles.is_empty());
    }

    #[test]
    fn quotes_make_a_phrase_whose_last_word_may_be_a_prefix() {
        let q = parse("\"Deaths in cust\" torture");
        assert_eq!(
            words(&q.terms[0]),
            [
                ("deaths", Looseness::Exact),
                ("in", Looseness::Exact),
                ("cust", Looseness::Prefix)
            ]
        );
        assert!(q.terms[0].quoted);
        assert_eq!(q.terms[0].words[0].case.as_deref(), Some("Deaths"));
        assert_eq!(words(&q.terms[1]), [("torture", Looseness::Fuzzy)]);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let q = parse("\"national prev");
        assert_eq!(q.terms.len(), 1);
        assert_eq!(q.terms[0].words.len(), 2);
    }

    #[test]
    fn exact_exclude_and_article_filters() {
        let q = parse("'torture !police art:16 arts:2,12");
        assert_eq!(words(&q.terms[0]), [("torture", Looseness::Exact)]);
        assert_eq!(words(&q.exclude[0]), [("police", Looseness::Prefix)]);
        assert_eq!(q.articles, [16, 2, 12]);
    }

    #[test]
    fn a_hyphenated_word_is_a_phrase_and_bad_articles_are_words() {
        let q = parse("ill-treatment art:x");
        assert_eq!(q.terms[0].words.len(), 2);
        assert_eq!(
            words(&q.terms[1]),
            [("art", Looseness::Fuzzy), ("x", Looseness::Fuzzy)]
        );
        assert!(q.articles.is_empty());
    }

    #[test]
    fn short_words_before_the_last_are_whole_words() {
        let q = parse("deaths in cu");
        assert_eq!(words(&q.terms[1]), [("in", Looseness::Exact)]);
        assert_eq!(words(&q.terms[2]), [("cu", Looseness::Fuzzy)]);
    }

    #[test]
    fn punctuation_alone_is_no_query() {
        assert!(parse(" ! ' \"\" -- ").is_empty());
        assert!(parse("").is_empty());
    }

    #[test]
    fn cyrillic_capitals_ask_for_case() {
        let q = parse("Работа работа");
        assert_eq!(q.terms[0].words[0].case.as_deref(), Some("Работа"));
        assert_eq!(q.terms[1].words[0].case, None);
        assert_eq!(q.terms[0].words[0].folded, "работа");
    }
}
