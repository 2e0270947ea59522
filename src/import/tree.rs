//! Stage 2: classified lines → the document tree.
//!
//! Before the first paragraph, a plain line names the committee and a
//! heading line is the title (its trailing `*` marks the title note).
//! Footnote references `[footnoteRef:N]` become [`Inline::Note`] at their
//! exact place; every reference must have a body and every body a
//! reference.

use super::ImportError;
use super::lines::{Body, LineKind, Scanned};
use crate::document::{Document, Inline, Item, Kind, Paragraph, Section, Topic};
use std::collections::BTreeMap;

/// Build the tree. Kinds, articles and the other derived fields are left
/// at their defaults for [`super::enrich`].
///
/// # Errors
/// Orphan items, paragraph numbers out of order, footnote references
/// without bodies and bodies without references, duplicate bodies, and an
/// input with no numbered paragraph.
pub fn build(scanned: &Scanned<'_>) -> Result<Document, ImportError> {
    let mut doc = Document::default();
    // Where each footnote was first cited, for error messages.
    let mut cited: BTreeMap<u32, usize> = BTreeMap::new();
    let mut last_number: Option<u32> = None;
    // A heading line inside a list, waiting for the item it stands above.
    let mut pending: Option<&str> = None;
    for (index, line) in scanned.lines.iter().enumerate() {
        let started = last_number.is_some();
        match line.kind {
            LineKind::Blank => {}
            LineKind::Plain(text) if !started && doc.committee.is_empty() => {
                doc.committee = text.to_string();
            }
            LineKind::Heading(text) if !started && doc.title.is_empty() => {
                doc.title = text.trim_end_matches('*').trim_end().to_string();
            }
            LineKind::Section { label, title } => doc.sections.push(Section {
                label: Some(label.to_string()),
                title: title.to_string(),
                topics: Vec::new(),
            }),
            LineKind::Heading(text) if started && before_item(&scanned.lines[index + 1..]) => {
                pending = Some(text);
            }
            LineKind::Heading(text) => current_section(&mut doc).topics.push(Topic {
                heading: Some(text.to_string()),
                paragraphs: Vec::new(),
            }),
            LineKind::Paragraph { number, text } => {
                if let Some(previous) = last_number
                    && number <= previous
                {
                    return Err(ImportError::Order {
                        line: line.number,
                        number,
                        previous,
                    });
                }
                last_number = Some(number);
                let text = inlines(text, line.number, &mut cited);
                current_topic(&mut doc).paragraphs.push(Paragraph {
                    number,
                    kind: Kind::Other,
                    text,
                    items: Vec::new(),
                    articles: Vec::new(),
                    follow_up: false,
                    pair: Vec::new(),
                    parts: Vec::new(),
                });
            }
            LineKind::Item { label, text } => {
                let text = inlines(text, line.number, &mut cited);
                let paragraph = last_paragraph(&mut doc).ok_or_else(|| ImportError::Orphan {
                    line: line.number,
                    what: "item",
                    label: label.to_string(),
                    parent: "numbered paragraph",
                })?;
                paragraph.items.push(item(pending.take(), label, text));
            }
            LineKind::SubItem { label, text } => {
                let text = inlines(text, line.number, &mut cited);
                let parent = last_paragraph(&mut doc)
                    .and_then(|p| p.items.last_mut())
                    .ok_or_else(|| ImportError::Orphan {
                        line: line.number,
                        what: "sub-item",
                        label: label.to_string(),
                        parent: "item",
                    })?;
                parent.items.push(item(pending.take(), label, text));
            }
            LineKind::Plain(text) => {
                // A line that continues the text of the unit before it.
                let more = inlines(text, line.number, &mut cited);
                if let Some(target) = last_text(&mut doc) {
                    target.push(Inline::Text(" ".into()));
                    target.extend(more);
                    merge_text(target);
                } else {
                    // Before any paragraph: a second title line.
                    if !doc.title.is_empty() {
                        doc.title.push(' ');
                    }
                    doc.title.push_str(text.trim_end_matches('*').trim_end());
                }
            }
        }
    }
    if last_number.is_none() {
        return Err(ImportError::NoParagraph {
            line: scanned.lines.last().map_or(1, |l| l.number),
        });
    }
    attach_footnotes(&mut doc, &scanned.bodies, &cited)?;
    Ok(doc)
}

/// Does a heading line stand inside a list: is the next line with text
/// an item or a sub-item? Then the heading belongs to that item, not to a
/// new topic (which would end the paragraph before the rest of its list).
fn before_item(rest: &[super::lines::Line<'_>]) -> bool {
    rest.iter()
        .find(|l| l.kind != LineKind::Blank)
        .is_some_and(|l| matches!(l.kind, LineKind::Item { .. } | LineKind::SubItem { .. }))
}

fn item(heading: Option<&str>, label: &str, text: Vec<Inline>) -> Item {
    Item {
        heading: heading.map(str::to_string),
        label: label.to_string(),
        text,
        items: Vec::new(),
        follow_up: false,
    }
}

fn current_section(doc: &mut Document) -> &mut Section {
    if doc.sections.is_empty() {
        doc.sections.push(Section {
            label: None,
            title: String::new(),
            topics: Vec::new(),
        });
    }
    doc.sections.last_mut().expect("pushed above")
}

fn current_topic(doc: &mut Document) -> &mut Topic {
    let section = current_section(doc);
    if section.topics.is_empty() {
        section.topics.push(Topic {
            heading: None,
            paragraphs: Vec::new(),
        });
    }
    section.topics.last_mut().expect("pushed above")
}

fn last_paragraph(doc: &mut Document) -> Option<&mut Paragraph> {
    doc.sections
        .iter_mut()
        .rev()
        .flat_map(|s| s.topics.iter_mut().rev())
        .find_map(|t| t.paragraphs.last_mut())
}

/// The running text of the last unit (deepest last item, else paragraph).
fn last_text(doc: &mut Document) -> Option<&mut Vec<Inline>> {
    let paragraph = last_paragraph(doc)?;
    let Some(mut item) = paragraph.items.last_mut() else {
        return Some(&mut paragraph.text);
    };
    while !item.items.is_empty() {
        item = item.items.last_mut().expect("non-empty");
    }
    Some(&mut item.text)
}

/// Join adjacent text pieces.
fn merge_text(text: &mut Vec<Inline>) {
    let mut out: Vec<Inline> = Vec::with_capacity(text.len());
    for piece in text.drain(..) {
        match (out.last_mut(), piece) {
            (Some(Inline::Text(a)), Inline::Text(b)) => a.push_str(&b),
            (_, piece) => out.push(piece),
        }
    }
    *text = out;
}

/// Split running text at `[footnoteRef:N]` markers.
fn inlines(text: &str, line: usize, cited: &mut BTreeMap<u32, usize>) -> Vec<Inline> {
    const OPEN: &str = "[footnoteRef:";
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let number = (digits > 0 && after[digits..].starts_with(']'))
            .then(|| after[..digits].parse::<u32>().ok())
            .flatten();
        let Some(number) = number else {
            // Not a well-formed marker: keep it as text.
            push_text(&mut out, &rest[..at + OPEN.len()]);
            rest = after;
            continue;
        };
        push_text(&mut out, &rest[..at]);
        out.push(Inline::Note(number));
        cited.entry(number).or_insert(line);
        rest = &after[digits + 1..];
    }
    push_text(&mut out, rest);
    out
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text(text.to_string()));
    }
}

fn attach_footnotes(
    doc: &mut Document,
    bodies: &[Body],
    cited: &BTreeMap<u32, usize>,
) -> Result<(), ImportError> {
    let mut by_number: BTreeMap<u32, &Body> = BTreeMap::new();
    for body in bodies {
        if by_number.insert(body.number, body).is_some() {
            return Err(ImportError::DuplicateBody {
                line: body.line,
                number: body.number,
            });
        }
        if !cited.contains_key(&body.number) {
            return Err(ImportError::BodyWithoutRef {
                line: body.line,
                number: body.number,
            });
        }
        if let Some(note) = &body.note {
            doc.title_note = Some(note.clone());
        }
    }
    for (&number, &line) in cited {
        let Some(body) = by_number.get(&number) else {
            return Err(ImportError::RefWithoutBody { line, number });
        };
        doc.footnotes.push(crate::document::Footnote {
            number,
            text: body.text.clone(),
            ibid_of: None,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::scan;

    fn tree(input: &str) -> Result<Document, ImportError> {
        build(&scan(input)?)
    }

    #[test]
    fn builds_sections_topics_paragraphs_items_and_sub_items() {
        let doc = tree(
            " Committee X\n\t\tTitle of it*\n1.\tOpening.\n\tA.\tIntro\n2.\tTwo.\n\tC.\tSubjects\n\t\tTopic one\n3.\tUrges:\n\t(a)\tDo this:\n(i)\tFirst;\n\t(b)\tThat.\n",
        )
        .unwrap();
        assert_eq!(doc.committee, "Committee X");
        assert_eq!(doc.title, "Title of it");
        assert_eq!(doc.sections.len(), 3);
        assert_eq!(doc.sections[0].label, None);
        assert_eq!(
            doc.sections[2].topics[0].heading.as_deref(),
            Some("Topic one")
        );
        let p3 = doc.paragraph(3).unwrap();
        assert_eq!(p3.items.len(), 2);
        assert_eq!(p3.items[0].items[0].label, "i");
    }

    #[test]
    fn references_stay_in_place() {
        let doc = tree("1.\tA[footnoteRef:1] b. [1: \t\tNote.]\n").unwrap();
        assert_eq!(
            doc.paragraph(1).unwrap().text,
            vec![
                Inline::Text("A".into()),
                Inline::Note(1),
                Inline::Text(" b.".into())
            ]
        );
        assert_eq!(doc.footnotes[0].text, "Note.");
    }

    #[test]
    fn reference_without_body_is_an_error_on_its_line() {
        let err = tree("1.\tA.\n2.\tB[footnoteRef:7].\n").unwrap_err();
        assert_eq!(err, ImportError::RefWithoutBody { line: 2, number: 7 });
    }

    #[test]
    fn body_without_reference_is_an_error_on_its_line() {
        let err = tree("1.\tA.\n2.\tB. [3: \t\tC.]\n").unwrap_err();
        assert_eq!(err, ImportError::BodyWithoutRef { line: 2, number: 3 });
    }

    #[test]
    fn no_numbered_paragraph_is_an_error() {
        let err = tree("just some\ntext\n").unwrap_err();
        assert!(matches!(err, ImportError::NoParagraph { .. }));
    }

    #[test]
    fn item_before_any_paragraph_is_an_error() {
        let err = tree("\t(a)\tLoose.\n1.\tA.\n").unwrap_err();
        assert!(matches!(err, ImportError::Orphan { line: 1, .. }));
    }
}
