//! Styled lines and the word wrap that makes them: text pieces tagged
//! with what they are ([`Tag`], which the theme styles), wrapped to a width
//! with hanging indents, search hits split out as their own pieces.

use crate::document::Kind;
use crate::text::{columns, visible};
use std::ops::Range;

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
    /// A web address in a footnote.
    Link,
    /// A word matching the search.
    Hit,
    /// A word matching the search approximately (a prefix or a typo).
    Approximate,
}

/// One screen line: styled pieces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// Text and tag pieces, left to right.
    pub pieces: Vec<(String, Tag)>,
}

/// Split text at highlight ranges (byte offsets, clamped to char
/// boundaries; each with whether it matched approximately) into text and
/// hit pieces.
#[must_use]
pub fn split_hits(text: &str, hits: &[(Range<usize>, bool)]) -> Vec<(String, Tag)> {
    let mut out = Vec::new();
    let mut at = 0;
    for (r, approximate) in hits {
        let (start, end) = (r.start.max(at), r.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push((text[at..start].to_string(), Tag::Text));
        }
        let tag = if *approximate {
            Tag::Approximate
        } else {
            Tag::Hit
        };
        out.push((text[start..end].to_string(), tag));
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
    use unicode_width::UnicodeWidthStr;

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
}
