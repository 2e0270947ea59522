//! The reader pane: the document laid out as wrapped, styled lines for one
//! width, and the scrolling over them.
//!
//! Layout is a pure function of (document, width, footnotes on/off,
//! highlighter), rebuilt when one of those changes; scrolling keeps the
//! current paragraph in view across rebuilds.

use crate::document::{Document, Footnote, Inline, Item, Kind, Paragraph, Reference};
use crate::text::{columns, visible};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// What a piece of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Running text.
    Text,
    /// Document title.
    Title,
    /// Symbol, committee, State party.
    Meta,
    /// `A. Introduction`.
    Section,
    /// A thematic heading.
    Heading,
    /// The paragraph number.
    Number,
    /// An item label `(a)`.
    Label,
    /// A paragraph's kind badge.
    Kind(Kind),
    /// Articles, counterparts.
    Articles,
    /// The follow-up badge.
    FollowUp,
    /// A footnote marker `[14]` in the text.
    NoteMark,
    /// A footnote's text shown under the unit.
    Note,
    /// A word matching the search.
    Hit,
}

/// One screen line: styled pieces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// Text and tag pieces, left to right.
    pub pieces: Vec<(String, Tag)>,
}

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
    /// First visible line.
    pub scroll: usize,
    /// Visible lines (set by the app from the layout).
    pub height: usize,
    /// Only the document's first lines are laid out
    /// ([`ReaderPane::build_first`]).
    pub partial: bool,
}

/// Inputs that determine the layout.
pub struct LayoutSpec<'a> {
    /// Text width in columns.
    pub width: usize,
    /// Show footnotes under the text that cites them.
    pub footnotes: bool,
    /// Byte ranges to highlight in a piece of running text.
    pub highlight: &'a dyn Fn(&str) -> Vec<Range<usize>>,
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
            pane: ReaderPane::default(),
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
        b.pane
    }

    /// The line where a unit starts.
    #[must_use]
    pub fn line_of(&self, anchor: &Reference) -> Option<usize> {
        self.anchors.iter().position(|a| a.as_ref() == Some(anchor))
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

    /// Largest useful scroll offset.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.height.max(1))
    }

    /// Scroll by a number of lines, clamped.
    pub fn scroll_by(&mut self, lines: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(lines)
            .min(self.max_scroll());
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
}

struct Builder<'a, 'b> {
    pane: ReaderPane,
    spec: &'b LayoutSpec<'b>,
    doc: &'a Document,
    anchor: Option<Reference>,
}

impl Builder<'_, '_> {
    fn push(&mut self, line: Line) {
        if line.pieces.iter().any(|(_, t)| *t == Tag::Hit) {
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
        if self.spec.footnotes
            && let Some(note) = &doc.title_note
        {
            self.wrap(&[(format!("* {note}"), Tag::Note)], 0, 2);
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        self.anchor = Some(Reference::paragraph(p.number));
        self.blank();
        let mut badge = vec![(p.kind.label().into(), Tag::Kind(p.kind))];
        if !p.articles.is_empty() {
            let list: Vec<String> = p.articles.iter().map(u32::to_string).collect();
            let word = if p.articles.len() == 1 {
                "art."
            } else {
                "arts."
            };
            badge.push((format!("  {word} {}", list.join(", ")), Tag::Articles));
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
    }

    fn items(&mut self, items: &[Item], parent: &Reference, indent: usize) {
        for item in items {
            let reference = parent.child(&item.label);
            self.anchor = Some(reference.clone());
            let label = format!("({})", item.label);
            let hang = (label.width() + 1).max(4);
            let mut pieces = self.inline_pieces(&item.text);
            if item.follow_up {
                pieces.push(("  ".into(), Tag::Text));
                pieces.push(("⚑\u{a0}FOLLOW-UP".into(), Tag::FollowUp));
            }
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
                let mark = format!("┆ [{n}]");
                let hang = mark.width() + 1;
                let pieces: Vec<(String, Tag)> = split_hits(&body, &(self.spec.highlight)(&body))
                    .into_iter()
                    .map(|(s, t)| (s, if t == Tag::Hit { Tag::Hit } else { Tag::Note }))
                    .collect();
                self.hang(&(mark, Tag::NoteMark), &pieces, indent, indent + hang);
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

/// How a footnote reads inline: an "Ibid." names what it stands for.
#[must_use]
pub fn footnote_text(f: &Footnote) -> String {
    if let Some(of) = &f.ibid_of
        && let Some(rest) = f.text.strip_prefix("Ibid")
    {
        let (dot, rest) = match rest.strip_prefix('.') {
            Some(r) => (".", r),
            None => ("", rest),
        };
        return format!("Ibid{dot} [{of}]{rest}");
    }
    f.text.clone()
}

/// Split text at highlight ranges (byte offsets, clamped to char
/// boundaries) into text and hit pieces.
fn split_hits(text: &str, hits: &[Range<usize>]) -> Vec<(String, Tag)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in hits {
        let (start, end) = (r.start.max(at), r.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push((text[at..start].to_string(), Tag::Text));
        }
        out.push((text[start..end].to_string(), Tag::Hit));
        at = end;
    }
    if at < text.len() {
        out.push((text[at..].to_string(), Tag::Text));
    }
    out
}

/// Word-wrap styled pieces to `width` columns (Unicode width aware; words
/// are never split unless one alone is wider than the line). Control
/// characters become visible placeholders here, before measuring.
///
/// # Panics
/// Never: a word is only glued to a word that exists.
#[must_use]
pub fn wrap(pieces: &[(String, Tag)], width: usize, first: usize, rest: usize) -> Vec<Line> {
    let safe: Vec<(std::borrow::Cow<'_, str>, Tag)> =
        pieces.iter().map(|(t, tag)| (visible(t), *tag)).collect();
    // Words: runs of non-space characters, as ranges of segments (piece,
    // byte range), with whether a space came before. No text is copied.
    let mut segments: Vec<(usize, Range<usize>, usize)> = Vec::new();
    let mut words: Vec<(Range<usize>, bool)> = Vec::new();
    let mut space = false;
    for (p, (text, _)) in safe.iter().enumerate() {
        let mut start = 0;
        for (i, chunk) in text.split(' ').enumerate() {
            if i > 0 {
                space = true;
            }
            let range = start..start + chunk.len();
            start = range.end + 1;
            if chunk.is_empty() {
                continue;
            }
            let width = columns(chunk);
            segments.push((p, range, width));
            match words.last_mut() {
                Some(word) if !space => word.0.end = segments.len(),
                _ => words.push((segments.len() - 1..segments.len(), space)),
            }
            space = false;
        }
    }
    let mut out = Wrapped {
        lines: Vec::new(),
        line: Line::default(),
        used: 0,
        indent: 0,
        rest,
    };
    out.start_line(first);
    for (word, space_before) in words {
        let parts = &segments[word];
        let w: usize = parts.iter().map(|(_, _, w)| w).sum();
        let gap = usize::from(space_before && out.used > out.indent);
        if out.used + gap + w > width && out.used > out.indent {
            out.break_line();
        } else if gap == 1 {
            out.push(" ", Tag::Text);
            out.used += 1;
        }
        for (p, r, w) in parts {
            let (text, tag) = (&safe[*p].0[r.clone()], safe[*p].1);
            if out.used + w <= width {
                out.push(text, tag);
                out.used += w;
                continue;
            }
            // A word wider than the line is broken by characters.
            let mut from = 0;
            for (i, c) in text.char_indices() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if out.used + cw > width && out.used > out.indent {
                    out.push(&text[from..i], tag);
                    out.break_line();
                    from = i;
                }
                out.used += cw;
            }
            out.push(&text[from..], tag);
        }
    }
    out.lines.push(out.line);
    for l in &mut out.lines {
        l.pieces.retain(|(s, _)| !s.is_empty());
    }
    out.lines
}

/// Lines being filled by [`wrap`].
struct Wrapped {
    lines: Vec<Line>,
    line: Line,
    used: usize,
    indent: usize,
    rest: usize,
}

impl Wrapped {
    fn start_line(&mut self, indent: usize) {
        self.line.pieces.push((" ".repeat(indent), Tag::Text));
        self.used = indent;
        self.indent = indent;
    }

    fn break_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.start_line(self.rest);
    }

    /// Append text, joining it to the previous piece of the same style
    /// (never to the indent, which `hang` replaces).
    fn push(&mut self, text: &str, tag: Tag) {
        if text.is_empty() {
            return;
        }
        let joinable = self.line.pieces.len() > 1;
        match self.line.pieces.last_mut() {
            Some((last, t)) if *t == tag && joinable => last.push_str(text),
            _ => self.line.pieces.push((text.to_string(), tag)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.pieces.iter().map(|(s, _)| s.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries_with_hanging_indent() {
        let lines = wrap(&[("aaa bbb ccc ddd".into(), Tag::Text)], 9, 0, 2);
        assert_eq!(text_of(&lines), ["aaa bbb", "  ccc ddd"]);
    }

    #[test]
    fn wide_characters_count_double() {
        let lines = wrap(&[("漢字 漢字 ab".into(), Tag::Text)], 6, 0, 0);
        assert_eq!(text_of(&lines), ["漢字", "漢字", "ab"]);
    }

    #[test]
    fn overlong_word_is_broken_not_lost() {
        let lines = wrap(&[("https://example.org/long".into(), Tag::Text)], 10, 0, 0);
        assert_eq!(text_of(&lines).concat(), "https://example.org/long");
        assert!(
            lines
                .iter()
                .all(|l| l.pieces.iter().map(|(s, _)| s.width()).sum::<usize>() <= 10)
        );
    }

    #[test]
    fn a_marker_glued_to_a_word_stays_on_its_line() {
        let lines = wrap(
            &[
                ("x Kazakhstan".into(), Tag::Text),
                ("[1]".into(), Tag::NoteMark),
            ],
            13,
            0,
            0,
        );
        assert_eq!(text_of(&lines), ["x", "Kazakhstan[1]"]);
    }

    #[test]
    fn control_characters_are_shown_as_placeholders() {
        let lines = wrap(&[("a\u{1b}[2Jb".into(), Tag::Text)], 20, 0, 0);
        assert_eq!(text_of(&lines), ["a\u{241b}[2Jb"]);
    }

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
