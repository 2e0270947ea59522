//! Making document text safe to put on a terminal.
//!
//! Document text comes from files people did not write themselves. Before
//! any of it reaches the terminal (browser panes, `search` and `export`
//! text output) control characters are swapped for visible placeholders,
//! so text can never clear the screen, move the cursor, set the clipboard
//! or the window title, or reorder what is shown.

use std::borrow::Cow;

/// The placeholder shown for a character, or `None` if it is safe as is.
///
/// - C0 controls and DEL → Unicode control pictures (`␛` for ESC);
///   tab and line feed → a space (layout, not content);
/// - C1 controls, bidirectional overrides and isolates, and invisible
///   zero-width characters → `�`.
#[must_use]
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\t' | '\n' => Some(' '),
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061c}'
        | '\u{feff}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// `text` with every unsafe character replaced by its [`placeholder`].
#[must_use]
pub fn visible(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| placeholder(c).is_none()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(
            visible("\u{7}\u{9b}x\u{202e}y"),
            "\u{2407}\u{fffd}x\u{fffd}y"
        );
    }

    #[test]
    fn ordinary_text_is_borrowed() {
        assert!(matches!(visible("Казахстан – “ok”"), Cow::Borrowed(_)));
    }
}
