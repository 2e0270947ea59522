//! Drawing the frame: each pane where the layout puts it, the status line
//! and the overlays (help, "window too small"). Panes draw themselves;
//! drawing never changes state.

use super::action::Focus;
use super::app::{App, Mode};
use super::keymap::{self, Context};
use super::layout::{MIN_SIZE, areas};
use super::panes::{Look, fit, help};
use super::theme::Theme;
use crate::text::visible;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Draw the whole screen.
pub fn render(app: &App, theme: Theme, frame: &mut Frame<'_>) {
    let area = frame.area();
    let Some(a) = areas(area.width, area.height, app.focus) else {
        too_small(area, frame);
        return;
    };
    let look = |focus| Look {
        theme,
        focused: app.focus == focus,
    };
    app.outline.render(frame, a.outline, look(Focus::Outline));
    app.reader
        .render(frame, a.reader, look(Focus::Reader), app.document());
    app.search
        .render(frame, a.search, look(Focus::Search), &app.library.documents);
    status(app, theme, a.status, frame);
    if app.mode == Mode::Help {
        help::render(frame, area, theme);
    }
}

fn too_small(area: Rect, frame: &mut Frame<'_>) {
    let text = format!(
        "Window too small: {}×{} (need {}×{})",
        area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
    );
    let y = area.height / 2;
    let row = Rect::new(area.x, area.y + y, area.width, 1.min(area.height));
    frame.render_widget(
        Paragraph::new(fit(&text, area.width as usize)).alignment(Alignment::Center),
        row,
    );
}

/// Where the reader is, then the prompt, a message, or the hints of the
/// focused pane.
fn status(app: &App, theme: Theme, area: Rect, frame: &mut Frame<'_>) {
    let here = app.reader.current().unwrap_or_default();
    let left = format!(
        " {} · {} │ ",
        visible(&app.document().symbol),
        here.citation()
    );
    let right = match (&app.mode, &app.message) {
        (Mode::Prompt(text), _) => {
            format!(":{text}▏  {}", keymap::hint_line(Context::Prompt))
        }
        (_, Some(message)) => visible(message).into_owned(),
        _ => keymap::hint_line(Context::from(app.focus)),
    };
    let room = (area.width as usize).saturating_sub(left.width());
    let line = Line::from(vec![
        Span::styled(left, Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(fit(&right, room)),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.status()), area);
}
