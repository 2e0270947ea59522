//! Front matter: the lines before the first opening, grouped into blocks
//! and assigned to the committee's name, the title and the preamble; the
//! title-note asterisks lifted out of them.

use super::super::furniture::join_into;
use super::super::page::Mark;
use super::blocks::continues_text;
use super::{Builder, Front, Target};

impl Builder<'_> {
    /// Front matter: group lines into blocks (same size, no gap; or a
    /// lowercase continuation).
    pub(super) fn front(&mut self, i: usize) {
        let line = &self.lines[i];
        let continues = match self.target {
            Target::Front(_) => {
                let prev = &self.lines[i - 1];
                if line.gap.is_some() && line.place.page == prev.place.page {
                    !self.boundary(i)
                        && line.line.size == prev.line.size
                        && !prev.line.text.trim_end().ends_with('*')
                        && !prev.line.marks.iter().any(|m| m.text.contains('*'))
                } else {
                    // Without positions a title runs on to its asterisk or
                    // a blank line.
                    let block = &self.front_text[self.front_text.len() - 1].0.to_lowercase();
                    let title = super::super::formulae::TITLE
                        .iter()
                        .any(|t| block.starts_with(t))
                        && !prev.line.text.trim_end().ends_with('*');
                    (continues_text(&prev.line.text, &line.line.text) || title)
                        && !line.blank_before
                }
            }
            _ => false,
        };
        if !continues {
            self.front_text
                .push((String::new(), Vec::new(), line.place, line.line.size));
            self.target = Target::Front(self.front_text.len() - 1);
        }
        let (text, stars) = strip_stars(&line.line.text, &line.line.marks);
        self.out.markup[i] = 0;
        let index = self.front_text.len() - 1;
        let block = &mut self.front_text[index];
        join_into(&mut block.0, &text);
        block.1.extend(stars);
    }

    /// Assign the front blocks: the committee's name, the title (the
    /// block that opens with the concluding-observations formula, else
    /// the first large one), and the rest as preamble.
    pub(super) fn finish_front(&mut self) {
        let blocks = std::mem::take(&mut self.front_text);
        let committee = blocks
            .iter()
            .position(|(t, ..)| super::super::formulae::committee_of_name(t).is_some());
        let title = blocks
            .iter()
            .position(|(t, ..)| {
                let lower = t.to_lowercase();
                super::super::formulae::TITLE
                    .iter()
                    .any(|f| lower.starts_with(f))
            })
            .or_else(|| {
                blocks
                    .iter()
                    .enumerate()
                    .position(|(i, (t, ..))| Some(i) != committee && !t.is_empty())
            });
        for (i, (text, stars, _, _)) in blocks.into_iter().enumerate() {
            let doc = &mut self.out.doc;
            let slot = if Some(i) == committee {
                doc.committee = text;
                Front::Committee
            } else if Some(i) == title {
                doc.title = text;
                self.out.title_marks = stars;
                Front::Title
            } else {
                doc.preamble.push(text);
                Front::Preamble(doc.preamble.len() - 1)
            };
            self.out.front.push(slot);
        }
    }
}

/// Remove title-note asterisks glued to words (`Canada*`, `Czechia*`);
/// returns the text and the asterisk runs in order.
#[must_use]
pub fn strip_stars(text: &str, marks: &[Mark]) -> (String, Vec<String>) {
    let mut stars: Vec<String> = marks
        .iter()
        .filter(|m| !m.text.is_empty() && m.text.bytes().all(|b| b == b'*'))
        .map(|m| m.text.clone())
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let glued = at > 0
            && text[..at]
                .chars()
                .next_back()
                .is_some_and(|p| !p.is_whitespace());
        if c == '*' && glued {
            let mut run = String::from("*");
            while chars.peek().is_some_and(|&(_, n)| n == '*') {
                chars.next();
                run.push('*');
            }
            let next_ok = chars.peek().is_none_or(|&(_, n)| !n.is_alphanumeric());
            if next_ok {
                stars.push(run);
                continue;
            }
            out.push_str(&run);
            continue;
        }
        out.push(c);
    }
    (out, stars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_glued_to_words() {
        assert_eq!(
            strip_stars("periodic reports of Canada*", &[]),
            (
                "periodic reports of Canada".to_string(),
                vec!["*".to_string()]
            )
        );
        assert_eq!(
            strip_stars(
                "Information received from Czechia* on follow-up to the observations**",
                &[]
            ),
            (
                "Information received from Czechia on follow-up to the observations".to_string(),
                vec!["*".to_string(), "**".to_string()]
            )
        );
        assert_eq!(strip_stars("a * b", &[]).0, "a * b");
    }
}
