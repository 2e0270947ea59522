//! Blocks without an opening: a thematic heading (short, capitalised,
//! unpunctuated at its end, before an opening), its continuation over
//! lines, and an unnumbered part of a numbered paragraph.

use super::super::labels::{Opening, opening};
use super::{Builder, Target};
use crate::document::{Kind, Part, Topic};

/// How an unnumbered recommendation opens in old layouts.
pub(super) const OPENERS: [&str; 5] = [
    "the state party should",
    "l’état partie devrait",
    "el estado parte debe",
    "el estado parte debería",
    "the committee recommends",
];

/// Does text end a sentence or a clause that a new block may follow?
pub(super) fn ends_clause(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['”', '’', '"', ')', '*']);
    t.ends_with(['.', ';', ':', '!', '?'])
}

/// Without positions, does `next` continue the short text on `prev` (a
/// heading or title broken over lines)? A lowercase or parenthesis start,
/// an open parenthesis, or a line ending in a word that cannot end one.
pub(super) fn continues_text(prev: &str, next: &str) -> bool {
    let open = prev.matches('(').count() > prev.matches(')').count();
    next.starts_with(|c: char| c.is_lowercase() || c == '(') || open || dangling(prev)
}

/// Does the text end in a word no heading or title ends in ("of",
/// "with", "de")?
pub(super) fn dangling(text: &str) -> bool {
    let last = text
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "of" | "the"
            | "and"
            | "on"
            | "in"
            | "to"
            | "for"
            | "with"
            | "or"
            | "a"
            | "an"
            | "de"
            | "la"
            | "le"
            | "les"
            | "des"
            | "du"
            | "et"
            | "y"
            | "el"
            | "los"
            | "las"
            | "del"
            | "en"
            | "sobre"
            | "concernant"
            | "relative"
            | "relatif"
            | "by"
            | "at"
            | "from"
    )
}

/// Does a line start like a heading: a capital, a digit or a quote?
pub(super) fn heading_like(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '“' || c == '"')
}

impl Builder<'_> {
    /// A heading continues onto this line: same block, no opening.
    pub(super) fn continues_heading(&self, i: usize) -> bool {
        matches!(self.target, Target::Heading | Target::Section)
            && !self.boundary(i)
            && !self.page_top(i)
            && self.lines[i].gap.is_some()
            && self.lines[i].line.size == self.lines[i - 1].line.size
            && !ends_clause(&self.tail)
            || matches!(self.target, Target::Heading | Target::Section)
                && self.lines[i].gap.is_none()
                && !self.page_top(i)
                && !self.lines[i].blank_before
                && continues_text(&self.lines[i - 1].line.text, &self.lines[i].line.text)
    }

    /// The lines of the block starting at `i` (same size, no gap, no
    /// opening), at most `limit`.
    pub(super) fn block_end(&self, i: usize, limit: usize) -> usize {
        let mut j = i + 1;
        while j < self.lines.len() && j - i < limit {
            let line = &self.lines[j];
            let same = if line.gap.is_some() {
                !self.boundary(j) && line.line.size == self.lines[i].line.size
            } else {
                line.place.page == self.lines[i].place.page
                    && continues_text(&self.lines[j - 1].line.text, &line.line.text)
                    && !line.blank_before
            };
            if !same || opening(&line.line.text).is_some() {
                break;
            }
            j += 1;
        }
        j
    }

    /// An unnumbered heading: short, capitalised, unpunctuated at its
    /// end, after a finished block and before an opening.
    pub(super) fn is_heading(&self, i: usize) -> bool {
        let line = &self.lines[i];
        if !heading_like(&line.line.text)
            || !(self.may_open(i) || self.page_top(i) && ends_clause(&self.tail))
        {
            return false;
        }
        if line.gap.is_some() && !self.boundary(i) && !self.page_top(i) {
            return false;
        }
        let end = self.block_end(i, 4);
        let text: String = self.lines[i..end]
            .iter()
            .map(|l| l.line.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if end - i > 3
            || text.chars().count() > 200
            || text.trim_end().ends_with(['.', ',', ';', ':'])
            || dangling(&text)
        {
            return false;
        }
        if self.large(i) {
            return true;
        }
        self.opens_next(end, 2)
    }

    /// Does a block open at line `j`: a number, chapter or section, or
    /// (up to `depth` times) another heading followed by one?
    pub(super) fn opens_next(&self, j: usize, depth: usize) -> bool {
        let Some(line) = self.lines.get(j) else {
            return true;
        };
        match opening(&line.line.text) {
            Some((Opening::Number(_) | Opening::Chapter(_) | Opening::Letter(_), _)) => true,
            Some((Opening::Label(l), _)) => l == "a",
            None => {
                depth > 0
                    && heading_like(&line.line.text)
                    && (line.gap.is_none() || self.boundary(j))
                    && {
                        let end = self.block_end(j, 4);
                        end - j <= 3
                            && !ends_clause(&line.line.text)
                            && self.opens_next(end, depth - 1)
                    }
            }
        }
    }

    pub(super) fn heading(&mut self, i: usize) {
        self.out.headings += 1;
        self.section().topics.push(Topic {
            heading: Some(String::new()),
            paragraphs: Vec::new(),
        });
        self.target = Target::Heading;
        self.tail.clear();
        self.append(i, 0);
    }

    /// An unnumbered paragraph inside a numbered one: after a finished
    /// sentence, at a paragraph gap, or opening with "The State party
    /// should".
    pub(super) fn is_part(&self, i: usize) -> bool {
        if !self.in_paragraph() || !ends_clause(&self.tail) {
            return false;
        }
        let text = self.lines[i].line.text.to_lowercase().replace('\'', "’");
        let gap = self.lines[i].gap.is_some() && self.boundary(i);
        gap && heading_like(&self.lines[i].line.text) || OPENERS.iter().any(|o| text.starts_with(o))
    }

    pub(super) fn part(&mut self, i: usize) {
        if let Some(p) = self.paragraph_mut() {
            p.parts.push(Part {
                kind: Kind::Other,
                text: Vec::new(),
                items: Vec::new(),
            });
        }
        self.target = Target::Part;
        self.tail.clear();
        self.append(i, 0);
    }
}
