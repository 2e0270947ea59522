//! The help overlay: every binding of the key table, under its context's
//! heading, in as many columns as the screen needs. It is drawn from
//! the table itself, so it lists exactly what the keys do; while it is
//! open the keymap's help context sends every key to close it.

use super::{block, fit};
use crate::tui::keymap;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

/// Draw the overlay over `area` (the whole screen).
pub fn render(frame: &mut Frame<'_>, area: Rect, theme: Theme) {
    // (text, bold) entries: context headings, then "keys  what" rows.
    let mut entries: Vec<(String, bool)> = Vec::new();
    let mut last = None;
    for (context, keys, what) in keymap::help_rows() {
        if last != Some(*context) {
            entries.push((context.title().to_string(), true));
            last = Some(*context);
        }
        entries.push((format!("{keys:<10} {what}"), false));
    }
    entries.push(("Mouse".into(), true));
    entries.push(("wheel      scroll pane under pointer".into(), false));
    entries.push(("click      select".into(), false));
    // As many 38-column columns as the entries need, centred.
    let rows = (area.height.saturating_sub(3) as usize).max(1);
    let columns = entries.len().div_ceil(rows).max(1) as u16;
    let width = (columns * 38 + 2).min(area.width);
    let height =
        (entries.len().div_ceil(columns as usize) as u16 + 2).min(area.height.saturating_sub(1));
    let popup = Rect::new(area.x + (area.width - width) / 2, area.y, width, height);
    frame.render_widget(Clear, popup);
    let frame_block = block("Keys — any key closes", true, theme);
    let inner = frame_block.inner(popup);
    frame.render_widget(frame_block, popup);
    let rows = (inner.height as usize).max(1);
    let col_w = inner.width / columns;
    for (c, chunk) in entries.chunks(rows).enumerate() {
        let lines: Vec<Line<'_>> = chunk
            .iter()
            .map(|(text, bold)| {
                let text = fit(text, col_w.saturating_sub(1) as usize);
                if *bold {
                    Line::styled(
                        text,
                        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                    )
                } else {
                    Line::raw(text)
                }
            })
            .collect();
        let x = inner.x + col_w * c as u16;
        frame.render_widget(
            Paragraph::new(lines),
            Rect::new(x, inner.y, col_w, inner.height),
        );
    }
}
