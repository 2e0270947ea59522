//! Page furniture and footnotes: what surrounds the body on every page.
//!
//! Per page, from the outside in: the running header (the document
//! symbol), the footer (page number, job number such as `GE.25-05133 (E)`
//! with its dates, barcode), the first page's masthead (United Nations,
//! the Convention, symbol, distribution, date, languages), and the
//! footnote area at the page bottom. What is left is the body, in reading
//! order, each line keeping its page. Furniture is counted by type so
//! that `import --report` can say what was removed.

use super::page::{Line, Mark, Page, Place};

/// A body line with where it came from and how far below the previous
/// line of the same page it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyLine {
    /// The line.
    pub line: Line,
    /// Where it is.
    pub place: Place,
    /// Vertical distance from the previous body line's baseline on the
    /// same page, in points; `None` on a page's first body line or when
    /// the front end knows no positions.
    pub gap: Option<f32>,
    /// A blank line stood before it (text inputs).
    pub blank_before: bool,
}

/// A footnote (or an asterisk note) as found at a page bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteDef {
    /// `12`, `*`, `**`.
    pub mark: String,
    /// The note's text, lines joined.
    pub text: String,
    /// Where it starts.
    pub place: Place,
}

/// What furniture was removed, by type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Removed {
    /// Masthead lines of the first page.
    pub masthead: usize,
    /// Running headers (the symbol at the top of a page).
    pub headers: usize,
    /// Page numbers.
    pub page_numbers: usize,
    /// Job-number footers (`GE.25-05133 (E)` and their dates).
    pub job_numbers: usize,
    /// Barcodes (`*1443366*`).
    pub barcodes: usize,
    /// Other footer lines (`Please recycle`).
    pub other: usize,
}

/// The pages, taken apart.
#[derive(Debug, Clone, Default)]
pub struct Laid {
    /// Body lines in reading order.
    pub body: Vec<BodyLine>,
    /// Footnotes and asterisk notes in order.
    pub notes: Vec<NoteDef>,
    /// The first page's masthead lines, for the metadata they hold.
    pub masthead: Vec<String>,
    /// What was removed.
    pub removed: Removed,
    /// The size most body text is set in, if the front end knows sizes.
    pub body_size: Option<f32>,
}

/// Is this a UN document symbol, such as `CRPD/C/CAN/CO/2-3`,
/// `E/C.12/DEU/CO/6` or `CAT/C/GBR/CO/6/Add.1` (a trailing `*` allowed)?
#[must_use]
pub fn is_symbol(text: &str) -> bool {
    let t = text.trim().trim_end_matches('*');
    let mut parts = t.split('/');
    let Some(first) = parts.next() else {
        return false;
    };
    let rest: Vec<&str> = parts.collect();
    !first.is_empty()
        && first.len() <= 6
        && first.bytes().all(|b| b.is_ascii_uppercase())
        && rest.len() >= 2
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        })
        && !t.contains(' ')
}

/// `GE.25-05133 (E)`, `GE.22-16250(E)`, `GE.11 -42792`, `GE.19-18239 (F)
/// 291119 071219`, and those with a page number before or after.
#[must_use]
pub fn is_job_number(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| w.starts_with("GE.")) else {
        return false;
    };
    let job: String = words[at..]
        .iter()
        .take_while(|w| !w.starts_with('('))
        .take(3)
        .copied()
        .collect();
    let digits = job.trim_start_matches("GE.").replace('-', "");
    let digits = digits.split('(').next().unwrap_or("");
    let before_ok = words[..at].iter().all(|w| is_page_number(w));
    let after_ok = words[at + 1..].iter().all(|w| {
        let w = w.trim();
        is_page_number(w)
            || (w.starts_with('(') && w.ends_with(')') && w.len() <= 4)
            || (w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit()))
            || w.starts_with('-')
            || w.bytes().all(|b| b.is_ascii_digit())
            || w.contains('(')
    });
    digits.len() >= 6
        && digits.bytes().filter(u8::is_ascii_digit).count() >= 6
        && before_ok
        && after_ok
}

/// A bare page number, or one labelled as old layouts set it under the
/// running header (`page 2`, `página 2`).
#[must_use]
pub fn is_page_number(text: &str) -> bool {
    let t = text.trim();
    let t = ["page ", "Page ", "página ", "Página ", "PAGE "]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t)
        .trim();
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) && t != "0"
}

/// `*1443366*`: the barcode's human-readable line.
#[must_use]
pub fn is_barcode(text: &str) -> bool {
    // Barcode fonts map their glyphs into the private use area, U+F000
    // above ASCII.
    let t: String = text
        .chars()
        .map(|c| match u32::from(c) {
            code @ 0xF020..=0xF07E => char::from_u32(code - 0xF000).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    t.len() >= 6
        && t.starts_with('*')
        && t.ends_with('*')
        && t[1..t.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

fn is_recycle(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t == "please recycle" || t == "merci de recycler" || t == "sírvase reciclar"
}

/// How masthead lines begin.
const STARTS: [&str; 14] = [
    "united nations",
    "nations unies",
    "naciones unidas",
    "distr.",
    "distr ",
    "original:",
    "original :",
    "advance unedited",
    "version préliminaire",
    "versión avanzada",
    "restricted",
    "general",
    "français",
    "español",
];

/// Lines of the masthead: distribution, dates, languages.
#[must_use]
pub fn is_masthead(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    STARTS.iter().any(|s| lower.starts_with(s))
        || is_symbol(t.split_whitespace().next().unwrap_or("")) && t.split_whitespace().count() <= 2
        || is_date(t)
        || lower.ends_with(" only")
        || lower == "english"
        || lower.starts_with("english,")
        || lower.starts_with("anglais")
        || lower.starts_with("inglés")
}

/// `15 April 2025`, `21 octobre 2019`, `29 de octubre de 2019`.
#[must_use]
pub fn is_date(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().filter(|w| *w != "de").collect();
    words.len() == 3
        && words[0]
            .trim_end_matches(['.', 'º'])
            .parse::<u32>()
            .is_ok_and(|d| (1..=31).contains(&d))
        && super::formulae::month(words[1]).is_some()
        && words[2]
            .parse::<u32>()
            .is_ok_and(|y| (1945..=2100).contains(&y))
}

/// Take the pages apart into body, notes and furniture.
#[must_use]
pub fn lay(pages: &[Page]) -> Laid {
    let mut out = Laid {
        body_size: body_size(pages),
        ..Laid::default()
    };
    let mut next_note = 1u32;
    for page in pages {
        let mut lines: Vec<&Line> = page.lines.iter().collect();
        strip_footer(&mut lines, &mut out.removed);
        strip_header(&mut lines, &mut out.removed, page.number == 1);
        if page.number == 1 || out.masthead.is_empty() && out.body.is_empty() {
            let end = masthead_end(&lines);
            out.removed.masthead += end;
            out.masthead
                .extend(lines.drain(..end).map(|l| l.text.clone()));
        }
        let notes_from = notes_start(&lines, out.body_size, next_note, out.notes.last());
        for line in &lines[notes_from..] {
            let place = Place {
                page: page.number,
                line: line.source_line,
            };
            match note_start(line, next_note) {
                Some((mark, text)) => {
                    if let Ok(n) = mark.parse::<u32>() {
                        next_note = n + 1;
                    }
                    out.notes.push(NoteDef { mark, text, place });
                }
                None => {
                    if let Some(last) = out.notes.last_mut() {
                        join_into(&mut last.text, &line.with_marks());
                    }
                }
            }
        }
        let mut previous: Option<f32> = None;
        let mut blank = false;
        for line in &lines[..notes_from] {
            if line.text.trim().is_empty() && line.marks.is_empty() {
                blank = true;
                continue;
            }
            let gap = match (previous, line.y) {
                (Some(p), Some(y)) => Some(y - p),
                _ => None,
            };
            previous = line.y;
            out.body.push(BodyLine {
                line: (*line).clone(),
                place: Place {
                    page: page.number,
                    line: line.source_line,
                },
                gap,
                blank_before: blank,
            });
            blank = false;
        }
    }
    out
}

/// Join a continuation line onto text: a line-end hyphen after a letter
/// joins the word ("non-⏎discrimination"), unless the next word is a
/// conjunction ("English-⏎and French-language"); otherwise one space.
pub fn join_into(text: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    let hyphen = text.ends_with('-')
        && text[..text.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
    let first = next.split_whitespace().next().unwrap_or("");
    let conjunction = matches!(
        first.to_lowercase().as_str(),
        "and" | "or" | "nor" | "et" | "ou" | "y" | "o" | "u" | "e" | "ni"
    );
    // A web address broken over lines continues without a space.
    let last = text.rsplit(' ').next().unwrap_or("");
    let url = (last.contains("://") || last.starts_with("www."))
        && (last.ends_with(['/', '=', '%', '&', '?', '-', '_', '.'])
            || first.contains(['/', '=', '%', '&', '?']) && !first.starts_with(['(', '“']));
    if (!hyphen || conjunction) && !url && !text.ends_with(' ') {
        text.push(' ');
    }
    text.push_str(next);
}

/// The most common size of body-like text, weighted by characters.
fn body_size(pages: &[Page]) -> Option<f32> {
    let mut sizes: Vec<(f32, usize)> = Vec::new();
    for line in pages.iter().flat_map(|p| &p.lines) {
        let Some(size) = line.size else { continue };
        let key = (size * 2.0).round() / 2.0;
        let n = line.text.len();
        match sizes.iter_mut().find(|(s, _)| (*s - key).abs() < 0.01) {
            Some((_, count)) => *count += n,
            None => sizes.push((key, n)),
        }
    }
    sizes.iter().max_by_key(|(_, n)| *n).map(|(s, _)| *s)
}

/// Drop footer lines from the bottom: page numbers, job numbers,
/// barcodes, "Please recycle".
fn strip_footer(lines: &mut Vec<&Line>, removed: &mut Removed) {
    let mut checked = 0;
    let mut i = lines.len();
    while i > 0 && checked < 5 {
        i -= 1;
        let text = lines[i].with_marks();
        let text = text.trim();
        let counter = if text.is_empty() {
            None
        } else if is_job_number(text) {
            // "2 GE.25-05176": a page number beside the job number.
            if text.split_whitespace().any(is_page_number) {
                removed.page_numbers += 1;
            }
            Some(&mut removed.job_numbers)
        } else if is_page_number(text) {
            Some(&mut removed.page_numbers)
        } else if is_barcode(text) {
            Some(&mut removed.barcodes)
        } else if is_recycle(text) {
            Some(&mut removed.other)
        } else if text
            .split_whitespace()
            .all(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit()))
        {
            // The dates printed after a job number, on a line of their own.
            Some(&mut removed.job_numbers)
        } else {
            checked += 1;
            None
        };
        match counter {
            Some(count) => {
                *count += 1;
                lines.remove(i);
            }
            None if text.is_empty() => {}
            None => {}
        }
    }
}

/// Drop the running header: the symbol (and a page number beside it) on
/// a page's first lines.
fn strip_header(lines: &mut Vec<&Line>, removed: &mut Removed, first_page: bool) {
    if first_page {
        return;
    }
    let mut i = 0;
    while i < lines.len().min(3) {
        let text = lines[i].with_marks();
        let words: Vec<&str> = text.split_whitespace().collect();
        let header = !words.is_empty()
            && words.iter().any(|w| is_symbol(w))
            && words.iter().all(|w| {
                is_symbol(w)
                    || is_page_number(w)
                    || w.eq_ignore_ascii_case("page")
                    || *w == "página"
            });
        if header {
            removed.headers += 1;
            lines.remove(i);
        } else if text.trim().is_empty() {
            i += 1;
        } else if is_page_number(&text) {
            removed.page_numbers += 1;
            lines.remove(i);
        } else {
            break;
        }
    }
}

/// How many leading lines of the first page are masthead: up to the last
/// line, among the first dozen, that is one.
fn masthead_end(lines: &[&Line]) -> usize {
    lines
        .iter()
        .take(14)
        .enumerate()
        .filter(|(_, l)| {
            let text = l.with_marks();
            is_masthead(&text)
                || text.split_whitespace().any(is_symbol) && text.split_whitespace().count() <= 8
                || text.to_lowercase().starts_with("convention")
                    && !text.to_lowercase().contains("committee")
                || text.to_lowercase().starts_with("of persons with")
                || text.to_lowercase().starts_with("international convention")
                || text.to_lowercase().starts_with("international covenant")
        })
        .map(|(i, _)| i + 1)
        .next_back()
        .unwrap_or(0)
}

/// Where the footnote area of a page begins (`lines.len()` when there is
/// none). With sizes: the run of lines at the bottom set smaller than the
/// body, starting with a note. Without: the first line, after some body,
/// that starts the next expected note and is followed only by notes.
fn notes_start(lines: &[&Line], body: Option<f32>, next: u32, last: Option<&NoteDef>) -> usize {
    if let Some(body) = body {
        let mut start = lines.len();
        while start > 0 {
            let line = lines[start - 1];
            let small = line.size.is_some_and(|s| s < body - 0.4);
            if !small {
                break;
            }
            start -= 1;
        }
        // The area must open with a note, or continue one from the
        // previous page.
        while start < lines.len() {
            // A note continued from the page before has no number: it
            // can only open the area.
            if note_start(lines[start], next).is_some() || last.is_some() {
                break;
            }
            start += 1;
        }
        return start;
    }
    super::pdftext::notes_area(lines, next)
}

/// Does the line open a note? Returns the mark and the text after it.
/// A raised number at the line start, `*` runs, or a number followed by
/// white space where the number is the next expected one.
pub fn note_start(line: &Line, next: u32) -> Option<(String, String)> {
    if let Some(first) = line.marks.first()
        && first.at == 0
    {
        let rest = Line {
            marks: line.marks[1..].to_vec(),
            ..line.clone()
        };
        return Some((
            first.text.trim().to_string(),
            rest.with_marks().trim().to_string(),
        ));
    }
    let text = line.with_marks();
    let t = text.trim_start();
    if is_job_number(t) || is_barcode(t) {
        return None;
    }
    let stars = t.len() - t.trim_start_matches('*').len();
    if stars > 0 {
        let rest = &t[stars..];
        if rest.starts_with(char::is_whitespace) || rest.is_empty() {
            return Some((t[..stars].to_string(), rest.trim().to_string()));
        }
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let n: u32 = t[..digits].parse().ok()?;
    let rest = &t[digits..];
    let glued_ok = line.size.is_some()
        && rest.starts_with(|c: char| c.is_alphabetic() || c == '“' || c == '"');
    (n == next && (rest.starts_with(char::is_whitespace) || glued_ok))
        .then(|| (t[..digits].to_string(), rest.trim().to_string()))
}

/// A mark that only looks like a footnote marker but sits on a note line
/// start is the note's number; elsewhere marks stay in the text.
#[must_use]
pub fn is_note_mark(mark: &Mark) -> bool {
    let t = mark.text.trim();
    !t.is_empty() && (t.bytes().all(|b| b.is_ascii_digit()) || t.bytes().all(|b| b == b'*'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols() {
        assert!(is_symbol("CRPD/C/CAN/CO/2-3"));
        assert!(is_symbol("CRPD/C/GBR/CO/1*"));
        assert!(is_symbol("E/C.12/DEU/CO/6"));
        assert!(is_symbol("CRPD/C/CZE/CO/1/Add.1"));
        assert!(!is_symbol("and/or"));
        assert!(!is_symbol("https://x.org/a"));
    }

    #[test]
    fn footers() {
        assert!(is_job_number("GE.25-05133 (E) 140425 140425"));
        assert!(is_job_number("GE.22-16250(E)"));
        assert!(is_job_number("GE.11 -42792"));
        assert!(is_job_number("2 GE.25-05176"));
        assert!(is_job_number("GE.19-18239 (F) 291119 071219"));
        assert!(!is_job_number("GE. is not"));
        assert!(is_barcode("*1443 366*"));
        assert!(is_barcode(
            "\u{f02a}\u{f031}\u{f035}\u{f030}\u{f039}\u{f036}\u{f033}\u{f02a}"
        ));
        assert!(is_page_number("12"));
        assert!(is_page_number("page 2"));
        assert!(!is_page_number("2019"));
    }

    #[test]
    fn the_body_size_is_the_size_most_characters_are_set_in() {
        let line = |size: Option<f32>, chars: usize| Line {
            size,
            ..Line::plain(0, &"x".repeat(chars))
        };
        let page = |lines| Page {
            number: 1,
            height: Some(842.0),
            lines,
        };
        // 9.4 and 9.6 points are one size to the half point (60
        // characters), more than the 50 at 10 points; a heading and a line
        // with no size do not count.
        let pages = [
            page(vec![
                line(Some(14.0), 15),
                line(Some(9.4), 30),
                line(None, 500),
            ]),
            page(vec![line(Some(10.0), 50), line(Some(9.6), 30)]),
        ];
        assert_eq!(body_size(&pages), Some(9.5));
        assert_eq!(body_size(&[page(vec![line(None, 80)])]), None);
    }

    #[test]
    fn dates() {
        assert!(is_date("15 April 2025"));
        assert!(is_date("21 octobre 2019"));
        assert!(is_date("29 de octubre de 2019"));
        assert!(!is_date("15 April"));
        // A number, a word and a year on a line of their own are a date
        // only when the word is a month: body text is not furniture.
        assert!(!is_date("12 States 2020"));
    }

    #[test]
    fn hyphen_joins() {
        let mut t = "non-".to_string();
        join_into(&mut t, "discrimination and");
        assert_eq!(t, "non-discrimination and");
        let mut t = "English-".to_string();
        join_into(&mut t, "and French-language");
        assert_eq!(t, "English- and French-language");
        let mut t = "word".to_string();
        join_into(&mut t, "next");
        assert_eq!(t, "word next");
        let mut t = "See https://tbinternet.ohchr.org/_layouts/15/Download.aspx?sy".to_string();
        join_into(&mut t, "mbolno=INT%2FCAT&Lang=en.");
        assert_eq!(
            t,
            "See https://tbinternet.ohchr.org/_layouts/15/Download.aspx?symbolno=INT%2FCAT&Lang=en."
        );
    }
}
