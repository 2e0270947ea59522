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
use super::labels::opening;
use super::page::Place;
use crate::document::{Document, Inline, Item, Paragraph, Section, Topic};
use std::collections::BTreeSet;

mod blocks;
mod front;
mod inline;
mod openings;

use blocks::ends_clause;
pub use front::strip_stars;
use inline::{inlines, push_inlines};

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
