//! The committees' wording, as data: which phrases open a concern, a
//! recommendation or a positive aspect; which section titles mean
//! introduction, positive aspects, concerns or follow-up; committee names
//! and symbols; month names and ordinals — in English, French and
//! Spanish. A new committee or language is a new row here, not a new
//! branch in the recogniser.

use crate::document::Kind;

/// A language the recogniser knows the wording of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// English.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Language {
    /// ISO 639-1 code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
        }
    }
}

/// What a document's text is written in, judged from its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    /// A language with formulae.
    Known(Language),
    /// Another language: ISO code and English name.
    Other(&'static str, &'static str),
}

/// The commonest words of each language with formulae.
const WORDS: [(Language, &[&str]); 3] = [
    (
        Language::En,
        &["the", "of", "and", "to", "that", "is", "with", "for"],
    ),
    (
        Language::Fr,
        &["le", "les", "des", "et", "du", "est", "une", "pour", "dans"],
    ),
    (
        Language::Es,
        &["el", "los", "las", "y", "del", "que", "por", "una", "para"],
    ),
];

/// Judge the language of a text from its script and its commonest words.
#[must_use]
pub fn detect(text: &str) -> Detected {
    let mut scripts = [0usize; 4]; // latin, arabic, cyrillic, cjk
    for c in text.chars().take(20_000) {
        match c {
            'a'..='z' | 'A'..='Z' | 'À'..='ɏ' => scripts[0] += 1,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}' => {
                scripts[1] += 1;
            }
            '\u{0400}'..='\u{04FF}' => scripts[2] += 1,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => scripts[3] += 1,
            _ => {}
        }
    }
    let latin = scripts[0];
    if scripts[1] > latin {
        return Detected::Other("ar", "Arabic");
    }
    if scripts[2] > latin {
        return Detected::Other("ru", "Russian");
    }
    if scripts[3] * 3 > latin {
        return Detected::Other("zh", "Chinese");
    }
    let mut counts = [0usize; 3];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .take(20_000)
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        for (i, (_, list)) in WORDS.iter().enumerate() {
            if list.contains(&lower.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let (best, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .map_or((0, 0), |(i, n)| (i, *n));
    if n < 5 {
        return Detected::Other("und", "an unknown language");
    }
    Detected::Known(WORDS[best].0)
}

/// Month number of a month name in any of the three languages.
#[must_use]
pub fn month(word: &str) -> Option<u32> {
    const MONTHS: [[&str; 3]; 12] = [
        ["january", "janvier", "enero"],
        ["february", "février", "febrero"],
        ["march", "mars", "marzo"],
        ["april", "avril", "abril"],
        ["may", "mai", "mayo"],
        ["june", "juin", "junio"],
        ["july", "juillet", "julio"],
        ["august", "août", "agosto"],
        ["september", "septembre", "septiembre"],
        ["october", "octobre", "octubre"],
        ["november", "novembre", "noviembre"],
        ["december", "décembre", "diciembre"],
    ];
    let w = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u32 + 1)
}

/// A treaty body: its symbol prefix, short code and names.
#[derive(Debug, Clone, Copy)]
pub struct Committee {
    /// Symbol prefix, e.g. `CRPD/C/` or `E/C.12/`.
    pub prefix: &'static str,
    /// Short code.
    pub code: &'static str,
    /// Names in English, French and Spanish.
    pub names: [&'static str; 3],
}

/// The nine treaty bodies with concluding observations.
pub const COMMITTEES: [Committee; 9] = [
    Committee {
        prefix: "CAT/C/",
        code: "CAT",
        names: [
            "Committee against Torture",
            "Comité contre la torture",
            "Comité contra la Tortura",
        ],
    },
    Committee {
        prefix: "CCPR/C/",
        code: "CCPR",
        names: [
            "Human Rights Committee",
            "Comité des droits de l’homme",
            "Comité de Derechos Humanos",
        ],
    },
    Committee {
        prefix: "E/C.12/",
        code: "CESCR",
        names: [
            "Committee on Economic, Social and Cultural Rights",
            "Comité des droits économiques, sociaux et culturels",
            "Comité de Derechos Económicos, Sociales y Culturales",
        ],
    },
    Committee {
        prefix: "CEDAW/C/",
        code: "CEDAW",
        names: [
            "Committee on the Elimination of Discrimination against Women",
            "Comité pour l’élimination de la discrimination à l’égard des femmes",
            "Comité para la Eliminación de la Discriminación contra la Mujer",
        ],
    },
    Committee {
        prefix: "CRC/C/",
        code: "CRC",
        names: [
            "Committee on the Rights of the Child",
            "Comité des droits de l’enfant",
            "Comité de los Derechos del Niño",
        ],
    },
    Committee {
        prefix: "CERD/C/",
        code: "CERD",
        names: [
            "Committee on the Elimination of Racial Discrimination",
            "Comité pour l’élimination de la discrimination raciale",
            "Comité para la Eliminación de la Discriminación Racial",
        ],
    },
    Committee {
        prefix: "CRPD/C/",
        code: "CRPD",
        names: [
            "Committee on the Rights of Persons with Disabilities",
            "Comité des droits des personnes handicapées",
            "Comité sobre los Derechos de las Personas con Discapacidad",
        ],
    },
    Committee {
        prefix: "CMW/C/",
        code: "CMW",
        names: [
            "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families",
            "Comité pour la protection des droits de tous les travailleurs migrants et des membres de leur famille",
            "Comité de Protección de los Derechos de Todos los Trabajadores Migratorios y de Sus Familiares",
        ],
    },
    Committee {
        prefix: "CED/C/",
        code: "CED",
        names: [
            "Committee on Enforced Disappearances",
            "Comité des disparitions forcées",
            "Comité contra la Desaparición Forzada",
        ],
    },
];

/// The committee whose symbols start like this one.
#[must_use]
pub fn committee_of_symbol(symbol: &str) -> Option<&'static Committee> {
    COMMITTEES.iter().find(|c| symbol.starts_with(c.prefix))
}

/// The committee named by a line ("Committee against Torture",
/// "COMMITTEE AGAINST TORTURE", "Comité des droits de l'enfant").
#[must_use]
pub fn committee_of_name(line: &str) -> Option<&'static Committee> {
    let norm = |s: &str| s.to_lowercase().replace('\'', "’");
    let line = norm(line.trim());
    COMMITTEES
        .iter()
        .find(|c| c.names.iter().any(|n| line == norm(n)))
}

/// Phrases that open a document's title as concluding observations.
pub const TITLE: [&str; 3] = [
    "concluding observations",
    "observations finales",
    "observaciones finales",
];

/// What a section (chapter) holds, from its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionType {
    /// Introduction.
    Introduction,
    /// Positive aspects.
    Positive,
    /// Concerns and recommendations.
    Concerns,
    /// Follow-up, dissemination, next report.
    FollowUp,
    /// Factors and difficulties, and anything else named.
    Other,
}

/// Section-title phrases and what they mean, checked in order.
const SECTIONS: [(SectionType, &[&str]); 5] = [
    (SectionType::Introduction, &["introduction", "introducción"]),
    (
        SectionType::Positive,
        &[
            "positive aspects",
            "aspects positifs",
            "aspectos positivos",
            "progress achieved",
            "progrès accomplis",
            "progresos realizados",
        ],
    ),
    (
        SectionType::Other,
        &[
            "factors and difficulties",
            "facteurs et difficultés",
            "factores y dificultades",
            "other issues",
            "autres questions",
            "otras cuestiones",
        ],
    ),
    (
        SectionType::Concerns,
        &[
            "concern",
            "recommendation",
            "préoccupation",
            "recommandation",
            "preocupación",
            "recomendaci",
            "specific rights",
            "general principles",
            "specific obligations",
            "droits particuliers",
            "principes généraux",
            "obligations particulières",
            "derechos específicos",
            "principios generales",
            "obligaciones específicas",
        ],
    ),
    (
        SectionType::FollowUp,
        &[
            "follow-up",
            "dissemination",
            "next report",
            "next periodic report",
            "suivi",
            "diffusion",
            "prochain rapport",
            "seguimiento",
            "difusión",
            "próximo informe",
            "technical assistance",
            "ratification",
            "other recommendations",
        ],
    ),
];

/// The type of a section from its title, if the title says.
#[must_use]
pub fn section_type(title: &str) -> Option<SectionType> {
    let t = title.to_lowercase();
    SECTIONS
        .iter()
        .find(|(_, phrases)| phrases.iter().any(|p| t.contains(p)))
        .map(|(ty, _)| *ty)
}

/// The phrases that make a paragraph a concern, a recommendation or a
/// positive aspect, per language. Finite verbs only: "While welcoming…,
/// the Committee is concerned" is a concern.
const KINDS: [(Language, Kind, &[&str]); 9] = [
    (
        Language::En,
        Kind::Concern,
        &[
            "is concerned",
            "are concerned",
            "remains concerned",
            "deeply concerned",
            "seriously concerned",
            "particularly concerned",
            "gravely concerned",
            "also concerned",
            "further concerned",
            "notes with concern",
            "note with concern",
            "observes with concern",
            "notes with deep concern",
            "notes with serious concern",
            "expresses concern",
            "expresses its concern",
            "expresses deep concern",
            "expresses serious concern",
            "reiterates its concern",
            "reiterates its previous concern",
            "regrets",
            "deplores",
            "is alarmed",
            "is deeply alarmed",
            "is disturbed",
            "is troubled",
            "notes with regret",
            "concern that",
            "concern about",
            "concern at",
            "concerned that",
            "concerned about",
            "concerned at",
            "concerned by",
            "notes a lack",
            "notes the lack",
            "notes the absence",
            "is worried",
        ],
    ),
    (
        Language::En,
        Kind::Recommendation,
        &[
            "recommends",
            "recommend that",
            "urges",
            "is urged",
            "calls upon",
            "calls on",
            "encourages",
            "is encouraged",
            "invites",
            "requests",
            "should",
            "reiterates its recommendation",
            "reiterates its previous recommendation",
            "strongly recommends",
            "reiterates the recommendation",
            "reiterates its recommendations",
            "calls for",
            "must ",
        ],
    ),
    (
        Language::En,
        Kind::Positive,
        &[
            "welcomes",
            "commends",
            "notes with appreciation",
            "notes with satisfaction",
            "appreciates",
            "takes note with appreciation",
            "acknowledges",
            "is pleased",
            "praises",
            "notes with interest",
        ],
    ),
    (
        Language::Fr,
        Kind::Concern,
        &[
            "préoccupé",
            "préoccupe",
            "préoccupation",
            "inquiet",
            "inquiète",
            "s’inquiète",
            "regrette",
            "déplore",
            "alarmé",
            "constate avec regret",
            "inquiétude",
        ],
    ),
    (
        Language::Fr,
        Kind::Recommendation,
        &[
            "recommande",
            "engage",
            "exhorte",
            "invite",
            "demande",
            "prie",
            "encourage",
            "devrait",
            "doit ",
            "réitère sa recommandation",
        ],
    ),
    (
        Language::Fr,
        Kind::Positive,
        &[
            "salue",
            "se félicite",
            "accueille avec satisfaction",
            "note avec satisfaction",
            "prend note avec satisfaction",
            "prend acte avec satisfaction",
            "félicite",
            "apprécie",
            "note avec intérêt",
        ],
    ),
    (
        Language::Es,
        Kind::Concern,
        &[
            "preocupa",
            "preocupado",
            "preocupación",
            "lamenta",
            "deplora",
            "alarma",
            "inquieta",
        ],
    ),
    (
        Language::Es,
        Kind::Recommendation,
        &[
            "recomienda",
            "insta",
            "exhorta",
            "invita",
            "alienta",
            "pide",
            "solicita",
            "debería",
            "debe ",
            "reitera su recomendación",
        ],
    ),
    (
        Language::Es,
        Kind::Positive,
        &[
            "acoge con satisfacción",
            "celebra",
            "encomia",
            "observa con reconocimiento",
            "toma nota con reconocimiento",
            "valora",
            "aprecia",
            "felicita",
            "observa con satisfacción",
        ],
    ),
];

/// The kind a paragraph's wording gives it in a section of concerns and
/// recommendations: whichever of concern and recommendation is said
/// first; positive only when neither is; `Other` when none is.
#[must_use]
pub fn wording_kind(text: &str, language: Language) -> Kind {
    let lower = text.to_lowercase().replace('\'', "’");
    let first = |kind: Kind| -> Option<usize> {
        KINDS
            .iter()
            .filter(|(l, k, _)| *l == language && *k == kind)
            .flat_map(|(_, _, phrases)| phrases.iter())
            .filter_map(|p| find_word(&lower, p))
            .min()
    };
    match (first(Kind::Concern), first(Kind::Recommendation)) {
        (Some(c), Some(r)) => {
            if c <= r {
                Kind::Concern
            } else {
                Kind::Recommendation
            }
        }
        (Some(_), None) => Kind::Concern,
        (None, Some(_)) => Kind::Recommendation,
        (None, None) if first(Kind::Positive).is_some() => Kind::Positive,
        (None, None) => Kind::Other,
    }
}

/// Byte offset of `phrase` in `text` starting at a word boundary.
#[must_use]
pub fn find_word(text: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = text[from..].find(phrase) {
        let at = from + rel;
        let before = text[..at].chars().next_back();
        if before.is_none_or(|c| !c.is_alphanumeric()) {
            return Some(at);
        }
        from = at + phrase.len();
    }
    None
}

/// Phrases of the follow-up paragraph: it asks for information on named
/// paragraphs within a time limit.
pub const FOLLOW_UP: [&str; 28] = [
    "information on follow-up",
    "follow-up to the committee’s recommendations",
    "to provide, by ",
    "to submit, by ",
    "fournir, d’ici au",
    "proporcione, a más tardar",
    "urgent measures",
    "measures that must be taken",
    "attention to the recommendations",
    "mesures à prendre d’urgence",
    "mesures urgentes",
    "attention de l’état partie sur les recommandations",
    "medidas urgentes",
    "atención del estado parte sobre las recomendaciones",
    "within one year",
    "within 12 months",
    "within a year",
    "within twelve months",
    "within two years",
    "within 24 months",
    "follow-up procedure",
    "dans un délai d’un an",
    "dans un délai de douze mois",
    "dans un délai de 12 mois",
    "dans un délai de deux ans",
    "en el plazo de un año",
    "en un plazo de 12 meses",
    "en el plazo de 12 meses",
];

/// Words that introduce a list of paragraph references.
pub const PARAGRAPH_WORDS: [&str; 8] = [
    "paragraphs",
    "paragraph",
    "paras.",
    "para.",
    "paragraphes",
    "paragraphe",
    "párrafos",
    "párrafo",
];

/// English ordinals (and French first), tens, and French ordinals and
/// numbers, for [`ordinal`].
const UNITS: [(&str, u32); 30] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("premier", 1),
    ("première", 1),
];

const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const FR: [(&str, u32); 26] = [
    ("unième", 1),
    ("deuxième", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("cinquième", 5),
    ("sixième", 6),
    ("septième", 7),
    ("huitième", 8),
    ("neuvième", 9),
    ("dixième", 10),
    ("onzième", 11),
    ("douzième", 12),
    ("treizième", 13),
    ("quatorzième", 14),
    ("quinzième", 15),
    ("seizième", 16),
    ("vingtième", 20),
    ("trentième", 30),
    ("quarantième", 40),
    ("cinquantième", 50),
    ("soixantième", 60),
    ("centième", 100),
    ("dix", 10),
    ("vingt", 20),
    ("trente", 30),
    ("quarante", 40),
];

const FR_MORE: [(&str, u32); 4] = [
    ("cinquante", 50),
    ("soixante", 60),
    ("quatre", 4),
    ("cent", 100),
];

/// The number an ordinal names: `thirty-second` → 32, `vingt-deuxième` →
/// 22, `22º`, `46th`, `fifth` → 5.
#[must_use]
pub fn ordinal(word: &str) -> Option<u32> {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &w[digits.len()..];
        let suffixes = [
            "", "st", "nd", "rd", "th", "e", "er", "re", "ème", "o", "a", "º", "ª",
        ];
        return suffixes
            .contains(&rest)
            .then(|| digits.parse().ok())
            .flatten();
    }
    let mut total = 0;
    let mut any = false;
    for part in w.split(['-', ' ']).filter(|p| !p.is_empty() && *p != "et") {
        let value = UNITS
            .iter()
            .chain(TENS.iter())
            .chain(FR.iter())
            .chain(FR_MORE.iter())
            .find(|(name, _)| *name == part)
            .map(|(_, v)| *v)?;
        // "quatre-vingt": four twenties.
        if part == "vingt" && total == 4 {
            total = 80;
        } else {
            total += value;
        }
        any = true;
    }
    any.then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_three_languages_and_words_found_whole() {
        assert_eq!(month("August"), Some(8));
        assert_eq!(month("août"), Some(8));
        assert_eq!(month("mayo,"), Some(5));
        assert_eq!(month("States"), None);
        // "request" inside "unrequested" is not the word; the next one is.
        assert_eq!(find_word("the unrequested request", "request"), Some(16));
        assert_eq!(find_word("unrequested", "request"), None);
    }

    #[test]
    fn five_common_words_tell_the_language_four_do_not() {
        assert_eq!(
            detect("The State of Nowhere and the rest of it"),
            Detected::Known(Language::En)
        );
        assert_eq!(
            detect("The State of Nowhere and the rest"),
            Detected::Other("und", "an unknown language")
        );
    }

    #[test]
    fn kinds_by_first_formula() {
        let k = |t| wording_kind(t, Language::En);
        assert_eq!(
            k("The Committee is concerned about isolation."),
            Kind::Concern
        );
        assert_eq!(
            k("Recalling its general comment No. 1 (2014), the Committee recommends that"),
            Kind::Recommendation
        );
        assert_eq!(
            k("While welcoming the law, the Committee regrets the lack of data."),
            Kind::Concern
        );
        assert_eq!(k("The Committee welcomes the adoption of:"), Kind::Positive);
        assert_eq!(
            k("The State party should take measures."),
            Kind::Recommendation
        );
        assert_eq!(k("The Committee considered the report."), Kind::Other);
        assert_eq!(
            wording_kind("Al Comité le preocupa la ausencia", Language::Es),
            Kind::Concern
        );
        assert_eq!(
            wording_kind("Le Comité recommande à l’État partie", Language::Fr),
            Kind::Recommendation
        );
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("thirty-second"), Some(32));
        assert_eq!(ordinal("eleventh"), Some(11));
        assert_eq!(ordinal("vingt-deuxième"), Some(22));
        assert_eq!(ordinal("22º"), Some(22));
        assert_eq!(ordinal("46th"), Some(46));
        assert_eq!(ordinal("seventy-sixth"), Some(76));
        assert_eq!(ordinal("apple"), None);
    }

    #[test]
    fn languages() {
        assert_eq!(
            detect(
                "The Committee is concerned that the State party and the law of the land is with"
            ),
            Detected::Known(Language::En)
        );
        assert_eq!(
            detect(
                "Le Comité est préoccupé par les mesures et le manque des données pour les personnes dans une"
            ),
            Detected::Known(Language::Fr)
        );
        assert_eq!(
            detect("تشعر اللجنة بالقلق إزاء"),
            Detected::Other("ar", "Arabic")
        );
    }

    #[test]
    fn committees() {
        assert_eq!(
            committee_of_symbol("E/C.12/DEU/CO/6").map(|c| c.code),
            Some("CESCR")
        );
        assert_eq!(
            committee_of_name("COMMITTEE AGAINST TORTURE").map(|c| c.code),
            Some("CAT")
        );
        assert_eq!(
            committee_of_name("Comité des droits de l'enfant").map(|c| c.code),
            Some("CRC")
        );
    }
}
