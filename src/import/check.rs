//! Stage 4: the lossless check, run on every import.
//!
//! Independently of the parser, strip the export's markup from the input
//! (paragraph numbers, item labels, section letters, footnote markers,
//! the title's `*`, layout white space and line breaks) and compare what
//! is left, character for character, with the text held by the tree.
//! Running text and footnote bodies are compared as two streams, each in
//! document order, so a body may sit anywhere after the text that cites it.

use super::ImportError;
use crate::document::{Document, Inline, Item};

/// A character of content and the line it came from.
type Located = (char, usize);

/// Fail with the line of the first input character missing from (or
/// garbled in) the tree.
///
/// # Errors
/// [`ImportError::Lost`].
pub fn lossless(input: &str, doc: &Document) -> Result<(), ImportError> {
    let (text, bodies) = expected(input);
    let (tree_text, tree_bodies) = held(doc);
    compare(input, &text, &tree_text)?;
    compare(input, &bodies, &tree_bodies)
}

fn compare(input: &str, expected: &[Located], held: &[char]) -> Result<(), ImportError> {
    let first_difference = expected
        .iter()
        .zip(held)
        .position(|((a, _), b)| a != b)
        .or_else(|| (expected.len() != held.len()).then(|| expected.len().min(held.len())));
    let Some(at) = first_difference else {
        return Ok(());
    };
    let line = expected
        .get(at)
        .or_else(|| expected.last())
        .map_or(1, |&(_, line)| line);
    let near = input
        .split('\n')
        .nth(line - 1)
        .unwrap_or("")
        .trim()
        .chars()
        .take(60)
        .collect();
    Err(ImportError::Lost { line, near })
}

/// Content characters of the input: (running text, footnote bodies).
fn expected(input: &str) -> (Vec<Located>, Vec<Located>) {
    let mut text = Vec::new();
    let mut bodies = Vec::new();
    let mut depth = 0usize;
    let mut seen_paragraph = false;
    for (index, raw) in input.split('\n').enumerate() {
        let number = index + 1;
        let mut line = raw.strip_suffix('\r').unwrap_or(raw);
        if depth == 0 {
            let (rest, is_paragraph) = strip_line_markup(line);
            seen_paragraph |= is_paragraph;
            line = rest;
            if !seen_paragraph && line.starts_with("\t\t") {
                line = line.trim_end().trim_end_matches('*');
            }
        }
        let mut rest = line;
        while let Some(c) = rest.chars().next() {
            if depth == 0 {
                if let Some(after) = skip_reference(rest) {
                    rest = after;
                    continue;
                }
                if let Some(after) = skip_opener(rest) {
                    depth = 1;
                    rest = after;
                    continue;
                }
            } else if c == '[' {
                depth += 1;
            } else if c == ']' {
                depth -= 1;
                if depth == 0 {
                    rest = &rest[1..];
                    continue;
                }
            }
            if !c.is_whitespace() {
                let target = if depth > 0 { &mut bodies } else { &mut text };
                target.push((c, number));
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    (text, bodies)
}

/// Remove a paragraph number, item or sub-item label, or section letter
/// from the start of a line. Also says whether it was a paragraph.
fn strip_line_markup(line: &str) -> (&str, bool) {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(".\t") {
        return (&line[digits + 2..], true);
    }
    let body = line.strip_prefix('\t').unwrap_or(line);
    if let Some(inner) = body.strip_prefix('(')
        && let Some(close) = inner.find(")\t")
        && close > 0
        && inner[..close].bytes().all(|b| b.is_ascii_lowercase())
    {
        return (&inner[close + 2..], false);
    }
    if let Some(after) = line.strip_prefix('\t')
        && after.len() > 2
        && after.as_bytes()[0].is_ascii_uppercase()
        && after[1..].starts_with(".\t")
    {
        return (&after[3..], false);
    }
    (line, false)
}

/// `[footnoteRef:N]` at the start of `s` → what follows it.
fn skip_reference(s: &str) -> Option<&str> {
    let after = s.strip_prefix("[footnoteRef:")?;
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then_some(())?;
    after[digits..].strip_prefix(']')
}

/// `[N:` + white space (+ `*` + white space, the title note's marker) at
/// the start of `s` → what follows it.
fn skip_opener(s: &str) -> Option<&str> {
    let after = s.strip_prefix('[')?;
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then_some(())?;
    let after = after[digits..].strip_prefix(':')?;
    let trimmed = after.trim_start();
    (trimmed.len() < after.len()).then_some(())?;
    match trimmed.strip_prefix('*') {
        Some(note) if note.starts_with(char::is_whitespace) => Some(note),
        _ => Some(trimmed),
    }
}

/// Content characters of the tree, in the same two streams.
fn held(doc: &Document) -> (Vec<char>, Vec<char>) {
    let mut text = String::new();
    let mut cited = Vec::new();
    text.push_str(&doc.committee);
    text.push_str(&doc.title);
    for section in &doc.sections {
        text.push_str(&section.title);
        for topic in &section.topics {
            text.push_str(topic.heading.as_deref().unwrap_or(""));
            for p in &topic.paragraphs {
                push_inlines(&p.text, &mut text, &mut cited);
                push_items(&p.items, &mut text, &mut cited);
            }
        }
    }
    let mut bodies = doc.title_note.clone().unwrap_or_default();
    for n in cited {
        if let Some(f) = doc.footnote(n) {
            bodies.push_str(&f.text);
        }
    }
    let content = |s: String| s.chars().filter(|c| !c.is_whitespace()).collect();
    (content(text), content(bodies))
}

fn push_items(items: &[Item], text: &mut String, cited: &mut Vec<u32>) {
    for item in items {
        text.push_str(item.heading.as_deref().unwrap_or(""));
        push_inlines(&item.text, text, cited);
        push_items(&item.items, text, cited);
    }
}

fn push_inlines(inlines: &[Inline], text: &mut String, cited: &mut Vec<u32>) {
    for piece in inlines {
        match piece {
            Inline::Text(t) => text.push_str(t),
            Inline::Note(n) => {
                if !cited.contains(n) {
                    cited.push(*n);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{lines, tree};

    const SMALL: &str = " Committee X\n\t\tTitle*\n1.\tOne[footnoteRef:1] two. [1: \t*\tNote.\n\t\tCAT/C/X/1.]\n\t(a)\tItem.\n";

    #[test]
    fn a_faithful_tree_passes() {
        let doc = tree::build(&lines::scan(SMALL).unwrap()).unwrap();
        assert_eq!(lossless(SMALL, &doc), Ok(()));
    }

    #[test]
    fn a_dropped_word_is_caught_on_its_line() {
        let mut doc = tree::build(&lines::scan(SMALL).unwrap()).unwrap();
        doc.sections[0].topics[0].paragraphs[0].items[0].text = vec![Inline::Text("Iem.".into())];
        assert!(matches!(
            lossless(SMALL, &doc),
            Err(ImportError::Lost { line: 5, .. })
        ));
    }

    #[test]
    fn a_garbled_footnote_is_caught_on_its_line() {
        let mut doc = tree::build(&lines::scan(SMALL).unwrap()).unwrap();
        doc.footnotes[0].text = "CAT/C/X/2.".into();
        assert!(matches!(
            lossless(SMALL, &doc),
            Err(ImportError::Lost { line: 4, .. })
        ));
    }

    #[test]
    fn a_lost_title_note_is_caught() {
        let mut doc = tree::build(&lines::scan(SMALL).unwrap()).unwrap();
        doc.title_note = None;
        assert!(matches!(
            lossless(SMALL, &doc),
            Err(ImportError::Lost { line: 3, .. })
        ));
    }
}
