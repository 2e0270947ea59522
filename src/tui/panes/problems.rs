//! The overlay of files that did not open (`!`): each with its error (the
//! file, and the line where there is one), then the duplicates skipped.
//! Movement keys scroll it; any other key closes it, as help does.

use super::super::action::Action;
use super::super::theme::Theme;
use super::super::wrap::{Tag, wrap};
use super::help::scrolled;
use super::{block, fit};
use crate::text::visible;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

/// The overlay's scroll position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProblemsPane {
    /// First line in view.
    pub scroll: usize,
}

/// Where the overlay goes on a screen (all but the status line), and how
/// many lines it shows.
fn popup(screen: Rect) -> (Rect, usize) {
    let area = Rect::new(
        screen.x,
        screen.y,
        screen.width,
        screen.height.saturating_sub(1),
    );
    (area, area.height.saturating_sub(2) as usize)
}

/// The overlay's lines at a width: each problem wrapped, indented under
/// its first line.
fn lines(failures: &[String], warnings: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    if failures.is_empty() && warnings.is_empty() {
        out.push("Every file opened.".to_string());
    }
    for (lead, list) in [("✗ ", failures), ("! ", warnings)] {
        for problem in list {
            let text = format!("{lead}{}", visible(problem));
            for line in wrap(&[(text, Tag::Text)], width.max(8), 0, 2) {
                out.push(line.pieces.iter().map(|(s, _)| s.as_str()).collect());
            }
        }
    }
    out
}

impl ProblemsPane {
    /// Scroll for a movement action; false for any other action (it closes
    /// the overlay).
    pub fn handle(
        &mut self,
        action: Action,
        screen: Rect,
        failures: &[String],
        warnings: &[String],
    ) -> bool {
        let (area, view) = popup(screen);
        let total = lines(failures, warnings, area.width.saturating_sub(2) as usize).len();
        match scrolled(action, self.scroll, view, total) {
            Some(scroll) => {
                self.scroll = scroll;
                true
            }
            None => false,
        }
    }

    /// Draw the overlay over `screen`, leaving the status line.
    pub fn render(
        &self,
        frame: &mut Frame<'_>,
        screen: Rect,
        theme: Theme,
        failures: &[String],
        warnings: &[String],
    ) {
        let (area, view) = popup(screen);
        let all = lines(failures, warnings, area.width.saturating_sub(2) as usize);
        let max = all.len().saturating_sub(view.max(1));
        let scroll = self.scroll.min(max);
        let title = format!(
            "Did not open: {} · duplicates skipped: {} — {}",
            failures.len(),
            warnings.len(),
            if max == 0 {
                "any key closes"
            } else {
                "j k PgDn PgUp scroll, any other key closes"
            }
        );
        frame.render_widget(Clear, area);
        let frame_block = block(
            &fit(&title, area.width.saturating_sub(4) as usize),
            true,
            theme,
        );
        let inner = frame_block.inner(area);
        frame.render_widget(frame_block, area);
        let shown: Vec<Line<'static>> = all
            .into_iter()
            .skip(scroll)
            .take(view)
            .map(Line::from)
            .collect();
        frame.render_widget(Paragraph::new(shown), inner);
    }
}
