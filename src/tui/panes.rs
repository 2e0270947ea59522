//! The panes, each in its own module with its state, its navigation and
//! its drawing (`render(&self, …)`, which never changes state):
//!
//! - [`outline`]: sections → headings → paragraphs, collapsible;
//! - [`reader`]: the document as wrapped, styled lines, scrolled;
//! - [`search`]: the query line, the scope, the ranked results and the
//!   index they come from;
//! - [`help`]: the overlay listing every key binding;
//! - [`marks`]: the overlay listing every mark, and the signs marks
//!   leave in the reader's margin and the outline;
//! - [`problems`]: the overlay listing the files that did not open.
//!
//! What they share to draw: [`Look`], the bordered [`block`] and [`fit`].

pub mod help;
pub mod marks;
pub mod outline;
pub mod problems;
pub mod reader;
pub mod search;

use super::theme::Theme;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How a pane is drawn: the theme, and whether it has the keys.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    /// The palette.
    pub theme: Theme,
    /// The pane has the keys (thick border, marked title).
    pub focused: bool,
}

/// A pane's border and title; the focused pane's is thick and marked `▶`.
#[must_use]
pub fn block(title: &str, focused: bool, theme: Theme) -> Block<'static> {
    let title = if focused {
        format!("▶ {title} ")
    } else {
        format!(" {title} ")
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Span::styled(
            title,
            if focused {
                Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
            } else {
                Style::new()
            },
        ))
}

/// Truncate to a display width, marking the cut with `…`.
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}
