//! The lossless check for paged inputs: every character of the body —
//! the pages minus the furniture that was removed — lands in the tree, in
//! order; every note lands whole.
//!
//! White space is not compared (lines were joined, hyphens at line ends
//! kept or joined); markup is: a paragraph number, an item label, a
//! chapter or section label, a footnote marker that became a reference,
//! a title-note asterisk.

use super::ImportError;
use super::furniture::{Laid, is_note_mark};
use super::page::Place;
use super::structure::{Built, Front, strip_stars};
use crate::document::{Document, Inline, Item};
use std::collections::BTreeSet;

/// Fail with the place of the first body character missing from the
/// tree, or of the first note that did not land.
///
/// # Errors
/// [`ImportError::LostAt`].
pub fn lossless(laid: &Laid, built: &Built, notes: &BTreeSet<u32>) -> Result<(), ImportError> {
    let expected = expected(laid, built, notes);
    let held = held(&built.doc, &built.front);
    let at = expected
        .iter()
        .zip(&held)
        .position(|((a, _), b)| a != b)
        .or_else(|| (expected.len() != held.len()).then(|| expected.len().min(held.len())));
    if let Some(at) = at {
        let place = expected
            .get(at)
            .or_else(|| expected.last())
            .map_or(Place::default(), |&(_, i)| laid.body[i].place);
        let near: String = expected[at.min(expected.len().saturating_sub(1))..]
            .iter()
            .take(40)
            .map(|(c, _)| *c)
            .collect();
        return Err(ImportError::LostAt { place, near });
    }
    notes_landed(laid, &built.doc)
}

/// Body characters (no white space), each with its body line's index.
fn expected(laid: &Laid, built: &Built, notes: &BTreeSet<u32>) -> Vec<(char, usize)> {
    let front_lines = front_lines(built);
    let mut out = Vec::new();
    for (i, body) in laid.body.iter().enumerate() {
        let line = &body.line;
        let mut text = String::new();
        let mut from = 0;
        for mark in &line.marks {
            text.push_str(&line.text[from..mark.at]);
            from = mark.at;
            let reference = is_note_mark(mark)
                && (mark.text.starts_with('*')
                    || mark.text.parse::<u32>().is_ok_and(|n| notes.contains(&n)));
            if !reference {
                text.push_str(&mark.text);
            }
        }
        text.push_str(&line.text[from..]);
        let skip = built.markup[i].min(text.len());
        let text = if i < front_lines {
            strip_stars(&text, &[]).0
        } else {
            text[skip..].to_string()
        };
        out.extend(text.chars().filter(|c| !c.is_whitespace()).map(|c| (c, i)));
    }
    out
}

/// How many leading body lines are front matter: those before the first
/// line with markup or the first paragraph, section or heading text.
fn front_lines(built: &Built) -> usize {
    built.front_lines
}

/// The tree's text (no white space) in document order: the front matter
/// in the order it stood, then sections, headings, paragraphs, items and
/// parts.
fn held(doc: &Document, front: &[Front]) -> Vec<char> {
    let mut out = String::new();
    for slot in front {
        match slot {
            Front::Committee => out.push_str(&doc.committee),
            Front::Title => out.push_str(&doc.title),
            Front::Preamble(i) => out.push_str(&doc.preamble[*i]),
        }
    }
    for section in &doc.sections {
        out.push_str(&section.title);
        for topic in &section.topics {
            if let Some(h) = &topic.heading {
                out.push_str(h);
            }
            for p in &topic.paragraphs {
                push_text(&mut out, &p.text);
                push_items(&mut out, &p.items);
                for part in &p.parts {
                    push_text(&mut out, &part.text);
                    push_items(&mut out, &part.items);
                }
            }
        }
    }
    out.chars().filter(|c| !c.is_whitespace()).collect()
}

fn push_text(out: &mut String, text: &[Inline]) {
    for piece in text {
        if let Inline::Text(t) = piece {
            out.push_str(t);
        }
    }
}

fn push_items(out: &mut String, items: &[Item]) {
    for item in items {
        push_text(out, &item.text);
        push_items(out, &item.items);
    }
}

/// Every note found at a page bottom is in the tree with the same text.
fn notes_landed(laid: &Laid, doc: &Document) -> Result<(), ImportError> {
    let squash = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let mut used = vec![false; doc.footnotes.len()];
    for def in &laid.notes {
        let text = squash(&def.text);
        let landed = if def.mark.starts_with('*') {
            doc.title_note.as_deref().is_some_and(|t| squash(t) == text)
                || doc.title_notes.iter().any(|n| squash(&n.text) == text)
        } else {
            let found = doc.footnotes.iter().enumerate().position(|(k, f)| {
                !used[k] && f.number.to_string() == def.mark && squash(&f.text) == text
            });
            if let Some(k) = found {
                used[k] = true;
            }
            found.is_some()
        };
        if !landed {
            return Err(ImportError::LostAt {
                place: def.place,
                near: def.text.chars().take(40).collect(),
            });
        }
    }
    Ok(())
}
