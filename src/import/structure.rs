//! Body lines → the document tree, for paged inputs (PDF, `pdftotext`).
//!
//! One pass over the body lines with a cursor at the end of the tree.
//! Each line either opens something — a paragraph `12.`, an item `(a)`,
//! a chapter `III.`, a section `A.`, a thematic heading, an unnumbered
//! part — or continues what is open. An opening is believed only where
//! the sequence and the layout agree: `13.` after paragraph 12 at a tab
//! stop or after a finished sentence, `(c)` after `(b)`, `(i)` after `(h)`
//! only if `(j)` follows. Front matter (the committee, the title, old
//! layouts' session lines) is everything before the first opening.
//!
//! Each line's markup (the number or label it opens with, title note
//! asterisks) is recorded so that [`super::verify`] can prove every other
//! character landed in the tree.

use super::furniture::{BodyLine, Laid, join_into};
use super::labels::{Opening, next_letter, next_roman, opening, roman};
use super::page::{Mark, Place};
use crate::document::{Document, Inline, Item, Kind, Paragraph, Part, Section, Topic};
use std::collections::BTreeSet;

/// Something the importer noticed and the reader should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where.
    pub place: Place,
    /// What, in words.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Where a front-matter block went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Front {
    /// The committee's name.
    Committee,
    /// The title.
    Title,
    /// `preamble[i]`.
    Preamble(usize),
}

/// The tree and what the verifier needs to check it.
#[derive(Debug, Clone, Default)]
pub struct Built {
    /// The tree, without derived fields.
    pub doc: Document,
    /// Warnings in page order.
    pub warnings: Vec<Warning>,
    /// Per body line: the bytes of markup at its start (number, label).
    pub markup: Vec<usize>,
    /// Front-matter blocks in source order, and where each went.
    pub front: Vec<Front>,
    /// Footnote numbers cited in the text.
    pub cited: BTreeSet<u32>,
    /// Thematic headings found.
    pub headings: usize,
    /// Note marks (`*`, `**`) on the title, in order.
    pub title_marks: Vec<String>,
    /// How many leading body lines are front matter.
    pub front_lines: usize,
}

/// Where continuation text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Nothing,
    Front(usize),
    Section,
    Heading,
    Paragraph,
    Part,
    /// An item at this depth (0: `(a)`, 1: `(i)`).
    Item(usize),
}

struct Builder<'a> {
    lines: &'a [BodyLine],
    body_size: Option<f32>,
    notes: BTreeSet<u32>,
    out: Built,
    target: Target,
    /// Front blocks as text, before they are assigned.
    front_text: Vec<(String, Vec<String>, Place, Option<f32>)>,
    in_body: bool,
    last_number: Option<u32>,
    chapter: u32,
    letter: Option<char>,
    /// The text most recently appended (for "ends a sentence").
    tail: String,
}

/// Build the tree from laid-out pages. `notes` are the footnote numbers
/// defined at page bottoms: only raised marks naming one become
/// references.
#[must_use]
pub fn build(laid: &Laid, notes: &BTreeSet<u32>) -> Built {
    let mut b = Builder {
        lines: &laid.body,
        body_size: laid.body_size,
        notes: notes.clone(),
        out: Built {
            markup: vec![0; laid.body.len()],
            ..Built::default()
        },
        target: Target::Nothing,
        front_text: Vec::new(),
        in_body: false,
        last_number: None,
        chapter: 0,
        letter: None,
        tail: String::new(),
    };
    for i in 0..laid.body.len() {
        b.line(i);
    }
    if !b.in_body {
        b.out.front_lines = laid.body.len();
    }
    b.finish_front();
    b.out
}

/// How an unnumbered recommendation opens in old layouts.
const OPENERS: [&str; 5] = [
    "the state party should",
    "l’état partie devrait",
    "el estado parte debe",
    "el estado parte debería",
    "the committee recommends",
];

/// Does text end a sentence or a clause that a new block may follow?
fn ends_clause(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['”', '’', '"', ')', '*']);
    t.ends_with(['.', ';', ':', '!', '?'])
}

/// Without positions, does `next` continue the short text on `prev` (a
/// heading or title broken over lines)? A lowercase or parenthesis start,
/// an open parenthesis, or a line ending in a word that cannot end one.
fn continues_text(prev: &str, next: &str) -> bool {
    let open = prev.matches('(').count() > prev.matches(')').count();
    next.starts_with(|c: char| c.is_lowercase() || c == '(') || open || dangling(prev)
}

/// Does the text end in a word no heading or title ends in ("of",
/// "with", "de")?
fn dangling(text: &str) -> bool {
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
fn heading_like(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '“' || c == '"')
}

impl Builder<'_> {
    fn place(&self, i: usize) -> Place {
        self.lines[i].place
    }

    fn warn(&mut self, i: usize, message: String) {
        let place = self.place(i);
        self.out.warnings.push(Warning { place, message });
    }

    fn size(&self, i: usize) -> f32 {
        self.lines[i].line.size.or(self.body_size).unwrap_or(10.0)
    }

    /// A paragraph-sized gap (or a blank line) before line `i`.
    fn boundary(&self, i: usize) -> bool {
        let line = &self.lines[i];
        line.blank_before || line.gap.is_some_and(|g| g > self.size(i) * 1.45)
    }

    /// Line `i` is the first body line of its page.
    fn page_top(&self, i: usize) -> bool {
        i == 0 || self.lines[i - 1].place.page != self.lines[i].place.page
    }

    /// The line is set larger than the body.
    fn large(&self, i: usize) -> bool {
        match (self.lines[i].line.size, self.body_size) {
            (Some(s), Some(body)) => s > body + 0.5,
            _ => false,
        }
    }

    /// May a new block start at line `i`, judging by what came before?
    fn may_open(&self, i: usize) -> bool {
        self.boundary(i)
            || ends_clause(&self.tail)
            || matches!(
                self.target,
                Target::Nothing | Target::Front(_) | Target::Section | Target::Heading
            )
            || self.tail.is_empty()
            || self.page_top(i) && self.tail.trim_end().ends_with(')')
    }

    /// The opening token sits at a tab stop, or stands alone on its line.
    fn tabbed(&self, i: usize, rest: usize) -> bool {
        let line = &self.lines[i].line;
        line.tab.is_some_and(|t| t == rest) || rest >= line.text.len()
    }

    fn line(&mut self, i: usize) {
        let text = self.lines[i].line.text.clone();
        if let Some((open, rest)) = opening(&text)
            && self.opens(i, &open, rest)
        {
            self.out.markup[i] = rest;
            self.open(i, open, rest);
            return;
        }
        if !self.in_body {
            self.front(i);
            return;
        }
        let fresh = self.tail.is_empty()
            && matches!(
                self.target,
                Target::Paragraph | Target::Part | Target::Item(_) | Target::Section
            );
        if fresh {
            self.append(i, 0);
            return;
        }
        if self.continues_heading(i) {
            self.append(i, 0);
            return;
        }
        if self.is_heading(i) {
            self.heading(i);
            return;
        }
        if self.is_part(i) {
            self.part(i);
            return;
        }
        self.append(i, 0);
    }

    /// Is this opening believable here?
    fn opens(&mut self, i: usize, open: &Opening, rest: usize) -> bool {
        let tabbed = self.tabbed(i, rest);
        let context = self.may_open(i);
        match open {
            Opening::Number(n) => {
                let n = *n;
                match self.last_number {
                    None => (tabbed || context) && (n == 1 || tabbed && context),
                    Some(last) if n == last + 1 => tabbed || context,
                    Some(last) if n > last && n <= last + 20 => tabbed && context,
                    Some(_) => tabbed && context && self.boundary(i),
                }
            }
            Opening::Label(label) => {
                // A label that continues a list needs no more evidence
                // than its place in the sequence; one that starts a list
                // needs a tab stop or a finished clause before it.
                let fits = self.in_paragraph() && self.label_fits(i, label).is_some();
                let continues = self.container().is_some_and(|(items, _)| !items.is_empty());
                fits && (tabbed || context || continues)
            }
            Opening::Chapter(n) => {
                let title = self.title_after(i, rest);
                *n == self.chapter + 1 && (context || self.large(i)) && heading_like(title)
            }
            Opening::Letter(c) => {
                let expected = self.letter.map_or('A', |l| char::from(l as u8 + 1));
                let title = self.title_after(i, rest);
                *c == expected
                    && (context || self.large(i))
                    && heading_like(title)
                    && !ends_clause(title)
            }
        }
    }

    /// A chapter or section title: the rest of the line, or (`pdftotext`
    /// sets `I.` on a line of its own) the next line.
    fn title_after(&self, i: usize, rest: usize) -> &str {
        let text = &self.lines[i].line.text;
        if rest < text.len() {
            return &text[rest..];
        }
        match self.lines.get(i + 1) {
            Some(next) if opening(&next.line.text).is_none() => &next.line.text,
            _ => "",
        }
    }

    fn in_paragraph(&self) -> bool {
        self.in_body && self.paragraph().is_some()
    }

    /// At which depth does `label` continue the current lists, if any?
    fn label_fits(&self, i: usize, label: &str) -> Option<usize> {
        let (items, _) = self.container()?;
        let last0 = items.last().map(|it| it.label.as_str());
        let last1 = items
            .last()
            .and_then(|it| it.items.last())
            .map(|it| it.label.as_str());
        let letter = match last0 {
            None => label == "a",
            Some(l) => next_letter(l).as_deref() == Some(label),
        };
        let sub = match (last0, last1) {
            (Some(_), None) => label == "i",
            (Some(_), Some(r)) => next_roman(r).as_deref() == Some(label),
            _ => false,
        };
        match (letter, sub) {
            (true, false) => Some(0),
            (false, true) => Some(1),
            (false, false) => None,
            (true, true) => {
                // `(i)` after `(h)`: the ninth letter if `(j)` follows,
                // a sub-item if `(ii)` does.
                match self.next_label(i) {
                    Some(next)
                        if roman(label).is_some()
                            && next_roman(label).as_deref() == Some(&next) =>
                    {
                        Some(1)
                    }
                    _ => Some(0),
                }
            }
        }
    }

    /// The next label opening a line after line `i`, before the next
    /// paragraph.
    fn next_label(&self, i: usize) -> Option<String> {
        for line in &self.lines[i + 1..] {
            match opening(&line.line.text) {
                Some((Opening::Label(l), _)) => return Some(l),
                Some((Opening::Number(_) | Opening::Chapter(_), _)) => return None,
                _ => {}
            }
        }
        None
    }

    fn open(&mut self, i: usize, open: Opening, rest: usize) {
        let text = self.lines[i].line.text.clone();
        match open {
            Opening::Number(n) => {
                if let Some(last) = self.last_number {
                    if n == last {
                        self.warn(i, format!("paragraph number {n} is repeated"));
                    } else if n < last {
                        self.warn(i, format!("paragraph {n} follows paragraph {last}"));
                    } else if n > last + 1 {
                        let missing = if n == last + 2 {
                            format!("{}", last + 1)
                        } else {
                            format!("{}–{}", last + 1, n - 1)
                        };
                        self.warn(
                            i,
                            format!("paragraph {n} follows paragraph {last}: {missing} missing"),
                        );
                    }
                } else if n != 1 {
                    self.warn(i, format!("the first paragraph is numbered {n}"));
                }
                self.enter_body(i);
                self.last_number = Some(n);
                self.topic().paragraphs.push(Paragraph {
                    number: n,
                    kind: Kind::Other,
                    text: Vec::new(),
                    items: Vec::new(),
                    articles: Vec::new(),
                    follow_up: false,
                    pair: Vec::new(),
                    parts: Vec::new(),
                });
                self.target = Target::Paragraph;
            }
            Opening::Label(label) => {
                let depth = self.label_fits(i, &label).unwrap_or(0);
                let item = Item {
                    label,
                    text: Vec::new(),
                    items: Vec::new(),
                    follow_up: false,
                };
                if let Some((items, _)) = self.container_mut() {
                    if depth == 0 {
                        items.push(item);
                    } else if let Some(parent) = items.last_mut() {
                        parent.items.push(item);
                    }
                }
                self.target = Target::Item(depth);
            }
            Opening::Chapter(n) => {
                self.enter_body(i);
                self.chapter = n;
                self.letter = None;
                self.out.doc.sections.push(Section {
                    label: Some(super::labels::to_roman(n).to_uppercase()),
                    title: String::new(),
                    topics: Vec::new(),
                });
                self.target = Target::Section;
            }
            Opening::Letter(c) => {
                self.enter_body(i);
                self.letter = Some(c);
                self.out.doc.sections.push(Section {
                    label: Some(c.to_string()),
                    title: String::new(),
                    topics: Vec::new(),
                });
                self.target = Target::Section;
            }
        }
        self.tail.clear();
        if rest < text.len() {
            self.append(i, rest);
        }
    }

    /// Leave the front matter: the first opening has come at line `i`.
    fn enter_body(&mut self, i: usize) {
        if !self.in_body {
            self.out.front_lines = i;
        }
        self.in_body = true;
    }

    fn section(&mut self) -> &mut Section {
        if self.out.doc.sections.is_empty() {
            self.out.doc.sections.push(Section {
                label: None,
                title: String::new(),
                topics: Vec::new(),
            });
        }
        self.out.doc.sections.last_mut().expect("pushed above")
    }

    fn topic(&mut self) -> &mut Topic {
        let section = self.section();
        if section.topics.is_empty() {
            section.topics.push(Topic {
                heading: None,
                paragraphs: Vec::new(),
            });
        }
        section.topics.last_mut().expect("pushed above")
    }

    fn paragraph(&self) -> Option<&Paragraph> {
        self.out
            .doc
            .sections
            .last()?
            .topics
            .last()?
            .paragraphs
            .last()
    }

    fn paragraph_mut(&mut self) -> Option<&mut Paragraph> {
        self.out
            .doc
            .sections
            .last_mut()?
            .topics
            .last_mut()?
            .paragraphs
            .last_mut()
    }

    /// The items list new labels go to (the last part's, or the
    /// paragraph's), and whether it is a part's.
    fn container(&self) -> Option<(&Vec<Item>, bool)> {
        let p = self.paragraph()?;
        Some(match p.parts.last() {
            Some(part) => (&part.items, true),
            None => (&p.items, false),
        })
    }

    fn container_mut(&mut self) -> Option<(&mut Vec<Item>, bool)> {
        let p = self.paragraph_mut()?;
        Some(match p.parts.last_mut() {
            Some(part) => (&mut part.items, true),
            None => (&mut p.items, false),
        })
    }

    /// A heading continues onto this line: same block, no opening.
    fn continues_heading(&self, i: usize) -> bool {
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
    fn block_end(&self, i: usize, limit: usize) -> usize {
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
    fn is_heading(&self, i: usize) -> bool {
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
    fn opens_next(&self, j: usize, depth: usize) -> bool {
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

    fn heading(&mut self, i: usize) {
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
    fn is_part(&self, i: usize) -> bool {
        if !self.in_paragraph() || !ends_clause(&self.tail) {
            return false;
        }
        let text = self.lines[i].line.text.to_lowercase().replace('\'', "’");
        let gap = self.lines[i].gap.is_some() && self.boundary(i);
        gap && heading_like(&self.lines[i].line.text) || OPENERS.iter().any(|o| text.starts_with(o))
    }

    fn part(&mut self, i: usize) {
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

    /// Front matter: group lines into blocks (same size, no gap; or a
    /// lowercase continuation).
    fn front(&mut self, i: usize) {
        let line = &self.lines[i];
        let continues = match self.target {
            Target::Front(_) => {
                let prev = &self.lines[i - 1];
                if line.gap.is_some() && line.place.page == prev.place.page {
                    !self.boundary(i)
                        && line.line.size == prev.line.size
                        && !prev.line.text.trim_end().ends_with('*')
                        && !prev.line.marks.iter().any(|m| m.text.contains('*'))
                } else {
                    // Without positions a title runs on to its asterisk or
                    // a blank line.
                    let block = &self.front_text[self.front_text.len() - 1].0.to_lowercase();
                    let title = super::formulae::TITLE.iter().any(|t| block.starts_with(t))
                        && !prev.line.text.trim_end().ends_with('*');
                    (continues_text(&prev.line.text, &line.line.text) || title)
                        && !line.blank_before
                }
            }
            _ => false,
        };
        if !continues {
            self.front_text
                .push((String::new(), Vec::new(), line.place, line.line.size));
            self.target = Target::Front(self.front_text.len() - 1);
        }
        let (text, stars) = strip_stars(&line.line.text, &line.line.marks);
        self.out.markup[i] = 0;
        let index = self.front_text.len() - 1;
        let block = &mut self.front_text[index];
        join_into(&mut block.0, &text);
        block.1.extend(stars);
    }

    /// Assign the front blocks: the committee's name, the title (the
    /// block that opens with the concluding-observations formula, else
    /// the first large one), and the rest as preamble.
    fn finish_front(&mut self) {
        let blocks = std::mem::take(&mut self.front_text);
        let committee = blocks
            .iter()
            .position(|(t, ..)| super::formulae::committee_of_name(t).is_some());
        let title = blocks
            .iter()
            .position(|(t, ..)| {
                let lower = t.to_lowercase();
                super::formulae::TITLE.iter().any(|f| lower.starts_with(f))
            })
            .or_else(|| {
                blocks
                    .iter()
                    .enumerate()
                    .position(|(i, (t, ..))| Some(i) != committee && !t.is_empty())
            });
        for (i, (text, stars, _, _)) in blocks.into_iter().enumerate() {
            let doc = &mut self.out.doc;
            let slot = if Some(i) == committee {
                doc.committee = text;
                Front::Committee
            } else if Some(i) == title {
                doc.title = text;
                self.out.title_marks = stars;
                Front::Title
            } else {
                doc.preamble.push(text);
                Front::Preamble(doc.preamble.len() - 1)
            };
            self.out.front.push(slot);
        }
    }

    /// Append line `i` from byte `from` to the open target.
    fn append(&mut self, i: usize, from: usize) {
        let line = &self.lines[i].line;
        let pieces = inlines(
            &line.text,
            &line.marks,
            from,
            &self.notes,
            &mut self.out.cited,
        );
        let plain: String = pieces
            .iter()
            .filter_map(|p| match p {
                Inline::Text(t) => Some(t.as_str()),
                Inline::Note(_) => None,
            })
            .collect();
        self.tail.clone_from(&plain);
        match self.target {
            Target::Nothing | Target::Front(_) => {}
            Target::Section => {
                let section = self.section();
                join_into(&mut section.title, &plain);
            }
            Target::Heading => {
                let topic = self.topic();
                join_into(topic.heading.get_or_insert_with(String::new), &plain);
            }
            Target::Paragraph => {
                if let Some(p) = self.paragraph_mut() {
                    push_inlines(&mut p.text, pieces);
                }
            }
            Target::Part => {
                if let Some(part) = self.paragraph_mut().and_then(|p| p.parts.last_mut()) {
                    push_inlines(&mut part.text, pieces);
                }
            }
            Target::Item(depth) => {
                if let Some((items, _)) = self.container_mut() {
                    let mut item = items.last_mut();
                    if depth == 1 {
                        item = item.and_then(|it| it.items.last_mut());
                    }
                    if let Some(item) = item {
                        push_inlines(&mut item.text, pieces);
                    }
                }
            }
        }
    }
}

/// Remove title-note asterisks glued to words (`Canada*`, `Czechia*`);
/// returns the text and the asterisk runs in order.
#[must_use]
pub fn strip_stars(text: &str, marks: &[Mark]) -> (String, Vec<String>) {
    let mut stars: Vec<String> = marks
        .iter()
        .filter(|m| !m.text.is_empty() && m.text.bytes().all(|b| b == b'*'))
        .map(|m| m.text.clone())
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let glued = at > 0
            && text[..at]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_whitespace());
        if c == '*' && glued {
            let mut run = String::from("*");
            while chars.peek().is_some_and(|&(_, n)| n == '*') {
                chars.next();
                run.push('*');
            }
            let next_ok = chars.peek().is_none_or(|&(_, n)| !n.is_alphanumeric());
            if next_ok {
                stars.push(run);
                continue;
            }
            out.push_str(&run);
            continue;
        }
        out.push(c);
    }
    (out, stars)
}

/// A line's text from byte `from` as inlines: raised marks that name a
/// defined footnote become references; other marks go back into the text
/// (`481e`, `m2`).
fn inlines(
    text: &str,
    marks: &[Mark],
    from: usize,
    notes: &BTreeSet<u32>,
    cited: &mut BTreeSet<u32>,
) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut current = String::new();
    let mut at = from;
    for mark in marks.iter().filter(|m| m.at >= from) {
        current.push_str(&text[at..mark.at]);
        at = mark.at;
        let number = mark
            .text
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| notes.contains(n));
        match number {
            Some(n) => {
                if !current.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut current)));
                }
                cited.insert(n);
                out.push(Inline::Note(n));
            }
            None if mark.text.bytes().all(|b| b == b'*') => {}
            None => current.push_str(&mark.text),
        }
    }
    current.push_str(&text[at..]);
    if !current.is_empty() {
        out.push(Inline::Text(current));
    }
    out
}

/// Join a line's inlines onto running text, the first piece joined as
/// [`join_into`] joins lines.
fn push_inlines(text: &mut Vec<Inline>, pieces: Vec<Inline>) {
    for (k, piece) in pieces.into_iter().enumerate() {
        match (text.last_mut(), piece) {
            (Some(Inline::Text(last)), Inline::Text(t)) if k == 0 => join_into(last, &t),
            (Some(Inline::Note(_)), Inline::Text(t)) if k == 0 => {
                // A line that starts after a marker starts a new word.
                text.push(Inline::Text(format!(" {}", t.trim_start())));
            }
            (_, piece) => text.push(piece),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_glued_to_words() {
        assert_eq!(
            strip_stars("periodic reports of Canada*", &[]),
            (
                "periodic reports of Canada".to_string(),
                vec!["*".to_string()]
            )
        );
        assert_eq!(
            strip_stars(
                "Information received from Czechia* on follow-up to the observations**",
                &[]
            ),
            (
                "Information received from Czechia on follow-up to the observations".to_string(),
                vec!["*".to_string(), "**".to_string()]
            )
        );
        assert_eq!(strip_stars("a * b", &[]).0, "a * b");
    }

    #[test]
    fn inline_marks() {
        let notes: BTreeSet<u32> = [1, 2].into_iter().collect();
        let mut cited = BTreeSet::new();
        let marks = vec![
            Mark {
                at: 6,
                text: "1".into(),
            },
            Mark {
                at: 13,
                text: "e".into(),
            },
        ];
        let got = inlines("Canada at 481 x", &marks, 0, &notes, &mut cited);
        assert_eq!(
            got,
            vec![
                Inline::Text("Canada".into()),
                Inline::Note(1),
                Inline::Text(" at 481e x".into())
            ]
        );
    }
}
