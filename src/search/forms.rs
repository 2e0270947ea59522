//! Word forms and function words, per language: the Snowball stemmer of
//! the document's language (`rust-stemmers`), a few irregular plurals a
//! stemmer cannot know, and the short words a free query may leave out.
//!
//! Two words are forms of each other when, in one language, their stems
//! are equal: `concern`, `concerns`, `concerned`; `recommend`,
//! `recommended`, `recommendation`; `woman`, `women` (through the
//! irregular table). The stem of a word of the documents is taken from
//! its lowercase form with accents (Snowball's French and Spanish rules
//! read them: `discriminación`), then folded like every word.

use super::words;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// A language the index knows the forms of.
pub(super) struct Language {
    /// ISO 639-1 code, as documents carry it.
    pub code: &'static str,
    algorithm: Algorithm,
    /// Irregular forms → the form the stemmer knows (lowercase).
    irregular: &'static [(&'static str, &'static str)],
}

/// The languages with forms. The index stores positions in this table:
/// changing its order changes the index format (bump `store::VERSION`).
pub(super) const LANGUAGES: [Language; 8] = [
    Language {
        code: "en",
        algorithm: Algorithm::English,
        // Plurals no suffix rule reaches, common in the committees'
        // prose. `people` is not `persons` ("indigenous peoples"), so it
        // is left alone.
        irregular: &[
            ("women", "woman"),
            ("men", "man"),
            ("children", "child"),
            ("wives", "wife"),
            ("ombudsmen", "ombudsman"),
            ("ombudswomen", "ombudswoman"),
            ("policemen", "policeman"),
            ("policewomen", "policewoman"),
            ("criteria", "criterion"),
            ("crises", "crisis"),
            ("analyses", "analysis"),
            ("hypotheses", "hypothesis"),
            ("phenomena", "phenomenon"),
        ],
    },
    Language {
        code: "fr",
        algorithm: Algorithm::French,
        irregular: &[("yeux", "œil")],
    },
    Language {
        code: "es",
        algorithm: Algorithm::Spanish,
        // Snowball takes "mujer" for a verb in -er ("muj"), but not
        // "mujeres".
        irregular: &[("mujer", "mujeres")],
    },
    Language {
        code: "de",
        algorithm: Algorithm::German,
        irregular: &[],
    },
    Language {
        code: "it",
        algorithm: Algorithm::Italian,
        irregular: &[],
    },
    Language {
        code: "pt",
        algorithm: Algorithm::Portuguese,
        irregular: &[],
    },
    Language {
        code: "ru",
        algorithm: Algorithm::Russian,
        irregular: &[],
    },
    Language {
        code: "ar",
        algorithm: Algorithm::Arabic,
        irregular: &[],
    },
];

/// The position in [`LANGUAGES`] of a document's language: English when
/// it has none; `None` for a language without a stemmer (its words match
/// only as written).
pub(super) fn language(code: Option<&str>) -> Option<usize> {
    let code = code.unwrap_or("en");
    LANGUAGES.iter().position(|l| l.code == code)
}

fn stemmer(lang: usize) -> &'static Stemmer {
    static STEMMERS: OnceLock<Vec<Stemmer>> = OnceLock::new();
    &STEMMERS.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|l| Stemmer::create(l.algorithm))
            .collect()
    })[lang]
}

/// The folded stem of `lower`, a lowercase word with its accents, in
/// language `lang` (a position in [`LANGUAGES`]).
pub(super) fn stem(lang: usize, lower: &str) -> String {
    let word = LANGUAGES[lang]
        .irregular
        .iter()
        .find(|(form, _)| *form == lower)
        .map_or(lower, |(_, base)| base);
    words::fold(&stemmer(lang).stem(word))
}

/// Short words a free query may leave out ("access to a lawyer" finds
/// "access to an independent lawyer"): English, French and Spanish
/// articles, prepositions and conjunctions, folded. One list for every
/// library: none of them is a content word in another of the languages.
const FUNCTION_WORDS: [&str; 49] = [
    // English: the list, and their closest kin.
    "a", "an", "the", "to", "of", "in", "for", "and", "on", "or", "by", "with", "at", "as", "from",
    "into", "its", "their", "is", "are", // French
    "le", "la", "les", "l", "de", "des", "du", "d", "un", "une", "et", "en", "au", "aux", "pour",
    "sur", "dans", "par", // Spanish
    "el", "los", "las", "del", "al", "y", "e", "una", "para", "por", "con",
];

/// Whether a folded word is a function word (see [`FUNCTION_WORDS`]).
pub(super) fn is_function_word(folded: &str) -> bool {
    FUNCTION_WORDS.contains(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(word: &str) -> String {
        stem(language(None).unwrap(), word)
    }

    #[test]
    fn english_forms_share_a_stem() {
        assert_eq!(en("concern"), en("concerns"));
        assert_eq!(en("concern"), en("concerned"));
        assert_eq!(en("recommendation"), en("recommended"));
        assert_eq!(en("women"), en("woman"));
        assert_eq!(en("children"), en("child"));
        assert_ne!(en("rape"), en("rate"));
        assert_ne!(en("people"), en("persons"));
    }

    #[test]
    fn french_and_spanish_stems_read_accents() {
        let fr = language(Some("fr")).unwrap();
        let es = language(Some("es")).unwrap();
        assert_eq!(stem(fr, "femmes"), stem(fr, "femme"));
        assert_eq!(stem(fr, "protégées"), stem(fr, "protégé"));
        assert_eq!(stem(es, "discriminación"), stem(es, "discriminaciones"));
        assert_eq!(stem(es, "mujeres"), stem(es, "mujer"));
        // The stem is folded like every word.
        assert!(stem(es, "discriminación").is_ascii());
    }

    #[test]
    fn languages_without_a_stemmer_have_no_forms() {
        assert_eq!(language(Some("und")), None);
        assert_eq!(language(Some("fr")), Some(1));
        assert!(is_function_word("the") && is_function_word("des"));
        assert!(!is_function_word("lawyer"));
    }
}
