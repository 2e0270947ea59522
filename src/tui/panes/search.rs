//! The search pane: the query line, the scope, the ranked results with a
//! selection, and the index they come from (built in the background: a
//! query typed before it is ready waits for it); and their drawing.

use super::{Look, block, fit};
use crate::document::Document;
use crate::library::Library;
use crate::search::{Hit, HitUnit, IndexSlot, Scope, query, snippet_marked};
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::layout;
use crate::tui::line::{Edit, LineEdit};
use crate::tui::list::ListCursor;
use crate::tui::theme::Theme;
use crate::tui::wrap::Tag;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use std::ops::Deref;
use std::sync::Arc;
use unicode_width::UnicodeWidthStr;

/// Results asked of the index per query.
const LIMIT: usize = 500;
/// Queries kept in the history.
pub const HISTORY: usize = 200;

/// The search pane's state.
pub struct SearchPane {
    /// The query line.
    pub query: LineEdit,
    /// Earlier queries, oldest first (the terminal browser loads and
    /// saves them).
    pub history: Vec<String>,
    /// While ↑ and ↓ walk the history: the entry shown.
    recall: Option<usize>,
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
            query: LineEdit::default(),
            history: Vec::new(),
            recall: None,
            scope: Scope::default(),
            results: Vec::new(),
            list: ListCursor::default(),
            index: IndexSlot::Unstarted(Arc::clone(library)),
            wait_for_index: true,
        }
    }

    /// Edit the query or the scope, move the selection, or walk the
    /// history (↑ on an empty line, then ↑ and ↓). Returns false for an
    /// action the pane does not handle.
    pub fn handle(&mut self, action: Action) -> bool {
        let page = self.list.height.max(2) as isize - 1;
        match action {
            Action::Up if self.recall.is_some() || self.query.is_empty() => self.recall_older(),
            Action::Down if self.recall.is_some() => self.recall_newer(),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(page),
            Action::PageUp => self.move_by(-page),
            Action::CycleScope => {
                self.scope = self.scope.next();
                self.run();
                true
            }
            action => match self.query.handle(action) {
                Edit::Changed => {
                    self.recall = None;
                    self.run();
                    true
                }
                Edit::Moved => true,
                Edit::Ignored => false,
            },
        }
    }

    /// Show the query before the one shown (the newest, from an empty
    /// line).
    fn recall_older(&mut self) -> bool {
        let Some(newest) = self.history.len().checked_sub(1) else {
            return false;
        };
        let at = self.recall.map_or(newest, |i| i.saturating_sub(1));
        self.recall = Some(at);
        self.query.set(&self.history[at]);
        self.run();
        true
    }

    /// Show the query after the one shown; past the newest, an empty line.
    fn recall_newer(&mut self) -> bool {
        match self.recall {
            Some(i) if i + 1 < self.history.len() => {
                self.recall = Some(i + 1);
                self.query.set(&self.history[i + 1]);
            }
            _ => {
                self.recall = None;
                self.query.set("");
            }
        }
        self.run();
        true
    }

    /// Put the query in the history (newest last, once). Returns it, to
    /// be saved, unless the line is empty.
    pub fn remember(&mut self) -> Option<String> {
        let query: String = self
            .query
            .trim()
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if query.is_empty() {
            return None;
        }
        self.history = crate::tui::history::merged(std::mem::take(&mut self.history), &query);
        self.recall = None;
        Some(query)
    }

    /// Move the selection by `delta` results, clamped.
    pub fn move_by(&mut self, delta: isize) -> bool {
        self.recall = None;
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

    /// Select the next (or previous) result, round the end of the list.
    /// Returns whether it went round.
    pub fn step(&mut self, forward: bool) -> bool {
        let len = self.results.len();
        if len == 0 {
            return false;
        }
        let at = self.list.selected.min(len - 1);
        let (next, round) = match (forward, at) {
            (true, a) if a + 1 == len => (0, true),
            (true, a) => (a + 1, false),
            (false, 0) => (len - 1, true),
            (false, a) => (a - 1, false),
        };
        self.list.select(next, len);
        round
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
        if self.index.renew_if_stale() {
            // The results may lack some: show "indexing" and search again
            // when the new index arrives (`tick`).
            self.results = Vec::new();
            if self.wait_for_index {
                self.results = self.index.get().search(&self.query, self.scope, LIMIT);
            }
        }
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

    /// The title: the scope (or the kinds a `kind:` filter keeps, which
    /// replace it) and the count.
    fn title(&self, parsed: &query::Query) -> String {
        let count = if self.query.trim().is_empty() {
            String::new()
        } else if self.waiting() {
            " · indexing".to_string()
        } else {
            let n = self.results.len();
            format!(" · {n} result{}", if n == 1 { "" } else { "s" })
        };
        if parsed.filters.kinds.is_empty() {
            format!("Search · scope: {}{count}", self.scope.label())
        } else {
            let kinds: Vec<&str> = parsed.filters.kinds.iter().map(|k| k.name()).collect();
            format!("Search · kind: {}{count}", kinds.join(", "))
        }
    }

    /// Draw the pane: title with scope and count, the query line, then the
    /// results as aligned columns (reference, kind, heading, snippet) with
    /// the matched words highlighted. `documents` are the open documents,
    /// for their symbols.
    pub fn render(&self, frame: &mut Frame<'_>, area: Rect, look: Look, documents: &[Document]) {
        let Look { theme, focused } = look;
        let s = self;
        let parsed = query::parse(&s.query);
        let title = s.title(&parsed);
        frame.render_widget(block(&title, focused, theme), area);
        let line = layout::query_line(area);
        let mut query = vec![Span::styled(
            "/ ",
            Style::new().add_modifier(Modifier::BOLD),
        )];
        if focused {
            let (shown, at) = s.query.view((line.width as usize).saturating_sub(3));
            query.push(Span::raw(visible(shown).into_owned()));
            frame.set_cursor_position((line.x + 2 + at as u16, line.y));
        } else if s.query.is_empty() {
            query.push(Span::styled(
                "press / to search concerns and recommendations",
                Style::new().add_modifier(Modifier::DIM),
            ));
        } else {
            let (shown, _) = s.query.view((line.width as usize).saturating_sub(3));
            query.push(Span::raw(visible(shown).into_owned()));
        }
        frame.render_widget(Paragraph::new(Line::from(query)), line);
        let results = layout::results(area);
        let width = results.width as usize;
        // Columns: reference, kind, heading (when there is room), snippet.
        let heading_width = if width >= 60 { (width / 5).min(28) } else { 0 };
        let ref_width = reference_width(&s.results, documents, width);
        let lines: Vec<Line<'_>> = s
            .results
            .iter()
            .enumerate()
            .skip(s.list.offset)
            .take(results.height as usize)
            .map(|(i, hit)| {
                let reference = reference_in(hit, documents);
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
            // A filter that cannot be read says why, in place of results.
            let why = if parsed.problems.is_empty() {
                no_match(s.scope)
            } else {
                visible(&parsed.problems.join("; ")).into_owned()
            };
            frame.render_widget(
                Paragraph::new(Span::styled(why, Style::new().add_modifier(Modifier::DIM)))
                    .wrap(Wrap { trim: true }),
                results,
            );
        } else {
            frame.render_widget(Paragraph::new(lines), results);
        }
    }
}

/// A result's reference in the list: with several documents, after the
/// document's symbol and year (`CRPD/C/CAN/CO/2-3 (2025) 48(a)`).
fn reference_in(hit: &Hit, documents: &[Document]) -> String {
    let reference = result_reference(hit);
    match documents {
        [_] | [] => reference,
        _ => {
            let doc = &documents[hit.doc];
            match doc.year {
                Some(year) => format!("{} ({year}) {reference}", doc.symbol),
                None => format!("{} {reference}", doc.symbol),
            }
        }
    }
}

/// A result's reference as the list shows it: a footnote is named with
/// its number (`8 fn 6`), so that several notes of one paragraph do not
/// read as identical rows.
#[must_use]
pub fn result_reference(hit: &Hit) -> String {
    match hit.unit {
        HitUnit::Footnote(n) => format!("{} fn {n}", hit.reference),
        _ => hit.reference.clone(),
    }
}

/// The reference column: as wide as the widest reference of the results
/// (`19(c) fn 18`; a symbol, year and reference), at least 9 cells so
/// that short lists keep one layout while typing, and at most two fifths
/// of the width.
fn reference_width(results: &[Hit], documents: &[Document], width: usize) -> usize {
    results
        .iter()
        .map(|hit| visible(&reference_in(hit, documents)).width())
        .max()
        .unwrap_or(0)
        .max(9)
        .min(width * 2 / 5)
}

/// What to say when a query matches nothing: the scope cycles, so the
/// way to the widest scope ("all") is counted in presses, never called
/// widening when the next press narrows.
#[must_use]
pub fn no_match(scope: Scope) -> String {
    let presses = std::iter::successors(Some(scope), |s| Some(s.next()))
        .position(|s| s == Scope::All)
        .unwrap_or(0);
    match presses {
        0 => "no match in any part of the text — try fewer words".to_string(),
        1 => format!(
            "no match in {} — try fewer words, or Ctrl-s for scope all",
            scope.label()
        ),
        n => format!(
            "no match in {} — try fewer words, or Ctrl-s {n} times for scope all",
            scope.label()
        ),
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
