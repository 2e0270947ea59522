//! The one table of key bindings. Lookup turns a key into an [`Action`];
//! the help overlay and the status line's hints are drawn from the same
//! table, so they can never disagree with what the keys do.

use super::action::{Action, Focus};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
}

/// One binding.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The key code.
    pub code: KeyCode,
    /// Required modifiers (Shift is ignored for characters).
    pub mods: KeyModifiers,
    /// How the key is written in help and hints.
    pub label: &'static str,
    /// What it does.
    pub action: Action,
    /// What it does, in words.
    pub help: &'static str,
    /// Shown in the status line's hint for its context.
    pub hint: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

macro_rules! bind {
    ($ctx:ident, $code:expr, $mods:expr, $label:expr, $action:expr, $help:expr, $hint:expr) => {
        Binding {
            context: Context::$ctx,
            code: $code,
            mods: $mods,
            label: $label,
            action: $action,
            help: $help,
            hint: $hint,
        }
    };
}

/// Every binding, in the order the help overlay lists them.
#[must_use]
#[allow(clippy::too_many_lines)] // one row per binding reads best as one table
pub fn bindings() -> Vec<Binding> {
    use Action as A;
    use KeyCode as K;
    vec![
        bind!(
            Global,
            K::Char('j'),
            NONE,
            "j ↓",
            A::Down,
            "move down",
            false
        ),
        bind!(Global, K::Down, NONE, "↓", A::Down, "move down", false),
        bind!(Global, K::Char('k'), NONE, "k ↑", A::Up, "move up", false),
        bind!(Global, K::Up, NONE, "↑", A::Up, "move up", false),
        bind!(
            Global,
            K::Char('d'),
            CTRL,
            "Ctrl-d",
            A::HalfPageDown,
            "½ page down",
            false
        ),
        bind!(
            Global,
            K::Char('u'),
            CTRL,
            "Ctrl-u",
            A::HalfPageUp,
            "½ page up",
            false
        ),
        bind!(
            Global,
            K::PageDown,
            NONE,
            "PgDn Space",
            A::PageDown,
            "page down",
            false
        ),
        bind!(
            Global,
            K::Char(' '),
            NONE,
            "Space",
            A::PageDown,
            "page down",
            false
        ),
        bind!(
            Global,
            K::PageUp,
            NONE,
            "PgUp b",
            A::PageUp,
            "page up",
            false
        ),
        bind!(Global, K::Char('b'), NONE, "b", A::PageUp, "page up", false),
        bind!(
            Global,
            K::Char('g'),
            NONE,
            "g Home",
            A::Top,
            "to the top",
            false
        ),
        bind!(Global, K::Home, NONE, "Home", A::Top, "to the top", false),
        bind!(
            Global,
            K::Char('G'),
            NONE,
            "G End",
            A::Bottom,
            "to the end",
            false
        ),
        bind!(Global, K::End, NONE, "End", A::Bottom, "to the end", false),
        bind!(Global, K::Tab, NONE, "Tab", A::NextPane, "next pane", true),
        bind!(
            Global,
            K::BackTab,
            SHIFT,
            "Shift-Tab",
            A::PreviousPane,
            "previous pane",
            false
        ),
        bind!(
            Global,
            K::Enter,
            NONE,
            "Enter",
            A::Open,
            "open selection",
            false
        ),
        bind!(
            Global,
            K::Char(':'),
            NONE,
            ":",
            A::GotoPrompt,
            "go to para :26 :24a",
            true
        ),
        bind!(
            Global,
            K::Char(']'),
            NONE,
            "]",
            A::NextHeading,
            "next heading",
            false
        ),
        bind!(
            Global,
            K::Char('['),
            NONE,
            "[",
            A::PreviousHeading,
            "prev. heading",
            false
        ),
        bind!(
            Global,
            K::Char('p'),
            NONE,
            "p",
            A::Pair,
            "concern ⇄ rec.",
            true
        ),
        bind!(
            Global,
            K::Char('o'),
            CTRL,
            "Ctrl-o",
            A::JumpBack,
            "jump back",
            false
        ),
        bind!(
            Global,
            K::Char('y'),
            NONE,
            "y",
            A::Copy,
            "copy citation",
            true
        ),
        bind!(
            Global,
            K::Char('f'),
            NONE,
            "f",
            A::ToggleFootnotes,
            "footnotes on/off",
            true
        ),
        bind!(
            Global,
            K::Char('/'),
            NONE,
            "/",
            A::FocusSearch,
            "search",
            true
        ),
        bind!(Global, K::Char('?'), NONE, "?", A::Help, "help", true),
        bind!(Global, K::Char('q'), NONE, "q", A::Quit, "quit", true),
        bind!(Global, K::Char('c'), CTRL, "Ctrl-c", A::Quit, "quit", false),
        bind!(
            Outline,
            K::Char('h'),
            NONE,
            "h ←",
            A::Collapse,
            "collapse",
            true
        ),
        bind!(Outline, K::Left, NONE, "←", A::Collapse, "collapse", false),
        bind!(
            Outline,
            K::Char('l'),
            NONE,
            "l →",
            A::Expand,
            "expand",
            true
        ),
        bind!(Outline, K::Right, NONE, "→", A::Expand, "expand", false),
        bind!(
            Reader,
            K::Char('n'),
            NONE,
            "n",
            A::NextHit,
            "next hit",
            false
        ),
        bind!(
            Reader,
            K::Char('N'),
            NONE,
            "N",
            A::PreviousHit,
            "previous hit",
            false
        ),
        bind!(
            Search,
            K::Down,
            NONE,
            "↓ Ctrl-n",
            A::Down,
            "next result",
            true
        ),
        bind!(
            Search,
            K::Char('n'),
            CTRL,
            "Ctrl-n",
            A::Down,
            "next result",
            false
        ),
        bind!(Search, K::Up, NONE, "↑ Ctrl-p", A::Up, "prev. result", true),
        bind!(
            Search,
            K::Char('p'),
            CTRL,
            "Ctrl-p",
            A::Up,
            "prev. result",
            false
        ),
        bind!(
            Search,
            K::PageDown,
            NONE,
            "PgDn",
            A::PageDown,
            "results page ↓",
            false
        ),
        bind!(
            Search,
            K::PageUp,
            NONE,
            "PgUp",
            A::PageUp,
            "results page ↑",
            false
        ),
        bind!(
            Search,
            K::Enter,
            NONE,
            "Enter",
            A::Open,
            "open result",
            true
        ),
        bind!(
            Search,
            K::Char('s'),
            CTRL,
            "Ctrl-s",
            A::CycleScope,
            "cycle scope",
            true
        ),
        bind!(
            Search,
            K::Backspace,
            NONE,
            "Backspace",
            A::Backspace,
            "delete a char",
            false
        ),
        bind!(
            Search,
            K::Char('u'),
            CTRL,
            "Ctrl-u",
            A::ClearQuery,
            "clear the query",
            false
        ),
        bind!(Search, K::Esc, NONE, "Esc", A::Escape, "leave query", true),
        bind!(Search, K::Tab, NONE, "Tab", A::NextPane, "next pane", false),
        bind!(
            Search,
            K::BackTab,
            SHIFT,
            "Shift-Tab",
            A::PreviousPane,
            "previous pane",
            false
        ),
        bind!(Search, K::Char('c'), CTRL, "Ctrl-c", A::Quit, "quit", false),
        bind!(Prompt, K::Enter, NONE, "Enter", A::Submit, "go", true),
        bind!(Prompt, K::Esc, NONE, "Esc", A::Escape, "cancel", true),
        bind!(
            Prompt,
            K::Backspace,
            NONE,
            "Backspace",
            A::Backspace,
            "delete",
            false
        ),
        bind!(Prompt, K::Char('c'), CTRL, "Ctrl-c", A::Quit, "quit", false),
    ]
}

fn matches(b: &Binding, key: &KeyEvent) -> bool {
    let mods = key.modifiers - KeyModifiers::SHIFT;
    let want = b.mods - KeyModifiers::SHIFT;
    b.code == key.code && mods == want
}

/// The action for a key, given the focused pane and whether a prompt is
/// open. Printable characters type into the query line or the prompt.
#[must_use]
pub fn lookup(key: &KeyEvent, focus: Focus, prompt: bool) -> Option<Action> {
    let table = bindings();
    let find = |context: Context| {
        table
            .iter()
            .find(|b| b.context == context && matches(b, key))
            .map(|b| b.action)
    };
    let typed = match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Type(c))
        }
        _ => None,
    };
    if prompt {
        return find(Context::Prompt).or(typed);
    }
    match focus {
        Focus::Search => find(Context::Search).or(typed),
        Focus::Outline => find(Context::Outline).or_else(|| find(Context::Global)),
        Focus::Reader => find(Context::Reader).or_else(|| find(Context::Global)),
    }
}

/// The short key hints for a context: `label help` pairs.
#[must_use]
pub fn hints(context: Context) -> Vec<(&'static str, &'static str)> {
    let table = bindings();
    let own: Vec<_> = table
        .iter()
        .filter(|b| b.hint && b.context == context)
        .map(|b| (b.label, b.help))
        .collect();
    if matches!(context, Context::Search | Context::Prompt) {
        return own;
    }
    // The ways out of being lost come first: search, help, go to.
    let mut global: Vec<_> = table
        .iter()
        .filter(|b| b.hint && b.context == Context::Global)
        .map(|b| (b.label, b.help))
        .collect();
    global.sort_by_key(|(label, _)| ["/", "?", ":"].iter().position(|l| l == label).unwrap_or(3));
    global.into_iter().chain(own).collect()
}

/// Rows for the help overlay: (context heading, label, help), one row per
/// distinct (context, action), keys that do the same thing merged.
#[must_use]
pub fn help_rows() -> Vec<(Context, String, &'static str)> {
    let table = bindings();
    let mut rows: Vec<(Context, Action, Vec<&'static str>, &'static str)> = Vec::new();
    for b in table.iter().cloned() {
        // A pane's copy of a global binding is listed once, as global.
        let mirrors_global = b.context != Context::Global
            && table
                .iter()
                .any(|g| g.context == Context::Global && g.action == b.action && g.help == b.help);
        if mirrors_global {
            continue;
        }
        if let Some(row) = rows
            .iter_mut()
            .find(|r| r.0 == b.context && r.1 == b.action)
        {
            for part in b.label.split(' ') {
                if !row.2.contains(&part) {
                    row.2.push(part);
                }
            }
        } else {
            rows.push((b.context, b.action, b.label.split(' ').collect(), b.help));
        }
    }
    rows.into_iter()
        .map(|(c, _, labels, help)| (c, labels.join(" "), help))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn reader_keys() {
        let at = |code, mods| lookup(&key(code, mods), Focus::Reader, false);
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
        let at = |code| lookup(&key(code, NONE), Focus::Outline, false);
        assert_eq!(at(KeyCode::Char('h')), Some(Action::Collapse));
        assert_eq!(at(KeyCode::Char('q')), Some(Action::Quit));
        assert_eq!(at(KeyCode::Char('n')), None);
    }

    #[test]
    fn search_types_letters_that_are_commands_elsewhere() {
        let at = |code, mods| lookup(&key(code, mods), Focus::Search, false);
        assert_eq!(at(KeyCode::Char('q'), NONE), Some(Action::Type('q')));
        assert_eq!(at(KeyCode::Char('j'), NONE), Some(Action::Type('j')));
        assert_eq!(at(KeyCode::Char('n'), CTRL), Some(Action::Down));
        assert_eq!(at(KeyCode::Esc, NONE), Some(Action::Escape));
        assert_eq!(at(KeyCode::Char('s'), CTRL), Some(Action::CycleScope));
    }

    #[test]
    fn prompt_takes_digits_and_letters() {
        let at = |code| lookup(&key(code, NONE), Focus::Reader, true);
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
                b.label
            );
        }
    }

    #[test]
    fn hints_come_from_the_table() {
        let reader = hints(Context::Reader);
        assert!(reader.contains(&("/", "search")));
        assert!(hints(Context::Search).contains(&("Esc", "leave query")));
    }
}
