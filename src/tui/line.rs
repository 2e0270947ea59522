//! A line being edited, as shells edit it: the query line and the `:`
//! prompt. A cursor moves by characters and words; text is deleted by
//! character, word, or to either end of the line.

use super::action::Action;
use crate::text::columns;
use std::fmt;
use std::ops::Deref;

/// Text and a cursor (a byte offset on a character boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    cursor: usize,
}

/// What an edit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Not an editing action.
    Ignored,
}

impl LineEdit {
    /// `text` with the cursor at its end.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    /// The cursor, as a byte offset into the text.
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replace the text; the cursor goes to its end.
    pub fn set(&mut self, text: &str) {
        *self = Self::new(text);
    }

    /// Apply an editing action (typing included).
    pub fn handle(&mut self, action: Action) -> Edit {
        let before = (self.text.len(), self.cursor);
        match action {
            Action::Type(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                return Edit::Changed;
            }
            Action::Backspace => self.delete(self.prev_char(), self.cursor),
            Action::DeleteForward => self.delete(self.cursor, self.next_char()),
            Action::DeleteWordBack => self.delete(self.word_start(), self.cursor),
            Action::DeleteWordForward => self.delete(self.cursor, self.word_end()),
            Action::ClearQuery => self.delete(0, self.cursor),
            Action::KillToEnd => self.delete(self.cursor, self.text.len()),
            Action::CursorLeft => self.cursor = self.prev_char(),
            Action::CursorRight => self.cursor = self.next_char(),
            Action::WordLeft => self.cursor = self.word_start(),
            Action::WordRight => self.cursor = self.word_end(),
            Action::LineStart => self.cursor = 0,
            Action::LineEnd => self.cursor = self.text.len(),
            _ => return Edit::Ignored,
        }
        if self.text.len() == before.0 {
            if self.cursor == before.1 {
                Edit::Ignored
            } else {
                Edit::Moved
            }
        } else {
            Edit::Changed
        }
    }

    /// The part of the line to show in `width` columns so that the
    /// cursor is in view, and the cursor's column in it.
    #[must_use]
    pub fn view(&self, width: usize) -> (&str, usize) {
        let width = width.max(1);
        let mut start = 0;
        // Drop characters from the left until the cursor fits (with a
        // column for it).
        while columns(&self.text[start..self.cursor]) >= width {
            start += self.text[start..].chars().next().map_or(1, char::len_utf8);
        }
        let mut end = start;
        let mut used = 0;
        for c in self.text[start..].chars() {
            let w = crate::text::char_columns(c);
            if used + w > width {
                break;
            }
            used += w;
            end += c.len_utf8();
        }
        (
            &self.text[start..end],
            columns(&self.text[start..self.cursor]),
        )
    }

    fn delete(&mut self, from: usize, to: usize) {
        self.text.replace_range(from..to, "");
        self.cursor = from;
    }

    fn prev_char(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_char(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }

    /// The start of the word before the cursor: back over what is not a
    /// letter or digit, then over letters and digits (as readline's
    /// Alt-Backspace; `"deaths in` loses `in`, then `deaths`).
    fn word_start(&self) -> usize {
        let head = &self.text[..self.cursor];
        let mut chars = head.char_indices().rev().peekable();
        while chars.next_if(|(_, c)| !c.is_alphanumeric()).is_some() {}
        let mut start = chars.peek().map_or(0, |&(i, c)| i + c.len_utf8());
        while let Some((i, _)) = chars.next_if(|(_, c)| c.is_alphanumeric()) {
            start = i;
        }
        start
    }

    /// The end of the word after the cursor.
    fn word_end(&self) -> usize {
        let tail = &self.text[self.cursor..];
        let mut chars = tail.char_indices().peekable();
        while chars.next_if(|(_, c)| !c.is_alphanumeric()).is_some() {}
        while chars.next_if(|(_, c)| c.is_alphanumeric()).is_some() {}
        self.cursor + chars.peek().map_or(tail.len(), |&(i, _)| i)
    }
}

/// The line reads as its text.
impl Deref for LineEdit {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for LineEdit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<&str> for LineEdit {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl PartialEq<str> for LineEdit {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for LineEdit {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, actions: &[Action]) -> (String, usize) {
        let mut line = LineEdit::new(text);
        for &a in actions {
            line.handle(a);
        }
        (line.to_string(), line.cursor())
    }

    #[test]
    fn the_cursor_moves_and_typing_inserts_at_it() {
        use Action::*;
        assert_eq!(
            edit("confinement", &[LineStart, Type('\''), LineEnd, Type('!')]),
            ("'confinement!".into(), 13)
        );
        assert_eq!(edit("ab", &[CursorLeft, Type('x')]), ("axb".into(), 2));
        assert_eq!(edit("ab", &[CursorRight]), ("ab".into(), 2));
        assert_eq!(edit("détention", &[CursorLeft, CursorLeft]).1, 8);
    }

    #[test]
    fn words_and_ends_are_deleted() {
        use Action::*;
        assert_eq!(
            edit("solitary confinement", &[DeleteWordBack]).0,
            "solitary "
        );
        assert_eq!(
            edit("\"deaths in", &[DeleteWordBack, DeleteWordBack]).0,
            "\""
        );
        assert_eq!(
            edit("art:16 torture", &[DeleteWordBack, DeleteWordBack]).0,
            "art:"
        );
        assert_eq!(edit("one two", &[LineStart, DeleteWordForward]).0, " two");
        assert_eq!(edit("one two", &[WordLeft, KillToEnd]).0, "one ");
        assert_eq!(edit("one two", &[WordLeft, ClearQuery]), ("two".into(), 0));
        assert_eq!(edit("one two", &[LineStart, DeleteForward]).0, "ne two");
        assert_eq!(edit("", &[Backspace, DeleteWordBack, KillToEnd]).0, "");
        assert_eq!(edit("word", &[DeleteWordBack]), (String::new(), 0));
    }

    #[test]
    fn the_view_keeps_the_cursor_in_sight() {
        let line = LineEdit::new("solitary confinement");
        assert_eq!(line.view(40), ("solitary confinement", 20));
        let (shown, at) = line.view(10);
        assert_eq!((shown, at), ("nfinement", 9));
        let mut line = line;
        line.handle(Action::LineStart);
        assert_eq!(line.view(10), ("solitary c", 0));
    }

    #[test]
    fn word_moves_stop_at_word_starts_and_ends() {
        use Action::*;
        assert_eq!(edit("one two three", &[WordLeft]).1, 8);
        assert_eq!(edit("one two three", &[WordLeft, WordLeft]).1, 4);
        assert_eq!(edit("one two three", &[LineStart, WordRight]).1, 3);
        assert_eq!(
            edit("one two three", &[LineStart, WordRight, WordRight]).1,
            7
        );
    }
}
