//! What a reader knows from a paged document's wording but its layout
//! does not say: the symbol, committee, State, report, session, year and
//! language; each paragraph's kind; the articles a heading or paragraph
//! engages; concern ↔ recommendation pairs; the follow-up paragraphs;
//! "Ibid." targets; and which notes belong to the title.
//!
//! The wording lives in [`super::formulae`]; this module only applies it.

use super::formulae::{
    self, Detected, FOLLOW_UP, Language, PARAGRAPH_WORDS, SectionType, TITLE, committee_of_name,
    committee_of_symbol, find_word, ordinal,
};
use super::furniture::{Laid, NoteDef, is_date, is_symbol};
use super::structure::{Built, Warning};
use super::{ImportError, enrich, states};
use crate::document::{Document, Footnote, Genre, Inline, Item, Kind, Paragraph, TitleNote, plain};

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

/// Old titles do not name the report; the first paragraph does: "The
/// Committee considered the initial report of Tunisia".
fn report_in_opening(doc: &Document) -> Option<String> {
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
fn state_heading(preamble: &[String]) -> Option<String> {
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

/// State and report from a title such as "Concluding observations on the
/// combined second and third periodic reports of Canada".
fn title_parts(title: &str, language: Option<Language>) -> (Option<String>, Option<String>) {
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
fn adoption(doc: &mut Document, masthead: &[String]) {
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

/// Kinds, section by section: a chapter's type (from its title) holds
/// for its lettered sections unless they name their own.
fn kinds(doc: &mut Document, language: Option<Language>) {
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

/// Articles: a paragraph's own closing `(arts. …)`, else its heading's,
/// else its section's.
fn articles(doc: &mut Document) {
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

/// Under one heading, each concern's counterparts are the
/// recommendations and each recommendation's the concerns.
fn pair_up(paragraphs: &mut [Paragraph]) {
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

/// Mark what the follow-up paragraphs name.
fn follow_up(doc: &mut Document, warnings: &mut Vec<Warning>) {
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
                place: super::page::Place::default(),
                message: format!(
                    "the follow-up paragraph names {what}, which is not in the document"
                ),
            });
        }
    }
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
