//! Running text from lines: raised marks that name a footnote become
//! references, other marks go back into the text, and lines join as the
//! page joined them.

use super::super::furniture::join_into;
use super::super::page::Mark;
use crate::document::Inline;
use std::collections::BTreeSet;

/// A line's text from byte `from` as inlines: raised marks that name a
/// defined footnote become references; other marks go back into the text
/// (`481e`, `m2`).
pub(super) fn inlines(
    text: &str,
    marks: &[Mark],
    from: usize,
    notes: &BTreeSet<u32>,
    cited: &mut BTreeSet<u32>,
) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut current = String::new();
    let mut at = from;
    for mark in marks.iter().filter(|m| m.at >= from) {
        current.push_str(&text[at..mark.at]);
        at = mark.at;
        let number = mark
            .text
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| notes.contains(n));
        match number {
            Some(n) => {
                if !current.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut current)));
                }
                cited.insert(n);
                out.push(Inline::Note(n));
            }
            None if mark.text.bytes().all(|b| b == b'*') => {}
            None => current.push_str(&mark.text),
        }
    }
    current.push_str(&text[at..]);
    if !current.is_empty() {
        out.push(Inline::Text(current));
    }
    out
}

/// Join a line's inlines onto running text, the first piece joined as
/// [`join_into`] joins lines.
pub(super) fn push_inlines(text: &mut Vec<Inline>, pieces: Vec<Inline>) {
    for (k, piece) in pieces.into_iter().enumerate() {
        match (text.last_mut(), piece) {
            (Some(Inline::Text(last)), Inline::Text(t)) if k == 0 => join_into(last, &t),
            (Some(Inline::Note(_)), Inline::Text(t)) if k == 0 => {
                // A line that starts after a marker starts a new word.
                text.push(Inline::Text(format!(" {}", t.trim_start())));
            }
            (_, piece) => text.push(piece),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_marks() {
        let notes: BTreeSet<u32> = [1, 2].into_iter().collect();
        let mut cited = BTreeSet::new();
        let marks = vec![
            Mark {
                at: 6,
                text: "1".into(),
            },
            Mark {
                at: 13,
                text: "e".into(),
            },
        ];
        let got = inlines("Canada at 481 x", &marks, 0, &notes, &mut cited);
        assert_eq!(
            got,
            vec![
                Inline::Text("Canada".into()),
                Inline::Note(1),
                Inline::Text(" at 481e x".into())
            ]
        );
    }
}
