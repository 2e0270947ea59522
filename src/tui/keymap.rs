//! The one table of key bindings. [`lookup`] turns a key into an
//! [`Action`]; the help overlay, the README's key table and the status
//! line's hints are drawn from the same table ([`labels`]), their key
//! names written by one formatter ([`Key`]'s `Display`), so they can
//! never disagree with what the keys do.

mod key;
pub mod labels;

pub use key::Key;

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
    /// The note prompt of a mark (`m`) is open.
    Note,
    /// The marks list (`'`) is open.
    Marks,
    /// Editing a line: the query line and the `:` prompt.
    Line,
    /// The help overlay is open: movement keys scroll it, any other key
    /// closes it.
    Help,
}

/// What a key that no binding of a context names does there.
enum Otherwise {
    /// Nothing.
    Nothing,
    /// What it does in another context.
    Then(Context),
    /// A printable character types itself.
    Type,
    /// Always this action.
    Always(Action),
}

impl Context {
    const fn otherwise(self) -> Otherwise {
        match self {
            Context::Global | Context::Marks => Otherwise::Nothing,
            Context::Outline | Context::Reader => Otherwise::Then(Context::Global),
            Context::Search | Context::Prompt | Context::Note => Otherwise::Then(Context::Line),
            Context::Line => Otherwise::Type,
            Context::Help => Otherwise::Always(Action::Help),
        }
    }

    /// This context and those it falls back to, in order.
    fn chain(self) -> impl Iterator<Item = Context> {
        std::iter::successors(Some(self), |c| match c.otherwise() {
            Otherwise::Then(next) => Some(next),
            _ => None,
        })
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

/// The headings the help overlay and the README list bindings under, in
/// their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// Moving in any pane.
    Move,
    /// Jumps.
    GoTo,
    /// Reading, copying, leaving.
    Read,
    /// Marks: setting them, their note prompt, their list.
    Marks,
    /// The sections pane's own keys.
    Outline,
    /// The text pane's own keys.
    Reader,
    /// The search pane's own keys.
    Search,
    /// Editing the query line and the `:` prompt.
    Line,
    /// The `:` prompt's own keys.
    Prompt,
    /// Keys while the help is open.
    Help,
}

impl Group {
    /// Every group, in order.
    pub const ALL: [Group; 10] = [
        Group::Move,
        Group::GoTo,
        Group::Read,
        Group::Marks,
        Group::Outline,
        Group::Reader,
        Group::Search,
        Group::Line,
        Group::Prompt,
        Group::Help,
    ];

    /// The group's heading.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Move (every pane)",
            Group::GoTo => "Go to",
            Group::Read => "Read, copy, leave",
            Group::Marks => "Marks (' lists them)",
            Group::Outline => "Sections pane",
            Group::Reader => "Text pane",
            Group::Search => "Search pane",
            Group::Line => "Editing the query and the : prompt",
            Group::Prompt => ": prompt",
            Group::Help => "This help",
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
    /// What they do, in words, whole (help never cuts it).
    pub help: &'static str,
    /// The heading help lists it under.
    pub group: Group,
}

impl Binding {
    /// The keys as help writes them: `j ↓`.
    #[must_use]
    pub fn label(&self) -> String {
        self.keys
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    group: Group,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        group,
    }
}

use Action as A;
use Context::{Global, Help, Line, Marks, Note, Outline, Prompt, Reader, Search};
use Group as G;
use KeyCode as K;

/// Every binding, in the order the help overlay lists them within their
/// group. One row per thing to do: (context, keys, action, help, group).
#[rustfmt::skip]
static BINDINGS: &[Binding] = &[
    bind(Global, &[Key::char('j'), Key::new(K::Down)], A::Down, "down: a line, a row, a result", G::Move),
    bind(Global, &[Key::char('k'), Key::new(K::Up)], A::Up, "up: a line, a row, a result", G::Move),
    bind(Global, &[Key::ctrl('d')], A::HalfPageDown, "half a page down", G::Move),
    bind(Global, &[Key::ctrl('u')], A::HalfPageUp, "half a page up", G::Move),
    bind(Global, &[Key::new(K::PageDown), Key::char(' ')], A::PageDown, "a page down", G::Move),
    bind(Global, &[Key::new(K::PageUp), Key::char('b')], A::PageUp, "a page up", G::Move),
    bind(Global, &[Key::char('g'), Key::new(K::Home)], A::Top, "to the top", G::Move),
    bind(Global, &[Key::char('G'), Key::new(K::End)], A::Bottom, "to the end: the last paragraph on top", G::Move),
    bind(Global, &[Key::new(K::Tab)], A::NextPane, "next pane", G::Move),
    bind(Global, &[Key::shift(K::BackTab)], A::PreviousPane, "previous pane", G::Move),
    bind(Global, &[Key::new(K::Enter)], A::Open, "open the selected row or result", G::GoTo),
    bind(Global, &[Key::char(':')], A::GotoPrompt, "go to a paragraph or item: :26, :24a, :12(a)(v)", G::GoTo),
    bind(Global, &[Key::char(']')], A::NextHeading, "next heading", G::GoTo),
    bind(Global, &[Key::char('[')], A::PreviousHeading, "previous heading", G::GoTo),
    bind(Global, &[Key::char('p')], A::Pair, "between a concern and its recommendation", G::GoTo),
    bind(Global, &[Key::char('P')], A::PreviousCycle, "the same subject in the previous cycle", G::GoTo),
    bind(Global, &[Key::ctrl('o')], A::JumpBack, "back to where the last jump started", G::GoTo),
    bind(Global, &[Key::char('y')], A::Copy, "copy the citation and the text on top", G::Read),
    bind(Global, &[Key::char('Y')], A::CopyCitation, "copy the citation alone", G::Read),
    bind(Global, &[Key::char('f')], A::ToggleFootnotes, "show or hide footnotes under the text", G::Read),
    bind(Global, &[Key::char('w')], A::ReadingWidth, "reading width: at most 80, 100, 66 columns, or all", G::Read),
    bind(Global, &[Key::char('/')], A::FocusSearch, "search", G::Read),
    bind(Global, &[Key::char('?'), Key::new(K::F(1))], A::Help, "this help", G::Read),
    bind(Global, &[Key::char('q'), Key::ctrl('c')], A::Quit, "quit", G::Read),
    bind(Global, &[Key::ctrl('z')], A::Suspend, "suspend to the shell (fg comes back)", G::Read),
    bind(Global, &[Key::char('!')], A::Problems, "the files that did not open, with their errors", G::Read),
    bind(Global, &[Key::char('m')], A::Mark, "mark the paragraph or item on top, with a note; on a mark: edit or remove it", G::Marks),
    bind(Global, &[Key::char('\'')], A::MarksList, "every mark, in every document", G::Marks),
    bind(Note, &[Key::new(K::Enter)], A::Submit, "save the mark and its note (the note may be empty)", G::Marks),
    bind(Note, &[Key::ctrl('d')], A::Unmark, "remove the mark being edited", G::Marks),
    bind(Note, &[Key::new(K::Esc)], A::Escape, "cancel: the mark stays as it was", G::Marks),
    bind(Note, &[Key::ctrl('c')], A::Quit, "quit", G::Read),
    bind(Marks, &[Key::char('j'), Key::new(K::Down)], A::Down, "next mark", G::Marks),
    bind(Marks, &[Key::char('k'), Key::new(K::Up)], A::Up, "previous mark", G::Marks),
    bind(Marks, &[Key::char('g'), Key::new(K::Home)], A::Top, "first mark", G::Marks),
    bind(Marks, &[Key::char('G'), Key::new(K::End)], A::Bottom, "last mark", G::Marks),
    bind(Marks, &[Key::new(K::Enter)], A::Open, "open the selected mark", G::Marks),
    bind(Marks, &[Key::char('d')], A::Unmark, "delete the selected mark", G::Marks),
    bind(Marks, &[Key::char('y')], A::CopyMarks, "copy every mark as a citation list (Markdown)", G::Marks),
    bind(Marks, &[Key::new(K::Esc), Key::char('q'), Key::char('\'')], A::Escape, "close the marks list", G::Marks),
    bind(Marks, &[Key::ctrl('c')], A::Quit, "quit", G::Read),
    bind(Outline, &[Key::char('h'), Key::new(K::Left)], A::Collapse, "collapse (on a paragraph, its heading)", G::Outline),
    bind(Outline, &[Key::char('l'), Key::new(K::Right)], A::Expand, "expand", G::Outline),
    bind(Global, &[Key::char('z')], A::Fold, "sections pane: headings only, sections only, everything", G::Outline),
    bind(Global, &[Key::char('-')], A::CollapseAll, "sections pane: collapse all, to committees, States or documents", G::Outline),
    bind(Global, &[Key::char('+'), Key::char('=')], A::ExpandAll, "sections pane: expand all", G::Outline),
    bind(Reader, &[Key::char('n')], A::NextHit, "next search hit (round the end)", G::Reader),
    bind(Reader, &[Key::char('N')], A::PreviousHit, "previous search hit (round the top)", G::Reader),
    bind(Global, &[Key::ctrl('n')], A::NextResult, "open the next search result, from any pane", G::GoTo),
    bind(Global, &[Key::ctrl('p')], A::PreviousResult, "open the previous search result", G::GoTo),
    bind(Search, &[Key::new(K::Down), Key::ctrl('n')], A::Down, "next result; after ↑, a later query", G::Search),
    bind(Search, &[Key::new(K::Up), Key::ctrl('p')], A::Up, "previous result; on an empty line, earlier queries", G::Search),
    bind(Search, &[Key::new(K::PageDown)], A::PageDown, "a page of results down", G::Search),
    bind(Search, &[Key::new(K::PageUp)], A::PageUp, "a page of results up", G::Search),
    bind(Search, &[Key::new(K::Enter)], A::Open, "open the selected result", G::Search),
    bind(Search, &[Key::ctrl('s')], A::CycleScope, "next scope: concerns+recs, concerns, recs, all", G::Search),
    bind(Search, &[Key::new(K::Esc)], A::Escape, "leave the query line (the query stays)", G::Search),
    bind(Search, &[Key::new(K::Tab)], A::NextPane, "next pane", G::Move),
    bind(Search, &[Key::shift(K::BackTab)], A::PreviousPane, "previous pane", G::Move),
    bind(Search, &[Key::new(K::F(1))], A::Help, "this help", G::Read),
    bind(Search, &[Key::ctrl('c')], A::Quit, "quit", G::Read),
    bind(Search, &[Key::ctrl('z')], A::Suspend, "suspend to the shell (fg comes back)", G::Read),
    bind(Line, &[Key::new(K::Left), Key::ctrl('b')], A::CursorLeft, "a character left", G::Line),
    bind(Line, &[Key::new(K::Right), Key::ctrl('f')], A::CursorRight, "a character right", G::Line),
    bind(Line, &[Key::alt(K::Char('b')), Key::ctrl_key(K::Left)], A::WordLeft, "a word left", G::Line),
    bind(Line, &[Key::alt(K::Char('f')), Key::ctrl_key(K::Right)], A::WordRight, "a word right", G::Line),
    bind(Line, &[Key::new(K::Home), Key::ctrl('a')], A::LineStart, "to the start of the line", G::Line),
    bind(Line, &[Key::new(K::End), Key::ctrl('e')], A::LineEnd, "to the end of the line", G::Line),
    bind(Line, &[Key::new(K::Backspace)], A::Backspace, "delete the character before the cursor (closes an empty : prompt)", G::Line),
    bind(Line, &[Key::new(K::Delete)], A::DeleteForward, "delete the character under the cursor", G::Line),
    bind(Line, &[Key::ctrl('w'), Key::alt(K::Backspace)], A::DeleteWordBack, "delete the word before the cursor", G::Line),
    bind(Line, &[Key::alt(K::Char('d'))], A::DeleteWordForward, "delete the word after the cursor", G::Line),
    bind(Line, &[Key::ctrl('u')], A::ClearQuery, "delete to the start of the line", G::Line),
    bind(Line, &[Key::ctrl('k')], A::KillToEnd, "delete to the end of the line", G::Line),
    bind(Prompt, &[Key::new(K::Enter)], A::Submit, "go", G::Prompt),
    bind(Prompt, &[Key::new(K::Esc)], A::Escape, "cancel", G::Prompt),
    bind(Prompt, &[Key::ctrl('c')], A::Quit, "quit", G::Read),
    bind(Help, &[Key::char('j'), Key::new(K::Down)], A::Down, "scroll down a line", G::Help),
    bind(Help, &[Key::char('k'), Key::new(K::Up)], A::Up, "scroll up a line", G::Help),
    bind(Help, &[Key::new(K::PageDown), Key::char(' ')], A::PageDown, "scroll a page down", G::Help),
    bind(Help, &[Key::new(K::PageUp), Key::char('b')], A::PageUp, "scroll a page up", G::Help),
    bind(Help, &[Key::char('g'), Key::new(K::Home)], A::Top, "scroll to the top", G::Help),
    bind(Help, &[Key::char('G'), Key::new(K::End)], A::Bottom, "scroll to the end", G::Help),
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
    for context in context.chain() {
        let bound = BINDINGS
            .iter()
            .find(|b| b.context == context && b.keys.iter().any(|k| k.matches(key)));
        if let Some(b) = bound {
            return Some(b.action);
        }
        match context.otherwise() {
            Otherwise::Then(_) => {}
            Otherwise::Nothing => return None,
            Otherwise::Type => {
                return match key.code {
                    KeyCode::Char(c)
                        if !key
                            .modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                    {
                        Some(Action::Type(c))
                    }
                    _ => None,
                };
            }
            Otherwise::Always(action) => return Some(action),
        }
    }
    None
}

/// The binding of `action` that a key pressed in `context` reaches (its
/// own, or one it falls back to).
#[must_use]
pub fn binding_in(context: Context, action: Action) -> Option<&'static Binding> {
    context.chain().find_map(|c| {
        BINDINGS
            .iter()
            .find(|b| b.context == c && b.action == action)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const CTRL: KeyModifiers = KeyModifiers::CONTROL;
    const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
    const ALT: KeyModifiers = KeyModifiers::ALT;

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
        assert_eq!(at(KeyCode::Char('n'), CTRL), Some(Action::NextResult));
        assert_eq!(at(KeyCode::Char('z'), NONE), Some(Action::Fold));
        assert_eq!(at(KeyCode::Char('x'), NONE), None);
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
        assert_eq!(at(KeyCode::Char('?'), NONE), Some(Action::Type('?')));
        assert_eq!(at(KeyCode::F(1), NONE), Some(Action::Help));
        assert_eq!(at(KeyCode::Char('n'), CTRL), Some(Action::Down));
        assert_eq!(at(KeyCode::Esc, NONE), Some(Action::Escape));
        assert_eq!(at(KeyCode::Char('s'), CTRL), Some(Action::CycleScope));
    }

    #[test]
    fn the_query_line_and_the_prompt_edit_as_shells_do() {
        for context in [Context::Search, Context::Prompt] {
            let at = |code, mods| lookup(&key(code, mods), context);
            assert_eq!(at(KeyCode::Left, NONE), Some(Action::CursorLeft));
            assert_eq!(at(KeyCode::Home, NONE), Some(Action::LineStart));
            assert_eq!(at(KeyCode::Char('a'), CTRL), Some(Action::LineStart));
            assert_eq!(at(KeyCode::Char('e'), CTRL), Some(Action::LineEnd));
            assert_eq!(at(KeyCode::Char('w'), CTRL), Some(Action::DeleteWordBack));
            assert_eq!(at(KeyCode::Backspace, ALT), Some(Action::DeleteWordBack));
            assert_eq!(at(KeyCode::Char('k'), CTRL), Some(Action::KillToEnd));
            assert_eq!(at(KeyCode::Char('b'), ALT), Some(Action::WordLeft));
            assert_eq!(at(KeyCode::Char('x'), NONE), Some(Action::Type('x')));
            assert_eq!(at(KeyCode::Char('x'), ALT), None);
        }
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
        let rows = labels::help_rows();
        assert!(rows.iter().any(|r| r.1 == "j ↓" && r.0 == Group::Move));
        assert!(
            rows.iter()
                .any(|r| r.1 == "PgDn Space" && r.2 == "a page down")
        );
        for b in bindings() {
            assert!(
                rows.iter().any(|r| r.2 == b.help),
                "{} missing from help",
                b.label()
            );
        }
        assert_eq!(
            rows.iter().filter(|r| r.2 == "next pane").count(),
            1,
            "Tab is listed once"
        );
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
        assert_eq!(label(Key::alt(KeyCode::Backspace)), "Alt-Backspace");
        assert_eq!(label(Key::new(KeyCode::F(1))), "F1");
    }

    #[test]
    fn movement_scrolls_help_and_any_other_key_closes_it() {
        let at = |code, mods| lookup(&key(code, mods), Context::Help);
        assert_eq!(at(KeyCode::Char('j'), NONE), Some(Action::Down));
        assert_eq!(at(KeyCode::PageDown, NONE), Some(Action::PageDown));
        assert_eq!(at(KeyCode::Char('q'), NONE), Some(Action::Help));
        assert_eq!(at(KeyCode::Char('c'), CTRL), Some(Action::Help));
        assert_eq!(at(KeyCode::Esc, NONE), Some(Action::Help));
    }
}
