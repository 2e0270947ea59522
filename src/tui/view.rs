//! Drawing the frame: each pane where the layout puts it, the status line
//! and the overlays (help, "window too small"). Panes draw themselves;
//! drawing never changes state.

use super::action::Focus;
use super::app::{App, Mode};
use super::keymap::{self, Context};
use super::layout::{MIN_SIZE, areas};
use super::line::LineEdit;
use super::panes::{Look, fit, marks};
use super::theme::Theme;
use super::wrap::{Tag, wrap};
use crate::text::visible;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
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
    let marked = marks::marked_paragraphs(&app.mark_rows);
    app.outline
        .render(frame, a.outline, look(Focus::Outline), &marked);
    let units = marks::marked_units(&app.mark_rows, app.doc);
    app.reader
        .render(frame, a.reader, look(Focus::Reader), app.document(), &units);
    app.search
        .render(frame, a.search, look(Focus::Search), &app.library.documents);
    match app.mode {
        Mode::Help => app.help.render(frame, area, theme),
        Mode::Problems => app.problems.render(
            frame,
            area,
            theme,
            &app.opening.failures,
            &app.opening.warnings,
        ),
        Mode::Marks => {
            let above = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
            marks::render(frame, above, theme, &app.mark_rows, app.marks_list);
        }
        _ => {}
    }
    status(app, theme, a.status, frame);
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

/// Rows a message may take: the status line and three above it.
const MESSAGE_ROWS: usize = 4;

/// Where the reader is, then the prompt, a message, or the hints of the
/// focused pane that fit. A message longer than the line wraps onto rows
/// above it (over the panes, until the next key) rather than being cut.
fn status(app: &App, theme: Theme, area: Rect, frame: &mut Frame<'_>) {
    let here = app.reader.current().unwrap_or_default();
    let left = if app.loading() {
        // Metadata only: no paragraph to be at yet.
        format!(" {} │ ", visible(&app.document().symbol))
    } else {
        format!(
            " {} · {} │ ",
            visible(&app.document().symbol),
            here.citation()
        )
    };
    let width = area.width as usize;
    let room = width.saturating_sub(left.width());
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let state = app.hint_state();
    let mut prompt = |lead: &str, text: &LineEdit, context: Context, most: usize| {
        let (shown, at) = text.view(room.saturating_sub(lead.width() + 1).min(most));
        let typed = format!("{lead}{}  ", visible(shown));
        let x = area.x + (left.width() + lead.width() + at) as u16;
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        let hints = keymap::labels::hint_line(context, state, room.saturating_sub(typed.width()));
        format!("{typed}{hints}")
    };
    let right = match (&app.mode, &app.message) {
        (Mode::Prompt(text), _) => prompt(":", text, Context::Prompt, 40),
        (Mode::Note(note), _) => {
            let lead = if note.existing.is_some() {
                "edit note: "
            } else {
                "mark, note: "
            };
            prompt(lead, &note.line, Context::Note, 60)
        }
        (_, Some(message)) => {
            let lines = wrap(
                &[(visible(message).into_owned(), Tag::Text)],
                width.max(8),
                left.width(),
                1,
            );
            let rows = lines.len().min(MESSAGE_ROWS);
            for (i, line) in lines.iter().enumerate().take(rows) {
                let y = area.y.saturating_sub((rows - 1 - i) as u16);
                let mut text: String = line.pieces.iter().map(|(s, _)| s.as_str()).collect();
                if i + 1 == rows && rows < lines.len() {
                    text = fit(&format!("{text} …"), width);
                }
                let spans = if i == 0 {
                    let body = text.get(left.width().min(text.len())..).unwrap_or("");
                    vec![
                        Span::styled(left.clone(), bold),
                        Span::raw(body.trim_start().to_string()),
                    ]
                } else {
                    vec![Span::raw(text)]
                };
                let row = Rect::new(area.x, y, area.width, 1);
                frame.render_widget(Clear, row);
                frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status()), row);
            }
            return;
        }
        _ => app
            .progress()
            .unwrap_or_else(|| keymap::labels::hint_line(app.context(), state, room)),
    };
    let line = Line::from(vec![Span::styled(left, bold), Span::raw(fit(&right, room))]);
    frame.render_widget(Paragraph::new(line).style(theme.status()), area);
}
