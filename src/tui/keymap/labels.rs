//! What is written from the key table: the status line's hints (the few
//! that fit, by priority), the help overlay's rows and the README's key
//! table. The keys always come from the bindings; only which actions are
//! worth a hint, in what order and in which word, is said here.

use super::{Context, Group, binding_in, bindings};
use crate::tui::action::Action;
use std::fmt::Write as _;
use std::sync::LazyLock;
use unicode_width::UnicodeWidthStr;

/// When a hint is worth its room on the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// Always.
    Always,
    /// The text has search hits to step through.
    Hits,
    /// There are search results.
    Results,
    /// The query line is empty and there are earlier queries to recall.
    Recall,
    /// The note prompt edits a mark that exists.
    Marked,
}

/// What the status line knows of the browser when it picks hints.
// Independent facts a hint may wait for, not the states of one machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HintState {
    /// The text has search hits.
    pub hits: bool,
    /// The search has results.
    pub results: bool,
    /// The query line is empty and earlier queries can be recalled.
    pub recall: bool,
    /// The note prompt edits a mark that exists.
    pub marked: bool,
}

impl When {
    fn holds(self, state: HintState) -> bool {
        match self {
            When::Always => true,
            When::Hits => state.hits,
            When::Results => state.results,
            When::Recall => state.recall,
            When::Marked => state.marked,
        }
    }
}

/// One hint: the actions whose first keys it shows (`n/N`), its word.
struct Hint {
    context: Context,
    actions: &'static [Action],
    word: &'static str,
    when: When,
}

const fn hint(
    context: Context,
    actions: &'static [Action],
    word: &'static str,
    when: When,
) -> Hint {
    Hint {
        context,
        actions,
        word,
        when,
    }
}

use Action as A;
use Context::{Help, Marks, Note, Outline, Prompt, Reader, Search};
use When::{Always, Hits, Marked, Recall, Results};

/// The hints of each context, most useful first: the ways out of being
/// lost (search, help), then what the pane is for.
#[rustfmt::skip]
static HINTS: &[Hint] = &[
    hint(Outline, &[A::FocusSearch], "search", Always),
    hint(Outline, &[A::Help], "help", Always),
    hint(Outline, &[A::Open], "open", Always),
    hint(Outline, &[A::Collapse, A::Expand], "fold", Always),
    hint(Outline, &[A::Copy], "cite", Always),
    hint(Outline, &[A::GotoPrompt], "go to", Always),
    hint(Outline, &[A::NextPane], "pane", Always),
    hint(Outline, &[A::Quit], "quit", Always),
    hint(Outline, &[A::Fold], "headings", Always),
    hint(Outline, &[A::Mark], "mark", Always),
    hint(Outline, &[A::MarksList], "marks", Always),
    hint(Reader, &[A::FocusSearch], "search", Always),
    hint(Reader, &[A::Help], "help", Always),
    hint(Reader, &[A::NextHit, A::PreviousHit], "hits", Hits),
    hint(Reader, &[A::NextResult, A::PreviousResult], "results", Results),
    hint(Reader, &[A::Copy], "cite", Always),
    hint(Reader, &[A::Pair], "concern⇄rec", Always),
    hint(Reader, &[A::GotoPrompt], "go to", Always),
    hint(Reader, &[A::ToggleFootnotes], "notes", Always),
    hint(Reader, &[A::NextPane], "pane", Always),
    hint(Reader, &[A::Quit], "quit", Always),
    hint(Reader, &[A::Mark], "mark", Always),
    hint(Reader, &[A::MarksList], "marks", Always),
    hint(Search, &[A::Open], "open", Results),
    hint(Search, &[A::Down, A::Up], "results", Results),
    hint(Search, &[A::Up], "earlier queries", Recall),
    hint(Search, &[A::CycleScope], "scope", Always),
    hint(Search, &[A::Escape], "back", Always),
    hint(Search, &[A::Help], "help", Always),
    hint(Search, &[A::ClearQuery], "clear", Always),
    hint(Prompt, &[A::Submit], "go", Always),
    hint(Prompt, &[A::Escape], "cancel", Always),
    // On a mark, how to remove it is what Enter and Esc do not say.
    hint(Note, &[A::Unmark], "remove", Marked),
    hint(Note, &[A::Submit], "save", Always),
    hint(Note, &[A::Escape], "cancel", Always),
    hint(Marks, &[A::Open], "open", Always),
    hint(Marks, &[A::Unmark], "delete", Always),
    hint(Marks, &[A::CopyMarks], "copy all", Always),
    hint(Marks, &[A::Escape], "close", Always),
    hint(Help, &[A::Down, A::Up], "scroll", Always),
    hint(Help, &[A::PageDown, A::PageUp], "page", Always),
];

/// Each context's hints as drawn: (keys, word), in priority order, with
/// the condition they wait for.
static DRAWN: LazyLock<Vec<(Context, String, &'static str, When)>> = LazyLock::new(|| {
    HINTS
        .iter()
        .filter_map(|h| {
            let keys: Option<Vec<String>> = h
                .actions
                .iter()
                .map(|&a| binding_in(h.context, a).map(|b| b.keys[0].to_string()))
                .collect();
            Some((h.context, keys?.join("/"), h.word, h.when))
        })
        .collect()
});

/// The hints of a context that apply now, most useful first: `(keys,
/// word)`.
#[must_use]
pub fn hints(context: Context, state: HintState) -> Vec<(&'static str, &'static str)> {
    DRAWN
        .iter()
        .filter(|(c, _, _, when)| *c == context && when.holds(state))
        .map(|(_, keys, word, _)| (keys.as_str(), *word))
        .collect()
}

/// The hints that fit in `width` columns, whole, most useful first:
/// `/ search · ? help · y cite`. A hint that does not fit is left out
/// rather than cut.
#[must_use]
pub fn hint_line(context: Context, state: HintState, width: usize) -> String {
    let mut line = String::new();
    for (keys, word) in hints(context, state) {
        let item = format!("{keys} {word}");
        let sep = if line.is_empty() { "" } else { " · " };
        if line.width() + sep.width() + item.width() <= width {
            line.push_str(sep);
            line.push_str(&item);
        }
    }
    line
}

/// Help rows: (group, keys, what they do), grouped in [`Group`] order,
/// in table order within a group. A pane's copy of a global binding
/// (Tab or F1 in the search pane) is listed once, as global.
static HELP: LazyLock<Vec<(Group, String, &'static str)>> = LazyLock::new(|| {
    let all = bindings();
    let mut rows: Vec<(Group, String, &'static str)> = all
        .iter()
        .filter(|b| {
            b.context == Context::Global
                || !all.iter().any(|g| {
                    g.context == Context::Global
                        && g.action == b.action
                        && g.help == b.help
                        && b.keys.iter().all(|k| g.keys.contains(k))
                })
        })
        .map(|b| (b.group, b.label(), b.help))
        .collect();
    rows.sort_by_key(|(group, _, _)| *group);
    rows
});

/// Rows for the help overlay: (group, keys, what they do), one row per
/// binding.
#[must_use]
pub fn help_rows() -> &'static [(Group, String, &'static str)] {
    &HELP
}

/// The README's key table, in Markdown: a row per binding under a bold
/// row per group. A test keeps the README's copy equal to it.
#[must_use]
pub fn markdown() -> String {
    let mut out = String::from("| keys | what they do |\n| --- | --- |\n");
    let mut last = None;
    for (group, keys, help) in help_rows() {
        if last != Some(*group) {
            last = Some(*group);
            let _ = writeln!(out, "| **{}** | |", group.title());
        }
        let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
        let _ = writeln!(out, "| {} | {help} |", keys.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_come_from_the_table_and_merge_keys() {
        let reader = hints(Context::Reader, HintState::default());
        assert!(reader.contains(&("/", "search")));
        assert!(
            !reader.iter().any(|(_, w)| *w == "hits"),
            "no hits, no hint"
        );
        let with_hits = hints(
            Context::Reader,
            HintState {
                hits: true,
                ..HintState::default()
            },
        );
        assert!(with_hits.contains(&("n/N", "hits")));
        assert!(
            hints(Context::Search, HintState::default()).contains(&("Esc", "back")),
            "{:?}",
            hints(Context::Search, HintState::default())
        );
    }

    #[test]
    fn only_whole_hints_that_fit_by_priority() {
        let state = HintState {
            hits: true,
            ..HintState::default()
        };
        let line = hint_line(Context::Reader, state, 51);
        assert!(line.width() <= 51, "{line}");
        for wanted in ["/ search", "? help", "n/N hits", "y cite"] {
            assert!(line.contains(wanted), "{wanted} missing: {line}");
        }
        assert!(!line.contains('…'));
        assert_eq!(
            hint_line(Context::Prompt, state, 80),
            "Enter go · Esc cancel"
        );
        assert_eq!(hint_line(Context::Prompt, state, 9), "Enter go");
    }

    #[test]
    fn every_hint_names_a_bound_key() {
        for h in HINTS {
            for &a in h.actions {
                assert!(
                    binding_in(h.context, a).is_some(),
                    "{a:?} in {:?}",
                    h.context
                );
            }
        }
    }

    #[test]
    fn the_markdown_table_lists_every_help_row() {
        let table = markdown();
        for (_, keys, help) in help_rows() {
            let first = keys.split(' ').next().unwrap();
            assert!(table.contains(&format!("`{first}`")), "{keys}");
            assert!(table.contains(help), "{help}");
        }
    }
}
