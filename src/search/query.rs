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
//! - `art:16` (or `art:2,16`) keeps units that engage one of the articles;
//! - `committee:crpd`, `state:canada` (the start of the State's name or of
//!   a word in it, `state:"united k"`), `year:2023` or `year:2019..2025`
//!   keep units of the documents that fit; `kind:concern` (or
//!   `kind:concern|recommendation`, `kind:rec`) keeps units of those kinds
//!   whatever the scope. Several values of one filter are alternatives;
//!   different filters must all hold.
//!
//! A plain word matches its forms (`women` finds "woman"), a word it
//! begins, or a close spelling of a long word. Matching is smart-case: a
//! term with a capital letter matches case.

use super::forms::is_function_word;
use super::words::{fold, has_upper, spans, strip_accents};
use crate::document::Kind;
use crate::import::formulae::COMMITTEES;
use std::ops::RangeInclusive;

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
    /// Which documents and kinds of paragraph to keep.
    pub filters: Filters,
    /// Filters that could not be read, each as a sentence for the user:
    /// "no committee `xyz` (CAT, CCPR, …)".
    pub problems: Vec<String>,
}

/// What `committee:`, `state:`, `year:` and `kind:` ask for. Each list is
/// a set of alternatives; an empty list keeps everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    /// Committee codes (`CRPD`).
    pub committees: Vec<&'static str>,
    /// Folded starts of a State's name or of a word in it.
    pub states: Vec<String>,
    /// Years of adoption.
    pub years: Vec<RangeInclusive<u32>>,
    /// Paragraph kinds: these replace the scope.
    pub kinds: Vec<Kind>,
}

impl Filters {
    /// Whether a filter on documents is set.
    #[must_use]
    pub fn on_documents(&self) -> bool {
        !(self.committees.is_empty() && self.states.is_empty() && self.years.is_empty())
    }

    /// Whether a document with this committee code, State and year fits.
    #[must_use]
    pub fn keeps(&self, committee: &str, state: &str, year: Option<u32>) -> bool {
        let state = fold(state);
        (self.committees.is_empty() || self.committees.contains(&committee))
            && (self.states.is_empty() || self.states.iter().any(|s| state_fits(&state, s)))
            && (self.years.is_empty()
                || year.is_some_and(|y| self.years.iter().any(|r| r.contains(&y))))
    }
}

/// Whether a folded State name starts with `start`, or has a word that
/// does ("korea" finds "Republic of Korea").
fn state_fits(state: &str, start: &str) -> bool {
    state.starts_with(start)
        || state
            .match_indices(start)
            .any(|(i, _)| !state[..i].ends_with(char::is_alphanumeric))
}

impl Query {
    /// Whether the query asks for nothing at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.exclude.is_empty()
            && self.articles.is_empty()
            && self.filters == Filters::default()
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

/// The filter names the query knows, with the longest first where one
/// begins another.
const FILTERS: [&str; 4] = ["committee:", "state:", "year:", "kind:"];

/// A filter at the start of `rest`: its name, its value (a quoted value
/// may hold spaces) and what follows.
fn filter(rest: &str) -> Option<(&'static str, &str, &str)> {
    let name = FILTERS.iter().find(|f| {
        rest.get(..f.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(f))
    })?;
    let value = &rest[name.len()..];
    if let Some(quoted) = value.strip_prefix('"') {
        let end = quoted.find('"').unwrap_or(quoted.len());
        let after = quoted.get(end + 1..).unwrap_or("");
        return Some((name, &quoted[..end], after));
    }
    let end = value.find(char::is_whitespace).unwrap_or(value.len());
    Some((name, &value[..end], &value[end..]))
}

/// The values of a filter: separated by `,` or `|`.
fn values(value: &str) -> impl Iterator<Item = &str> {
    value
        .split([',', '|'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// A year or a range: `2023`, `2019..2025`, `2019-2025`, `2019..`, `..2020`.
fn years(value: &str) -> Option<RangeInclusive<u32>> {
    let year = |y: &str, open: u32| {
        if y.is_empty() {
            Some(open)
        } else {
            y.parse().ok()
        }
    };
    let (from, to) = value
        .split_once("..")
        .or_else(|| value.split_once('-'))
        .unwrap_or((value, value));
    if from.is_empty() && to.is_empty() {
        return None;
    }
    let (from, to) = (year(from, 0)?, year(to, u32::MAX)?);
    (from <= to).then_some(from..=to)
}

/// A kind by its name, its three letters, or the start of its name
/// (`rec`, `conc`, `follow-up`).
fn kind(value: &str) -> Option<Kind> {
    let v = fold(value).replace(['-', ' '], "_");
    let v = v.strip_suffix('s').filter(|v| v.len() > 2).unwrap_or(&v);
    Kind::ALL.into_iter().find(|k| {
        k.short().eq_ignore_ascii_case(v)
            || (v.len() >= 3 && k.name().starts_with(v))
            || k.name().replace('_', "") == v
    })
}

/// Read one filter's value into the query.
fn apply(query: &mut Query, name: &str, value: &str) {
    let filters = &mut query.filters;
    if values(value).next().is_none() {
        query
            .problems
            .push(format!("{name} needs a value ({})", expected(name)));
        return;
    }
    for v in values(value) {
        let known = match name {
            "committee:" => COMMITTEES
                .iter()
                .find(|c| c.code.eq_ignore_ascii_case(v))
                .map(|c| filters.committees.push(c.code)),
            "state:" => {
                filters.states.push(fold(v));
                Some(())
            }
            "year:" => years(v).map(|r| filters.years.push(r)),
            _ => kind(v).map(|k| filters.kinds.push(k)),
        };
        if known.is_none() {
            query
                .problems
                .push(format!("{name}{v}: {}", expected(name)));
        }
    }
}

/// What a filter takes, for a message.
fn expected(name: &str) -> String {
    match name {
        "committee:" => {
            let codes: Vec<String> = COMMITTEES.iter().map(|c| c.code.to_lowercase()).collect();
            format!("the committees are {}", codes.join(", "))
        }
        "state:" => "the start of a State's name, as in state:canada".to_string(),
        "year:" => "a year or a range, as in year:2023 or year:2019..2025".to_string(),
        _ => {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            format!("the kinds are {}", names.join(", "))
        }
    }
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
        if let Some((name, value, after)) = filter(rest) {
            apply(&mut query, name, value);
            (or, after_term) = (false, false);
            rest = after;
        } else if let Some(after) = rest.strip_prefix('|') {
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

    #[test]
    fn filters_read_committees_states_years_and_kinds() {
        let q = parse(
            "education Committee:CRPD,cat state:\"Côte d\" year:2019..2025 year:2011 kind:concern|rec",
        );
        assert_eq!(q.filters.committees, ["CRPD", "CAT"]);
        assert_eq!(q.filters.states, ["cote d"]);
        assert_eq!(q.filters.years, [2019..=2025, 2011..=2011]);
        assert_eq!(q.filters.kinds, [Kind::Concern, Kind::Recommendation]);
        assert!(q.problems.is_empty(), "{:?}", q.problems);
        // Only `education` is a word; the filters are no terms.
        assert_eq!(q.terms.len(), 1);
        assert_eq!(words(&q.terms[0]), [("education", Looseness::Fuzzy)]);
        // Filters alone are a query.
        assert!(!parse("kind:positive").is_empty());
    }

    #[test]
    fn kinds_go_by_name_short_name_plural_or_start() {
        let kinds = |v: &str| parse(&format!("kind:{v}")).filters.kinds;
        assert_eq!(kinds("recommendations"), [Kind::Recommendation]);
        assert_eq!(kinds("POS"), [Kind::Positive]);
        assert_eq!(kinds("follow-up"), [Kind::FollowUp]);
        assert_eq!(kinds("followup"), [Kind::FollowUp]);
        assert_eq!(kinds("intro"), [Kind::Introduction]);
        assert_eq!(kinds("oth"), [Kind::Other]);
        assert!(kinds("re").is_empty());
    }

    #[test]
    fn years_are_a_year_or_a_range_open_at_either_end() {
        let years = |v: &str| parse(&format!("year:{v}")).filters.years;
        assert_eq!(years("2023"), [2023..=2023]);
        assert_eq!(years("2019-2021"), [2019..=2021]);
        assert_eq!(years("2019.."), [2019..=u32::MAX]);
        assert_eq!(years("..2012"), [0..=2012]);
        assert!(years("2025..2019").is_empty());
        assert!(years("..").is_empty());
    }

    #[test]
    fn a_filter_that_cannot_be_read_is_a_problem_not_words() {
        let q = parse("torture kind:foo committee:xyz year:soon state:");
        assert_eq!(q.problems.len(), 4, "{:?}", q.problems);
        assert!(q.problems[0].starts_with("kind:foo: the kinds are introduction, positive"));
        assert!(q.problems[1].contains("committee:xyz: the committees are cat, ccpr"));
        assert!(q.problems[2].starts_with("year:soon: a year or a range"));
        assert!(q.problems[3].starts_with("state: needs a value"));
        assert_eq!(q.terms.len(), 1);
    }

    #[test]
    fn a_state_fits_by_the_start_of_its_name_or_of_a_word_in_it() {
        let keeps =
            |query: &str, state: &str| parse(query).filters.keeps("CRPD", state, Some(2020));
        assert!(keeps("state:canada", "Canada"));
        assert!(keeps("state:CAN", "Canada"));
        assert!(keeps("state:korea", "Republic of Korea"));
        assert!(keeps(
            "state:\"united k\"",
            "United Kingdom of Great Britain"
        ));
        assert!(keeps("state:cote", "Côte d’Ivoire"));
        assert!(!keeps("state:ada", "Canada"));
        assert!(!keeps("state:\"united k\"", "United States of America"));
        let f = parse("committee:cat year:2019..2020 state:can").filters;
        assert!(!f.keeps("CRPD", "Canada", Some(2020)));
        assert!(!f.keeps("CAT", "Canada", Some(2021)));
        assert!(!f.keeps("CAT", "Canada", None));
        assert!(f.keeps("CAT", "Canada", Some(2019)));
    }
}
