//! Stage 1: classify each physical line and lift footnote bodies out.
//!
//! In the export a footnote body follows the text that cites it, at the
//! end of the same line, as `[N: <tabs>body]`; a body may run over line
//! breaks (footnote 11's URL). Continuation lines of a body are consumed
//! here so that later stages never mistake them for headings.

use super::ImportError;

/// One classified line (without its footnote bodies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// What the line is.
    pub kind: LineKind<'a>,
}

/// The shapes a line of the export takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind<'a> {
    /// Only white space (or only footnote bodies).
    Blank,
    /// `N.<TAB>text`.
    Paragraph {
        /// Paragraph number.
        number: u32,
        /// Text after the number.
        text: &'a str,
    },
    /// `<TAB>(a)<TAB>text`.
    Item {
        /// Label without parentheses.
        label: &'a str,
        /// Text after the label.
        text: &'a str,
    },
    /// `(i)<TAB>text` at column 0.
    SubItem {
        /// Label without parentheses.
        label: &'a str,
        /// Text after the label.
        text: &'a str,
    },
    /// `<TAB>A.<TAB>Title`.
    Section {
        /// `A`, `B`…
        label: &'a str,
        /// Section title.
        title: &'a str,
    },
    /// Two or more leading tabs, no number: a thematic heading (or the
    /// document title before the first paragraph).
    Heading(&'a str),
    /// Anything else: the committee line, or a continuation of text.
    Plain(&'a str),
}

/// A footnote body lifted out of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// Footnote number.
    pub number: u32,
    /// Line where `[N:` stands.
    pub line: usize,
    /// The body text, trimmed, continuation lines joined.
    pub text: String,
    /// A leading `*<TAB>note` segment: the title's own note.
    pub note: Option<String>,
}

/// Stage 1's output.
#[derive(Debug, Clone, Default)]
pub struct Scanned<'a> {
    /// Every line with text outside footnote bodies.
    pub lines: Vec<Line<'a>>,
    /// Footnote bodies in input order.
    pub bodies: Vec<Body>,
}

/// Split the input into classified lines and footnote bodies.
///
/// # Errors
/// Unterminated bodies and stray text after a body.
pub fn scan(input: &str) -> Result<Scanned<'_>, ImportError> {
    let mut out = Scanned::default();
    // The body still open at the end of the previous line, as
    // (number, start line, raw text so far, bracket depth).
    let mut open: Option<(u32, usize, String, usize)> = None;
    for (index, raw) in input.split('\n').enumerate() {
        let number = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let rest = if let Some((n, start, mut text, depth)) = open.take() {
            // A continuation that starts at column 0 continues a word (a
            // URL broken by the export); one that starts with layout
            // white space starts a new segment.
            if line.starts_with(char::is_whitespace) {
                text.push('\n');
            }
            if let Some(end) = close(line, depth) {
                text.push_str(&line[..end]);
                out.bodies.push(body(n, start, &text));
                &line[end + 1..]
            } else {
                text.push_str(line);
                open = Some((n, start, text, depth_after(line, depth)));
                continue;
            }
        } else {
            let (unit, bodies) = match find_opener(line) {
                Some((at, _, _)) => (&line[..at], &line[at..]),
                None => (line, ""),
            };
            out.lines.push(Line {
                number,
                kind: classify(unit),
            });
            bodies
        };
        open = scan_bodies(rest, number, &mut out.bodies)?;
    }
    if let Some((n, start, _, _)) = open {
        return Err(ImportError::Unterminated {
            line: start,
            number: n,
        });
    }
    Ok(out)
}

/// Read `[N: body]` groups from the tail of a line. Returns the body left
/// open at the end of the line, if any.
fn scan_bodies(
    mut rest: &str,
    line: usize,
    bodies: &mut Vec<Body>,
) -> Result<Option<(u32, usize, String, usize)>, ImportError> {
    loop {
        let trimmed = rest.trim_start();
        if trimmed.is_empty() {
            return Ok(None);
        }
        let Some((0, n, after)) = find_opener(trimmed) else {
            return Err(ImportError::AfterBody {
                line,
                text: trimmed.trim_end().to_string(),
            });
        };
        let content = &trimmed[after..];
        match close(content, 1) {
            Some(end) => {
                bodies.push(body(n, line, &content[..end]));
                rest = &content[end + 1..];
            }
            None => {
                return Ok(Some((
                    n,
                    line,
                    content.to_string(),
                    depth_after(content, 1),
                )));
            }
        }
    }
}

/// Find `[N:` followed by white space. Returns (offset of `[`, N, offset
/// just past the colon).
fn find_opener(line: &str) -> Option<(usize, u32, usize)> {
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(rel) = line[from..].find('[') {
        let at = from + rel;
        let digits = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let colon = at + 1 + digits;
        if digits > 0
            && digits < 6
            && bytes.get(colon) == Some(&b':')
            && line[colon + 1..].starts_with(char::is_whitespace)
            && let Ok(n) = line[at + 1..colon].parse()
        {
            return Some((at, n, colon + 1));
        }
        from = at + 1;
    }
    None
}

/// Offset of the `]` that closes a body at the given bracket depth.
fn close(text: &str, mut depth: usize) -> Option<usize> {
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn depth_after(text: &str, depth: usize) -> usize {
    text.chars().fold(depth, |d, c| match c {
        '[' => d + 1,
        ']' => d.saturating_sub(1).max(1),
        _ => d,
    })
}

/// Build a body from its raw text: split off a leading `*` note, trim,
/// and fold the remaining line breaks into spaces.
fn body(number: u32, line: usize, raw: &str) -> Body {
    let raw = raw.trim();
    let (note, rest) = match raw.strip_prefix('*') {
        Some(after) if after.starts_with(char::is_whitespace) => match after.split_once('\n') {
            Some((note, rest)) => (Some(note.trim().to_string()), rest),
            None => (Some(after.trim().to_string()), ""),
        },
        _ => (None, raw),
    };
    let text = rest
        .split('\n')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Body {
        number,
        line,
        text,
        note,
    }
}

/// Classify the text part of a line.
#[must_use]
pub fn classify(line: &str) -> LineKind<'_> {
    if line.trim().is_empty() {
        return LineKind::Blank;
    }
    if let Some((num, text)) = line.split_once(".\t")
        && !num.is_empty()
        && num.len() < 6
        && num.bytes().all(|b| b.is_ascii_digit())
        && let Ok(number) = num.parse()
    {
        return LineKind::Paragraph {
            number,
            text: text.trim(),
        };
    }
    if let Some(after) = line.strip_prefix('\t') {
        if let Some((label, text)) = label(after, |c| c.is_ascii_lowercase()) {
            return LineKind::Item { label, text };
        }
        if let Some((label, title)) = after.split_once(".\t")
            && label.len() == 1
            && label.bytes().all(|b| b.is_ascii_uppercase())
        {
            return LineKind::Section {
                label,
                title: title.trim(),
            };
        }
        if after.starts_with('\t') {
            return LineKind::Heading(line.trim());
        }
    }
    if let Some((label, text)) = label(line, |c| matches!(c, 'i' | 'v' | 'x' | 'l')) {
        return LineKind::SubItem { label, text };
    }
    LineKind::Plain(line.trim())
}

/// `(label)<TAB>text` with label chars accepted by `ok`.
fn label(line: &str, ok: impl Fn(char) -> bool) -> Option<(&str, &str)> {
    let inner = line.strip_prefix('(')?;
    let (label, rest) = inner.split_once(')')?;
    if label.is_empty() || label.len() > 5 || !label.chars().all(ok) {
        return None;
    }
    let text = rest.strip_prefix('\t')?;
    Some((label, text.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_each_shape() {
        assert_eq!(
            classify("12.\tThe Committee urges the State party: "),
            LineKind::Paragraph {
                number: 12,
                text: "The Committee urges the State party:"
            }
        );
        assert_eq!(
            classify("\t(b)\t\tTo investigate"),
            LineKind::Item {
                label: "b",
                text: "To investigate"
            }
        );
        assert_eq!(
            classify("(iv)\tHaving their arrest"),
            LineKind::SubItem {
                label: "iv",
                text: "Having their arrest"
            }
        );
        assert_eq!(
            classify("\tC.\tPrincipal subjects"),
            LineKind::Section {
                label: "C",
                title: "Principal subjects"
            }
        );
        assert_eq!(classify("\t\t\tRedress"), LineKind::Heading("Redress"));
        assert_eq!(
            classify(" Committee against Torture"),
            LineKind::Plain("Committee against Torture")
        );
        assert_eq!(classify(" \t "), LineKind::Blank);
    }

    #[test]
    fn a_letter_item_i_is_an_item_not_a_sub_item() {
        assert!(matches!(
            classify("\t(i)\tAllocate the resources"),
            LineKind::Item { label: "i", .. }
        ));
    }

    #[test]
    fn lifts_bodies_off_the_line() {
        let s = scan("1.\tText[footnoteRef:1] more. [1: \t\tBody one.]  [2: \t\tTwo.] \n").unwrap();
        assert_eq!(
            s.lines[0].kind,
            LineKind::Paragraph {
                number: 1,
                text: "Text[footnoteRef:1] more."
            }
        );
        assert_eq!(s.bodies.len(), 2);
        assert_eq!(s.bodies[1].text, "Two.");
    }

    #[test]
    fn a_bracket_opened_in_a_body_closes_on_its_next_line_before_the_body() {
        let s = scan("1.\tA.[footnoteRef:1] [1: \t\tSee [CAT/C/1,\n\t\tpara. 2].]\n").unwrap();
        assert_eq!(s.bodies.len(), 1);
        assert_eq!(s.bodies[0].text, "See [CAT/C/1, para. 2].");
    }

    #[test]
    fn body_over_two_lines_joins_a_broken_url_without_a_space() {
        let s = scan("1.\tA.[footnoteRef:1] [1: \t\tSee https://x.org/a%2\nFb.]\n").unwrap();
        assert_eq!(s.bodies[0].text, "See https://x.org/a%2Fb.");
        let text_lines = s.lines.iter().filter(|l| l.kind != LineKind::Blank).count();
        assert_eq!(text_lines, 1, "the continuation is not a line of text");
    }

    #[test]
    fn star_note_is_split_from_the_body() {
        let s = scan("1.\tA.[footnoteRef:1] [1: \t*\tAdopted.\n\t\tCAT/C/X/1.]\n").unwrap();
        assert_eq!(s.bodies[0].note.as_deref(), Some("Adopted."));
        assert_eq!(s.bodies[0].text, "CAT/C/X/1.");
    }

    #[test]
    fn unterminated_body_names_its_line() {
        let err = scan("x\n1.\tA.[footnoteRef:1] [1: \t\tnever closed\n").unwrap_err();
        assert_eq!(err, ImportError::Unterminated { line: 2, number: 1 });
    }

    #[test]
    fn text_after_a_body_is_an_error() {
        let err = scan("1.\tA. [1: \t\tB.] stray words\n").unwrap_err();
        assert!(matches!(err, ImportError::AfterBody { line: 1, .. }));
    }
}
