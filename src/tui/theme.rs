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
    /// Web addresses are sent as OSC 8 hyperlinks, so a click opens the
    /// whole address even where it is broken over lines.
    pub hyperlinks: bool,
}

/// Whether the terminal takes OSC 8 hyperlinks, from its environment:
/// `TREATYVIEW_HYPERLINKS=1` or `0` decides; else the terminals known to
/// (kitty, `WezTerm`, iTerm2, foot, Ghostty, Windows Terminal, VTE 0.50+,
/// VS Code). Under tmux, only when asked: tmux before 3.4 drops them.
#[must_use]
pub fn hyperlinks_from(var: impl Fn(&str) -> Option<String>) -> bool {
    match var("TREATYVIEW_HYPERLINKS").as_deref() {
        Some("1" | "yes" | "on") => return true,
        Some("0" | "no" | "off") => return false,
        _ => {}
    }
    if var("TMUX").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    let program = var("TERM_PROGRAM").unwrap_or_default();
    let term = var("TERM").unwrap_or_default();
    ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(&program.as_str())
        || ["kitty", "foot", "wezterm", "ghostty"]
            .iter()
            .any(|t| term.contains(t))
        || var("KITTY_WINDOW_ID").is_some()
        || var("WT_SESSION").is_some()
        || var("VTE_VERSION")
            .and_then(|v| v.parse::<u32>().ok())
            .is_some_and(|v| v >= 5000)
}

impl Theme {
    /// Colours on or off, no hyperlinks (as drawn for tests).
    #[must_use]
    pub const fn new(color: bool) -> Self {
        Self {
            color,
            hyperlinks: false,
        }
    }

    /// From the environment: `NO_COLOR` set and non-empty turns colour off.
    #[must_use]
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            color: !no_color,
            hyperlinks: hyperlinks_from(|name| std::env::var(name).ok()),
        }
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
            Tag::Link => self.fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
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

#[cfg(test)]
mod tests {
    use super::hyperlinks_from;

    fn with(vars: &[(&str, &str)]) -> bool {
        hyperlinks_from(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        })
    }

    #[test]
    fn hyperlinks_where_the_terminal_takes_them_or_when_asked() {
        assert!(!with(&[("TERM", "xterm-256color")]));
        assert!(with(&[("TERM", "xterm-kitty")]));
        assert!(with(&[("TERM_PROGRAM", "WezTerm")]));
        assert!(with(&[("VTE_VERSION", "7600")]));
        assert!(!with(&[("VTE_VERSION", "4800")]));
        assert!(!with(&[("TERM", "xterm-kitty"), ("TMUX", "/tmp/x")]));
        assert!(with(&[("TMUX", "/tmp/x"), ("TREATYVIEW_HYPERLINKS", "1")]));
        assert!(!with(&[
            ("TERM", "xterm-kitty"),
            ("TREATYVIEW_HYPERLINKS", "0")
        ]));
    }
}
