//! What an import found and removed, as `import --report` prints it.

use super::Format;
use super::furniture::Removed;
use super::structure::Warning;
use crate::document::{Document, Kind};

/// What an import found and removed, for `import --report`.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The input's format.
    pub format: Option<Format>,
    /// Pages read (paged inputs).
    pub pages: usize,
    /// Furniture removed, by type.
    pub removed: Removed,
    /// Footnotes found at page bottoms.
    pub notes: usize,
    /// Thematic headings found.
    pub headings: usize,
    /// Warnings, in page order.
    pub warnings: Vec<Warning>,
}

impl Report {
    /// The report as text: what was found, what was removed, every
    /// warning.
    #[must_use]
    pub fn render(&self, doc: &Document) -> String {
        let mut out = String::new();
        let paragraphs = doc.paragraphs().count();
        let items: usize = doc.units().len() - paragraphs;
        let headings = doc
            .sections
            .iter()
            .flat_map(|s| &s.topics)
            .filter(|t| t.heading.is_some())
            .count();
        out.push_str(&format!("document: {}\n", doc.symbol));
        out.push_str(&format!("  committee: {}\n", doc.committee));
        out.push_str(&format!("  state: {}\n", doc.state));
        out.push_str(&format!("  title: {}\n", doc.title));
        if let Some(r) = &doc.report {
            out.push_str(&format!("  report: {r}\n"));
        }
        let session = doc.session.map_or("?".to_string(), |s| s.to_string());
        let year = doc.year.map_or("?".to_string(), |y| y.to_string());
        out.push_str(&format!("  session: {session}, year: {year}\n"));
        out.push_str(&format!(
            "  language: {}, genre: {}\n",
            doc.language.as_deref().unwrap_or("?"),
            doc.genre.name()
        ));
        if let Some(format) = self.format {
            out.push_str(&format!("  format: {}", format.name()));
            if self.pages > 0 {
                out.push_str(&format!(", {} pages", self.pages));
            }
            out.push('\n');
        }
        out.push_str("found:\n");
        out.push_str(&format!("  sections: {}\n", doc.sections.len()));
        out.push_str(&format!("  headings: {headings}\n"));
        out.push_str(&format!("  paragraphs: {paragraphs}\n"));
        out.push_str(&format!("  items: {items}\n"));
        let parts: usize = doc.paragraphs().map(|(_, _, p)| p.parts.len()).sum();
        if parts > 0 {
            out.push_str(&format!("  unnumbered parts: {parts}\n"));
        }
        out.push_str(&format!("  footnotes: {}\n", doc.footnotes.len()));
        let notes = usize::from(doc.title_note.is_some()) + doc.title_notes.len();
        out.push_str(&format!("  title notes: {notes}\n"));
        out.push_str("  kinds:");
        for kind in Kind::ALL {
            let n = doc.paragraphs().filter(|(_, _, p)| p.kind == kind).count();
            out.push_str(&format!(" {} {n},", kind.name()));
        }
        out.pop();
        out.push('\n');
        let follow: usize = doc.units().iter().filter(|u| u.follow_up).count();
        out.push_str(&format!("  marked for follow-up: {follow}\n"));
        if self.format != Some(Format::WordText) {
            let r = &self.removed;
            out.push_str("removed:\n");
            out.push_str(&format!("  masthead lines: {}\n", r.masthead));
            out.push_str(&format!("  running headers: {}\n", r.headers));
            out.push_str(&format!("  page numbers: {}\n", r.page_numbers));
            out.push_str(&format!("  job numbers: {}\n", r.job_numbers));
            out.push_str(&format!("  barcodes: {}\n", r.barcodes));
            out.push_str(&format!("  other: {}\n", r.other));
        }
        out.push_str(&format!("warnings: {}\n", self.warnings.len()));
        for w in &self.warnings {
            out.push_str(&format!("  {w}\n"));
        }
        out
    }
}
