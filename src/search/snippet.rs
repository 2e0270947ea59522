//! A one-line excerpt of a unit around its best match.

use crate::text::char_columns;
use std::ops::Range;

/// The part of `text` that fits `width` columns around its longest
/// highlight, cut at spaces where it can be, with `…` where text was left
/// out; and the highlights moved into it (clipped to what is shown).
#[must_use]
pub fn snippet(
    text: &str,
    highlights: &[Range<usize>],
    width: usize,
) -> (String, Vec<Range<usize>>) {
    let marked: Vec<(Range<usize>, ())> = highlights.iter().map(|r| (r.clone(), ())).collect();
    let (out, ranges) = snippet_marked(text, &marked, width);
    (out, ranges.into_iter().map(|m| m.0).collect())
}

/// [`snippet`] of highlights that carry a mark (whether each is
/// approximate: [`super::Hit::marked`]), kept with each range moved.
#[must_use]
pub fn snippet_marked<T: Copy>(
    text: &str,
    highlights: &[(Range<usize>, T)],
    width: usize,
) -> (String, Vec<(Range<usize>, T)>) {
    if width == 0 {
        return (String::new(), Vec::new());
    }
    // The longest highlight is the best match (a phrase over a word).
    let best = highlights
        .iter()
        .map(|m| &m.0)
        .enumerate()
        .max_by_key(|(i, r)| (r.end.saturating_sub(r.start), std::cmp::Reverse(*i)));
    let anchor = best.map_or(0, |(_, r)| r.start.min(text.len()));
    // Start up to a quarter of the width before the match, at a word start.
    let mut start = anchor;
    let mut used = 0;
    for (i, c) in text[..anchor].char_indices().rev() {
        used += char_columns(c);
        if used > width / 4 {
            break;
        }
        start = i;
    }
    if start > 0
        && start < anchor
        && let Some(space) = text[start..anchor].find(char::is_whitespace)
    {
        start += space + 1;
    }
    let text_start = start;
    let lead = if text_start > 0 { "…" } else { "" };
    let budget = width - lead.len().min(1);
    let mut end = text_start;
    let mut used = 0;
    for (i, c) in text[text_start..].char_indices() {
        let w = char_columns(c);
        if used + w > budget {
            break;
        }
        used += w;
        end = text_start + i + c.len_utf8();
    }
    let mut tail = "";
    if end < text.len() {
        // Room for the ellipsis, then cut back to a space if one is near.
        while used + 1 > budget && end > text_start {
            let c = text[..end].chars().next_back().unwrap_or(' ');
            end -= c.len_utf8();
            used -= char_columns(c);
        }
        if let Some(space) = text[text_start..end].rfind(char::is_whitespace) {
            let cut = text_start + space;
            if cut > text_start && end - cut < 16 && cut > anchor {
                end = cut;
            }
        }
        tail = "…";
    }
    let body = &text[text_start..end];
    let out = format!("{lead}{body}{tail}");
    let shift = lead.len();
    let ranges = highlights
        .iter()
        .filter(|(r, _)| r.end > text_start && r.start < end)
        .map(|(r, mark)| {
            (
                (r.start.max(text_start) - text_start + shift)
                    ..(r.end.min(end) - text_start + shift),
                *mark,
            )
        })
        .collect();
    (out, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn short_text_is_whole() {
        let word = 0..8;
        let (s, r) = snippet("Solitary confinement.", std::slice::from_ref(&word), 40);
        assert_eq!(s, "Solitary confinement.");
        assert_eq!(r, vec![word]);
    }

    #[test]
    fn a_late_match_is_brought_into_view_with_ellipses() {
        let text = "The Committee is concerned at reports that prisoners are held in solitary confinement for long periods and without review.";
        let at = text.find("solitary").unwrap();
        let word = at..at + 8;
        let (s, r) = snippet(text, std::slice::from_ref(&word), 40);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.width() <= 40, "{s}");
        assert_eq!(&s[r[0].clone()], "solitary");
    }

    #[test]
    fn multibyte_text_keeps_ranges_on_the_word() {
        let text =
            "Государственная программа «работа» и работа в пенитенциарных учреждениях продолжается";
        let at = text.find("работа").unwrap();
        let word = at..at + "работа".len();
        let (s, r) = snippet(text, std::slice::from_ref(&word), 30);
        assert!(s.width() <= 30, "{s}");
        assert_eq!(&s[r[0].clone()], "работа");
    }

    #[test]
    fn zero_width_is_empty() {
        let word = 0..4;
        assert_eq!(
            snippet("text", std::slice::from_ref(&word), 0),
            (String::new(), Vec::new())
        );
    }
}
