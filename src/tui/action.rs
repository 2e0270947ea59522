//! Everything the browser can be asked to do. Keys and mouse events are
//! turned into an [`Action`] by the keymap; `App::update` only ever sees
//! actions.

/// The pane that receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// Sections, headings and paragraphs.
    Outline,
    /// The text.
    Reader,
    /// The query line and its results.
    Search,
}

impl Focus {
    /// The next pane for `Tab`.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Focus::Outline => Focus::Reader,
            Focus::Reader => Focus::Search,
            Focus::Search => Focus::Outline,
        }
    }

    /// The previous pane for `Shift-Tab`.
    #[must_use]
    pub fn previous(self) -> Self {
        match self {
            Focus::Outline => Focus::Search,
            Focus::Reader => Focus::Outline,
            Focus::Search => Focus::Reader,
        }
    }
}

/// A request to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move down one line / row / result.
    Down,
    /// Move up one line / row / result.
    Up,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// To the start.
    Top,
    /// To the end.
    Bottom,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PreviousPane,
    /// Open the selected outline row or search result.
    Open,
    /// Start typing a paragraph number to go to (`:26`, `:24a`).
    GotoPrompt,
    /// Next thematic heading.
    NextHeading,
    /// Previous thematic heading.
    PreviousHeading,
    /// Jump between a concern and its recommendation.
    Pair,
    /// Back to where the last jump started.
    JumpBack,
    /// Copy the citation and text of the unit on top.
    Copy,
    /// Copy the citation of the unit on top, without its text.
    CopyCitation,
    /// Open the next search result (from the text or the outline).
    NextResult,
    /// Open the previous search result.
    PreviousResult,
    /// Mark the unit on top of the reader, with a note (on a marked
    /// unit: edit the note or remove the mark).
    Mark,
    /// Show the list of every mark in every document.
    MarksList,
    /// The files that did not open, and duplicates skipped.
    Problems,
    /// Remove a mark: the one being edited, or the one selected in the
    /// marks list.
    Unmark,
    /// Copy every mark as a citation list.
    CopyMarks,
    /// Cycle the outline's detail: everything, headings only, sections
    /// only.
    Fold,
    /// Cycle the reading width.
    ReadingWidth,
    /// Suspend to the shell (`fg` resumes).
    Suspend,
    /// Show or hide footnotes under the text.
    ToggleFootnotes,
    /// Focus the search query line.
    FocusSearch,
    /// Show or hide the help overlay.
    Help,
    /// Leave the program.
    Quit,
    /// The same subject in the State's previous concluding observations
    /// from this committee.
    PreviousCycle,
    /// Collapse the selected outline row.
    Collapse,
    /// Expand the selected outline row.
    Expand,
    /// Collapse the outline to its top level (committees, States or
    /// documents; one document's sections).
    CollapseAll,
    /// Expand every outline row.
    ExpandAll,
    /// Next search hit in the reader.
    NextHit,
    /// Previous search hit in the reader.
    PreviousHit,
    /// Cycle the search scope.
    CycleScope,
    /// Leave the query line (or close a prompt or overlay).
    Escape,
    /// A character typed into the query line or prompt.
    Type(char),
    /// Delete the character before the cursor in the query line or prompt.
    Backspace,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Delete the word before the cursor.
    DeleteWordBack,
    /// Delete the word after the cursor.
    DeleteWordForward,
    /// Delete from the start of the line to the cursor (the whole line
    /// with the cursor at its end).
    ClearQuery,
    /// Delete from the cursor to the end of the line.
    KillToEnd,
    /// Cursor one character left.
    CursorLeft,
    /// Cursor one character right.
    CursorRight,
    /// Cursor one word left.
    WordLeft,
    /// Cursor one word right.
    WordRight,
    /// Cursor to the start of the line.
    LineStart,
    /// Cursor to the end of the line.
    LineEnd,
    /// Confirm the prompt.
    Submit,
    /// Scroll the pane at a screen position (lines; negative is up).
    Scroll {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
        /// Lines to scroll.
        lines: i16,
    },
    /// Click at a screen position.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The terminal changed size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}
