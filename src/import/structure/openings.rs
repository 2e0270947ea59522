//! Openings: whether a paragraph number, an item label, a chapter or a
//! section is believable where it stands, and opening it in the tree.

use super::super::labels::{Opening, next_letter, next_roman, opening, roman, to_roman};
use super::blocks::{ends_clause, heading_like};
use super::{Builder, Target};
use crate::document::{Item, Kind, Paragraph, Section};

impl Builder<'_> {
    /// Is this opening believable here?
    pub(super) fn opens(&mut self, i: usize, open: &Opening, rest: usize) -> bool {
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
    pub(super) fn title_after(&self, i: usize, rest: usize) -> &str {
        let text = &self.lines[i].line.text;
        if rest < text.len() {
            return &text[rest..];
        }
        match self.lines.get(i + 1) {
            Some(next) if opening(&next.line.text).is_none() => &next.line.text,
            _ => "",
        }
    }

    pub(super) fn in_paragraph(&self) -> bool {
        self.in_body && self.paragraph().is_some()
    }

    /// At which depth does `label` continue the current lists, if any?
    pub(super) fn label_fits(&self, i: usize, label: &str) -> Option<usize> {
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
    pub(super) fn next_label(&self, i: usize) -> Option<String> {
        for line in &self.lines[i + 1..] {
            match opening(&line.line.text) {
                Some((Opening::Label(l), _)) => return Some(l),
                Some((Opening::Number(_) | Opening::Chapter(_), _)) => return None,
                _ => {}
            }
        }
        None
    }

    pub(super) fn open(&mut self, i: usize, open: Opening, rest: usize) {
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
                    heading: None,
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
                    label: Some(to_roman(n).to_uppercase()),
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
    pub(super) fn enter_body(&mut self, i: usize) {
        if !self.in_body {
            self.out.front_lines = i;
        }
        self.in_body = true;
    }
}
