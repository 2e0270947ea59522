//! Colours and text attributes. Every meaning carried by colour (kind,
//! focus, follow-up, hits) is also carried by a letter, a symbol or an
//! attribute, so it survives `NO_COLOR`.

use super::wrap::Tag;
use crate::document::Kind;
use ratatui::style::{Color, Modifier, Style};

/// The palette in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Colours allowed (false under `NO_COLOR`).
    pub color: bool,
}

impl Theme {
    /// From the environment: `NO_COLOR` set and non-empty turns colour off.
    #[must_use]
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self { color: !no_color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// Style of a reader tag.
    #[must_use]
    pub fn tag(self, tag: Tag) -> Style {
        match tag {
            Tag::Text => Style::new(),
            Tag::Meta | Tag::Articles => self.fg(Color::Gray).add_modifier(Modifier::DIM),
            Tag::Section => self
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Tag::Heading => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Tag::Title | Tag::Number | Tag::Label => Style::new().add_modifier(Modifier::BOLD),
            Tag::Kind(kind) => self.kind(kind).add_modifier(Modifier::BOLD),
            Tag::FollowUp => self
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            Tag::NoteMark => self.fg(Color::Blue),
            Tag::Note => self.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            Tag::Hit => {
                if self.color {
                    Style::new().fg(Color::Black).bg(Color::Yellow)
                } else {
                    Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
                }
            }
            // A guess (prefix or typo): underlined, not filled.
            Tag::Approximate => self
                .fg(Color::Yellow)
                .add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
        }
    }

    /// Colour of a kind.
    #[must_use]
    pub fn kind(self, kind: Kind) -> Style {
        self.fg(match kind {
            Kind::Concern => Color::Red,
            Kind::Recommendation => Color::Green,
            Kind::Positive => Color::Blue,
            Kind::FollowUp => Color::Magenta,
            Kind::Introduction | Kind::Other => Color::Gray,
        })
    }

    /// Border of a pane.
    #[must_use]
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    /// The selected row of a list.
    #[must_use]
    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The status line.
    #[must_use]
    pub fn status(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Gray)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
}
