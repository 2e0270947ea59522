//! A key as the table binds it and as help and hints write it (`Ctrl-d`,
//! `PgDn`, `Shift-Tab`): one formatter for every label.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// A key with its modifiers, as bound and as written in help and hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key code.
    pub code: KeyCode,
    /// Required modifiers (Shift is ignored for characters: `G` is
    /// already upper case).
    pub mods: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    #[must_use]
    pub const fn new(code: KeyCode) -> Self {
        Self {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// A character key.
    #[must_use]
    pub const fn char(c: char) -> Self {
        Self::new(KeyCode::Char(c))
    }

    /// Control and a character.
    #[must_use]
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// Control and a key that is not a character.
    #[must_use]
    pub const fn ctrl_key(code: KeyCode) -> Self {
        Self {
            code,
            mods: KeyModifiers::CONTROL,
        }
    }

    /// Alt and a key.
    #[must_use]
    pub const fn alt(code: KeyCode) -> Self {
        Self {
            code,
            mods: KeyModifiers::ALT,
        }
    }

    /// Shift and a key.
    #[must_use]
    pub const fn shift(code: KeyCode) -> Self {
        Self {
            code,
            mods: KeyModifiers::SHIFT,
        }
    }

    /// Whether a key event is this key.
    #[must_use]
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mods = event.modifiers - KeyModifiers::SHIFT;
        self.code == event.code && mods == self.mods - KeyModifiers::SHIFT
    }
}

/// How a key is written for people: `j`, `↓`, `Ctrl-d`, `PgDn`, `Space`,
/// `Shift-Tab`.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        let shifted = self.mods.contains(KeyModifiers::SHIFT);
        if (shifted && !matches!(self.code, KeyCode::Char(_))) || self.code == KeyCode::BackTab {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Tab | KeyCode::BackTab => f.write_str("Tab"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => write!(f, "{code:?}"),
        }
    }
}
