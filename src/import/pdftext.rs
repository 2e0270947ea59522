//! The front end for text as poppler's `pdftotext` writes it, with or
//! without `-layout`: pages separated by form feeds, no sizes, no
//! positions — only columns, blank lines, and footnote markers glued to
//! the words they follow ("Canada1", "meetings,2").
//!
//! Lines keep their 1-based line numbers so that errors name them.
//! Footnote markers are found after the footnotes are: a page's notes say
//! which numbers to look for in its body.

use super::furniture::{is_job_number, is_page_number, is_symbol, note_start};
use super::page::{Line, Mark, Page};

/// Split text into pages of lines. Runs of white space become one space;
/// a run of two or more after a line's first token is its tab stop.
#[must_use]
pub fn read(text: &str) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    let mut page = Page {
        number: 1,
        ..Page::default()
    };
    for (index, raw) in text.split('\n').enumerate() {
        let mut raw = raw.strip_suffix('\r').unwrap_or(raw);
        while let Some(at) = raw.find('\u{c}') {
            push(&mut page, index + 1, &raw[..at]);
            let number = page.number + 1;
            pages.push(std::mem::replace(
                &mut page,
                Page {
                    number,
                    ..Page::default()
                },
            ));
            raw = &raw[at + 1..];
        }
        push(&mut page, index + 1, raw);
    }
    pages.push(page);
    while pages.len() > 1
        && pages
            .last()
            .is_some_and(|p| p.lines.iter().all(|l| l.text.is_empty()))
    {
        pages.pop();
    }
    pages
}

fn push(page: &mut Page, number: usize, raw: &str) {
    let indent = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    let mut text = String::with_capacity(trimmed.len());
    let mut tab = None;
    let mut run = 0;
    let mut words = 0;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            run += if c == '\t' { 2 } else { 1 };
            continue;
        }
        if run > 0 {
            words += 1;
            text.push(' ');
            if run >= 2 && words == 1 {
                tab = Some(text.len());
            }
            run = 0;
        }
        text.push(c);
    }
    page.lines.push(Line {
        source_line: number,
        text,
        tab,
        x: Some(f32::from(u16::try_from(indent).unwrap_or(u16::MAX))),
        ..Line::default()
    });
}

/// Lift the footnote markers of each page out of its body: for each note
/// the page's footnote area defines, the first place after the previous
/// marker where its number stands glued to a word or punctuation. Used
/// for text, and for PDFs whose markers are not set raised.
pub fn find_marks(pages: &mut [Page]) {
    let mut next = 1u32;
    for page in pages {
        let refs: Vec<&Line> = page.lines.iter().collect();
        let area = notes_area(&refs, next);
        let mut numbers = Vec::new();
        for line in &page.lines[area..] {
            let want = next + numbers.len() as u32;
            if let Some((mark, _)) = note_start(line, want)
                && mark == want.to_string()
            {
                numbers.push(want);
            }
        }
        if let Some(&last) = numbers.last() {
            next = last + 1;
        }
        let mut from = (0, 0);
        for n in numbers {
            // A PDF may have raised the marker already.
            let digits = n.to_string();
            let raised = page.lines[..area]
                .iter()
                .enumerate()
                .find_map(|(k, l)| l.marks.iter().find(|m| m.text == digits).map(|m| (k, m.at)));
            if let Some(at) = raised {
                from = at;
                continue;
            }
            if let Some((k, start, end)) = find_marker(&page.lines[..area], n, from) {
                let line = &mut page.lines[k];
                line.text.replace_range(start..end, "");
                // Marks already lifted from later in the line move left.
                for m in line.marks.iter_mut().filter(|m| m.at > start) {
                    m.at -= end - start;
                }
                line.marks.push(Mark {
                    at: start,
                    text: n.to_string(),
                });
                line.marks.sort_by_key(|m| m.at);
                from = (k, start);
            }
        }
    }
}

/// Where the page's footnote area starts: the last line that opens the
/// expected note such that only notes (and their continuation lines)
/// follow, or the page's end.
#[must_use]
pub fn notes_area(lines: &[&Line], next: u32) -> usize {
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&k| {
            note_start(lines[k], next)
                .is_some_and(|(mark, _)| mark.starts_with('*') || mark == next.to_string())
        })
        .collect();
    for &k in &starts {
        // Every later note start must continue the numbering.
        let mut want = next;
        let mut ok = true;
        for line in &lines[k..] {
            if let Some((mark, _)) = note_start(line, want) {
                if mark.starts_with('*') {
                    continue;
                }
                if mark == want.to_string() {
                    want += 1;
                } else {
                    ok = false;
                    break;
                }
            }
        }
        let long_tail = lines[k..].len() > 40;
        if ok && !long_tail && k > 0 {
            return k;
        }
    }
    lines.len()
}

/// The first place at or after `from` (line, byte) where `n` stands as a
/// footnote marker: glued after a letter or punctuation ("Canada1",
/// "meetings,2"), or after punctuation and one space ("Convention. 5
/// The", as `-layout` sets a raised marker apart) unless the word before
/// is an abbreviation that numbers follow ("para. 5").
fn find_marker(lines: &[Line], n: u32, from: (usize, usize)) -> Option<(usize, usize, usize)> {
    let digits = n.to_string();
    for (k, line) in lines.iter().enumerate().skip(from.0) {
        let start = if k == from.0 { from.1 } else { 0 };
        let text = &line.text;
        let furniture = is_job_number(text)
            || text
                .split_whitespace()
                .all(|w| is_symbol(w) || is_page_number(w));
        if furniture {
            continue;
        }
        let mut search = start;
        while let Some(rel) = text.get(search..).and_then(|t| t.find(&digits)) {
            let at = search + rel;
            search = at + digits.len();
            let after = text[at + digits.len()..].chars().next();
            if after.is_some_and(|c| {
                c.is_ascii_digit()
                    || c.is_alphabetic()
                    || c == '.'
                        && text[at + digits.len() + 1..].starts_with(|d: char| d.is_ascii_digit())
            }) {
                continue;
            }
            let before = text[..at].chars().next_back();
            let glued = before.is_some_and(|c| {
                c.is_alphabetic() || matches!(c, '.' | ',' | ';' | ':' | ')' | '”' | '’' | '"')
            });
            if glued {
                return Some((k, at, at + digits.len()));
            }
            let spaced = before == Some(' ') && {
                let head = text[..at - 1].trim_end();
                let punct = head.ends_with(['.', ',', ';', ':', ')', '”']);
                let word = head
                    .trim_end_matches(['.', ',', ';', ':', ')', '”'])
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                let abbreviation = matches!(
                    word.as_str(),
                    "para"
                        | "paras"
                        | "no"
                        | "nos"
                        | "art"
                        | "arts"
                        | "p"
                        | "pp"
                        | "vol"
                        | "chap"
                        | "sect"
                ) || word.bytes().all(|b| b.is_ascii_digit());
                punct && !abbreviation && after == Some(' ')
            };
            if spaced {
                return Some((k, at - 1, at + digits.len()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_lines_and_tabs() {
        let pages = read("1.     The Committee\n   (a)  Ensure\u{c}CRPD/C/X/CO/1\n");
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].lines[0].text, "1. The Committee");
        assert_eq!(pages[0].lines[0].tab, Some(3));
        assert_eq!(pages[0].lines[1].text, "(a) Ensure");
        assert_eq!(pages[0].lines[1].x, Some(3.0));
        assert_eq!(pages[1].lines[0].source_line, 2);
        assert_eq!(pages[1].lines[0].text, "CRPD/C/X/CO/1");
    }

    #[test]
    fn markers_glued_to_words() {
        let mut pages = read(
            "1. The reports of Canada1\nat its meetings,2 held in 2025.\nmore text here\n1 CRPD/C/CAN/2-3.\n2 See CRPD/C/SR.768.\n",
        );
        find_marks(&mut pages);
        let lines = &pages[0].lines;
        assert_eq!(lines[0].text, "1. The reports of Canada");
        assert_eq!(
            lines[0].marks,
            vec![Mark {
                at: 24,
                text: "1".into()
            }]
        );
        assert_eq!(lines[1].text, "at its meetings, held in 2025.");
    }
}
