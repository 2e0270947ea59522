//! The browser's state and its one entry point for change,
//! [`App::update`], which only ever matches an [`Action`]. Each pane owns
//! its state and navigation; the document answers what a reference says;
//! the app routes actions between them and records jumps.

use super::action::{Action, Focus};
use super::keymap::Context;
use super::keymap::labels::HintState;
use super::layout::{Areas, areas};
use super::line::LineEdit;
use super::panes::help::HelpPane;
use super::panes::outline::{Node, OutlinePane};
use super::panes::reader::{LayoutSpec, ReaderPane};
use super::panes::search::SearchPane;
use crate::cycles::{self, Missing};
use crate::document::{Document, Reference};
use crate::library::Library;
use crate::search::HitUnit;
use std::collections::BTreeMap;
use std::sync::Arc;

mod marking;
mod opening;

pub use marking::NotePrompt;
pub use opening::Opening;
pub(crate) use opening::thousands;

/// What is on top of the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Just the panes.
    Normal,
    /// The `:` prompt with what has been typed.
    Prompt(LineEdit),
    /// The help overlay.
    Help,
    /// The note prompt of a mark (`m`).
    Note(NotePrompt),
    /// The list of every mark (`'`).
    Marks,
    /// The files that did not open (`!`).
    Problems,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the program.
    Quit,
    /// Put text on the clipboard (OSC 52, and a clipboard program where
    /// there is one); the event loop then says what was sent.
    Copy {
        /// The text.
        text: String,
        /// What it is, for the message (`CAT/C/KAZ/CO/4, para. 48`).
        what: String,
    },
    /// Add a query to the saved query history.
    Remember(String),
    /// Give the terminal back and stop, as `Ctrl-z` does in a shell;
    /// continue where it was on `fg`.
    Suspend,
    /// Apply a change to the marks file (the app has applied it to its
    /// own copy); the event loop hands back the file's state.
    Mark(crate::marks::Change),
    /// Read the marks file again (another browser may have marked since),
    /// for the marks list.
    ReadMarks,
}

/// The reading widths `w` steps through (text columns), then the pane's
/// full width: lines of 150 characters are hard to follow back.
pub const MEASURES: [usize; 3] = [80, 100, 66];

/// Everything the browser shows.
pub struct App {
    /// The open documents.
    pub library: Arc<Library>,
    /// Which pane has the keys.
    pub focus: Focus,
    /// Overlay or prompt.
    pub mode: Mode,
    /// The document in the reader.
    pub doc: usize,
    /// Outline pane.
    pub outline: OutlinePane,
    /// Reader pane.
    pub reader: ReaderPane,
    /// Search pane, with the index it searches.
    pub search: SearchPane,
    /// The help overlay's scroll position.
    pub help: HelpPane,
    /// The overlay of files that did not open.
    pub problems: super::panes::problems::ProblemsPane,
    /// Footnotes shown under the text.
    pub footnotes: bool,
    /// The widest the text is set, in columns (`None`: the pane's width).
    pub measure: Option<usize>,
    /// The query whose words are highlighted in the reader.
    pub highlighted: Option<String>,
    /// Where jumps started, newest last.
    pub jumps: Vec<(usize, Reference)>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Marks and where documents were left, as last read or written.
    pub marks: crate::marks::State,
    /// Every mark as shown, checked against the open documents.
    pub mark_rows: Vec<super::panes::marks::MarkRow>,
    /// The marks list's selection.
    pub marks_list: super::list::ListCursor,
    /// How the library opened, and the documents while they are read.
    pub opening: Opening,
    /// Where documents read this session were left (`None`: the top).
    left: BTreeMap<String, Option<Reference>>,
    /// Focus to return to when leaving the query line.
    back_focus: Focus,
    /// What the reader's lines were laid out for: (document, width,
    /// footnotes, highlighted query).
    layout_key: Option<(usize, usize, bool, Option<String>)>,
}

impl App {
    /// A browser over a library, for a terminal of the given size.
    #[must_use]
    pub fn new(library: Library, width: u16, height: u16) -> Self {
        Self::with_layout(library, width, height, false)
    }

    /// Like [`App::new`], but only the document's first screens are laid
    /// out, enough for the first frame; [`App::finish_layout`] does the
    /// rest once that frame is out.
    #[must_use]
    pub fn new_quick(library: Library, width: u16, height: u16) -> Self {
        Self::with_layout(library, width, height, true)
    }

    /// The terminal browser as it starts: the first screens laid out, and
    /// searches that never wait for the index (they show "indexing" and
    /// run when it arrives). After each frame, [`App::after_frame`] does
    /// what the first frame did not wait for.
    #[must_use]
    pub fn browser(library: Library, width: u16, height: u16) -> Self {
        let mut app = Self::new_quick(library, width, height);
        app.search.wait_for_index = false;
        app
    }

    /// Work put off until a frame is out: the rest of the layout (true:
    /// draw again, now with the position indicator), then the index.
    pub fn after_frame(&mut self) -> bool {
        if self.finish_layout() {
            return true;
        }
        self.search.index.start();
        false
    }

    /// Lay out the whole document if only its first screens are; true
    /// if it did (the screen should be drawn again).
    pub fn finish_layout(&mut self) -> bool {
        let partial = self.reader.partial;
        if partial {
            self.layout(false);
        }
        partial
    }

    fn with_layout(library: Library, width: u16, height: u16, quick: bool) -> Self {
        let library = Arc::new(library);
        let outline = OutlinePane::new(&library);
        let search = SearchPane::new(&library);
        let mut app = Self {
            library,
            focus: Focus::Outline,
            mode: Mode::Normal,
            doc: 0,
            outline,
            reader: ReaderPane::default(),
            search,
            help: HelpPane::default(),
            problems: super::panes::problems::ProblemsPane::default(),
            footnotes: true,
            measure: Some(MEASURES[0]),
            highlighted: None,
            jumps: Vec::new(),
            message: None,
            size: (width, height),
            marks: crate::marks::State::default(),
            mark_rows: Vec::new(),
            marks_list: super::list::ListCursor::default(),
            opening: Opening::default(),
            left: BTreeMap::new(),
            back_focus: Focus::Reader,
            layout_key: None,
        };
        app.layout(quick);
        app
    }

    /// The document in the reader.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.library.documents[self.doc]
    }

    /// Which part of the key table applies now.
    #[must_use]
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Help | Mode::Problems => Context::Help,
            Mode::Prompt(_) => Context::Prompt,
            Mode::Note(_) => Context::Note,
            Mode::Marks => Context::Marks,
            Mode::Normal => Context::from(self.focus),
        }
    }

    /// What the status line's hints depend on.
    #[must_use]
    pub fn hint_state(&self) -> HintState {
        HintState {
            hits: !self.reader.hits.is_empty(),
            results: !self.search.results.is_empty(),
            recall: self.search.query.is_empty() && !self.search.history.is_empty(),
            marked: matches!(&self.mode, Mode::Note(n) if n.existing.is_some()),
        }
    }

    /// The screen areas for the current size (`None`: too small).
    #[must_use]
    pub fn areas(&self) -> Option<Areas> {
        areas(self.size.0, self.size.1, self.focus)
    }

    /// Lay the reader out again for the current size, footnote setting and
    /// highlight, keeping the current unit at the top.
    pub fn relayout(&mut self) {
        self.layout(false);
    }

    /// [`App::relayout`], or with `quick` only the first screens.
    fn layout(&mut self, quick: bool) {
        let keep = self.reader.current();
        let at_top = self.reader.scroll == 0;
        let (width, height) = self.areas().map_or((40, 10), |a| {
            (a.reader_text.width as usize, a.reader_text.height as usize)
        });
        let width = self.measure.map_or(width, |m| width.min(m));
        // Only the heights change when nothing that shapes the lines did.
        let key = (self.doc, width, self.footnotes, self.highlighted.clone());
        if self.layout_key.as_ref() == Some(&key) && !self.reader.partial {
            self.reader.height = height;
            self.reader.scroll_to_line(self.reader.scroll);
            self.set_pane_heights();
            return;
        }
        self.layout_key = Some(key);
        let index = self.search.index.ready();
        let query = self.highlighted.clone();
        let highlight = move |text: &str| match (&query, index) {
            (Some(q), Some(index)) => index.highlight_marked(q, text),
            _ => Vec::new(),
        };
        let doc = &self.library.documents[self.doc];
        let spec = LayoutSpec {
            width,
            footnotes: self.footnotes,
            highlight: &highlight,
        };
        self.reader = if quick {
            ReaderPane::build_first(doc, &spec, height * 2)
        } else {
            ReaderPane::build(doc, &spec)
        };
        self.reader.height = height;
        self.set_pane_heights();
        if let (Some(anchor), false) = (keep, at_top) {
            self.reader.scroll_to(&anchor);
        }
    }

    fn set_pane_heights(&mut self) {
        if let Some(a) = self.areas() {
            self.outline
                .set_height(a.outline.height.saturating_sub(2) as usize);
            // The selection stays in view when the results shrink (the
            // pane is smaller without the keys).
            self.search.list.set_height(a.results.height as usize);
        }
    }

    /// The citation of the unit at the top of the reader.
    #[must_use]
    pub fn citation(&self) -> String {
        self.document()
            .cite(&self.reader.current().unwrap_or_default())
    }

    /// Apply an action. Returns what the event loop must do, if anything.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        self.message = None;
        if self.waits_for_text(action) {
            return None;
        }
        match (&self.mode, action) {
            (_, Action::Resize { width, height }) => {
                self.size = (width, height);
                self.relayout();
                None
            }
            (_, Action::Quit) => Some(Effect::Quit),
            (Mode::Help, action) => {
                let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                if !self.help.handle(action, screen) {
                    self.mode = Mode::Normal;
                }
                None
            }
            (Mode::Problems, action) => {
                let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
                let (failures, warnings) = (&self.opening.failures, &self.opening.warnings);
                if !self.problems.handle(action, screen, failures, warnings) {
                    self.mode = Mode::Normal;
                }
                None
            }
            (Mode::Prompt(_), action) => {
                self.prompt(action);
                None
            }
            (Mode::Note(_), action) => self.note(action),
            (Mode::Marks, action) => self.marks_action(action),
            (Mode::Normal, action) => self.normal(action),
        }
    }

    fn prompt(&mut self, action: Action) {
        let Mode::Prompt(text) = &mut self.mode else {
            return;
        };
        match action {
            // Room for a pasted citation, not for a paragraph of text.
            Action::Type(_) if text.len() >= 80 => {}
            Action::Backspace if text.is_empty() => self.mode = Mode::Normal,
            Action::Escape => self.mode = Mode::Normal,
            Action::Submit => {
                let text = text.to_string();
                self.mode = Mode::Normal;
                match text.parse::<Reference>() {
                    Ok(anchor) if self.reader.line_of(&anchor).is_some() => {
                        self.jump_to(self.doc, &anchor);
                    }
                    Ok(anchor) => self.message = Some(self.missing(&anchor)),
                    Err(_) => {
                        self.message = Some(format!(
                            "“{text}” is not a paragraph: try 26, 24a, 24 (a) or 12(a)(v)"
                        ));
                    }
                }
            }
            action => {
                text.handle(action);
            }
        }
    }

    /// Why `:` cannot go to `anchor`: no such paragraph, or the paragraph
    /// is there but not the item (and which items it has).
    fn missing(&self, anchor: &Reference) -> String {
        let doc = self.document();
        let Some(paragraph) = doc.paragraph(anchor.paragraph) else {
            return format!("No paragraph {} in {}", anchor.paragraph, doc.symbol);
        };
        let mut items = &paragraph.items;
        let mut found = Reference::paragraph(anchor.paragraph);
        for label in &anchor.labels {
            match items.iter().find(|i| &i.label == label) {
                Some(item) => {
                    found = found.child(label);
                    items = &item.items;
                }
                None => break,
            }
        }
        let wanted = anchor.to_string();
        let have = if items.is_empty() {
            "it has no items".to_string()
        } else {
            let labels: Vec<String> = items.iter().map(|i| format!("({})", i.label)).collect();
            format!("its items are {}", labels.join(" "))
        };
        format!(
            "No item {} in {}, {}: {have}",
            &wanted[found.to_string().len()..],
            doc.symbol,
            found.citation()
        )
    }

    #[allow(clippy::too_many_lines)] // one arm per action
    fn normal(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Help => {
                self.help = HelpPane::default();
                self.mode = Mode::Help;
            }
            Action::GotoPrompt => self.mode = Mode::Prompt(LineEdit::default()),
            Action::Problems => {
                self.problems = super::panes::problems::ProblemsPane::default();
                self.mode = Mode::Problems;
            }
            Action::Mark => self.start_note(),
            Action::MarksList => {
                self.open_marks();
                return Some(Effect::ReadMarks);
            }
            Action::NextPane => self.set_focus(self.focus.next()),
            Action::PreviousPane => self.set_focus(self.focus.previous()),
            Action::FocusSearch => self.set_focus(Focus::Search),
            Action::ToggleFootnotes => {
                self.footnotes = !self.footnotes;
                self.relayout();
                self.message = Some(
                    if self.footnotes {
                        "Footnotes shown"
                    } else {
                        "Footnotes hidden"
                    }
                    .into(),
                );
            }
            Action::Copy => {
                let what = format!("{} with its text", self.citation());
                // The event loop replaces this with what it sent and how.
                self.message = Some(format!("Copying {what}"));
                return Some(Effect::Copy {
                    text: self.copy_text(),
                    what,
                });
            }
            Action::Suspend => return Some(Effect::Suspend),
            Action::ReadingWidth => {
                self.measure = match self.measure {
                    None => Some(MEASURES[0]),
                    Some(m) => MEASURES
                        .iter()
                        .position(|&x| x == m)
                        .and_then(|i| MEASURES.get(i + 1).copied()),
                };
                self.relayout();
                self.message = Some(match self.measure {
                    Some(m) => format!("Reading width: at most {m} columns (w: next)"),
                    None => "Reading width: the whole pane (w: next)".into(),
                });
            }
            Action::CopyCitation => {
                let citation = self.citation();
                let what = format!("the citation {citation}");
                self.message = Some(format!("Copying {what}"));
                return Some(Effect::Copy {
                    text: citation,
                    what,
                });
            }
            Action::Pair => self.pair(),
            Action::PreviousCycle => self.previous_cycle(),
            Action::JumpBack => match self.jumps.pop() {
                Some((doc, anchor)) => {
                    self.show_doc(doc);
                    self.reader.scroll_to(&anchor);
                    self.sync_outline();
                }
                None => self.message = Some("No earlier position".into()),
            },
            Action::NextHeading | Action::PreviousHeading => {
                let scroll = self.reader.scroll;
                let target = if action == Action::NextHeading {
                    self.reader.headings.iter().find(|&&l| l > scroll)
                } else {
                    self.reader.headings.iter().rev().find(|&&l| l < scroll)
                };
                if let Some(&line) = target {
                    self.push_jump();
                    self.reader.scroll_to_line(line);
                    self.sync_outline();
                }
            }
            Action::NextHit | Action::PreviousHit => self.step_hit(action == Action::NextHit),
            Action::NextResult | Action::PreviousResult => {
                self.step_result(action == Action::NextResult);
            }
            Action::Scroll { column, row, lines } => self.scroll_at(column, row, lines),
            Action::Click { column, row } => self.click(column, row),
            Action::Escape => {
                self.set_focus(self.back_focus);
                return self.search.remember().map(Effect::Remember);
            }
            Action::Open if self.focus == Focus::Search => {
                if self.open_result() {
                    return self.search.remember().map(Effect::Remember);
                }
            }
            Action::Open if self.focus == Focus::Outline => {
                self.push_jump();
                self.follow_outline();
                self.set_focus(Focus::Reader);
            }
            action if self.focus == Focus::Search => {
                self.search.handle(action);
            }
            Action::Fold => {
                let here = (
                    self.doc,
                    self.reader.current().unwrap_or_default().paragraph,
                );
                let detail = self.outline.fold(&self.library, here);
                self.message = Some(format!("Sections pane: {} (z: next)", detail.label()));
            }
            Action::CollapseAll | Action::ExpandAll => {
                if action == Action::CollapseAll {
                    self.outline.collapse_all(&self.library);
                } else {
                    self.outline.expand_all(&self.library);
                }
                self.sync_outline();
                self.message = Some(
                    if action == Action::CollapseAll {
                        "Sections collapsed (+ expands all)"
                    } else {
                        "Sections expanded (- collapses all)"
                    }
                    .to_string(),
                );
            }
            action if self.focus == Focus::Outline => {
                if self.outline.handle(action, &self.library) {
                    self.follow_outline();
                }
            }
            Action::Top | Action::Bottom => {
                self.push_jump();
                let line = if action == Action::Top {
                    0
                } else {
                    self.reader.bottom()
                };
                let before = self.reader.scroll;
                self.reader.scroll_to_line(line);
                if before != self.reader.scroll {
                    self.sync_outline();
                }
            }
            action => {
                if self.reader.handle(action) {
                    self.sync_outline();
                }
            }
        }
        None
    }

    /// A query is typed but the index is still being built.
    #[must_use]
    pub fn search_waiting(&self) -> bool {
        self.search.waiting()
    }

    /// Between key presses: run a search that waited for the index.
    /// Returns true when the screen changed.
    pub fn tick(&mut self) -> bool {
        let loading = self.poll_loading();
        self.search.tick() || loading
    }

    /// `n`/`N`: the next (previous) line with a search hit, round the
    /// end of the text as less and vim go, saying so.
    fn step_hit(&mut self, forward: bool) {
        let hits = self.reader.hits.clone();
        if hits.is_empty() {
            self.message = Some("No search hits in this text: / to search".into());
            return;
        }
        let scroll = self.reader.scroll;
        let found = if forward {
            hits.iter().position(|&l| l > scroll)
        } else {
            hits.iter().rposition(|&l| l < scroll)
        };
        let (index, mut round) = match found {
            Some(i) => (i, false),
            None if forward => (0, true),
            None => (hits.len() - 1, true),
        };
        let mut line = hits[index];
        self.reader.scroll_to_line(line);
        let mut index = index;
        if forward && !round && self.reader.scroll == scroll {
            // The rest are in view already, the text being at its end.
            index = 0;
            round = true;
            line = hits[0];
            self.reader.scroll_to_line(line);
        }
        self.sync_outline();
        let total = self.reader.hits.len();
        let mut message = format!("Hit {}/{total}", index + 1);
        if round {
            message.push_str(if forward {
                " · passed the end, continued from the top"
            } else {
                " · passed the top, continued from the end"
            });
        }
        self.message = Some(message);
    }

    /// `Ctrl-n`/`Ctrl-p` from the text: open the next (previous) search
    /// result without going back to the search pane; the first press
    /// opens the selected result if none of this query's is open.
    fn step_result(&mut self, forward: bool) {
        if self.search.results.is_empty() {
            self.message = Some("No search results: / to search".into());
            return;
        }
        let opened = self.highlighted.as_deref() == Some(&*self.search.query);
        let round = opened && self.search.step(forward);
        self.open_result();
        let total = self.search.results.len();
        let at = self.search.list.selected + 1;
        let cite = self
            .search
            .selected_hit()
            .map(crate::tui::panes::search::result_reference)
            .unwrap_or_default();
        let mut message = format!("Result {at}/{total}: {cite} · Ctrl-n/Ctrl-p next/previous");
        if round {
            message.push_str(if forward {
                " · back to the first"
            } else {
                " · round to the last"
            });
        }
        self.message = Some(message);
    }

    /// Open the selected result; false if there is none.
    fn open_result(&mut self) -> bool {
        let Some(hit) = self.search.selected_hit().cloned() else {
            return false;
        };
        self.push_jump();
        self.highlighted = Some(self.search.query.to_string());
        if hit.doc != self.doc {
            self.note_position();
        }
        self.doc = hit.doc;
        // A footnote is shown as itself, so footnotes are turned on.
        let note = match hit.unit {
            HitUnit::Footnote(n) => Some(n),
            _ => None,
        };
        let shown_notes = note.is_some() && !self.footnotes;
        self.footnotes |= note.is_some();
        self.relayout();
        let note_line = note.and_then(|n| self.reader.note_line(&hit.at(), n));
        if let Some(line) = note_line {
            self.reader.scroll_to_line(line);
        } else if !self.reader.scroll_to(&hit.at()) {
            self.reader.scroll_to(&Reference::paragraph(hit.paragraph));
        }
        self.sync_outline();
        self.set_focus(Focus::Reader);
        let hits = self.reader.hits.len();
        let mut message = format!("{hits} highlighted lines · n/N step through them");
        if let (Some(n), true) = (note, shown_notes) {
            message = format!("Footnote {n} on top (footnotes shown: f hides them) · {message}");
        }
        self.message = Some(message);
        true
    }

    fn set_focus(&mut self, focus: Focus) {
        if focus == Focus::Search && self.focus != Focus::Search {
            self.back_focus = self.focus;
        }
        let resize = (focus == Focus::Search) != (self.focus == Focus::Search);
        self.focus = focus;
        if resize {
            self.relayout();
        }
    }

    fn pair(&mut self) {
        let current = self.reader.current().unwrap_or_default();
        let Some(p) = self.document().paragraph(current.paragraph) else {
            return;
        };
        let Some(&target) = p.pair.first() else {
            self.message = Some(format!(
                "Paragraph {} has no concern or recommendation paired with it",
                p.number
            ));
            return;
        };
        self.jump_to(self.doc, &Reference::paragraph(target));
    }

    /// `P`: the paragraphs of the State's previous concluding observations
    /// from this committee under the same heading (or the closest), with
    /// what was found in the status line.
    fn previous_cycle(&mut self) {
        let current = self.reader.current().unwrap_or_default();
        let here = self.document();
        let committee = here.committee_code().unwrap_or("this committee");
        self.message = Some(
            match cycles::earlier(&self.library, self.doc, current.paragraph) {
                Ok(found) => {
                    let first = found.paragraphs.first().copied().unwrap_or(1);
                    self.jump_to(found.doc, &Reference::paragraph(first));
                    // Show the heading above the paragraphs.
                    let line = self.reader.scroll;
                    if let Some(&h) = self.reader.headings.iter().rev().find(|&&h| h <= line) {
                        self.reader.scroll_to_line(h);
                    }
                    let doc = &self.library.documents[found.doc];
                    let year = doc.year.map(|y| format!(" ({y})")).unwrap_or_default();
                    let how = if found.same { "also" } else { "closest" };
                    format!(
                        "{}{year}, {}: {how} “{}” · Ctrl-o back",
                        doc.symbol,
                        paragraphs(&found.paragraphs),
                        found.heading
                    )
                }
                Err(Missing::NoHeading) => format!(
                    "Paragraph {} is under no thematic heading to look for",
                    current.paragraph
                ),
                Err(Missing::NoEarlier) => format!(
                    "No earlier {committee} observations on {} are open",
                    here.state
                ),
                Err(Missing::NoSubject(d)) => format!(
                    "{} has no heading close to this one",
                    self.library.documents[d].symbol
                ),
            },
        );
    }

    fn jump_to(&mut self, doc: usize, anchor: &Reference) {
        self.push_jump();
        self.show_doc(doc);
        self.reader.scroll_to(anchor);
        self.sync_outline();
    }

    fn push_jump(&mut self) {
        if let Some(anchor) = self.reader.current() {
            if self.jumps.last() != Some(&(self.doc, anchor.clone())) {
                self.jumps.push((self.doc, anchor));
            }
            if self.jumps.len() > 100 {
                self.jumps.remove(0);
            }
        }
    }

    fn show_doc(&mut self, doc: usize) {
        if doc != self.doc && doc < self.library.documents.len() {
            self.note_position();
            self.doc = doc;
            self.reader.scroll = 0;
            self.relayout();
        }
    }

    /// Move the reader to the outline's selection.
    fn follow_outline(&mut self) {
        let Some(row) = self.outline.current().cloned() else {
            return;
        };
        self.show_doc(row.target.0);
        let anchor = Reference::paragraph(row.target.1);
        let line = self.reader.line_of(&anchor).unwrap_or(0);
        // A heading row shows its heading, not just its first paragraph.
        let line = match row.node {
            Node::Heading(..) | Node::Section(..) => self
                .reader
                .headings
                .iter()
                .rev()
                .find(|&&h| h <= line)
                .copied()
                .unwrap_or(line),
            _ => line,
        };
        self.reader.scroll_to_line(line);
    }

    /// Move the outline's selection to the reader's paragraph.
    fn sync_outline(&mut self) {
        if let Some(anchor) = self.reader.current() {
            self.outline.follow(self.doc, anchor.paragraph);
        }
    }

    fn scroll_at(&mut self, column: u16, row: u16, lines: i16) {
        let Some(a) = self.areas() else { return };
        let pos = ratatui::layout::Position::new(column, row);
        if a.reader.contains(pos) {
            self.reader.scroll_by(isize::from(lines));
            self.sync_outline();
        } else if a.outline.contains(pos) {
            self.outline.move_by(isize::from(lines));
            self.follow_outline();
        } else if a.search.contains(pos) {
            self.search.move_by(isize::from(lines));
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let Some(a) = self.areas() else { return };
        let pos = ratatui::layout::Position::new(column, row);
        if a.outline.contains(pos) && row > a.outline.y && row + 1 < a.outline.bottom() {
            self.set_focus(Focus::Outline);
            self.outline
                .select_visible(usize::from(row - a.outline.y - 1));
            self.follow_outline();
        } else if a.reader.contains(pos) {
            self.set_focus(Focus::Reader);
        } else if a.results.contains(pos) {
            self.set_focus(Focus::Search);
            self.search.select_visible(usize::from(row - a.results.y));
        } else if a.search.contains(pos) {
            self.set_focus(Focus::Search);
        }
    }

    /// `SYMBOL, para. N (a): text` for the unit at the top of the reader;
    /// for a paragraph, its items follow its own text.
    fn copy_text(&self) -> String {
        let here = self.reader.current().unwrap_or_default();
        match self.document().text_of(&here) {
            Some(text) => format!("{}: {text}", self.citation()),
            None => self.citation(),
        }
    }
}

/// Paragraph numbers as cited: `para. 12`, `paras. 25–26`, `paras. 12, 14`.
fn paragraphs(numbers: &[u32]) -> String {
    match numbers {
        [] => String::new(),
        [one] => format!("para. {one}"),
        [first, .., last] if numbers.windows(2).all(|w| w[1] == w[0] + 1) => {
            format!("paras. {first}–{last}")
        }
        _ => {
            let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
            format!("paras. {}", list.join(", "))
        }
    }
}
