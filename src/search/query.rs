//! The query language, as fzf users know it:
//!
//! - words separated by spaces must all match (`solitary confinement`),
//!   except function words ("a", "to", "the"…), which only raise a unit
//!   that has them;
//! - `a | b` matches either (`solitary | isolation`); `|` binds the terms
//!   on each side of it, so `deaths custody | detention` is `deaths` and
//!   (`custody` or `detention`);
//! - `"a phrase"` matches its words adjacent and in order, function words
//!   included;
//! - `'word` matches the word exactly (no other form, no prefix, no typo
//!   tolerance);
//! - `!word` excludes units that contain it;
//! - `art:16` (or `art:2,16`) keeps units that engage one of the articles.
//!
//! A plain word matches its forms (`women` finds "woman"), a word it
//! begins, or a close spelling of a long word. Matching is smart-case: a
//! term with a capital letter matches case.

use super::forms::is_function_word;
use super::words::{fold, has_upper, spans, strip_accents};

/// How loosely a query word may match a word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looseness {
    /// The same word only.
    Exact,
    /// The same word or another form of it.
    Forms,
    /// Its forms or a word it begins.
    Prefix,
    /// Also a close fuzzy match (typos, missing letters).
    Fuzzy,
}

/// One word of a term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Folded form, matched against the index's vocabulary.
    pub folded: String,
    /// Lowercase with accents, for the stemmers.
    pub lower: String,
    /// Accent-stripped original when it has a capital (smart case).
    pub case: Option<String>,
    /// How loosely it matches.
    pub looseness: Looseness,
    /// A function word of a free query: it raises a unit that has it and
    /// excludes none.
    pub optional: bool,
}

/// A run of words that must appear adjacent and in order (one word for a
/// plain term).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The words.
    pub words: Vec<Word>,
    /// Written as a quoted phrase.
    pub quoted: bool,
    /// The group of alternatives (`a | b`) it belongs to: a unit must
    /// match one term of every group. Terms of a group are consecutive.
    pub group: usize,
}

impl Term {
    /// A function word on its own: it raises a unit and excludes none.
    #[must_use]
    pub fn optional(&self) -> bool {
        self.words.iter().all(|w| w.optional)
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Terms a unit must contain (one of each group), in the order typed.
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

    /// Number of groups of alternatives.
    #[must_use]
    pub fn groups(&self) -> usize {
        self.terms.last().map_or(0, |t| t.group + 1)
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
            lower: w.to_lowercase(),
            case: has_upper(w).then(|| strip_accents(w)),
            // In a quoted phrase the last word may still be being typed.
            looseness: if quoted && i + 1 == count {
                Looseness::Prefix
            } else {
                looseness
            },
            optional: false,
        })
        .collect();
    (!words.is_empty()).then_some(Term {
        words,
        quoted,
        group: 0,
    })
}

fn articles(spec: &str) -> Option<Vec<u32>> {
    let list: Option<Vec<u32>> = spec.split(',').map(|n| n.trim().parse().ok()).collect();
    list.filter(|l| !l.is_empty())
}

/// Add a positive term: into the group of the one before it after a `|`,
/// else into a group of its own.
fn push(query: &mut Query, or: &mut bool, term: Option<Term>) {
    if let Some(mut term) = term {
        term.group = match query.terms.last() {
            Some(last) if *or => last.group,
            Some(last) => last.group + 1,
            None => 0,
        };
        query.terms.push(term);
    }
    *or = false;
}

/// Parse a query. Never fails: whatever is not syntax is words.
#[must_use]
pub fn parse(input: &str) -> Query {
    let mut query = Query::default();
    let mut rest = input.trim_start();
    // A `|` right after a positive term: the next one joins its group.
    let mut or = false;
    // The last token was a positive term.
    let mut after_term = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('|') {
            or = after_term;
            after_term = false;
            rest = after;
        } else if let Some(after) = rest.strip_prefix('"') {
            after_term = true;
            // A phrase runs to the closing quote, or to the end while typed.
            let end = after.find('"').unwrap_or(after.len());
            push(
                &mut query,
                &mut or,
                term(&after[..end], Looseness::Forms, true),
            );
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '|')
                .unwrap_or(rest.len());
            let token = &rest[..end];
            rest = &rest[end..];
            after_term = true;
            if let Some(word) = token.strip_prefix('!') {
                let word = word.trim_matches('"');
                query.exclude.extend(term(word, Looseness::Prefix, false));
                (or, after_term) = (false, false);
            } else if let Some(word) = token.strip_prefix('\'') {
                push(&mut query, &mut or, term(word, Looseness::Exact, false));
            } else if let Some(list) = token
                .strip_prefix("art:")
                .or_else(|| token.strip_prefix("arts:"))
                .and_then(articles)
            {
                query.articles.extend(list);
                (or, after_term) = (false, false);
            } else {
                push(&mut query, &mut or, term(token, Looseness::Fuzzy, false));
            }
        }
        rest = rest.trim_start();
    }
    mark_function_words(&mut query);
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

/// Function words typed as plain words are optional, unless the query is
/// nothing else (`the` alone still finds "the"): matched as written, they
/// raise a unit and exclude none. Inside a hyphenated word
/// (`easy-to-read`) they may be left out of the run ("Easy Read").
fn mark_function_words(query: &mut Query) {
    for term in &mut query.terms {
        // Not in a quoted phrase, nor in a 'word (exact throughout).
        if term.quoted || term.words.len() < 3 || term.words[0].looseness == Looseness::Exact {
            continue;
        }
        let last = term.words.len() - 1;
        for word in &mut term.words[1..last] {
            if is_function_word(&word.folded) {
                word.optional = true;
                word.looseness = Looseness::Exact;
            }
        }
    }
    let group_size = |g: usize| query.terms.iter().filter(|t| t.group == g).count();
    let function: Vec<bool> = query
        .terms
        .iter()
        .map(|t| {
            !t.quoted
                && t.words.len() == 1
                && t.words[0].looseness == Looseness::Fuzzy
                && is_function_word(&t.words[0].folded)
                && group_size(t.group) == 1
        })
        .collect();
    if function.iter().all(|f| *f) {
        return;
    }
    for (term, function) in query.terms.iter_mut().zip(function) {
        if function {
            term.words[0].optional = true;
            term.words[0].looseness = Looseness::Exact;
        }
    }
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
                ("deaths", Looseness::Forms),
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
    fn a_bar_joins_the_terms_beside_it_into_alternatives() {
        let q = parse("deaths custody | \"pretrial detention\"|remand");
        let groups: Vec<usize> = q.terms.iter().map(|t| t.group).collect();
        assert_eq!(groups, [0, 1, 1, 1]);
        assert_eq!(q.groups(), 2);
        // A bar with nothing positive on one side joins nothing.
        let q = parse("| torture | !police | art:3 | custody |");
        let groups: Vec<usize> = q.terms.iter().map(|t| t.group).collect();
        assert_eq!(groups, [0, 1]);
        assert_eq!(q.exclude.len(), 1);
    }

    #[test]
    fn function_words_are_optional_in_free_queries_only() {
        let q = parse("access to a lawyer");
        let optional: Vec<bool> = q.terms.iter().map(Term::optional).collect();
        assert_eq!(optional, [false, true, true, false]);
        // Inside a phrase, exact ('the) or alone, they are required.
        let q = parse("\"access to a lawyer\" 'the");
        assert!(q.terms.iter().all(|t| !t.optional()));
        assert!(!parse("the").terms[0].optional());
        assert!(!parse("the | a").terms[0].optional());
        // Inside a hyphenated word, the inner ones may be left out.
        let q = parse("easy-to-read 'face-to-face");
        let inner: Vec<bool> = q.terms[0].words.iter().map(|w| w.optional).collect();
        assert_eq!(inner, [false, true, false]);
        assert!(q.terms[1].words.iter().all(|w| !w.optional));
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
