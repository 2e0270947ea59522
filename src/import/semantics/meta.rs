//! Metadata from the wording: the State and the report from the title
//! (per language), the State from an old layout's heading, the session
//! and year of adoption.

use super::super::formulae::{Language, ordinal};
use super::super::furniture::is_date;
use crate::document::{Document, plain};

/// Old titles do not name the report; the first paragraph does: "The
/// Committee considered the initial report of Tunisia".
pub(super) fn report_in_opening(doc: &Document) -> Option<String> {
    let (_, _, first) = doc.paragraphs().next()?;
    let text = plain(&first.text);
    let lower = text.to_lowercase();
    let at = lower.find(" report")?;
    let start = lower[..at].rfind("considered the ")? + "considered the ".len();
    let report = text[start..at].trim();
    (!report.is_empty() && report.len() < 60).then(|| report.to_string())
}

/// Old layouts set the State's name as a heading of its own before the
/// first paragraph ("XYZLAND"): the last short preamble line without
/// digits, in title case when it is set in capitals.
pub(super) fn state_heading(preamble: &[String]) -> Option<String> {
    let line = preamble.last()?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let plausible = !words.is_empty()
        && words.len() <= 8
        && !line.chars().any(|c| c.is_ascii_digit())
        && !line.to_lowercase().contains("session")
        && !line.to_lowercase().contains("addendum")
        && !line.ends_with(['.', ':', ']']);
    if !plausible {
        return None;
    }
    if line.chars().any(char::is_lowercase) {
        return Some(line.clone());
    }
    let small = ["of", "and", "the", "de", "la", "du", "des", "y", "el", "et"];
    let titled: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && small.contains(&lower.as_str()) {
                lower
            } else {
                let mut chars = lower.chars();
                chars
                    .next()
                    .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
            }
        })
        .collect();
    Some(titled.join(" "))
}

/// State and report from a title such as "Concluding observations on the
/// combined second and third periodic reports of Canada".
pub(super) fn title_parts(
    title: &str,
    language: Option<Language>,
) -> (Option<String>, Option<String>) {
    let t = title.trim();
    let lower = t.to_lowercase();
    let clean = |s: &str| -> Option<String> {
        let s = s.trim().trim_end_matches(['*', '.', ',']).trim();
        (!s.is_empty() && s.len() < 80).then(|| s.to_string())
    };
    match language {
        Some(Language::En) | None => {
            let Some(at) = lower.find(" report") else {
                return (None, None);
            };
            let report = lower[..at]
                .rfind(" on the ")
                .map(|s| &t[s + 8..at])
                .and_then(clean);
            let after = &lower[at..];
            let state = after
                .find(" of ")
                .map(|of| &t[at + of + 4..])
                .map(|s| s.strip_prefix("the ").unwrap_or(s))
                .map(|s| s.split(", adopted").next().unwrap_or(s))
                .and_then(clean);
            (state, report)
        }
        Some(Language::Fr) => {
            // "concernant le rapport initial de la Grèce", "… le quatrième
            // rapport périodique du Kazakhstan", "… le rapport de
            // l’Équateur valant deuxième et troisième rapports périodiques".
            let Some(at) = lower.find("rapport") else {
                return (None, None);
            };
            let after = &t[at..];
            let valant = after.to_lowercase().find(" valant ");
            let (head, report_tail) = match valant {
                Some(v) => (&after[..v], Some(&after[v + 8..])),
                None => (after, None),
            };
            let of = [" de la ", " de l’", " de l'", " du ", " des ", " de "]
                .iter()
                .filter_map(|p| head.to_lowercase().find(p).map(|i| (i, p.len())))
                .min_by_key(|&(i, n)| (i, std::cmp::Reverse(n)));
            let state = of.and_then(|(i, n)| clean(&head[i + n..]));
            let before = &t[..at];
            let ordinal_word = before
                .split_whitespace()
                .last()
                .filter(|w| w.ends_with("ième"));
            let report = report_tail.and_then(clean).or_else(|| {
                let tail = of.map_or(head, |(i, _)| &head[..i]);
                let words = tail.trim_start_matches("rapport").trim();
                match (ordinal_word, words) {
                    (Some(o), w) => {
                        clean(&format!("{o} {}", w.trim_start_matches("rapport").trim()))
                    }
                    (None, w) if !w.is_empty() => clean(w),
                    _ => None,
                }
            });
            (state, report)
        }
        Some(Language::Es) => {
            let Some(at) = lower.find("informe") else {
                return (None, None);
            };
            let after = &t[at..];
            let de = after.to_lowercase().rfind(" de ");
            let state = de.and_then(|d| clean(&after[d + 4..]));
            let report = de
                .map(|d| &after[..d])
                .map(|r| {
                    r.trim_start_matches("informes")
                        .trim_start_matches("informe")
                        .trim()
                })
                .and_then(clean);
            (state, report)
        }
    }
}

/// Session and year from the adoption note ("Adopted by the Committee at
/// its thirty-second session (3–21 March 2025)"), else the masthead's
/// date, else the first paragraph.
pub(super) fn adoption(doc: &mut Document, masthead: &[String]) {
    let adopted = |t: &str| {
        let t = t.to_lowercase();
        ["adopted", "adoptées", "adoptée", "aprobad"]
            .iter()
            .any(|w| t.contains(w))
    };
    let note = doc
        .title_note
        .clone()
        .filter(|n| adopted(n))
        .or_else(|| adopted(&doc.title).then(|| doc.title.clone()))
        .or_else(|| {
            doc.title_notes
                .iter()
                .find(|n| adopted(&n.text))
                .map(|n| n.text.clone())
        })
        .or_else(|| {
            // Old layouts: "Fifth session" under the committee's name.
            doc.preamble
                .iter()
                .find(|p| p.to_lowercase().contains("session"))
                .cloned()
        })
        .unwrap_or_default();
    let words: Vec<&str> = note.split_whitespace().collect();
    if let Some(at) = words.iter().position(|w| {
        let w = w.to_lowercase();
        w.starts_with("session") || w == "período"
    }) {
        doc.session = words[..at].iter().rev().take(2).find_map(|w| ordinal(w));
    }
    let year_in = |text: &str| -> Option<u32> {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<u32>().ok())
            .rfind(|y| (1950..=2100).contains(y))
    };
    doc.year = year_in(&note)
        .or_else(|| {
            masthead
                .iter()
                .filter(|l| is_date(l) || l.split_whitespace().count() <= 5)
                .find_map(|l| is_date_in(l).and_then(|d| year_in(&d)))
        })
        .or_else(|| {
            doc.paragraphs()
                .next()
                .and_then(|(_, _, p)| year_in(&plain(&p.text)))
        });
}

/// The date within a masthead line that may hold other words.
fn is_date_in(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for n in [5, 3] {
        for w in words.windows(n) {
            let candidate = w.join(" ");
            if is_date(&candidate) {
                return Some(candidate);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            title_parts(
                "Concluding observations on the combined second and third periodic reports of Canada",
                Some(Language::En)
            ),
            (
                Some("Canada".into()),
                Some("combined second and third periodic".into())
            )
        );
        assert_eq!(
            title_parts(
                "Concluding observations on the initial report of the United Kingdom of Great Britain and Northern Ireland",
                Some(Language::En)
            ),
            (
                Some("United Kingdom of Great Britain and Northern Ireland".into()),
                Some("initial".into())
            )
        );
        assert_eq!(
            title_parts(
                "Observaciones finales sobre el informe inicial de Grecia",
                Some(Language::Es)
            ),
            (Some("Grecia".into()), Some("inicial".into()))
        );
        assert_eq!(
            title_parts(
                "Observations finales concernant le rapport de l’Équateur valant deuxième et troisième rapports périodiques",
                Some(Language::Fr)
            ),
            (
                Some("Équateur".into()),
                Some("deuxième et troisième rapports périodiques".into())
            )
        );
    }
}
