//! The search pane: the query line, the scope, the ranked results with a
//! selection, and the index they come from (built in the background: a
//! query typed before it is ready waits for it); and their drawing.

use super::{Look, block, fit};
use crate::document::Document;
use crate::library::Library;
use crate::search::{Hit, HitUnit, IndexSlot, Scope, snippet_marked};
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::layout;
use crate::tui::list::ListCursor;
use crate::tui::theme::Theme;
use crate::tui::wrap::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Deref;
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// Results asked of the index per query.
const LIMIT: usize = 500;

/// The search pane's state.
pub struct SearchPane {
    /// The query line.
    pub query: String,
    /// The scope.
    pub scope: Scope,
    /// Ranked results.
    pub results: Vec<Hit>,
    /// The selected result and the results in view.
    pub list: ListCursor,
    /// The index of the open documents (built off the UI thread).
    pub index: IndexSlot,
    /// Whether a search waits for the index to be built (true) or shows
    /// "indexing" and runs when it arrives (the terminal browser: typing
    /// never waits).
    pub wait_for_index: bool,
}

/// The pane reads as its list: `pane.selected`, `pane.offset`.
impl Deref for SearchPane {
    type Target = ListCursor;

    fn deref(&self) -> &ListCursor {
        &self.list
    }
}

impl SearchPane {
    /// An empty query over `library`, whose index is not built yet.
    #[must_use]
    pub fn new(library: &Arc<Library>) -> Self {
        Self {
            query: String::new(),
            scope: Scope::default(),
            results: Vec::new(),
            list: ListCursor::default(),
            index: IndexSlot::Unstarted(Arc::clone(library)),
            wait_for_index: true,
        }
    }

    /// Edit the query or the scope, or move the selection. Returns false
    /// for an action the pane does not handle.
    pub fn handle(&mut self, action: Action) -> bool {
        let page = self.list.height.max(2) as isize - 1;
        match action {
            Action::Type(c) => self.query.push(c),
            Action::Backspace => {
                self.query.pop();
            }
            Action::ClearQuery => self.query.clear(),
            Action::CycleScope => self.scope = self.scope.next(),
            Action::Down => return self.move_by(1),
            Action::Up => return self.move_by(-1),
            Action::PageDown => return self.move_by(page),
            Action::PageUp => return self.move_by(-page),
            _ => return false,
        }
        self.run();
        true
    }

    /// Move the selection by `delta` results, clamped.
    pub fn move_by(&mut self, delta: isize) -> bool {
        self.list.move_by(delta, self.results.len());
        true
    }

    /// Select the result shown at `row` of the view, if there is one.
    pub fn select_visible(&mut self, row: usize) {
        let index = self.list.offset + row;
        if index < self.results.len() {
            self.list.selected = index;
        }
    }

    /// The selected result.
    #[must_use]
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.results.get(self.list.selected)
    }

    /// Run the query line against the index. With `wait_for_index` off, a
    /// query typed before the index is built waits for it: see
    /// [`SearchPane::waiting`] and [`SearchPane::tick`].
    pub fn run(&mut self) {
        self.list.reset();
        self.results = Vec::new();
        if self.query.trim().is_empty() {
            return;
        }
        self.index.start();
        self.index.poll();
        if self.index.ready().is_none() && !self.wait_for_index {
            return;
        }
        self.results = self.index.get().search(&self.query, self.scope, LIMIT);
    }

    /// A query is typed but the index is still being built.
    #[must_use]
    pub fn waiting(&self) -> bool {
        !self.query.trim().is_empty() && self.index.ready().is_none()
    }

    /// Between key presses: run a search that waited for the index.
    /// Returns true when the results changed.
    pub fn tick(&mut self) -> bool {
        let waiting = self.waiting();
        if self.index.poll() && waiting {
            self.run();
            return true;
        }
        false
    }

    /// Draw the pane: title with scope and count, the query line, then the
    /// results as aligned columns (reference, kind, heading, snippet) with
    /// the matched words highlighted. `documents` are the open documents,
    /// for their symbols.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, look: Look, documents: &[Document]) {
        let Look { theme, focused } = look;
        let s = self;
        let count = if s.query.trim().is_empty() {
            String::new()
        } else if s.waiting() {
            " · indexing".to_string()
        } else {
            let n = s.results.len();
            format!(" · {n} result{}", if n == 1 { "" } else { "s" })
        };
        let title = format!("Search · scope: {}{count}", s.scope.label());
        frame.render_widget(block(&title, focused, theme), area);
        let mut query = vec![
            Span::styled("/ ", Style::new().add_modifier(Modifier::BOLD)),
            Span::raw(visible(&s.query).into_owned()),
        ];
        if focused {
            query.push(Span::styled(
                "▏",
                Style::new().add_modifier(Modifier::SLOW_BLINK),
            ));
        } else if s.query.is_empty() {
            query.push(Span::styled(
                "press / to search concerns and recommendations",
                Style::new().add_modifier(Modifier::DIM),
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(query)), layout::query_line(area));
        let results = layout::results(area);
        let several = documents.len() > 1;
        let width = results.width as usize;
        // Columns: reference, kind, heading (when there is room), snippet.
        let heading_width = if width >= 60 { (width / 5).min(28) } else { 0 };
        let ref_width = if several { 24 } else { 9 }.min(width / 4);
        let lines: Vec<Line<'_>> = s
            .results
            .iter()
            .enumerate()
            .skip(s.list.offset)
            .take(results.height as usize)
            .map(|(i, hit)| {
                let mut reference = hit.reference.clone();
                if several {
                    reference = format!("{} {reference}", documents[hit.doc].symbol);
                }
                let head = column(
                    &visible(hit.heading.as_deref().unwrap_or("")),
                    heading_width,
                );
                let lead = format!("{} ", column(&visible(&reference), ref_width));
                let kind = match hit.unit {
                    HitUnit::Heading => "HDG",
                    HitUnit::Footnote(_) => "NTE",
                    HitUnit::Paragraph | HitUnit::Item => hit.kind.short(),
                };
                let used = lead.width() + kind.len() + 1 + head.width() + 3;
                let (snip, ranges) =
                    snippet_marked(&hit.text, &hit.marked(), width.saturating_sub(used));
                let mut spans = vec![
                    Span::styled(lead, Style::new().add_modifier(Modifier::BOLD)),
                    Span::styled(kind, theme.kind(hit.kind).add_modifier(Modifier::BOLD)),
                    Span::raw(" "),
                    Span::styled(head, Style::new().add_modifier(Modifier::ITALIC)),
                    // ≈: the result rests on a guess (prefix or typo).
                    Span::raw(if hit.approximate { " ≈ " } else { " │ " }),
                ];
                spans.extend(highlighted(&snip, &ranges, theme));
                let mut line = Line::from(spans);
                if i == s.list.selected {
                    line = line.style(theme.selected(focused));
                }
                line
            })
            .collect();
        if s.waiting() {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    format!("indexing {} documents… results follow", documents.len()),
                    Style::new().add_modifier(Modifier::DIM),
                )),
                results,
            );
        } else if lines.is_empty() && !s.query.trim().is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(
                    "no match — try fewer words, or Ctrl-s to widen the scope",
                    Style::new().add_modifier(Modifier::DIM),
                )),
                results,
            );
        } else {
            frame.render_widget(Paragraph::new(lines), results);
        }
    }
}

/// Exactly `width` columns: [`fit`], then padded with spaces.
fn column(text: &str, width: usize) -> String {
    let mut out = fit(text, width);
    out.push_str(&" ".repeat(width.saturating_sub(out.width())));
    out
}

/// Text with highlighted byte ranges (each with whether it matched
/// approximately) as spans, made safe for the terminal.
fn highlighted(
    text: &str,
    ranges: &[(std::ops::Range<usize>, bool)],
    theme: Theme,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (r, approximate) in ranges {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        out.push(Span::raw(visible(&text[at..r.start]).into_owned()));
        out.push(Span::styled(
            visible(&text[r.start..r.end]).into_owned(),
            theme.tag(if *approximate {
                Tag::Approximate
            } else {
                Tag::Hit
            }),
        ));
        at = r.end;
    }
    out.push(Span::raw(visible(&text[at..]).into_owned()));
    out
}
