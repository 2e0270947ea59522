//! The help overlay: every binding of the key table under its group's
//! heading, then the query syntax and the mouse. Descriptions are wrapped,
//! never cut; groups are laid out in as many columns as fit without
//! splitting one; what does not fit the screen scrolls. It is drawn from
//! the table itself, so it lists exactly what the keys do.

use super::{Look, block, fit};
use crate::tui::action::Action;
use crate::tui::keymap::labels::help_rows;
use crate::tui::theme::Theme;
use crate::tui::wrap::{Tag, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The query language, as the search line reads it.
const QUERY: &[(&str, &str)] = &[
    ("a b", "both: each as a word, its start or a close typo"),
    ("\"a phrase\"", "the words side by side, in order"),
    ("'word", "this word exactly: no prefix, no typo"),
    ("!word", "leave out what holds a word starting so"),
    ("art:16", "what engages article 16 (art:2,16: either)"),
    ("committee:crpd", "that committee's documents"),
    ("state:can", "States whose name starts so"),
    ("year:2019..2025", "documents adopted then"),
    ("kind:concern", "that kind only (kind:concern|rec)"),
    ("a | b", "either a or b"),
    ("Nelson", "a capital letter asks for that case"),
];

/// The mouse.
const MOUSE: &[(&str, &str)] = &[
    ("wheel", "scroll the pane under the pointer"),
    ("click", "select a row or a result, focus a pane"),
];

/// Narrowest column worth having: keys and a few words of description.
const MIN_COLUMN: usize = 40;
/// Widest column: descriptions read better short.
const MAX_COLUMN: usize = 60;
/// Columns between two columns.
const GUTTER: usize = 3;

/// The help's scroll position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpPane {
    /// First line in view.
    pub scroll: usize,
}

impl HelpPane {
    /// Scroll for a movement action, over the help as laid out on a
    /// `screen`; false for an action that does not scroll (it closes the
    /// help).
    pub fn handle(&mut self, action: Action, screen: Rect) -> bool {
        let page = Page::new(screen);
        match scrolled(action, self.scroll, page.view, page.lines.len()) {
            Some(scroll) => {
                self.scroll = scroll;
                true
            }
            None => false,
        }
    }

    /// Draw the overlay over `screen`, leaving the status line.
    pub fn render(&self, frame: &mut Frame<'_>, screen: Rect, theme: Theme) {
        let page = Page::new(screen);
        let Page { lines, popup, view } = page;
        frame.render_widget(Clear, popup);
        let max = lines.len().saturating_sub(view);
        let scroll = self.scroll.min(max);
        let title = if max == 0 {
            "Keys — any key closes"
        } else {
            "Keys — j k PgDn PgUp scroll, any other key closes"
        };
        let look = Look {
            theme,
            focused: true,
        };
        let frame_block = block(
            &fit(title, popup.width.saturating_sub(4) as usize),
            look.focused,
            theme,
        );
        let inner = frame_block.inner(popup);
        frame.render_widget(frame_block, popup);
        let shown: Vec<Line<'static>> = lines.into_iter().skip(scroll).take(view).collect();
        frame.render_widget(Paragraph::new(shown), inner);
        if max > 0 {
            let more = if scroll < max {
                format!(" ↓ {} more lines ", max - scroll)
            } else {
                " end ".to_string()
            };
            let x = popup.right().saturating_sub(more.width() as u16 + 2);
            if x > popup.x {
                frame.render_widget(
                    Paragraph::new(Span::styled(more.clone(), theme.border(true))),
                    Rect::new(x, popup.bottom() - 1, more.width() as u16, 1),
                );
            }
        }
    }
}

/// Where an overlay of `total` lines, `view` in sight, scrolls to from
/// `scroll` for a movement action; `None` for any other action (it closes
/// the overlay).
#[must_use]
pub fn scrolled(action: Action, scroll: usize, view: usize, total: usize) -> Option<usize> {
    let view = view.max(1);
    let max = total.saturating_sub(view);
    let page = view.saturating_sub(1).max(1);
    let to = match action {
        Action::Down => scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown => scroll + page,
        Action::PageUp => scroll.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => max,
        _ => return None,
    };
    Some(to.min(max))
}

/// The help laid out for a screen.
struct Page {
    /// Every line of the columns side by side.
    lines: Vec<Line<'static>>,
    /// Where the overlay goes.
    popup: Rect,
    /// Lines in view.
    view: usize,
}

impl Page {
    fn new(screen: Rect) -> Page {
        let sections = sections();
        // The status line stays visible under the overlay.
        let height = screen.height.saturating_sub(1).max(3);
        let room = (screen.width as usize).saturating_sub(2);
        let columns = ((room + GUTTER) / (MIN_COLUMN + GUTTER)).clamp(1, 3);
        let width = ((room + GUTTER) / columns)
            .saturating_sub(GUTTER)
            .clamp(1, MAX_COLUMN);
        let blocks: Vec<Vec<Line<'static>>> = sections
            .iter()
            .map(|(title, rows)| section_lines(title, rows, width))
            .collect();
        let laid = columns_of(&blocks, columns, width);
        let used = (columns * width + (columns - 1) * GUTTER + 2).min(screen.width as usize) as u16;
        let popup_height = (laid.len() as u16 + 2).min(height);
        let popup = Rect::new(
            screen.x + (screen.width - used) / 2,
            screen.y,
            used,
            popup_height,
        );
        Page {
            lines: laid,
            popup,
            view: popup_height.saturating_sub(2) as usize,
        }
    }
}

/// The help's sections: each group of the key table, then the query
/// syntax and the mouse.
fn sections() -> Vec<(String, Vec<(String, String)>)> {
    let mut out: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut last = None;
    for (group, keys, what) in help_rows() {
        if last != Some(*group) {
            last = Some(*group);
            out.push((group.title().to_string(), Vec::new()));
        }
        if let Some((_, rows)) = out.last_mut() {
            rows.push((keys.clone(), (*what).to_string()));
        }
    }
    let own = |rows: &[(&str, &str)]| {
        rows.iter()
            .map(|(k, w)| ((*k).to_string(), (*w).to_string()))
            .collect()
    };
    out.push(("Query syntax (the search line)".into(), own(QUERY)));
    out.push(("Mouse".into(), own(MOUSE)));
    out
}

/// A section's lines at `width`: its heading, then each row with its keys
/// in a column as wide as the section's widest and its description
/// wrapped beside them, then a blank line.
fn section_lines(title: &str, rows: &[(String, String)], width: usize) -> Vec<Line<'static>> {
    let heading = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let mut out = vec![Line::styled(fit(title, width), heading)];
    let keys_width = rows
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(width / 2);
    for (keys, what) in rows {
        let hang = keys_width + 1;
        // Keys wider than their column take a line of their own.
        let (first, rest_keys) = if keys.width() > keys_width {
            (None, Some(keys))
        } else {
            (Some(keys), None)
        };
        if let Some(keys) = rest_keys {
            out.push(Line::from(Span::styled(
                fit(keys, width),
                Style::new().add_modifier(Modifier::BOLD),
            )));
        }
        let wrapped = wrap(&[(what.clone(), Tag::Text)], width, hang, hang);
        for (i, line) in wrapped.into_iter().enumerate() {
            let text: String = line.pieces.into_iter().map(|(s, _)| s).collect();
            let body = text.get(hang.min(text.len())..).unwrap_or("").to_string();
            let lead = match (i, first) {
                (0, Some(keys)) => format!("{keys:<keys_width$} "),
                _ => " ".repeat(hang),
            };
            out.push(Line::from(vec![
                Span::styled(lead, Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(body),
            ]));
        }
    }
    out.push(Line::default());
    out
}

/// Sections placed in `columns` columns, whole (a column breaks only
/// between sections, so a heading never ends one), balanced by height.
fn place(blocks: &[Vec<Line<'static>>], columns: usize) -> Vec<Vec<Line<'static>>> {
    let total: usize = blocks.iter().map(Vec::len).sum();
    let target = total.div_ceil(columns.max(1));
    let mut placed: Vec<Vec<Line<'static>>> = vec![Vec::new()];
    for block in blocks {
        let full = placed
            .last()
            .is_some_and(|c| !c.is_empty() && c.len() + block.len() / 2 > target);
        if full && placed.len() < columns {
            placed.push(Vec::new());
        }
        if let Some(column) = placed.last_mut() {
            column.extend(block.iter().cloned());
        }
    }
    for column in &mut placed {
        while column.last().is_some_and(|l| l.width() == 0) {
            column.pop();
        }
    }
    placed
}

/// Sections in columns of `width`, side by side.
fn columns_of(blocks: &[Vec<Line<'static>>], columns: usize, width: usize) -> Vec<Line<'static>> {
    let placed = place(blocks, columns);
    let height = placed.iter().map(Vec::len).max().unwrap_or(0);
    (0..height)
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for (c, column) in placed.iter().enumerate() {
                let line = column.get(row).cloned().unwrap_or_default();
                let used = line.width();
                let style = line.style;
                spans.extend(line.spans.into_iter().map(|s| s.patch_style(style)));
                if c + 1 < placed.len() {
                    spans.push(Span::raw(" ".repeat(width.saturating_sub(used) + GUTTER)));
                }
            }
            Line::from(spans)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line<'_>]) -> String {
        lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    }

    #[test]
    fn nothing_is_cut_at_80_columns_and_everything_is_there() {
        let page = Page::new(Rect::new(0, 0, 80, 24));
        let all = text(&page.lines);
        assert!(!all.contains('…'), "{all}");
        for (_, keys, what) in help_rows() {
            assert!(all.contains(keys.as_str()), "{keys} missing");
            // Descriptions may wrap: every word is there.
            for word in what.split(' ') {
                assert!(all.contains(word), "{word} of {what:?} missing");
            }
        }
        for syntax in ["\"a phrase\"", "'word", "!word", "art:16", "a | b"] {
            assert!(all.contains(syntax), "{syntax} missing");
        }
        assert!(page.lines.iter().all(|l| l.width() <= 78));
    }

    #[test]
    fn columns_break_only_between_sections() {
        let heading = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        for (columns, width) in [(1, 78), (2, 48), (3, 60)] {
            let blocks: Vec<Vec<Line<'static>>> = sections()
                .iter()
                .map(|(title, rows)| section_lines(title, rows, width))
                .collect();
            let placed = place(&blocks, columns);
            assert_eq!(placed.len(), columns);
            for column in &placed {
                assert_eq!(column[0].style, heading, "a column starts with a heading");
                assert_ne!(column.last().unwrap().style, heading, "nor ends with one");
            }
        }
    }

    #[test]
    fn scrolling_stops_at_the_end() {
        let screen = Rect::new(0, 0, 80, 12);
        let mut pane = HelpPane::default();
        assert!(pane.handle(Action::Bottom, screen));
        let end = pane.scroll;
        assert!(end > 0, "80x12 needs scrolling");
        pane.handle(Action::Down, screen);
        assert_eq!(pane.scroll, end);
        pane.handle(Action::Top, screen);
        assert_eq!(pane.scroll, 0);
        assert!(!pane.handle(Action::Quit, screen));
    }
}
