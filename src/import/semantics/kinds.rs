//! Kinds from the committees' wording and the sections' titles,
//! concern ↔ recommendation pairs, and the follow-up paragraph and what it
//! names.

use super::super::formulae::{self, FOLLOW_UP, Language, SectionType};
use super::super::page::Place;
use super::super::structure::Warning;
use super::citations::references;
use crate::document::{Document, Genre, Kind, Paragraph, plain};

/// Kinds, section by section: a chapter's type (from its title) holds
/// for its lettered sections unless they name their own.
pub(super) fn kinds(doc: &mut Document, language: Option<Language>) {
    let state_text = doc.genre == Genre::StateFollowUp;
    let mut chapter: Option<SectionType> = None;
    for section in &mut doc.sections {
        let own = formulae::section_type(&section.title);
        let roman = section
            .label
            .as_deref()
            .is_some_and(|l| l.len() > 1 || matches!(l, "I" | "V" | "X"));
        let ty = if section.label.is_none() {
            Some(own.unwrap_or(SectionType::Introduction))
        } else if roman {
            chapter = own;
            own
        } else {
            own.or(chapter)
        };
        for topic in &mut section.topics {
            let heading_ty = topic.heading.as_deref().and_then(formulae::section_type);
            for p in &mut topic.paragraphs {
                let text = plain(&p.text);
                let wording =
                    |t: &str| language.map_or(Kind::Other, |l| formulae::wording_kind(t, l));
                let follow_up_heading = heading_ty == Some(SectionType::FollowUp)
                    || ty == Some(SectionType::FollowUp)
                        && formulae::section_type(&section.title).is_some();
                p.kind = if state_text || language.is_none() {
                    Kind::Other
                } else if is_follow_up(&text)
                    || follow_up_heading
                        && topic_is_procedure(topic.heading.as_deref(), &section.title)
                        && !references(&text).is_empty()
                {
                    Kind::FollowUp
                } else {
                    match ty {
                        Some(SectionType::Introduction) => Kind::Introduction,
                        Some(SectionType::Positive) => Kind::Positive,
                        Some(SectionType::FollowUp | SectionType::Other) => Kind::Other,
                        Some(SectionType::Concerns) | None => {
                            if matches!(
                                heading_ty,
                                Some(SectionType::FollowUp | SectionType::Other)
                            ) {
                                Kind::Other
                            } else {
                                wording(&opening_text(p))
                            }
                        }
                    }
                };
                for part in &mut p.parts {
                    part.kind = if state_text {
                        Kind::Other
                    } else {
                        wording(&plain(&part.text))
                    };
                }
            }
        }
    }
}

/// A paragraph's own words and its first items: enough for its opening
/// formula.
fn opening_text(p: &Paragraph) -> String {
    let mut text = plain(&p.text);
    if text.len() < 40 {
        for item in p.items.iter().take(1) {
            text.push(' ');
            text.push_str(&plain(&item.text));
        }
    }
    text
}

/// A heading or section that names the follow-up procedure itself
/// ("Follow-up procedure", "Follow-up to the present concluding
/// observations"), not dissemination or the next report.
fn topic_is_procedure(heading: Option<&str>, section: &str) -> bool {
    let t = heading.unwrap_or(section).to_lowercase();
    [
        "follow-up procedure",
        "follow-up to the present",
        "procédure de suivi",
        "suivi des présentes",
        "procedimiento de seguimiento",
        "seguimiento de las presentes",
    ]
    .iter()
    .any(|p| t.contains(p))
}

/// The follow-up paragraph asks for information within a time limit on
/// paragraphs it names.
fn is_follow_up(text: &str) -> bool {
    let lower = text.to_lowercase().replace('\'', "’");
    FOLLOW_UP.iter().any(|f| lower.contains(f)) && !references(&lower).is_empty()
}

/// Mark what the follow-up paragraphs name.
pub(super) fn follow_up(doc: &mut Document, warnings: &mut Vec<Warning>) {
    let targets: Vec<(u32, Option<String>)> = doc
        .paragraphs()
        .filter(|(_, _, p)| p.kind == Kind::FollowUp)
        .flat_map(|(_, _, p)| references(&plain(&p.text)))
        .collect();
    for (number, label) in targets {
        let mut found = false;
        for section in &mut doc.sections {
            for topic in &mut section.topics {
                for p in topic.paragraphs.iter_mut().filter(|p| p.number == number) {
                    match &label {
                        None => {
                            p.follow_up = true;
                            found = true;
                        }
                        Some(l) => {
                            let items = p
                                .items
                                .iter_mut()
                                .chain(p.parts.iter_mut().flat_map(|part| part.items.iter_mut()));
                            for item in items.filter(|i| &i.label == l) {
                                item.follow_up = true;
                                found = true;
                            }
                        }
                    }
                }
            }
        }
        if !found {
            let what = label.map_or(format!("paragraph {number}"), |l| {
                format!("paragraph {number} ({l})")
            });
            warnings.push(Warning {
                place: Place::default(),
                message: format!(
                    "the follow-up paragraph names {what}, which is not in the document"
                ),
            });
        }
    }
}
