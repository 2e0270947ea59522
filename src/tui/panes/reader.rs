//! The reader pane: the document laid out as wrapped, styled lines for one
//! width, the scrolling over them, and their drawing.
//!
//! Layout is a pure function of (document, width, footnotes on/off,
//! highlighter), rebuilt when one of those changes; scrolling keeps the
//! current paragraph in view across rebuilds. Each line knows the unit
//! ([`Reference`]) it belongs to.

use super::{Look, block, fit};
use crate::document::{
    Document, Footnote, Genre, Inline, Item, Paragraph, Reference, articles_label,
};
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::wrap::{Line, Tag, split_hits, wrap};
use ratatui::Frame;
use ratatui::buffer::CellDiffOption;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Paragraph as Text;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// The laid-out document and the reader's scroll position.
#[derive(Debug, Clone, Default)]
pub struct ReaderPane {
    /// Every line at the current width.
    pub lines: Vec<Line>,
    /// For each line, the unit it belongs to (`None` for the header).
    pub anchors: Vec<Option<Reference>>,
    /// Lines where a thematic heading or section starts.
    pub headings: Vec<usize>,
    /// Lines that hold a search hit.
    pub hits: Vec<usize>,
    /// Where footnotes are shown: (the unit that cites it, its number,
    /// its first line), in document order.
    pub notes: Vec<(Reference, u32, usize)>,
    /// The width the text was laid out at (the measure, or less).
    pub width: usize,
    /// Web addresses in footnotes: (line, columns, the whole address),
    /// one entry per line a broken address spans.
    pub links: Vec<(usize, Range<usize>, std::sync::Arc<str>)>,
    /// First visible line.
    pub scroll: usize,
    /// Visible lines (set by the app from the layout).
    pub height: usize,
    /// Only the document's first lines are laid out
    /// ([`ReaderPane::build_first`]).
    pub partial: bool,
    /// The line where the last paragraph starts.
    pub last_paragraph: usize,
    /// The line where the last unit (paragraph or item) starts.
    pub last_unit: usize,
}

/// Highlighted byte ranges of a text, each with whether it matched
/// approximately (a prefix or a typo).
pub type Marked = Vec<(Range<usize>, bool)>;

/// Inputs that determine the layout.
pub struct LayoutSpec<'a> {
    /// Text width in columns.
    pub width: usize,
    /// Show footnotes under the text that cites them.
    pub footnotes: bool,
    /// Byte ranges to highlight in a piece of running text, each with
    /// whether it matched approximately.
    pub highlight: &'a dyn Fn(&str) -> Marked,
}

impl ReaderPane {
    /// Lay out a document.
    #[must_use]
    pub fn build(doc: &Document, spec: &LayoutSpec<'_>) -> Self {
        Self::build_until(doc, spec, usize::MAX)
    }

    /// Lay out whole paragraphs from the start until at least `lines`
    /// lines are there: the same first lines as [`ReaderPane::build`],
    /// for a first frame that need not wait for the whole document.
    #[must_use]
    pub fn build_first(doc: &Document, spec: &LayoutSpec<'_>, lines: usize) -> Self {
        Self::build_until(doc, spec, lines)
    }

    fn build_until(doc: &Document, spec: &LayoutSpec<'_>, enough: usize) -> Self {
        let mut b = Builder {
            pane: ReaderPane {
                width: spec.width,
                ..ReaderPane::default()
            },
            spec,
            doc,
            anchor: None,
        };
        b.header();
        for section in &doc.sections {
            if let Some(label) = &section.label {
                b.blank();
                b.pane.headings.push(b.pane.lines.len());
                b.anchor = section
                    .topics
                    .iter()
                    .find_map(|t| t.paragraphs.first())
                    .map(|p| Reference::paragraph(p.number));
                b.wrap(
                    &[(format!("{label}. {}", section.title), Tag::Section)],
                    0,
                    0,
                );
            }
            for topic in &section.topics {
                if let Some(heading) = &topic.heading {
                    b.blank();
                    b.pane.headings.push(b.pane.lines.len());
                    b.anchor = topic
                        .paragraphs
                        .first()
                        .map(|p| Reference::paragraph(p.number));
                    b.wrap(&[(heading.clone(), Tag::Heading)], 0, 0);
                }
                for p in &topic.paragraphs {
                    b.paragraph(p);
                    if b.pane.lines.len() >= enough {
                        b.pane.partial = true;
                        return b.pane;
                    }
                }
            }
        }
        b.blank();
        b.pane.finish();
        b.pane
    }

    /// Note where the last paragraph and the last unit start.
    fn finish(&mut self) {
        let Some(last) = self.anchors.iter().rev().flatten().next().cloned() else {
            return;
        };
        self.last_unit = self.line_of(&last).unwrap_or(0);
        self.last_paragraph = self
            .line_of(&Reference::paragraph(last.paragraph))
            .unwrap_or(self.last_unit);
    }

    /// The line where a unit starts.
    #[must_use]
    pub fn line_of(&self, anchor: &Reference) -> Option<usize> {
        self.anchors.iter().position(|a| a.as_ref() == Some(anchor))
    }

    /// The first line of footnote `number` as shown under `citing` (or,
    /// failing that, under any unit that cites it).
    #[must_use]
    pub fn note_line(&self, citing: &Reference, number: u32) -> Option<usize> {
        let shown = |(_, n, _): &&(Reference, u32, usize)| *n == number;
        self.notes
            .iter()
            .filter(shown)
            .find(|(r, _, _)| r == citing)
            .or_else(|| self.notes.iter().find(shown))
            .map(|&(_, _, line)| line)
    }

    /// The unit at the top of the view (the header counts as paragraph 1).
    #[must_use]
    pub fn current(&self) -> Option<Reference> {
        let top = self.scroll.min(self.lines.len().saturating_sub(1));
        self.anchors
            .get(top..)
            .and_then(|rest| rest.iter().flatten().next())
            .cloned()
    }

    /// Largest scroll offset: the end of the text at the bottom of the
    /// view, or further, so that the last unit can reach the top (as in
    /// less and vim): every unit can be the current one, and be cited.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        let end = self.lines.len().saturating_sub(self.height.max(1));
        end.max(self.last_unit)
    }

    /// Where `G` goes: the end of the text, with the last paragraph's
    /// start at the top when the rest of it fits below.
    #[must_use]
    pub fn bottom(&self) -> usize {
        let end = self.lines.len().saturating_sub(self.height.max(1));
        end.max(self.last_paragraph).min(self.max_scroll())
    }

    /// Scroll by a number of lines, clamped.
    pub fn scroll_by(&mut self, lines: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(lines)
            .min(self.max_scroll());
    }

    /// Scroll for a movement action (lines, half pages, pages). Returns
    /// true when the view moved.
    pub fn handle(&mut self, action: Action) -> bool {
        let page = self.height.max(2) as isize;
        let before = self.scroll;
        match action {
            Action::Down => self.scroll_by(1),
            Action::Up => self.scroll_by(-1),
            Action::HalfPageDown => self.scroll_by(page / 2),
            Action::HalfPageUp => self.scroll_by(-page / 2),
            Action::PageDown => self.scroll_by(page - 1),
            Action::PageUp => self.scroll_by(-(page - 1)),
            _ => return false,
        }
        before != self.scroll
    }

    /// Put a line at the top, clamped.
    pub fn scroll_to_line(&mut self, line: usize) {
        self.scroll = line.min(self.max_scroll());
    }

    /// Put a unit at the top. Returns false if it is not in the document.
    pub fn scroll_to(&mut self, anchor: &Reference) -> bool {
        match self.line_of(anchor) {
            Some(line) => {
                // Start at the blank line above when there is one, so the
                // badge line is not flush with the border.
                self.scroll_to_line(line);
                true
            }
            None => false,
        }
    }

    /// Draw the pane: `doc`'s symbol and State as the title, the lines in
    /// view with a sign in the margin beside the number or label of each
    /// `marked` unit (and its note in the running head while it is on
    /// top), and (once the whole document is laid out) how far down the
    /// view is.
    pub fn render(
        &self,
        frame: &mut Frame<'_>,
        area: Rect,
        look: Look,
        doc: &Document,
        marked: &[(Reference, String)],
    ) {
        let Look { theme, focused } = look;
        let title = format!("{} — {}", visible(&doc.symbol), visible(&doc.state));
        let frame_block = block(
            &fit(&title, area.width.saturating_sub(6) as usize),
            focused,
            theme,
        );
        frame.render_widget(frame_block, area);
        if let Some(mut head) = layout::reader_head(area) {
            // Over the text's measure, not the whole pane: the citation
            // sits where the lines end.
            if self.width > 0 {
                head.width = head
                    .width
                    .min(u16::try_from(self.width).unwrap_or(u16::MAX));
            }
            let here = self.current().unwrap_or_default();
            let note = marked
                .iter()
                .find(|(r, _)| *r == here)
                .map(|(_, note)| note.as_str());
            self.render_head(frame, head, theme, doc, note);
        }
        let text = layout::reader_text(area);
        let lines: Vec<ratatui::text::Line<'_>> = self
            .lines
            .iter()
            .skip(self.scroll)
            .take(text.height as usize)
            .map(|line| {
                ratatui::text::Line::from(
                    line.pieces
                        .iter()
                        .map(|(text, tag)| Span::styled(text.as_str(), theme.tag(*tag)))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        frame.render_widget(Text::new(lines), text);
        self.margin(frame, text, theme, marked);
        if theme.hyperlinks {
            self.hyperlinks(frame, text);
        }
        // Position indicator on the bottom border (unknown until the whole
        // document is laid out).
        if self.partial {
            return;
        }
        let total = self.lines.len().max(1);
        let pct = ((self.scroll + self.height).min(total) * 100) / total;
        let label = format!(" {pct}% ");
        let x = area.right().saturating_sub(label.len() as u16 + 2);
        if x > area.x {
            frame.render_widget(
                Text::new(Span::styled(label.clone(), theme.border(focused))),
                Rect::new(x, area.bottom() - 1, label.len() as u16, 1),
            );
        }
    }
}

impl ReaderPane {
    /// The line that shows a unit's number or label, if laid out.
    #[must_use]
    pub fn label_line(&self, unit: &Reference) -> Option<usize> {
        let start = self.line_of(unit)?;
        (start..self.lines.len())
            .take_while(|&l| self.anchors[l].as_ref() == Some(unit))
            .find(|&l| {
                self.lines[l]
                    .pieces
                    .iter()
                    .any(|(_, tag)| matches!(tag, Tag::Number | Tag::Label))
            })
    }

    /// The marks' sign in the margin column left of the text, beside the
    /// number or label of each marked unit in view.
    fn margin(
        &self,
        frame: &mut Frame<'_>,
        text: Rect,
        theme: Theme,
        marked: &[(Reference, String)],
    ) {
        if text.x == 0 {
            return;
        }
        let view = self.scroll..self.scroll + text.height as usize;
        for (unit, _) in marked {
            let Some(line) = self.label_line(unit).filter(|l| view.contains(l)) else {
                continue;
            };
            let y = text.y + (line - self.scroll) as u16;
            // Where the label sits on its line: items are indented.
            let indent = self.lines[line]
                .pieces
                .iter()
                .take_while(|(_, tag)| !matches!(tag, Tag::Number | Tag::Label))
                .map(|(s, _)| s.width())
                .sum::<usize>();
            let x = if indent > 0 {
                text.x + indent as u16 - 1
            } else {
                text.x - 1
            };
            frame.render_widget(
                Text::new(Span::styled(
                    crate::tui::panes::marks::SIGN,
                    theme.tag(Tag::FollowUp).remove_modifier(Modifier::REVERSED),
                )),
                Rect::new(x.min(text.right().saturating_sub(1)), y, 1, 1),
            );
        }
    }

    /// Wrap each visible character of a web address in an OSC 8
    /// hyperlink to the whole address, so that a click on any part of
    /// it, on any of its lines, opens all of it.
    fn hyperlinks(&self, frame: &mut Frame<'_>, text: Rect) {
        let view = self.scroll..self.scroll + text.height as usize;
        let buffer = frame.buffer_mut();
        for (line, columns, url) in &self.links {
            if !view.contains(line) {
                continue;
            }
            let y = text.y + (line - self.scroll) as u16;
            for column in columns.clone() {
                let x = text.x + column as u16;
                if x >= text.right() {
                    break;
                }
                let cell = &mut buffer[(x, y)];
                // The escape sequence takes no room on screen: the cell
                // keeps its character's width for ratatui's diff.
                let width = u16::try_from(cell.symbol().width()).unwrap_or(1);
                let linked = format!("\x1b]8;;{url}\x1b\\{}\x1b]8;;\x1b\\", cell.symbol());
                cell.set_symbol(&linked)
                    .set_diff_option(CellDiffOption::ForcedWidth(
                        std::num::NonZeroU16::new(width).unwrap_or(std::num::NonZeroU16::MIN),
                    ));
            }
        }
    }

    /// The running head: the heading (or section) of the unit on top and
    /// its citation, over the width of the text, underlined like a page's
    /// running head. When the heading itself is the top line, the head
    /// names the section above it instead of repeating it. When the unit
    /// on top is marked, its sign and note lead.
    fn render_head(
        &self,
        frame: &mut Frame<'_>,
        area: Rect,
        theme: Theme,
        doc: &Document,
        note: Option<&str>,
    ) {
        let here = self.current().unwrap_or_default();
        let top = self
            .lines
            .get(self.scroll)
            .and_then(|l| l.pieces.iter().find(|(s, _)| !s.trim().is_empty()))
            .map(|(_, tag)| *tag);
        let section = |s: &crate::document::Section| {
            s.label
                .as_ref()
                .map(|label| format!("{label}. {}", s.title))
        };
        let place = doc
            .paragraphs()
            .find(|(_, _, p)| p.number == here.paragraph)
            .and_then(|(s, topic, _)| match (top, &topic.heading) {
                (Some(Tag::Section), _) => None,
                (Some(Tag::Heading), _) | (_, None) => section(s),
                (_, Some(heading)) => Some(heading.clone()),
            })
            .unwrap_or_default();
        let place = match note {
            Some(note) => {
                let note = if note.is_empty() { "marked" } else { note };
                let sign = crate::tui::panes::marks::SIGN;
                if place.is_empty() {
                    format!("{sign} {note}")
                } else {
                    format!("{sign} {note} · {place}")
                }
            }
            None => place,
        };
        let cite = here.citation().to_string();
        let width = area.width as usize;
        let room = width.saturating_sub(cite.width() + 2);
        let place = fit(&visible(&place), room);
        let gap = width.saturating_sub(place.width() + cite.width());
        let line = ratatui::text::Line::from(vec![
            Span::styled(place, theme.tag(Tag::Heading)),
            Span::raw(" ".repeat(gap)),
            Span::styled(fit(&cite, width), theme.tag(Tag::Articles)),
        ])
        .style(Style::new().add_modifier(Modifier::UNDERLINED));
        frame.render_widget(Text::new(line), area);
    }
}

struct Builder<'a, 'b> {
    pane: ReaderPane,
    spec: &'b LayoutSpec<'b>,
    doc: &'a Document,
    anchor: Option<Reference>,
}

impl Builder<'_, '_> {
    fn push(&mut self, line: Line) {
        if line
            .pieces
            .iter()
            .any(|(_, t)| matches!(t, Tag::Hit | Tag::Approximate))
        {
            self.pane.hits.push(self.pane.lines.len());
        }
        self.pane.lines.push(line);
        self.pane.anchors.push(self.anchor.clone());
    }

    fn blank(&mut self) {
        self.push(Line::default());
    }

    fn header(&mut self) {
        let doc = self.doc;
        self.wrap(&[(doc.title.clone(), Tag::Title)], 0, 0);
        let meta = format!("{} · {} · {}", doc.symbol, doc.committee, doc.state);
        self.wrap(&[(meta, Tag::Meta)], 0, 0);
        for line in &doc.preamble {
            self.wrap(&[(line.clone(), Tag::Meta)], 0, 0);
        }
        if doc.genre == Genre::StateFollowUp {
            let what = "Information sent by the State party on follow-up: not the Committee's text";
            self.wrap(&[(what.to_string(), Tag::Meta)], 0, 0);
        }
        if self.spec.footnotes {
            if let Some(note) = &doc.title_note {
                self.wrap(&[(format!("* {note}"), Tag::Note)], 0, 2);
            }
            for note in &doc.title_notes {
                self.wrap(&[(format!("{} {}", note.mark, note.text), Tag::Note)], 0, 2);
            }
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        self.anchor = Some(Reference::paragraph(p.number));
        self.blank();
        let mut badge = vec![(p.kind.label().into(), Tag::Kind(p.kind))];
        if !p.articles.is_empty() {
            badge.push((format!("  {}", articles_label(&p.articles)), Tag::Articles));
        }
        if !p.pair.is_empty() {
            let list: Vec<String> = p.pair.iter().map(u32::to_string).collect();
            badge.push((format!("  ⇄ {}", list.join(", ")), Tag::Articles));
        }
        if p.follow_up {
            badge.push(("  ".into(), Tag::Text));
            badge.push(("⚑\u{a0}FOLLOW-UP".into(), Tag::FollowUp));
        }
        self.wrap(&badge, 0, 4);
        let number = (format!("{}.", p.number), Tag::Number);
        let pieces = self.inline_pieces(&p.text);
        self.hang(&number, &pieces, 0, 4);
        self.notes(&p.text, 4);
        self.items(&p.items, &Reference::paragraph(p.number), 4);
        for part in &p.parts {
            // An unnumbered paragraph under this number: its own kind,
            // cited by the paragraph's number.
            self.anchor = Some(Reference::paragraph(p.number));
            self.blank();
            self.wrap(&[(part.kind.label().into(), Tag::Kind(part.kind))], 4, 4);
            let pieces = self.inline_pieces(&part.text);
            self.wrap(&pieces, 4, 4);
            self.notes(&part.text, 4);
            self.items(&part.items, &Reference::paragraph(p.number), 4);
        }
    }

    fn items(&mut self, items: &[Item], parent: &Reference, indent: usize) {
        for item in items {
            let reference = parent.child(&item.label);
            self.anchor = Some(reference.clone());
            if let Some(heading) = &item.heading {
                // A heading inside the list, at the labels' column: the
                // list goes on under it.
                self.wrap(&[(heading.clone(), Tag::Heading)], indent, indent);
            }
            let label = format!("({})", item.label);
            let hang = (label.width() + 1).max(4);
            let mut pieces = Vec::new();
            // The badge leads the item it marks: after the text it read
            // as the next item's.
            if item.follow_up {
                pieces.push(("⚑\u{a0}FOLLOW-UP".into(), Tag::FollowUp));
                pieces.push((" ".into(), Tag::Text));
            }
            pieces.extend(self.inline_pieces(&item.text));
            self.hang(&(label, Tag::Label), &pieces, indent, indent + hang);
            self.notes(&item.text, indent + hang);
            self.items(&item.items, &reference, indent + hang);
        }
    }

    fn inline_pieces(&self, text: &[Inline]) -> Vec<(String, Tag)> {
        let mut out = Vec::new();
        for piece in text {
            match piece {
                Inline::Text(t) => out.extend(split_hits(t, &(self.spec.highlight)(t))),
                Inline::Note(n) => out.push((format!("[{n}]"), Tag::NoteMark)),
            }
        }
        out
    }

    fn notes(&mut self, text: &[Inline], indent: usize) {
        if !self.spec.footnotes {
            return;
        }
        for piece in text {
            if let Inline::Note(n) = piece {
                let body = self
                    .doc
                    .footnote(*n)
                    .map_or_else(|| "(missing footnote)".to_string(), footnote_text);
                if let Some(citing) = &self.anchor {
                    self.pane
                        .notes
                        .push((citing.clone(), *n, self.pane.lines.len()));
                }
                let mark = format!("┆ [{n}]");
                let hang = mark.width() + 1;
                let pieces: Vec<(String, Tag)> = split_hits(&body, &(self.spec.highlight)(&body))
                    .into_iter()
                    .flat_map(|(s, t)| {
                        if t == Tag::Text {
                            split_links(&s)
                        } else {
                            vec![(s, t)]
                        }
                    })
                    .collect();
                let from = self.pane.lines.len();
                self.hang(&(mark, Tag::NoteMark), &pieces, indent, indent + hang);
                // The margin runs down every line of the note, not only
                // its first: a wrapped line must not read as body text.
                for line in &mut self.pane.lines[from + 1..] {
                    if let Some((lead, _)) = line.pieces.first_mut()
                        && lead.len() >= indent + hang
                        && lead.trim().is_empty()
                    {
                        let rest = lead.len() - indent - 1;
                        line.pieces[0] = (" ".repeat(indent), Tag::Text);
                        line.pieces.insert(1, ("┆".into(), Tag::NoteMark));
                        line.pieces.insert(2, (" ".repeat(rest), Tag::Text));
                    }
                }
                self.find_links(from, &body);
            }
        }
    }

    /// Record where the addresses of `body` landed in the lines from
    /// `from` on: the pieces tagged as links, in order, spell them.
    fn find_links(&mut self, from: usize, body: &str) {
        let urls: Vec<&str> = body.split_whitespace().filter_map(url_in).collect();
        let mut url = 0;
        let mut spelled = String::new();
        for (offset, line) in self.pane.lines[from..].iter().enumerate() {
            let mut column = 0;
            for (text, tag) in &line.pieces {
                let width = text.width();
                if *tag == Tag::Link && url < urls.len() {
                    spelled.push_str(text);
                    self.pane.links.push((
                        from + offset,
                        column..column + width,
                        std::sync::Arc::from(urls[url]),
                    ));
                    if spelled.len() >= urls[url].len() {
                        url += 1;
                        spelled.clear();
                    }
                }
                column += width;
            }
        }
    }

    /// Wrap `pieces` with a hanging indent: `prefix` (a number or label)
    /// sits at `first` on the first line, the text at `rest` on every line.
    fn hang(
        &mut self,
        prefix: &(String, Tag),
        pieces: &[(String, Tag)],
        first: usize,
        rest: usize,
    ) {
        let width = self.spec.width.max(8);
        let mut lines = wrap(pieces, width, rest, rest);
        if let Some(line) = lines.first_mut() {
            let pad = rest.saturating_sub(first + prefix.0.width()).max(1);
            if line
                .pieces
                .first()
                .is_some_and(|(s, t)| *t == Tag::Text && s.trim().is_empty())
            {
                line.pieces.remove(0);
            }
            line.pieces.splice(
                0..0,
                [
                    (" ".repeat(first), Tag::Text),
                    prefix.clone(),
                    (" ".repeat(pad), Tag::Text),
                ],
            );
            line.pieces.retain(|(s, _)| !s.is_empty());
        }
        for line in lines {
            self.push(line);
        }
    }

    /// Greedy word wrap of styled pieces. `first` and `rest` are the
    /// indents of the first and following lines.
    fn wrap(&mut self, pieces: &[(String, Tag)], first: usize, rest: usize) {
        let width = self.spec.width.max(8);
        for line in wrap(pieces, width, first, rest) {
            self.push(line);
        }
    }
}

/// The web address a word of a footnote is, if it is one (a trailing
/// full stop or comma is the sentence's, not the address's).
fn url_in(word: &str) -> Option<&str> {
    (word.starts_with("https://") || word.starts_with("http://"))
        .then(|| word.trim_end_matches(['.', ',', ';', ')']))
}

/// A footnote's text in pieces, its web addresses tagged as links.
fn split_links(text: &str) -> Vec<(String, Tag)> {
    let mut out: Vec<(String, Tag)> = Vec::new();
    let mut push = |s: &str, tag: Tag| match out.last_mut() {
        Some((last, t)) if *t == tag => last.push_str(s),
        _ => out.push((s.to_string(), tag)),
    };
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            push(" ", Tag::Note);
        }
        if let Some(url) = url_in(word) {
            push(url, Tag::Link);
            push(&word[url.len()..], Tag::Note);
        } else {
            push(word, Tag::Note);
        }
    }
    out.retain(|(s, _)| !s.is_empty());
    out
}

/// How a footnote reads inline: an "Ibid." names what it stands for.
#[must_use]
pub fn footnote_text(f: &Footnote) -> String {
    f.display_text()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibid_names_its_source() {
        let f = Footnote {
            number: 14,
            text: "Ibid., para. 195.".into(),
            ibid_of: Some("CAT/C/KAZ/RQ/4".into()),
        };
        assert_eq!(footnote_text(&f), "Ibid. [CAT/C/KAZ/RQ/4], para. 195.");
    }
}
