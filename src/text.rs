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
    // Printable ASCII, the common case, needs no look at each character.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b))
        || text.chars().all(|c| placeholder(c).is_none())
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
}

/// Terminal columns `c` takes once made visible.
#[must_use]
pub fn char_columns(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(placeholder(c).unwrap_or(c)).unwrap_or(0)
}

/// Terminal columns `text` takes once made [`visible`] (printable ASCII is
/// one column a byte).
#[must_use]
pub fn columns(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        text.len()
    } else {
        text.chars().map(char_columns).sum()
    }
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
    fn columns_count_what_the_terminal_shows() {
        assert_eq!(columns("ill-treatment"), 13);
        assert_eq!(columns("a\u{1b}b"), 3, "ESC shows as one placeholder");
        assert_eq!(columns("Казахстан"), 9);
        assert_eq!(columns("漢字"), 4);
        assert_eq!(columns("x\u{200b}y"), 3, "a zero-width space shows as �");
    }

    #[test]
    fn layout_white_space_is_a_space_and_delete_is_visible() {
        // A tab or line end inside a one-line field (a heading, a status
        // message, a CSV cell) reads as a space; DEL, which terminals act
        // on, shows as its symbol.
        assert_eq!(visible("a\tb\nc"), "a b c");
        assert_eq!(visible("x\u{7f}y"), "x\u{2421}y");
        assert_eq!(columns("a\tb"), 3);
    }

    #[test]
    fn ordinary_text_is_borrowed() {
        assert!(matches!(visible("Казахстан – “ok”"), Cow::Borrowed(_)));
    }
}

/// Pretty JSON in which every character [`placeholder`] would replace
/// (C1 controls, bidirectional and zero-width characters; C0 controls are
/// escaped by JSON itself) is written as a `\uXXXX` escape. The data is
/// unchanged for a JSON reader; a terminal showing the file sees no
/// control characters.
///
/// # Panics
/// Never for the export's plain data structures.
#[must_use]
pub fn json_pretty<T: serde::Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeFormatter::default());
    value.serialize(&mut ser).expect("plain data serialises");
    let mut text = String::from_utf8(out).expect("serde_json writes UTF-8");
    text.push('\n');
    text
}

/// `serde_json`'s pretty formatter, escaping invisible characters.
#[derive(Default)]
struct SafeFormatter(serde_json::ser::PrettyFormatter<'static>);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $name<W: ?Sized + std::io::Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            self.0.$name(writer $(, $arg)*)
        }
    )*};
}

impl serde_json::ser::Formatter for SafeFormatter {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        begin_object_value();
        end_object_value();
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if placeholder(c).is_some() {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}
