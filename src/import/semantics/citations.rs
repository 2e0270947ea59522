//! Citations inside the text: the articles a heading or paragraph closes
//! on (`(arts. 1–4)`, `(art. 1er à 4)`, `(arts. 1 a 4)`), and lists of
//! paragraph references (`paragraphs 12 (a) and (b), 27 and 45`).

use super::super::formulae::{PARAGRAPH_WORDS, find_word};
use crate::document::{Document, Inline, Item, plain};

/// Articles: a paragraph's own closing `(arts. …)`, else its heading's,
/// else its section's.
pub(super) fn articles(doc: &mut Document) {
    for section in &mut doc.sections {
        let from_section = closing_articles(&section.title);
        for topic in &mut section.topics {
            // A thematic heading speaks for its paragraphs: one without
            // articles ("Technical cooperation") does not inherit the
            // section's.
            let from_heading = match &topic.heading {
                Some(h) => closing_articles(h),
                None => from_section.clone(),
            };
            for p in &mut topic.paragraphs {
                // A concern closes on its articles, before any
                // recommendation that follows it unnumbered.
                let own = closing_articles(&closing_text(&p.text, &p.items)).or_else(|| {
                    p.parts
                        .last()
                        .and_then(|part| closing_articles(&closing_text(&part.text, &part.items)))
                });
                p.articles = own.or_else(|| from_heading.clone()).unwrap_or_default();
            }
        }
    }
}

/// The text that closes a paragraph or part: its own, or its last
/// (sub-)item's.
fn closing_text(text: &[Inline], items: &[Item]) -> String {
    fn last(items: &[Item]) -> Option<&Item> {
        let item = items.last()?;
        last(&item.items).or(Some(item))
    }
    match last(items) {
        Some(item) => plain(&item.text),
        None => plain(text),
    }
}

/// Articles in a closing parenthesis: `(art. 5)`, `(arts. 1–4)`, `(arts.
/// 1 and 4)`, `(arts. 1 a 4)`, `(arts. 1er à 4)`, `(arts. 4, 42 and 44
/// (6))`.
#[must_use]
pub fn closing_articles(text: &str) -> Option<Vec<u32>> {
    let t = text
        .trim_end()
        .trim_end_matches(['.', ';', ',', ':'])
        .trim_end();
    if !t.ends_with(')') {
        return None;
    }
    // Find the parenthesis that the last `)` closes.
    let mut depth = 0i32;
    let mut open = None;
    for (i, c) in t.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    open = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let inner = &t[open? + 1..t.len() - 1];
    let lower = inner.to_lowercase();
    let list = [
        "arts.",
        "art.",
        "articles",
        "article",
        "artículos",
        "artículo",
    ]
    .iter()
    .find_map(|p| lower.strip_prefix(p))?;
    // Drop sub-paragraph references: "44 (6)", "37 (a)".
    let mut flat = String::new();
    let mut skip = 0;
    for c in list.chars() {
        match c {
            '(' => skip += 1,
            ')' => skip -= 1,
            _ if skip > 0 => {}
            _ => flat.push(c),
        }
    }
    let flat = flat
        .replace(" and ", ",")
        .replace(" et ", ",")
        .replace(" y ", ",")
        .replace(" à ", "–")
        .replace(" a ", "–")
        .replace(" to ", "–");
    let mut out = Vec::new();
    for part in flat.split([',', ';']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let number = |s: &str| -> Option<u32> {
            let s = s.trim().trim_end_matches("er").trim_end_matches('o');
            s.parse().ok()
        };
        if let Some((a, b)) = part.split_once(['–', '-', '—', '−']) {
            let (a, b) = (number(a)?, number(b)?);
            if b < a || b - a > 60 {
                return None;
            }
            out.extend(a..=b);
        } else {
            out.push(number(part)?);
        }
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// What the reference scanner saw last.
#[derive(PartialEq, Clone, Copy)]
enum Prev {
    Start,
    Separator,
    Dash,
    Number,
    Label,
    Word,
}

/// Paragraph references after "paragraphs"/"paras."/"paragraphes"/
/// "párrafos", to the end of the sentence: `12 and 45`, `11 (a) and
/// (b)`, `14 (a), 24 (a), 28 and 44`, `12–14`, and lists with words
/// between (`8, on general obligations, 20, on the right to life, and
/// 56`; `10 (harmonisation) et 60`). A number counts only where a list
/// would put one: after the word, a comma, a conjunction or a dash.
#[must_use]
#[allow(clippy::too_many_lines)] // one scanner over a list's tokens and its state
pub fn references(text: &str) -> Vec<(u32, Option<String>)> {
    let lower = text.to_lowercase();
    let mut out: Vec<(u32, Option<String>)> = Vec::new();
    let mut from = 0;
    while let Some((at, word)) = PARAGRAPH_WORDS
        .iter()
        .filter_map(|w| find_word(&lower[from..], w).map(|i| (from + i, *w)))
        .min_by_key(|(i, w)| (*i, std::cmp::Reverse(w.len())))
    {
        let rest = &lower[at + word.len()..];
        from = at + word.len();
        // "article 35, paragraph 2, of the Convention" cites the treaty.
        let before: String = lower[..at]
            .chars()
            .rev()
            .take(24)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if ["article", "art.", "artículo"]
            .iter()
            .any(|a| before.contains(a))
        {
            continue;
        }
        let mut prev = Prev::Start;
        let mut i = 0;
        let bytes = rest.as_bytes();
        while i < rest.len() {
            let c = rest[i..].chars().next().unwrap_or(' ');
            if c.is_ascii_digit() {
                let digits = rest[i..].bytes().take_while(u8::is_ascii_digit).count();
                let n: Option<u32> = rest[i..i + digits]
                    .parse()
                    .ok()
                    .filter(|n| (1..1000).contains(n));
                match (n, prev) {
                    (Some(n), Prev::Dash) => {
                        if let Some(&(m, None)) = out.last()
                            && n > m
                            && n - m < 30
                        {
                            out.extend((m + 1..=n).map(|k| (k, None)));
                        }
                        prev = Prev::Number;
                    }
                    (Some(n), Prev::Start | Prev::Separator) => {
                        out.push((n, None));
                        prev = Prev::Number;
                    }
                    _ => prev = Prev::Word,
                }
                i += digits;
                continue;
            }
            if c == '(' {
                let close = rest[i..].find(')').map(|e| i + e);
                let inner = close.map(|e| &rest[i + 1..e]);
                match inner {
                    Some(l)
                        if (matches!(prev, Prev::Number | Prev::Label)
                            || prev == Prev::Separator
                                && out.last().is_some_and(|(_, l)| l.is_some()))
                            && (1..=4).contains(&l.len())
                            && l.bytes().all(|b| b.is_ascii_lowercase()) =>
                    {
                        match out.last_mut() {
                            Some((_, slot @ None)) => *slot = Some(l.to_string()),
                            Some((n, Some(_))) => {
                                let n = *n;
                                out.push((n, Some(l.to_string())));
                            }
                            None => {}
                        }
                        prev = Prev::Label;
                    }
                    _ => {}
                }
                i = close.map_or(rest.len(), |e| e + 1);
                continue;
            }
            if c == '.' {
                let after = rest[i + 1..].trim_start();
                let sentence_end = after.is_empty()
                    || rest[i + 1..].starts_with(char::is_whitespace)
                        && after.starts_with(|ch: char| ch.is_uppercase());
                if sentence_end {
                    break;
                }
                i += 1;
                continue;
            }
            if c == ';' {
                break;
            }
            if c == ',' || c == '&' {
                prev = Prev::Separator;
                i += 1;
                continue;
            }
            if c == '–' || c == '-' {
                prev = if prev == Prev::Number {
                    Prev::Dash
                } else {
                    Prev::Word
                };
                i += c.len_utf8();
                continue;
            }
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let len = rest[i..]
                .find(|ch: char| !ch.is_alphanumeric() && ch != '’')
                .unwrap_or(rest.len() - i);
            let word = &rest[i..i + len.max(1)];
            prev = if matches!(word, "and" | "et" | "y" | "e" | "to" | "à" | "a" | "or") {
                if matches!(word, "to" | "à" | "a") && prev == Prev::Number {
                    Prev::Dash
                } else {
                    Prev::Separator
                }
            } else {
                Prev::Word
            };
            let _ = bytes;
            i += word.len();
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_in_headings() {
        assert_eq!(
            closing_articles("Equality and non-discrimination (art. 5)"),
            Some(vec![5])
        );
        assert_eq!(
            closing_articles("General principles and obligations (arts. 1–4)"),
            Some(vec![1, 2, 3, 4])
        );
        assert_eq!(closing_articles("(arts. 1 and 4)"), Some(vec![1, 4]));
        assert_eq!(
            closing_articles("Principios y obligaciones generales (arts. 1 a 4)"),
            Some(vec![1, 2, 3, 4])
        );
        assert_eq!(
            closing_articles("Principes généraux (art. 1er à 4)"),
            Some(vec![1, 2, 3, 4])
        );
        assert_eq!(
            closing_articles("General measures (arts. 4, 42 and 44 (6))"),
            Some(vec![4, 42, 44])
        );
        assert_eq!(
            closing_articles("The Nelson Mandela Rules (rules 43–46)"),
            None
        );
    }

    #[test]
    fn reference_lists() {
        assert_eq!(
            references("set forth in paragraphs 12 and 45 above."),
            vec![(12, None), (45, None)]
        );
        assert_eq!(
            references("paragraphs 11 (a) and (b) and 27"),
            vec![(11, Some("a".into())), (11, Some("b".into())), (27, None)]
        );
        assert_eq!(
            references("paras. 14 (a), 24 (a), 28 and 44"),
            vec![
                (14, Some("a".into())),
                (24, Some("a".into())),
                (28, None),
                (44, None)
            ]
        );
        assert_eq!(
            references("aux paragraphes 12 et 45 ci-dessus"),
            vec![(12, None), (45, None)]
        );
        assert_eq!(
            references(
                "contained in paragraphs 8, on general obligations, 20, on the right to life, and 56, on an adequate standard of living. The"
            ),
            vec![(8, None), (20, None), (56, None)]
        );
        assert_eq!(
            references(
                "figurant aux paragraphes 10 (harmonisation de la législation) et 60 (mécanisme). Il"
            ),
            vec![(10, None), (60, None)]
        );
        assert_eq!(
            references("paragraphs 12–14 above"),
            vec![(12, None), (13, None), (14, None)]
        );
        assert_eq!(
            references("paragraph 3 of article 19 and 2030"),
            vec![(3, None)]
        );
        assert_eq!(
            references(
                "within 12 months and in accordance with article 35, paragraph 2, of the Convention, as set forth in paragraph 37 above."
            ),
            vec![(37, None)]
        );
    }
}
