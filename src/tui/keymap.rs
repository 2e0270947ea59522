//! The one table of key bindings. [`lookup`] turns a key into an
//! [`Action`]; the help overlay and the status line's hints are drawn from
//! the same table, their key names written by one formatter ([`Key`]'s
//! `Display`), so they can never disagree with what the keys do. The
//! table is static data; the labels drawn from it are made once.

use super::action::{Action, Focus};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;
use std::sync::LazyLock;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere except while typing a query or a prompt.
    Global,
    /// The outline has focus.
    Outline,
    /// The reader has focus.
    Reader,
    /// The search query line has focus (printable keys type).
    Search,
    /// The `:` prompt is open.
    Prompt,
    /// The help overlay is open: any key closes it.
    Help,
}

/// What a key that no binding of a context names does there.
enum Otherwise {
    /// Nothing.
    Nothing,
    /// What it does everywhere ([`Context::Global`]).
    Global,
    /// A printable character types itself.
    Type,
    /// Always this action.
    Always(Action),
}

impl Context {
    const fn otherwise(self) -> Otherwise {
        match self {
            Context::Global => Otherwise::Nothing,
            Context::Outline | Context::Reader => Otherwise::Global,
            Context::Search | Context::Prompt => Otherwise::Type,
            Context::Help => Otherwise::Always(Action::Help),
        }
    }

    /// The context's heading in the help overlay.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Outline => "Sections pane",
            Context::Reader => "Text pane",
            Context::Search => "Search (typing edits the query)",
            Context::Prompt => ": prompt",
            Context::Help => "Help",
        }
    }
}

impl From<Focus> for Context {
    fn from(focus: Focus) -> Self {
        match focus {
            Focus::Outline => Context::Outline,
            Focus::Reader => Context::Reader,
            Focus::Search => Context::Search,
        }
    }
}

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
            code => write!(f, "{code:?}"),
        }
    }
}

/// One binding: keys that do one thing in one context.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys, in the order help lists them.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// What they do, in words.
    pub help: &'static str,
    /// How many of `keys`, from the first, the status line's hint for the
    /// context shows (0: the binding is not a hint).
    pub hint: usize,
}

impl Binding {
    /// The keys as help writes them: `j ↓`.
    #[must_use]
    pub fn label(&self) -> String {
        join(self.keys)
    }
}

fn join(keys: &[Key]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: usize,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint,
    }
}

use Action as A;
use Context::{Global, Outline, Prompt, Reader, Search};
use KeyCode as K;

/// Every binding, in the order the help overlay lists them. One row per
/// thing to do: (context, keys, action, help, how many keys the hint shows).
#[rustfmt::skip]
static BINDINGS: &[Binding] = &[
    bind(Global, &[Key::char('j'), Key::new(K::Down)], A::Down, "move down", 0),
    bind(Global, &[Key::char('k'), Key::new(K::Up)], A::Up, "move up", 0),
    bind(Global, &[Key::ctrl('d')], A::HalfPageDown, "½ page down", 0),
    bind(Global, &[Key::ctrl('u')], A::HalfPageUp, "½ page up", 0),
    bind(Global, &[Key::new(K::PageDown), Key::char(' ')], A::PageDown, "page down", 0),
    bind(Global, &[Key::new(K::PageUp), Key::char('b')], A::PageUp, "page up", 0),
    bind(Global, &[Key::char('g'), Key::new(K::Home)], A::Top, "to the top", 0),
    bind(Global, &[Key::char('G'), Key::new(K::End)], A::Bottom, "to the end", 0),
    bind(Global, &[Key::new(K::Tab)], A::NextPane, "next pane", 1),
    bind(Global, &[Key::shift(K::BackTab)], A::PreviousPane, "previous pane", 0),
    bind(Global, &[Key::new(K::Enter)], A::Open, "open selection", 0),
    bind(Global, &[Key::char(':')], A::GotoPrompt, "go to para :26 :24a", 1),
    bind(Global, &[Key::char(']')], A::NextHeading, "next heading", 0),
    bind(Global, &[Key::char('[')], A::PreviousHeading, "prev. heading", 0),
    bind(Global, &[Key::char('p')], A::Pair, "concern ⇄ rec.", 1),
    bind(Global, &[Key::ctrl('o')], A::JumpBack, "jump back", 0),
    bind(Global, &[Key::char('y')], A::Copy, "copy citation", 1),
    bind(Global, &[Key::char('f')], A::ToggleFootnotes, "footnotes on/off", 1),
    bind(Global, &[Key::char('/')], A::FocusSearch, "search", 1),
    bind(Global, &[Key::char('?')], A::Help, "help", 1),
    bind(Global, &[Key::char('q'), Key::ctrl('c')], A::Quit, "quit", 1),
    bind(Outline, &[Key::char('h'), Key::new(K::Left)], A::Collapse, "collapse", 2),
    bind(Outline, &[Key::char('l'), Key::new(K::Right)], A::Expand, "expand", 2),
    bind(Reader, &[Key::char('n')], A::NextHit, "next hit", 0),
    bind(Reader, &[Key::char('N')], A::PreviousHit, "previous hit", 0),
    bind(Search, &[Key::new(K::Down), Key::ctrl('n')], A::Down, "next result", 2),
    bind(Search, &[Key::new(K::Up), Key::ctrl('p')], A::Up, "prev. result", 2),
    bind(Search, &[Key::new(K::PageDown)], A::PageDown, "results page ↓", 0),
    bind(Search, &[Key::new(K::PageUp)], A::PageUp, "results page ↑", 0),
    bind(Search, &[Key::new(K::Enter)], A::Open, "open result", 1),
    bind(Search, &[Key::ctrl('s')], A::CycleScope, "cycle scope", 1),
    bind(Search, &[Key::new(K::Backspace)], A::Backspace, "delete a char", 0),
    bind(Search, &[Key::ctrl('u')], A::ClearQuery, "clear the query", 0),
    bind(Search, &[Key::new(K::Esc)], A::Escape, "leave query", 1),
    bind(Search, &[Key::new(K::Tab)], A::NextPane, "next pane", 0),
    bind(Search, &[Key::shift(K::BackTab)], A::PreviousPane, "previous pane", 0),
    bind(Search, &[Key::ctrl('c')], A::Quit, "quit", 0),
    bind(Prompt, &[Key::new(K::Enter)], A::Submit, "go", 1),
    bind(Prompt, &[Key::new(K::Esc)], A::Escape, "cancel", 1),
    bind(Prompt, &[Key::new(K::Backspace)], A::Backspace, "delete", 0),
    bind(Prompt, &[Key::ctrl('c')], A::Quit, "quit", 0),
];

/// Every binding, in the order the help overlay lists them.
#[must_use]
pub fn bindings() -> &'static [Binding] {
    BINDINGS
}

/// The action for a key in a context (see [`Context`] for what keys no
/// binding names do there).
#[must_use]
pub fn lookup(key: &KeyEvent, context: Context) -> Option<Action> {
    let find = |context: Context| {
        BINDINGS
            .iter()
            .find(|b| b.context == context && b.keys.iter().any(|k| k.matches(key)))
            .map(|b| b.action)
    };
    find(context).or_else(|| match context.otherwise() {
        Otherwise::Nothing => None,
        Otherwise::Global => find(Context::Global),
        Otherwise::Type => match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        },
        Otherwise::Always(action) => Some(action),
    })
}

/// Labels drawn from the table, made once.
struct Drawn {
    /// Per context (in [`Context`] order): `(keys, help)` hint pairs.
    hints: Vec<Vec<(String, &'static str)>>,
    /// Help overlay rows: (context, keys, help).
    help: Vec<(Context, String, &'static str)>,
}

const CONTEXTS: [Context; 6] = [
    Context::Global,
    Context::Outline,
    Context::Reader,
    Context::Search,
    Context::Prompt,
    Context::Help,
];

static DRAWN: LazyLock<Drawn> = LazyLock::new(|| {
    let own = |context: Context| -> Vec<(String, &'static str)> {
        BINDINGS
            .iter()
            .filter(|b| b.hint > 0 && b.context == context)
            .map(|b| (join(&b.keys[..b.hint.min(b.keys.len())]), b.help))
            .collect()
    };
    let hints = CONTEXTS
        .iter()
        .map(|&context| {
            if matches!(context.otherwise(), Otherwise::Global) {
                // The ways out of being lost come first: search, help, go to.
                let mut global = own(Context::Global);
                global.sort_by_key(|(label, _)| {
                    ["/", "?", ":"].iter().position(|l| l == label).unwrap_or(3)
                });
                global.into_iter().chain(own(context)).collect()
            } else {
                own(context)
            }
        })
        .collect();
    // A pane's copy of a global binding is listed once, as global.
    let help = BINDINGS
        .iter()
        .filter(|b| {
            b.context == Context::Global
                || !BINDINGS.iter().any(|g| {
                    g.context == Context::Global && g.action == b.action && g.help == b.help
                })
        })
        .map(|b| (b.context, b.label(), b.help))
        .collect();
    Drawn { hints, help }
});

/// The short key hints for a context: `keys help` pairs.
#[must_use]
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    let at = CONTEXTS.iter().position(|&c| c == context).unwrap_or(0);
    DRAWN.hints[at]
        .iter()
        .map(|(keys, help)| (keys.as_str(), *help))
        .collect()
}

/// The hints for a context as the status line shows them:
/// `Enter go · Esc cancel`.
#[must_use]
pub fn hint_line(context: Context) -> String {
    hints(context)
        .iter()
        .map(|(k, h)| format!("{k} {h}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Rows for the help overlay: (context heading, keys, help), one row per
/// binding.
#[must_use]
pub fn help_rows() -> &'static [(Context, String, &'static str)] {
    &DRAWN.help
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const CTRL: KeyModifiers = KeyModifiers::CONTROL;
    const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn reader_keys() {
        let at = |code, mods| lookup(&key(code, mods), Context::Reader);
        assert_eq!(at(KeyCode::Char('j'), NONE), Some(Action::Down));
        assert_eq!(at(KeyCode::Down, NONE), Some(Action::Down));
        assert_eq!(at(KeyCode::Char('d'), CTRL), Some(Action::HalfPageDown));
        assert_eq!(at(KeyCode::Char(' '), NONE), Some(Action::PageDown));
        assert_eq!(at(KeyCode::Char('G'), SHIFT), Some(Action::Bottom));
        assert_eq!(at(KeyCode::Char('o'), CTRL), Some(Action::JumpBack));
        assert_eq!(at(KeyCode::Char('n'), NONE), Some(Action::NextHit));
        assert_eq!(at(KeyCode::Char('c'), CTRL), Some(Action::Quit));
        assert_eq!(at(KeyCode::BackTab, SHIFT), Some(Action::PreviousPane));
        assert_eq!(at(KeyCode::Char('z'), NONE), None);
    }

    #[test]
    fn outline_keys_override_nothing_global() {
        let at = |code| lookup(&key(code, NONE), Context::Outline);
        assert_eq!(at(KeyCode::Char('h')), Some(Action::Collapse));
        assert_eq!(at(KeyCode::Char('q')), Some(Action::Quit));
        assert_eq!(at(KeyCode::Char('n')), None);
    }

    #[test]
    fn search_types_letters_that_are_commands_elsewhere() {
        let at = |code, mods| lookup(&key(code, mods), Context::Search);
        assert_eq!(at(KeyCode::Char('q'), NONE), Some(Action::Type('q')));
        assert_eq!(at(KeyCode::Char('j'), NONE), Some(Action::Type('j')));
        assert_eq!(at(KeyCode::Char('n'), CTRL), Some(Action::Down));
        assert_eq!(at(KeyCode::Esc, NONE), Some(Action::Escape));
        assert_eq!(at(KeyCode::Char('s'), CTRL), Some(Action::CycleScope));
    }

    #[test]
    fn prompt_takes_digits_and_letters() {
        let at = |code| lookup(&key(code, NONE), Context::Prompt);
        assert_eq!(at(KeyCode::Char('2')), Some(Action::Type('2')));
        assert_eq!(at(KeyCode::Char('a')), Some(Action::Type('a')));
        assert_eq!(at(KeyCode::Enter), Some(Action::Submit));
    }

    #[test]
    fn help_lists_every_bound_action_and_merges_synonyms() {
        let rows = help_rows();
        assert!(rows.iter().any(|r| r.1 == "j ↓" && r.2 == "move down"));
        assert!(
            rows.iter()
                .any(|r| r.1 == "PgDn Space" && r.2 == "page down")
        );
        for b in bindings() {
            assert!(
                rows.iter()
                    .any(|r| (r.0 == b.context || r.0 == Context::Global) && r.2 == b.help),
                "{} missing from help",
                b.label()
            );
        }
    }

    #[test]
    fn hints_come_from_the_table() {
        let reader = hints(Context::Reader);
        assert!(reader.contains(&("/", "search")));
        assert!(hints(Context::Search).contains(&("Esc", "leave query")));
    }

    #[test]
    fn keys_are_written_for_people() {
        let label = |key: Key| key.to_string();
        assert_eq!(label(Key::char('j')), "j");
        assert_eq!(label(Key::char(' ')), "Space");
        assert_eq!(label(Key::ctrl('d')), "Ctrl-d");
        assert_eq!(label(Key::shift(KeyCode::BackTab)), "Shift-Tab");
        assert_eq!(label(Key::new(KeyCode::PageDown)), "PgDn");
        assert_eq!(label(Key::new(KeyCode::Down)), "↓");
        assert_eq!(label(Key::new(KeyCode::Backspace)), "Backspace");
        assert_eq!(hint_line(Context::Prompt), "Enter go · Esc cancel");
    }

    #[test]
    fn any_key_closes_help() {
        let at = |code, mods| lookup(&key(code, mods), Context::Help);
        assert_eq!(at(KeyCode::Char('q'), NONE), Some(Action::Help));
        assert_eq!(at(KeyCode::Char('c'), CTRL), Some(Action::Help));
        assert_eq!(at(KeyCode::Esc, NONE), Some(Action::Help));
    }
}
