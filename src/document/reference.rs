//! Where a citation points: a paragraph, or an item or sub-item under it.
//!
//! One type for every place that names a unit: the reader's positions, the
//! `:` prompt, copy, the status line, search results and exports. It is
//! written `24(a)(v)` ([`Display`](fmt::Display)), cited as
//! `para. 24 (a) (v)` ([`Reference::citation`]), and read back from what a
//! person types: `26`, `24a`, `24 (a)`, `12(a)(v)` ([`FromStr`]).

use super::{Document, Item, plain};
use std::fmt;
use std::str::FromStr;

/// A paragraph number and the item labels from it down (`24`, `24(a)`,
/// `12(a)(v)`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Reference {
    /// The paragraph number.
    pub paragraph: u32,
    /// Item labels from the paragraph down (`["a", "v"]`); empty for the
    /// paragraph itself.
    pub labels: Vec<String>,
}

impl Reference {
    /// The paragraph itself.
    #[must_use]
    pub fn paragraph(number: u32) -> Self {
        Self {
            paragraph: number,
            labels: Vec::new(),
        }
    }

    /// This reference one level down: the item `label` under it.
    #[must_use]
    pub fn child(&self, label: &str) -> Self {
        let mut labels = self.labels.clone();
        labels.push(label.to_string());
        Self {
            paragraph: self.paragraph,
            labels,
        }
    }

    /// The human citation form: `para. 24 (a) (v)`.
    #[must_use]
    pub fn citation(&self) -> Citation<'_> {
        Citation(self)
    }
}

/// `24(a)(v)`: the form exports and search results carry.
impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.paragraph)?;
        for label in &self.labels {
            write!(f, "({label})")?;
        }
        Ok(())
    }
}

/// A [`Reference`] as cited in prose: `para. 24 (a) (v)`.
#[derive(Debug, Clone, Copy)]
pub struct Citation<'a>(&'a Reference);

impl fmt::Display for Citation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "para. {}", self.0.paragraph)?;
        for label in &self.0.labels {
            write!(f, " ({label})")?;
        }
        Ok(())
    }
}

/// Text that is not a paragraph reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a paragraph reference (expected 26, 24a, 24 (a) or 12(a)(v))")]
pub struct ParseReferenceError;

/// Reads `26`, `24a`, `24A`, `24 (a)`, `12(a)(v)`: a number, then either
/// one bare label or labels in parentheses, spaces anywhere; labels are
/// letters and come out lowercase. The program's own citation forms read
/// back too: `para. 24 (a)`, `paragraph 26`, `26.` (as the text numbers
/// paragraphs) and a copied `CAT/C/KAZ/CO/4, para. 26`.
impl FromStr for Reference {
    type Err = ParseReferenceError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut text = text.trim();
        // A copied citation: the document symbol, a comma, the reference.
        if let Some((symbol, rest)) = text.rsplit_once(',')
            && symbol.contains('/')
        {
            text = rest.trim_start();
        }
        let lower = text.to_ascii_lowercase();
        for prefix in ["paragraph", "paras.", "para.", "para", "§"] {
            if lower.starts_with(prefix) {
                text = text[prefix.len()..].trim_start();
                break;
            }
        }
        let text = text.strip_suffix('.').unwrap_or(text).trim_end();
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        let paragraph = text[..digits].parse().map_err(|_| ParseReferenceError)?;
        let rest = text[digits..].strip_prefix('.').unwrap_or(&text[digits..]);
        let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        let labels: Vec<String> = if rest.contains('(') {
            rest.split(['(', ')'])
                .filter(|s| !s.is_empty())
                .map(str::to_lowercase)
                .collect()
        } else if rest.is_empty() {
            Vec::new()
        } else {
            vec![rest.to_lowercase()]
        };
        if labels
            .iter()
            .any(|l| !l.chars().all(|c| c.is_ascii_alphabetic()))
        {
            return Err(ParseReferenceError);
        }
        Ok(Self { paragraph, labels })
    }
}

impl Document {
    /// `CAT/C/KAZ/CO/4, para. 24 (a)`: a reference cited in this document.
    #[must_use]
    pub fn cite(&self, reference: &Reference) -> String {
        format!("{}, {}", self.symbol, reference.citation())
    }

    /// The plain text a reference stands for: a paragraph's own text
    /// followed by its items (` (a) text (i) text …`), or an item's text
    /// followed by its sub-items. `None` when the document has no such
    /// paragraph; empty when it has the paragraph but not the item.
    #[must_use]
    pub fn text_of(&self, reference: &Reference) -> Option<String> {
        let p = self.paragraph(reference.paragraph)?;
        let mut text = String::new();
        if reference.labels.is_empty() {
            text.push_str(&plain(&p.text));
            append_items(&mut text, &p.items);
        } else {
            let mut items = &p.items;
            let mut found = None;
            for label in &reference.labels {
                found = items.iter().find(|i| &i.label == label);
                if let Some(item) = found {
                    items = &item.items;
                }
            }
            if let Some(item) = found {
                text.push_str(&plain(&item.text));
                append_items(&mut text, &item.items);
            }
        }
        Some(text)
    }
}

fn append_items(out: &mut String, items: &[Item]) {
    for item in items {
        out.push_str(&format!(" ({}) {}", item.label, plain(&item.text)));
        append_items(out, &item.items);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn parse(text: &str) -> Option<Reference> {
        text.parse().ok()
    }

    #[test]
    fn written_forms_read_back() {
        for text in ["26", "24(a)", "12(a)(v)"] {
            assert_eq!(parse(text).unwrap().to_string(), text);
        }
        assert_eq!(parse("12 (a) (v)").unwrap().to_string(), "12(a)(v)");
        assert_eq!(parse("24A"), parse("24a"));
        assert_eq!(parse(""), None);
        assert_eq!(parse("(a)"), None);
        assert_eq!(parse("24(1)"), None);
    }

    #[test]
    fn the_programs_own_citations_read_back() {
        assert_eq!(parse("para. 24 (a)"), parse("24a"));
        assert_eq!(parse("Para. 12 (a) (v)"), parse("12(a)(v)"));
        assert_eq!(parse("paragraph 26"), parse("26"));
        assert_eq!(parse("26."), parse("26"));
        assert_eq!(parse("26.(a)"), parse("26a"));
        assert_eq!(parse("CAT/C/KAZ/CO/4, para. 24 (a)"), parse("24a"));
        assert_eq!(parse("para."), None);
        assert_eq!(parse("pear 26"), None);
    }

    #[test]
    fn citation_and_text_of_a_paragraph_with_items() {
        let doc = Library::embedded().documents.remove(0);
        let r = parse("24a").unwrap();
        assert_eq!(doc.cite(&r), "CAT/C/KAZ/CO/4, para. 24 (a)");
        assert_eq!(Reference::paragraph(24).child("a"), r);
        let whole = doc.text_of(&Reference::paragraph(24)).unwrap();
        assert!(whole.starts_with("The State party should: (a) Ensure"));
        assert!(doc.text_of(&r).unwrap().starts_with("Ensure that all"));
        assert_eq!(doc.text_of(&Reference::paragraph(999)), None);
    }
}
