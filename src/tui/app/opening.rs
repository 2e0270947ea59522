//! A library that is still being read: the browser starts on the
//! documents' metadata (the shelf, see [`crate::library::shelf`]) and takes
//! the documents when they arrive. Meanwhile the outline, the groups, the
//! query line and help work; what needs a document's text says it waits.

use super::super::action::Action;
use super::super::panes::outline::OutlinePane;
use super::App;
use crate::library::shelf::Loading;
use crate::library::{Library, LoadError, Opened};
use crate::search::IndexSlot;
use crate::search::cache::Stamp;
use std::sync::Arc;

/// What the browser knows of how its library opened.
#[derive(Default)]
pub struct Opening {
    /// The documents being read, until they arrive.
    pub loading: Option<Loading>,
    /// What the files were before they were read (every file found, in
    /// order), for the index cache, when the library came from files.
    pub stamp: Option<Stamp>,
    /// The file each document came from, once read (for the index).
    pub sources: Vec<std::path::PathBuf>,
    /// Files that did not open, as `path: error` lines.
    pub failures: Vec<String>,
    /// Duplicates skipped, as sentences.
    pub warnings: Vec<String>,
    /// No document opened after all: the first failure.
    pub failed: Option<LoadError>,
    /// Go where the reader left off once the documents arrive (nothing
    /// has been pressed meanwhile).
    pub resume: bool,
    /// The documents are only their metadata (the shelf's), until read.
    pub spines: bool,
    /// Every file opened, once: the index cache may be shared with the
    /// `search` command.
    pub clean: bool,
    /// How many documents had been read when the screen was drawn.
    pub shown: usize,
}

impl App {
    /// The terminal browser on documents' metadata (see
    /// [`crate::library::shelf::spine`]) while `opening.loading` reads
    /// them: searches wait for the documents, and the reader goes where it
    /// was left when they arrive if `opening.resume` (and no key was
    /// pressed meanwhile).
    #[must_use]
    pub fn reading(spines: Library, opening: Opening, width: u16, height: u16) -> Self {
        let mut app = Self::browser(spines, width, height);
        app.opening = opening;
        app.opening.spines = true;
        app.search.index = IndexSlot::Waiting;
        app
    }

    /// True while the documents are being read.
    #[must_use]
    pub fn loading(&self) -> bool {
        self.opening.loading.is_some()
    }

    /// "Reading the library: 412 of 1,000 documents", while it is.
    #[must_use]
    pub fn progress(&self) -> Option<String> {
        self.opening.loading.as_ref().map(|l| {
            format!(
                "Reading the library: {} of {} documents · the text, search and marks follow",
                thousands(l.done()),
                thousands(l.total)
            )
        })
    }

    /// An action that needs documents' text, refused (with a message)
    /// while they are read. True when refused.
    pub(super) fn waits_for_text(&mut self, action: Action) -> bool {
        if !self.loading() {
            return false;
        }
        if matches!(action, Action::Quit | Action::Help | Action::Resize { .. }) {
            return false;
        }
        // Keys that fold, move, switch panes or type are kept: the
        // outline of groups and documents is there already.
        self.opening.resume = false;
        let needs_text = matches!(
            action,
            Action::GotoPrompt
                | Action::NextHeading
                | Action::PreviousHeading
                | Action::Pair
                | Action::Copy
                | Action::CopyCitation
                | Action::Mark
                | Action::MarksList
                | Action::Problems
                | Action::Unmark
                | Action::CopyMarks
                | Action::PreviousCycle
                | Action::NextHit
                | Action::PreviousHit
                | Action::Fold
        );
        if needs_text {
            self.message = self
                .progress()
                .map(|p| format!("{p}: that key works once they are read"));
        }
        needs_text
    }

    /// Take the documents if they have arrived; true when the screen
    /// changed (they arrived, or more have been read).
    pub(super) fn poll_loading(&mut self) -> bool {
        let Some(loading) = &self.opening.loading else {
            return false;
        };
        match loading.poll() {
            None => {
                let done = loading.done();
                let changed = done != self.opening.shown;
                self.opening.shown = done;
                changed
            }
            Some(Ok(opened)) => {
                self.opening.loading = None;
                self.adopt(opened);
                true
            }
            Some(Err(e)) => {
                self.opening.loading = None;
                self.opening.failed = Some(e);
                true
            }
        }
    }

    /// Put the documents that were read in place of their metadata,
    /// keeping the outline's folds and selection and the query.
    pub fn adopt(&mut self, opened: Opened) {
        let before: Vec<&str> = self
            .library
            .documents
            .iter()
            .map(|d| d.symbol.as_str())
            .collect();
        let same = opened.library.documents.len() == before.len()
            && opened
                .library
                .documents
                .iter()
                .zip(&before)
                .all(|(d, s)| d.symbol == *s);
        let symbol = self.document().symbol.clone();
        self.library = Arc::new(opened.library);
        self.opening.spines = false;
        if same {
            self.outline.rebuild(&self.library);
        } else {
            self.outline = OutlinePane::new(&self.library);
            self.doc = self
                .library
                .documents
                .iter()
                .position(|d| d.symbol == symbol)
                .unwrap_or(0);
        }
        self.search.index = IndexSlot::Unstarted(Arc::clone(&self.library));
        if let Some(stamp) = &self.opening.stamp {
            // The search command's cache, unless what opened differs from
            // what a clean open gives (its notes would be missing).
            self.opening.clean = opened.failures.is_empty() && opened.warnings.is_empty();
            self.search
                .index
                .use_cache(stamp.clone(), opened.files.clone(), self.opening.clean);
        }
        self.layout_key = None;
        self.relayout();
        if !same {
            self.sync_outline();
        }
        let marks = std::mem::take(&mut self.marks);
        self.set_marks(marks);
        self.opening.failures = opened.failures.iter().map(ToString::to_string).collect();
        self.opening.warnings = opened.warnings;
        if self.opening.resume {
            self.opening.resume = false;
            self.resume();
        }
        self.say_failures();
        // A query typed meanwhile runs when the index is there.
        self.search.index.start();
        self.search.run();
    }
}

impl App {
    /// Say on the status line how many files did not open, if any, after
    /// what is said already.
    pub fn say_failures(&mut self) {
        let n = self.opening.failures.len();
        if n == 0 {
            return;
        }
        let failures = format!(
            "{n} file{} did not open: ! lists them (and again when you quit)",
            if n == 1 { "" } else { "s" }
        );
        self.message = Some(match self.message.take() {
            Some(said) => format!("{said} · {failures}"),
            None => failures,
        });
    }
}

/// 1000 → "1,000".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
