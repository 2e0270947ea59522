//! Stage 3: what a reader knows from the text but the layout does not say.
//!
//! - the document symbol (State report `CAT/C/KAZ/4` → `CAT/C/KAZ/CO/4`)
//!   and the State party (from the title);
//! - each paragraph's kind, from its section, its heading and its wording;
//! - the Convention articles a concern engages (`(arts. 2, 12–14 and 16)`);
//! - follow-up marks from the follow-up paragraph (`paras. 14 (a), 28`);
//! - concern ↔ recommendation counterparts under one heading;
//! - what each "Ibid." footnote stands for.

use super::ImportError;
use crate::document::{Document, Item, Kind, Paragraph, Section, plain};

/// Fill in every derived field.
///
/// # Errors
/// [`ImportError::NoSymbol`] when no symbol is given and none can be
/// derived.
pub fn enrich(doc: &mut Document, symbol: Option<&str>) -> Result<(), ImportError> {
    doc.symbol = match symbol {
        Some(s) => s.to_string(),
        None => derive_symbol(doc).ok_or(ImportError::NoSymbol)?,
    };
    doc.state = doc
        .title
        .rsplit_once(" of ")
        .map(|(_, state)| state.trim().to_string())
        .unwrap_or_default();
    for section in &mut doc.sections {
        let base = section_kind(section);
        for topic in &mut section.topics {
            let heading = topic.heading.as_deref().unwrap_or("").to_lowercase();
            for p in &mut topic.paragraphs {
                p.articles = articles_of(p);
                p.kind = base.unwrap_or_else(|| {
                    if heading.starts_with("follow-up procedure") {
                        Kind::FollowUp
                    } else if heading.starts_with("other issues") {
                        Kind::Other
                    } else {
                        wording_kind(p)
                    }
                });
            }
            pair_up(&mut topic.paragraphs);
        }
    }
    mark_follow_up(doc);
    resolve_ibid(doc);
    super::semantics::describe(doc);
    Ok(())
}

/// `X/C/ABC/N` (a State report) → `X/C/ABC/CO/N`, from the first footnote
/// that cites one.
fn derive_symbol(doc: &Document) -> Option<String> {
    doc.footnotes.iter().find_map(|f| {
        symbols(&f.text).into_iter().find_map(|s| {
            let parts: Vec<&str> = s.split('/').collect();
            let ok = parts.len() == 4
                && parts[1] == "C"
                && parts[0].bytes().all(|b| b.is_ascii_uppercase())
                && parts[2].len() == 3
                && parts[2].bytes().all(|b| b.is_ascii_uppercase())
                && parts[3].bytes().all(|b| b.is_ascii_digit());
            ok.then(|| format!("{}/{}/{}/CO/{}", parts[0], parts[1], parts[2], parts[3]))
        })
    })
}

/// UN document symbols in a text, in order: tokens such as
/// `CAT/C/KAZ/CO/3` or `A/HRC/43/10/Add.1` (not URLs).
#[must_use]
pub fn symbols(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|t| t.trim_end_matches([',', '.', ';', ':', ')']))
        .filter(|t| {
            t.contains('/')
                && !t.contains("://")
                && t.split('/').next().is_some_and(|first| {
                    !first.is_empty() && first.bytes().all(|b| b.is_ascii_uppercase())
                })
        })
        .map(str::to_string)
        .collect()
}

/// Kinds fixed by the section: introduction (and the unlabelled opening)
/// and positive aspects. `None` for the section of concerns.
fn section_kind(section: &Section) -> Option<Kind> {
    let title = section.title.to_lowercase();
    if section.label.is_none() || title.contains("introduction") {
        Some(Kind::Introduction)
    } else if title.contains("positive") {
        Some(Kind::Positive)
    } else {
        None
    }
}

/// Concern paragraphs close on the articles they engage; recommendations
/// say what the State party should do.
fn wording_kind(p: &Paragraph) -> Kind {
    const ASKS: [&str; 7] = [
        "should",
        "urges",
        "is urged",
        "recommends",
        "reiterates its previous recommendation",
        "calls on",
        "calls upon",
    ];
    if !p.articles.is_empty() {
        return Kind::Concern;
    }
    let text = plain(&p.text).to_lowercase();
    if ASKS.iter().any(|w| text.contains(w)) {
        Kind::Recommendation
    } else if text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "concern" | "concerned" | "concerns"))
    {
        Kind::Concern
    } else {
        Kind::Other
    }
}

/// The text that closes a paragraph: its own, or its last (sub-)item's.
fn closing_text(p: &Paragraph) -> String {
    fn last(items: &[Item]) -> Option<&Item> {
        let item = items.last()?;
        last(&item.items).or(Some(item))
    }
    match last(&p.items) {
        Some(item) => plain(&item.text),
        None => plain(&p.text),
    }
}

/// Articles from a closing `(art. 2)` / `(arts. 2, 12–14 and 16)`.
fn articles_of(p: &Paragraph) -> Vec<u32> {
    parse_articles(&closing_text(p)).unwrap_or_default()
}

/// Parse the articles parenthesis that ends a text, if it ends with one.
#[must_use]
pub fn parse_articles(text: &str) -> Option<Vec<u32>> {
    let text = text.trim_end().trim_end_matches(['.', ';', ',']).trim_end();
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let list = inner[open + 1..]
        .strip_prefix("arts.")
        .or_else(|| inner[open + 1..].strip_prefix("art."))?;
    let mut out = Vec::new();
    for part in list.replace(" and ", ",").split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if let Some((a, b)) = part.split_once(['–', '-', '—']) {
            let (a, b): (u32, u32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
            if b < a || b - a > 50 {
                return None;
            }
            out.extend(a..=b);
        } else {
            out.push(part.parse().ok()?);
        }
    }
    out.sort_unstable();
    out.dedup();
    (!out.is_empty()).then_some(out)
}

/// Under one heading, each concern's counterparts are the recommendations
/// and each recommendation's the concerns. (Word text and PDFs alike.)
pub(super) fn pair_up(paragraphs: &mut [Paragraph]) {
    let numbers = |kind: Kind, ps: &[Paragraph]| -> Vec<u32> {
        ps.iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.number)
            .collect()
    };
    let concerns = numbers(Kind::Concern, paragraphs);
    let recommendations = numbers(Kind::Recommendation, paragraphs);
    for p in paragraphs {
        p.pair = match p.kind {
            Kind::Concern => recommendations.clone(),
            Kind::Recommendation => concerns.clone(),
            _ => Vec::new(),
        };
    }
}

/// Targets named by the follow-up paragraph: `paras. 14 (a), 24 (a), 28
/// and 44` → (14, Some(a)), (24, Some(a)), (28, None), (44, None).
#[must_use]
pub fn parse_follow_up(text: &str) -> Vec<(u32, Option<String>)> {
    let Some(at) = text.find("paras.").or_else(|| text.find("para.")) else {
        return Vec::new();
    };
    let tail = &text[at..];
    let tail = &tail[tail.find('.').map_or(0, |i| i + 1)..];
    let mut out: Vec<(u32, Option<String>)> = Vec::new();
    let mut chars = tail.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let end = tail[i..]
                .find(|ch: char| !ch.is_ascii_digit())
                .map_or(tail.len(), |e| i + e);
            if let Ok(n) = tail[i..end].parse() {
                out.push((n, None));
            }
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
        } else if c == '(' {
            let close = tail[i..].find(')').map(|e| i + e);
            let label = close.map(|e| &tail[i + 1..e]);
            let last = out.last().cloned();
            match (label, last) {
                (Some(l), Some((number, had)))
                    if !l.is_empty()
                        && l.len() < 5
                        && l.chars().all(|ch| ch.is_ascii_lowercase()) =>
                {
                    if had.is_some() {
                        out.push((number, Some(l.to_string())));
                    } else if let Some(last) = out.last_mut() {
                        last.1 = Some(l.to_string());
                    }
                }
                // Anything else in parentheses ends the list.
                _ => break,
            }
            let end = close.unwrap_or(tail.len());
            while chars.peek().is_some_and(|&(j, _)| j <= end) {
                chars.next();
            }
        } else if c == ',' || c.is_whitespace() || tail[i..].starts_with("and") {
            let skip = if tail[i..].starts_with("and") { 3 } else { 1 };
            for _ in 0..skip {
                chars.next();
            }
        } else {
            break;
        }
    }
    out
}

fn mark_follow_up(doc: &mut Document) {
    let targets: Vec<(u32, Option<String>)> = doc
        .paragraphs()
        .filter(|(_, _, p)| p.kind == Kind::FollowUp)
        .flat_map(|(_, _, p)| parse_follow_up(&plain(&p.text)))
        .collect();
    for section in &mut doc.sections {
        for topic in &mut section.topics {
            for p in &mut topic.paragraphs {
                for (number, label) in &targets {
                    if *number != p.number {
                        continue;
                    }
                    match label {
                        None => p.follow_up = true,
                        Some(l) => {
                            if let Some(item) = p.items.iter_mut().find(|i| &i.label == l) {
                                item.follow_up = true;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// An "Ibid." footnote stands for the symbol cited by the nearest earlier
/// footnote that names one.
fn resolve_ibid(doc: &mut Document) {
    let mut last: Option<String> = None;
    for f in &mut doc.footnotes {
        if f.text.trim_start().starts_with("Ibid") {
            f.ibid_of.clone_from(&last);
        } else if let Some(s) = symbols(&f.text).into_iter().next() {
            last = Some(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_of_articles_wider_than_fifty_is_not_a_list_of_articles() {
        // "(arts. 10–70)" is more likely a page or paragraph range than
        // sixty-one articles engaged: it is not read as articles.
        assert_eq!(parse_articles("the report (arts. 10–70)"), None);
        assert_eq!(
            parse_articles("the report (arts. 10–60)"),
            Some((10..=60).collect())
        );
    }

    #[test]
    fn articles_with_ranges_and_and() {
        assert_eq!(
            parse_articles("regrets the lack (arts. 2, 12–14 and 16). "),
            Some(vec![2, 12, 13, 14, 16])
        );
        assert_eq!(parse_articles("mandate (art. 2)."), Some(vec![2]));
        assert_eq!(parse_articles("no articles here."), None);
        assert_eq!(
            parse_articles("rules 43–46 (the Nelson Mandela Rules)"),
            None
        );
    }

    #[test]
    fn follow_up_list_with_items() {
        assert_eq!(
            parse_follow_up("in the army (see paras. 14 (a), 24 (a), 28 and 44 above). In that"),
            vec![
                (14, Some("a".to_string())),
                (24, Some("a".to_string())),
                (28, None),
                (44, None)
            ]
        );
    }

    #[test]
    fn symbols_skip_urls_and_trim_punctuation() {
        assert_eq!(
            symbols("See CAT/C/KAZ/CO/3, para. 30 and https://x.org/a/b."),
            vec!["CAT/C/KAZ/CO/3".to_string()]
        );
        assert_eq!(symbols("Ibid., para. 8."), Vec::<String>::new());
    }
}
