//! What a reader knows from a paged document's wording but its layout
//! does not say: the symbol, committee, State, report, session, year and
//! language; each paragraph's kind; the articles a heading or paragraph
//! engages; concern ↔ recommendation pairs; the follow-up paragraphs;
//! "Ibid." targets; and which notes belong to the title.
//!
//! The wording lives in [`super::formulae`]; this module only applies it:
//! `meta` reads metadata from titles and notes, `kinds` gives kinds,
//! pairs and follow-up marks, `citations` reads article ranges and
//! paragraph references.

use super::formulae::{self, Detected, Language, TITLE, committee_of_name, committee_of_symbol};
use super::furniture::{Laid, NoteDef, is_symbol};
use super::structure::{Built, Warning};
use super::{ImportError, enrich, states};
use crate::document::{Document, Footnote, Genre, TitleNote, plain};

mod citations;
mod kinds;
mod meta;

use super::enrich::pair_up;
use citations::articles;
pub use citations::{closing_articles, references};
use kinds::{follow_up, kinds};
use meta::{adoption, report_in_opening, state_heading, title_parts};

/// Fill every derived field of a built tree.
///
/// # Errors
/// A document in a right-to-left script, one that is not concluding
/// observations, or one whose symbol cannot be found.
pub fn derive(built: &mut Built, laid: &Laid, symbol: Option<&str>) -> Result<(), ImportError> {
    let mut warnings = Vec::new();
    notes(built, &laid.notes, &mut warnings);
    let doc = &mut built.doc;
    doc.symbol = match symbol {
        Some(s) => s.to_string(),
        None => find_symbol(laid, doc).ok_or(ImportError::NoSymbol)?,
    };
    let language = {
        let sample: String = doc
            .paragraphs()
            .take(40)
            .map(|(_, _, p)| plain(&p.text) + " ")
            .collect();
        formulae::detect(&(sample + &doc.title))
    };
    let language = match language {
        Detected::Known(l) => {
            doc.language = Some(l.code().to_string());
            Some(l)
        }
        Detected::Other("ar", name) => {
            return Err(ImportError::Language {
                name: name.to_string(),
            });
        }
        Detected::Other(code, name) => {
            doc.language = (code != "und").then(|| code.to_string());
            warnings.push(Warning {
                place: super::page::Place { page: 1, line: 0 },
                message: format!(
                    "the text is in {name}: its structure is imported, every paragraph's kind is \"other\""
                ),
            });
            None
        }
    };
    let committee = committee_of_symbol(&doc.symbol).or_else(|| committee_of_name(&doc.committee));
    if doc.committee.is_empty()
        && let Some(c) = committee
    {
        doc.committee = c.names[language.map_or(0, lang_index)].to_string();
    }
    doc.genre = genre(doc);
    check_concluding(doc)?;
    let (state, report) = title_parts(&doc.title, language);
    doc.state = state
        .or_else(|| state_heading(&doc.preamble))
        .or_else(|| {
            let code = states::code_of_symbol(&doc.symbol)?;
            let name = states::name(code)?;
            // The State's name as printed in the preamble, unless it is
            // set in capitals there.
            Some(
                doc.preamble
                    .iter()
                    .find(|p| p.eq_ignore_ascii_case(name) && p.chars().any(char::is_lowercase))
                    .cloned()
                    .unwrap_or_else(|| name.to_string()),
            )
        })
        .unwrap_or_default();
    doc.report = report.or_else(|| report_in_opening(doc));
    adoption(doc, &laid.masthead);
    kinds(doc, language);
    articles(doc);
    for section in &mut doc.sections {
        for topic in &mut section.topics {
            pair_up(&mut topic.paragraphs);
        }
    }
    follow_up(doc, &mut warnings);
    resolve_ibid(doc);
    built.warnings.extend(warnings);
    built.warnings.sort_by_key(|w| w.place);
    Ok(())
}

/// Language, report, session and year of a document built by the Word
/// text front end, which knows its structure but not these.
pub(crate) fn describe(doc: &mut Document) {
    let sample: String = doc
        .paragraphs()
        .take(40)
        .map(|(_, _, p)| plain(&p.text) + " ")
        .collect();
    let language = match formulae::detect(&(sample + &doc.title)) {
        Detected::Known(l) => {
            doc.language = Some(l.code().to_string());
            Some(l)
        }
        Detected::Other(code, _) => {
            doc.language = (code != "und").then(|| code.to_string());
            None
        }
    };
    doc.report = title_parts(&doc.title, language).1;
    adoption(doc, &[]);
}

fn lang_index(l: Language) -> usize {
    match l {
        Language::En => 0,
        Language::Fr => 1,
        Language::Es => 2,
    }
}

/// Footnotes and asterisk notes: numbered ones become footnotes; the
/// asterisk note the title points to is its note, the others (a
/// reissue) are kept beside it.
fn notes(built: &mut Built, defs: &[NoteDef], warnings: &mut Vec<Warning>) {
    let doc = &mut built.doc;
    let stars: Vec<&NoteDef> = defs.iter().filter(|d| d.mark.starts_with('*')).collect();
    let own = built
        .title_marks
        .first()
        .and_then(|m| stars.iter().position(|d| &d.mark == m))
        .or_else(|| {
            stars.iter().position(|d| {
                let t = d.text.to_lowercase();
                ["adopted", "adoptées", "adoptée", "aprobad"]
                    .iter()
                    .any(|w| t.contains(w))
            })
        })
        .or((!stars.is_empty()).then_some(0));
    for (i, def) in stars.iter().enumerate() {
        if Some(i) == own {
            doc.title_note = Some(def.text.clone());
        } else {
            doc.title_notes.push(TitleNote {
                mark: def.mark.clone(),
                text: def.text.clone(),
            });
        }
    }
    for def in defs.iter().filter(|d| !d.mark.starts_with('*')) {
        let Ok(number) = def.mark.parse::<u32>() else {
            continue;
        };
        if doc.footnotes.iter().any(|f| f.number == number) {
            warnings.push(Warning {
                place: def.place,
                message: format!("footnote {number} appears twice"),
            });
        } else if !built.cited.contains(&number) {
            warnings.push(Warning {
                place: def.place,
                message: format!("footnote {number} is not cited in the text"),
            });
        }
        doc.footnotes.push(Footnote {
            number,
            text: def.text.clone(),
            ibid_of: None,
        });
    }
}

/// The masthead's symbol, else the one the State report in the first
/// footnotes implies (`X/C/ABC/N` → `X/C/ABC/CO/N`).
fn find_symbol(laid: &Laid, doc: &Document) -> Option<String> {
    laid.masthead
        .iter()
        .flat_map(|l| l.split_whitespace())
        .find(|w| is_symbol(w))
        .map(|w| w.trim_end_matches('*').to_string())
        .or_else(|| {
            doc.footnotes.iter().find_map(|f| {
                enrich::symbols(&f.text).into_iter().find_map(|s| {
                    let parts: Vec<&str> = s.split('/').collect();
                    (parts.len() == 4
                        && parts[1] == "C"
                        && parts[3].bytes().all(|b| b.is_ascii_digit() || b == b'-'))
                    .then(|| format!("{}/{}/{}/CO/{}", parts[0], parts[1], parts[2], parts[3]))
                })
            })
        })
}

/// A State's follow-up information (`…/CO/1/Add.1`, "Information
/// received from …") or concluding observations.
fn genre(doc: &Document) -> Genre {
    let text = format!("{} {}", doc.title, doc.preamble.join(" ")).to_lowercase();
    let from_state = [
        "information received from",
        "renseignements reçus",
        "informations reçues",
        "información recibida",
        "replies of",
        "comments by the government",
        "comments of the government",
    ]
    .iter()
    .any(|p| text.contains(p));
    if doc.symbol.contains("/Add.") && from_state {
        Genre::StateFollowUp
    } else {
        Genre::ConcludingObservations
    }
}

/// Refuse what is plainly not concluding observations: a symbol without
/// `/CO/` and a title that does not say so.
fn check_concluding(doc: &Document) -> Result<(), ImportError> {
    let title = doc.title.to_lowercase();
    let says = TITLE.iter().any(|t| title.contains(t))
        || doc.preamble.iter().any(|p| {
            let p = p.to_lowercase();
            TITLE.iter().any(|t| p.contains(t))
        });
    if doc.symbol.contains("/CO/") || says {
        return Ok(());
    }
    let parts: Vec<&str> = doc.symbol.split('/').collect();
    let what = if parts
        .iter()
        .any(|p| *p == "Q" || *p == "QPR" || p.starts_with("LOI"))
    {
        "a list of issues"
    } else if parts.iter().any(|p| p.starts_with("SR.")) {
        "a summary record"
    } else if parts.len() >= 4
        && parts[parts.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-')
    {
        "a State party's report"
    } else {
        "not concluding observations"
    };
    Err(ImportError::NotConcluding {
        symbol: doc.symbol.clone(),
        what: what.to_string(),
    })
}

/// An "Ibid." footnote stands for the symbol cited by the nearest
/// earlier footnote that names one.
fn resolve_ibid(doc: &mut Document) {
    let mut last: Option<String> = None;
    for f in &mut doc.footnotes {
        let t = f.text.trim_start().to_lowercase();
        if t.starts_with("ibid") || t.starts_with("íbid") || t.starts_with("ibíd") {
            f.ibid_of.clone_from(&last);
        } else if let Some(s) = enrich::symbols(&f.text).into_iter().next() {
            last = Some(s);
        }
    }
}
