//! Words: how text is cut into words and how a word is folded for
//! matching (Unicode lowercase, accents removed).

use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Byte ranges of the words of `text`: maximal runs of alphanumeric
/// characters. Hyphens, apostrophes and punctuation separate words, so
/// "ill-treatment" is two words and a query for it is a phrase.
pub fn spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// Append the folded form of `word` to `out`: lowercase, accents and other
/// combining marks removed (`Éxámple` → `example`, `Й` → `и`).
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for d in std::iter::once(c).nfd() {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// The folded form of `word`.
#[must_use]
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// `word` with accents removed but case kept, for smart-case comparison.
#[must_use]
pub fn strip_accents(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    word.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// Whether `term` asks for case-sensitive matching (it has a capital).
#[must_use]
pub fn has_upper(term: &str) -> bool {
    term.chars().any(char::is_uppercase)
}

/// Optimal string alignment distance (edits, with adjacent swaps counting
/// as one), giving up early once it must exceed `max`.
#[must_use]
pub fn edit_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[1].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut best = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
    }
    let d = rows[a.len() % 3][b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        spans(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn words_split_on_punctuation_and_keep_multibyte_letters() {
        assert_eq!(
            words("ill-treatment, «Казахстан» (arts. 2 and 16)."),
            ["ill", "treatment", "Казахстан", "arts", "2", "and", "16"]
        );
        assert_eq!(words("  "), Vec::<&str>::new());
        assert_eq!(words("end"), ["end"]);
    }

    #[test]
    fn folding_lowercases_and_drops_accents() {
        assert_eq!(fold("Éxámple"), "example");
        assert_eq!(fold("РАБОТА"), "работа");
        assert_eq!(fold("Çağlayan"), "caglayan");
        assert_eq!(strip_accents("Éa"), "Ea");
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("solitery"), &c("solitary"), 2), Some(1));
        assert_eq!(
            edit_distance(&c("confinemnet"), &c("confinement"), 2),
            Some(1)
        );
        assert_eq!(edit_distance(&c("torture"), &c("treatment"), 2), None);
        assert_eq!(edit_distance(&c("abc"), &c("abc"), 0), Some(0));
    }
}
