//! The marks list (`'`): every mark in every document, the open
//! documents' first, each with its citation, note and first words, and
//! whether it still fits its document; and its drawing over the panes.

use super::{block, fit};
use crate::document::Reference;
use crate::library::Library;
use crate::marks::cite::orphan_label;
use crate::marks::{Fit, Mark, State, fit as fit_of};
use crate::text::visible;
use crate::tui::list::ListCursor;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use std::collections::HashSet;

/// The sign of a mark that fits its document, in the list, the reader's
/// margin and the outline.
pub const SIGN: &str = "●";
/// The sign of an orphaned mark.
pub const ORPHAN: &str = "⚠";
/// The sign of a mark in a document that is not open.
pub const CLOSED: &str = "○";

/// A mark as the browser shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkRow {
    /// The mark.
    pub mark: Mark,
    /// Its document among the open ones.
    pub doc: Option<usize>,
    /// Whether it fits that document (`None`: not open).
    pub fit: Option<Fit>,
}

impl MarkRow {
    /// The unit it stands on in its open document, if it still fits.
    #[must_use]
    pub fn live(&self) -> Option<(usize, &Reference)> {
        match (&self.fit, self.doc) {
            (Some(Fit::Live(r)), Some(d)) => Some((d, r)),
            _ => None,
        }
    }
}

/// Every mark, in citation order with the open documents first, each
/// checked against its document.
#[must_use]
pub fn rows(state: &State, library: &Library) -> Vec<MarkRow> {
    let order: Vec<&str> = library
        .documents
        .iter()
        .map(|d| d.symbol.as_str())
        .collect();
    state
        .sorted(&order)
        .into_iter()
        .map(|mark| {
            let doc = library
                .documents
                .iter()
                .position(|d| d.symbol == mark.symbol);
            MarkRow {
                mark: mark.clone(),
                doc,
                fit: doc.map(|d| fit_of(mark, &library.documents[d])),
            }
        })
        .collect()
}

/// The paragraphs with a mark that fits, on them or on one of their
/// items: (document, number), for the outline's rows.
#[must_use]
pub fn marked_paragraphs(rows: &[MarkRow]) -> HashSet<(usize, u32)> {
    rows.iter()
        .filter_map(MarkRow::live)
        .map(|(d, r)| (d, r.paragraph))
        .collect()
}

/// The units of document `doc` with a mark that fits, with their notes,
/// for the reader's margin and running head.
#[must_use]
pub fn marked_units(rows: &[MarkRow], doc: usize) -> Vec<(Reference, String)> {
    rows.iter()
        .filter_map(|row| row.live().map(|(d, r)| (d, r, &row.mark.note)))
        .filter(|(d, _, _)| *d == doc)
        .map(|(_, r, note)| (r.clone(), note.clone()))
        .collect()
}

/// Where the list goes on a screen, and how many marks it shows (two
/// rows each).
#[must_use]
pub fn popup(screen: Rect, marks: usize) -> (Rect, usize) {
    let width = screen.width.saturating_sub(4).min(100);
    let wanted = (marks.max(1) * 2 + 2) as u16;
    let height = wanted.min(screen.height.saturating_sub(2));
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + 1,
        width,
        height,
    );
    (area, (height.saturating_sub(2) / 2).max(1) as usize)
}

/// Draw the list over the screen (above the status line).
pub fn render(
    frame: &mut Frame<'_>,
    screen: Rect,
    theme: Theme,
    rows: &[MarkRow],
    list: ListCursor,
) {
    let (area, _) = popup(screen, rows.len());
    frame.render_widget(Clear, area);
    let documents: HashSet<&str> = rows.iter().map(|r| r.mark.symbol.as_str()).collect();
    let title = match (rows.len(), documents.len()) {
        (0, _) => "Marks".to_string(),
        (1, _) => "Marks: 1".to_string(),
        (n, 1) => format!("Marks: {n}"),
        (n, d) => format!("Marks: {n} in {d} documents"),
    };
    let b = block(&title, true, theme);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width as usize;
    if rows.is_empty() {
        let text = "No marks yet: m marks the paragraph or item on top of the text.";
        frame.render_widget(Paragraph::new(fit(text, width)), inner);
        return;
    }
    let dim = theme.tag(crate::tui::wrap::Tag::Meta);
    let mut lines: Vec<Line<'_>> = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(list.offset) {
        if lines.len() + 2 > inner.height as usize {
            break;
        }
        let sign = match &row.fit {
            None => CLOSED,
            Some(Fit::Live(_)) => SIGN,
            Some(Fit::Orphaned { .. }) => ORPHAN,
        };
        let mut head = format!("{sign} {}", row.mark.citation());
        if !row.mark.note.is_empty() {
            head.push_str(&format!(" — {}", row.mark.note));
        }
        let mut words = visible(&row.mark.words).into_owned();
        if let Some(label) = row.fit.as_ref().and_then(orphan_label) {
            words = format!("{label} — {words}");
        } else if row.doc.is_none() {
            words = format!("(not open) {words}");
        }
        let mut first = Line::from(Span::styled(
            fit(&visible(&head), width),
            Style::new().add_modifier(Modifier::BOLD),
        ));
        if i == list.selected {
            first = first.style(theme.selected(true));
        }
        lines.push(first);
        lines.push(Line::from(Span::styled(
            fit(&format!("  {words}"), width),
            dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
