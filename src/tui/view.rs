//! Drawing: rendering every pane from `&App`, where [`super::layout`]
//! puts it. Drawing never changes state.

use super::action::Focus;
use super::app::{App, Mode};
use super::keymap::{self, Context};
use super::layout::{Areas, MIN_SIZE, areas};
use super::reader::Tag;
use super::theme::Theme;
use crate::text::visible;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Draw the whole screen.
pub fn render(app: &App, theme: Theme, frame: &mut Frame<'_>) {
    let area = frame.area();
    let Some(a) = areas(area.width, area.height, app.focus) else {
        too_small(area, frame);
        return;
    };
    outline(app, theme, a.outline, frame);
    reader(app, theme, &a, frame);
    search(app, theme, &a, frame);
    status(app, theme, a.status, frame);
    if app.mode == Mode::Help {
        help(theme, area, frame);
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

fn pane_block(title: &str, focused: bool, theme: Theme) -> Block<'static> {
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

fn outline(app: &App, theme: Theme, area: Rect, frame: &mut Frame<'_>) {
    let focused = app.focus == Focus::Outline;
    let block = pane_block("Sections", focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let pane = &app.outline;
    let lines: Vec<Line<'_>> = pane
        .rows
        .iter()
        .enumerate()
        .skip(pane.offset)
        .take(inner.height as usize)
        .map(|(i, row)| {
            let indent = "  ".repeat(row.depth);
            let mut spans = vec![Span::raw(indent.clone())];
            let mut used = indent.len();
            if let Some(kind) = row.kind {
                spans.push(Span::styled(
                    kind.letter(),
                    theme.kind(kind).add_modifier(Modifier::BOLD),
                ));
                spans.push(Span::raw(" "));
                used += 2;
            } else if row.parent {
                spans.push(Span::raw(if row.collapsed { "▸ " } else { "▾ " }));
                used += 2;
            }
            let text = fit(
                &visible(&row.text),
                (inner.width as usize).saturating_sub(used),
            );
            let style = if row.kind.is_none() {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            spans.push(Span::styled(text, style));
            let mut line = Line::from(spans);
            if i == pane.selected {
                line = line.style(theme.selected(focused));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn reader(app: &App, theme: Theme, a: &Areas, frame: &mut Frame<'_>) {
    let focused = app.focus == Focus::Reader;
    let doc = app.document();
    let title = format!("{} — {}", visible(&doc.symbol), visible(&doc.state));
    let block = pane_block(
        &fit(&title, a.reader.width.saturating_sub(6) as usize),
        focused,
        theme,
    );
    frame.render_widget(block, a.reader);
    let pane = &app.reader;
    let lines: Vec<Line<'_>> = pane
        .lines
        .iter()
        .skip(pane.scroll)
        .take(a.reader_text.height as usize)
        .map(|line| {
            Line::from(
                line.pieces
                    .iter()
                    .map(|(text, tag)| Span::styled(text.as_str(), theme.tag(*tag)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), a.reader_text);
    // Position indicator on the bottom border (unknown until the whole
    // document is laid out).
    if pane.partial {
        return;
    }
    let total = pane.lines.len().max(1);
    let pct = ((pane.scroll + pane.height).min(total) * 100) / total;
    let label = format!(" {pct}% ");
    let x = a.reader.right().saturating_sub(label.len() as u16 + 2);
    if x > a.reader.x {
        frame.render_widget(
            Paragraph::new(Span::styled(label.clone(), theme.border(focused))),
            Rect::new(x, a.reader.bottom() - 1, label.len() as u16, 1),
        );
    }
}

fn search(app: &App, theme: Theme, a: &Areas, frame: &mut Frame<'_>) {
    let focused = app.focus == Focus::Search;
    let s = &app.search;
    let count = if s.query.trim().is_empty() {
        String::new()
    } else if app.search_waiting() {
        " · indexing".to_string()
    } else {
        let n = s.results.len();
        format!(" · {n} result{}", if n == 1 { "" } else { "s" })
    };
    let title = format!("Search · scope: {}{count}", s.scope.label());
    frame.render_widget(pane_block(&title, focused, theme), a.search);
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
    frame.render_widget(Paragraph::new(Line::from(query)), a.query);
    let several = app.library.documents.len() > 1;
    let width = a.results.width as usize;
    // Columns: reference, kind, heading (when there is room), snippet.
    let heading_width = if width >= 60 { (width / 5).min(28) } else { 0 };
    let ref_width = if several { 24 } else { 9 }.min(width / 4);
    let lines: Vec<Line<'_>> = s
        .results
        .iter()
        .enumerate()
        .skip(s.offset)
        .take(a.results.height as usize)
        .map(|(i, hit)| {
            let mut reference = hit.reference.clone();
            if several {
                reference = format!("{} {reference}", app.library.documents[hit.doc].symbol);
            }
            let head = column(
                &visible(hit.heading.as_deref().unwrap_or("")),
                heading_width,
            );
            let lead = format!("{} ", column(&visible(&reference), ref_width));
            let kind = match hit.unit {
                crate::search::HitUnit::Heading => "HDG",
                crate::search::HitUnit::Footnote(_) => "NTE",
                _ => hit.kind.short(),
            };
            let used = lead.width() + kind.len() + 1 + head.width() + 3;
            let (snip, ranges) =
                crate::search::snippet(&hit.text, &hit.highlights, width.saturating_sub(used));
            let mut spans = vec![
                Span::styled(lead, Style::new().add_modifier(Modifier::BOLD)),
                Span::styled(kind, theme.kind(hit.kind).add_modifier(Modifier::BOLD)),
                Span::raw(" "),
                Span::styled(head, Style::new().add_modifier(Modifier::ITALIC)),
                Span::raw(" │ "),
            ];
            spans.extend(highlighted(&snip, &ranges, theme));
            let mut line = Line::from(spans);
            if i == s.selected {
                line = line.style(theme.selected(focused));
            }
            line
        })
        .collect();
    if app.search_waiting() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    "indexing {} documents… results follow",
                    app.library.documents.len()
                ),
                Style::new().add_modifier(Modifier::DIM),
            )),
            a.results,
        );
    } else if lines.is_empty() && !s.query.trim().is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "no match — try fewer words, or Ctrl-s to widen the scope",
                Style::new().add_modifier(Modifier::DIM),
            )),
            a.results,
        );
    } else {
        frame.render_widget(Paragraph::new(lines), a.results);
    }
}

/// Text with highlighted byte ranges as spans, made safe for the terminal.
fn highlighted(text: &str, ranges: &[std::ops::Range<usize>], theme: Theme) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
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
            theme.tag(Tag::Hit),
        ));
        at = r.end;
    }
    out.push(Span::raw(visible(&text[at..]).into_owned()));
    out
}

fn status(app: &App, theme: Theme, area: Rect, frame: &mut Frame<'_>) {
    let left = format!(
        " {} · {} │ ",
        visible(&app.document().symbol),
        where_am_i(app)
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

fn where_am_i(app: &App) -> String {
    app.reader
        .current()
        .unwrap_or_default()
        .citation()
        .to_string()
}

fn help(theme: Theme, area: Rect, frame: &mut Frame<'_>) {
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
    let block = pane_block("Keys — any key closes", true, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
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

/// Exactly `width` columns: [`fit`], then padded with spaces.
fn column(text: &str, width: usize) -> String {
    let mut out = fit(text, width);
    out.push_str(&" ".repeat(width.saturating_sub(out.width())));
    out
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
