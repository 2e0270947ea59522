//! The browser's state and its one entry point for change,
//! [`App::update`], which only ever matches an [`Action`]. Each pane owns
//! its navigation; the app routes actions and records jumps.

use super::action::{Action, Focus};
use super::keymap::Context;
use super::layout::{Areas, areas};
use super::outline::OutlinePane;
use super::reader::{LayoutSpec, ReaderPane};
use crate::document::{Document, Reference};
use crate::library::Library;
use crate::search::{Hit, Index, Scope};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// The search index, built on a background thread so that the first frame
/// never waits for it.
pub enum IndexSlot {
    /// Not started: the library to index.
    Unstarted(Arc<Library>),
    /// Being built; the builder sends it here.
    Building(Receiver<Index>),
    /// Built.
    Ready(Box<Index>),
}

impl IndexSlot {
    /// Start the build on a background thread, if it has not started.
    pub fn start(&mut self) {
        if let IndexSlot::Unstarted(library) = self {
            let library = Arc::clone(library);
            let (send, receive) = channel();
            std::thread::spawn(move || {
                let _ = send.send(Index::build(&library));
            });
            *self = IndexSlot::Building(receive);
        }
    }

    /// The index, starting the build and waiting for it if need be.
    ///
    /// # Panics
    /// If the building thread panicked.
    pub fn get(&mut self) -> &Index {
        self.start();
        if let IndexSlot::Building(receive) = self {
            *self = IndexSlot::Ready(Box::new(
                receive.recv().expect("the index builder finished"),
            ));
        }
        match self {
            IndexSlot::Ready(index) => index,
            _ => unreachable!("built above"),
        }
    }

    /// The index if it is already built.
    #[must_use]
    pub fn ready(&self) -> Option<&Index> {
        match self {
            IndexSlot::Ready(index) => Some(index),
            _ => None,
        }
    }

    /// Take the index if the builder has delivered it; true when it has
    /// just arrived.
    pub fn poll(&mut self) -> bool {
        if let IndexSlot::Building(receive) = self
            && let Ok(index) = receive.try_recv()
        {
            *self = IndexSlot::Ready(Box::new(index));
            return true;
        }
        false
    }
}

/// What is on top of the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Just the panes.
    Normal,
    /// The `:` prompt with what has been typed.
    Prompt(String),
    /// The help overlay.
    Help,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the program.
    Quit,
    /// Put text on the clipboard (OSC 52).
    Copy(String),
}

/// The search pane's state.
#[derive(Debug, Clone, Default)]
pub struct SearchPane {
    /// The query line.
    pub query: String,
    /// The scope.
    pub scope: Scope,
    /// Ranked results.
    pub results: Vec<Hit>,
    /// Selected result.
    pub selected: usize,
    /// First visible result.
    pub offset: usize,
    /// Visible results.
    pub height: usize,
}

impl SearchPane {
    fn move_by(&mut self, delta: isize) {
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(self.results.len().saturating_sub(1));
        let h = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
    }
}

/// Everything the browser shows.
pub struct App {
    /// The open documents.
    pub library: Arc<Library>,
    /// Their search index (built off the UI thread).
    pub index: IndexSlot,
    /// Whether a search waits for the index to be built (true) or shows
    /// "indexing" and runs when it arrives (the terminal browser: typing
    /// never waits).
    pub wait_for_index: bool,
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
    /// Search pane.
    pub search: SearchPane,
    /// Footnotes shown under the text.
    pub footnotes: bool,
    /// The query whose words are highlighted in the reader.
    pub highlighted: Option<String>,
    /// Where jumps started, newest last.
    pub jumps: Vec<(usize, Reference)>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// Terminal size.
    pub size: (u16, u16),
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
    /// rest once that frame is out. The browser starts this way.
    #[must_use]
    pub fn new_quick(library: Library, width: u16, height: u16) -> Self {
        Self::with_layout(library, width, height, true)
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
        let index = IndexSlot::Unstarted(Arc::clone(&library));
        let outline = OutlinePane::new(&library);
        let mut app = Self {
            library,
            index,
            wait_for_index: true,
            focus: Focus::Outline,
            mode: Mode::Normal,
            doc: 0,
            outline,
            reader: ReaderPane::default(),
            search: SearchPane::default(),
            footnotes: true,
            highlighted: None,
            jumps: Vec::new(),
            message: None,
            size: (width, height),
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
            Mode::Help => Context::Help,
            Mode::Prompt(_) => Context::Prompt,
            Mode::Normal => Context::from(self.focus),
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
        // Only the heights change when nothing that shapes the lines did.
        let key = (self.doc, width, self.footnotes, self.highlighted.clone());
        if self.layout_key.as_ref() == Some(&key) && !self.reader.partial {
            self.reader.height = height;
            self.reader.scroll_to_line(self.reader.scroll);
            self.set_pane_heights();
            return;
        }
        self.layout_key = Some(key);
        let index = self.index.ready();
        let query = self.highlighted.clone();
        let highlight = move |text: &str| match (&query, index) {
            (Some(q), Some(index)) => index.highlight(q, text),
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
            self.search.height = a.results.height as usize;
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
        match (&self.mode, action) {
            (_, Action::Resize { width, height }) => {
                self.size = (width, height);
                self.relayout();
                None
            }
            (_, Action::Quit) => Some(Effect::Quit),
            (Mode::Help, _) => {
                self.mode = Mode::Normal;
                None
            }
            (Mode::Prompt(_), action) => {
                self.prompt(action);
                None
            }
            (Mode::Normal, action) => self.normal(action),
        }
    }

    fn prompt(&mut self, action: Action) {
        let Mode::Prompt(text) = &mut self.mode else {
            return;
        };
        match action {
            Action::Type(c) if text.len() < 16 => text.push(c),
            Action::Backspace if text.pop().is_none() => self.mode = Mode::Normal,
            Action::Escape => self.mode = Mode::Normal,
            Action::Submit => {
                let text = text.clone();
                self.mode = Mode::Normal;
                match text.parse::<Reference>() {
                    Ok(anchor) if self.reader.line_of(&anchor).is_some() => {
                        self.jump_to(self.doc, &anchor);
                    }
                    _ => {
                        self.message = Some(format!(
                            "No paragraph “{text}” in {}",
                            self.document().symbol
                        ));
                    }
                }
            }
            _ => {}
        }
    }

    #[allow(clippy::too_many_lines)] // one arm per action
    fn normal(&mut self, action: Action) -> Option<Effect> {
        let page = self.reader.height.max(2) as isize;
        match action {
            Action::Help => self.mode = Mode::Help,
            Action::GotoPrompt => self.mode = Mode::Prompt(String::new()),
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
                let text = self.copy_text();
                self.message = Some(format!("Copied {}", self.citation()));
                return Some(Effect::Copy(text));
            }
            Action::Pair => self.pair(),
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
            Action::NextHit | Action::PreviousHit => {
                let scroll = self.reader.scroll;
                let target = if action == Action::NextHit {
                    self.reader.hits.iter().find(|&&l| l > scroll)
                } else {
                    self.reader.hits.iter().rev().find(|&&l| l < scroll)
                };
                match target {
                    Some(&line) => {
                        self.reader.scroll_to_line(line);
                        self.sync_outline();
                    }
                    None => self.message = Some("No more search hits this way".into()),
                }
            }
            Action::Scroll { column, row, lines } => self.scroll_at(column, row, lines),
            Action::Click { column, row } => self.click(column, row),
            Action::Escape => self.set_focus(self.back_focus),
            action if self.focus == Focus::Search => self.search_action(action),
            action if self.focus == Focus::Outline => self.outline_action(action, page),
            action => self.reader_action(action, page),
        }
        None
    }

    fn reader_action(&mut self, action: Action, page: isize) {
        let before = self.reader.scroll;
        match action {
            Action::Down => self.reader.scroll_by(1),
            Action::Up => self.reader.scroll_by(-1),
            Action::HalfPageDown => self.reader.scroll_by(page / 2),
            Action::HalfPageUp => self.reader.scroll_by(-page / 2),
            Action::PageDown => self.reader.scroll_by(page - 1),
            Action::PageUp => self.reader.scroll_by(-(page - 1)),
            Action::Top | Action::Bottom => {
                self.push_jump();
                let line = if action == Action::Top { 0 } else { usize::MAX };
                self.reader.scroll_to_line(line);
            }
            _ => {}
        }
        if before != self.reader.scroll {
            self.sync_outline();
        }
    }

    fn outline_action(&mut self, action: Action, page: isize) {
        let rows = self.outline.height.max(2) as isize;
        let _ = page;
        match action {
            Action::Down => self.outline.move_by(1),
            Action::Up => self.outline.move_by(-1),
            Action::HalfPageDown => self.outline.move_by(rows / 2),
            Action::HalfPageUp => self.outline.move_by(-rows / 2),
            Action::PageDown => self.outline.move_by(rows - 1),
            Action::PageUp => self.outline.move_by(-(rows - 1)),
            Action::Top => self.outline.select(0),
            Action::Bottom => self.outline.select(usize::MAX),
            Action::Collapse => self.outline.collapse(&self.library),
            Action::Expand => self.outline.expand(&self.library),
            Action::Open => {
                self.push_jump();
                self.follow_outline();
                self.set_focus(Focus::Reader);
                return;
            }
            _ => return,
        }
        self.follow_outline();
    }

    fn search_action(&mut self, action: Action) {
        match action {
            Action::Type(c) => {
                self.search.query.push(c);
                self.run_search();
            }
            Action::Backspace => {
                self.search.query.pop();
                self.run_search();
            }
            Action::ClearQuery => {
                self.search.query.clear();
                self.run_search();
            }
            Action::CycleScope => {
                self.search.scope = self.search.scope.next();
                self.run_search();
            }
            Action::Down => self.search.move_by(1),
            Action::Up => self.search.move_by(-1),
            Action::PageDown => self.search.move_by(self.search.height.max(2) as isize - 1),
            Action::PageUp => self
                .search
                .move_by(-(self.search.height.max(2) as isize - 1)),
            Action::Open => self.open_result(),
            _ => {}
        }
    }

    /// Run the query line against the index. In the browser
    /// (`wait_for_index` off) a query typed before the index is built
    /// waits for it: see [`App::search_waiting`] and [`App::tick`].
    pub fn run_search(&mut self) {
        self.search.selected = 0;
        self.search.offset = 0;
        self.search.results = Vec::new();
        if self.search.query.trim().is_empty() {
            return;
        }
        self.index.start();
        self.index.poll();
        if self.index.ready().is_none() && !self.wait_for_index {
            return;
        }
        self.search.results = self
            .index
            .get()
            .search(&self.search.query, self.search.scope, 500);
    }

    /// A query is typed but the index is still being built.
    #[must_use]
    pub fn search_waiting(&self) -> bool {
        !self.search.query.trim().is_empty() && self.index.ready().is_none()
    }

    /// Between key presses: run a search that waited for the index.
    /// Returns true when the screen changed.
    pub fn tick(&mut self) -> bool {
        let waiting = self.search_waiting();
        if self.index.poll() && waiting {
            self.run_search();
            return true;
        }
        false
    }

    fn open_result(&mut self) {
        let Some(hit) = self.search.results.get(self.search.selected).cloned() else {
            return;
        };
        self.push_jump();
        self.highlighted = Some(self.search.query.clone());
        self.doc = hit.doc;
        self.relayout();
        let anchor = Reference {
            paragraph: hit.paragraph,
            labels: hit.labels.clone(),
        };
        if !self.reader.scroll_to(&anchor) {
            self.reader.scroll_to(&Reference::paragraph(hit.paragraph));
        }
        self.sync_outline();
        self.set_focus(Focus::Reader);
        let hits = self.reader.hits.len();
        self.message = Some(format!("{hits} highlighted lines · n/N step through them"));
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
            super::outline::Node::Heading(..) | super::outline::Node::Section(..) => self
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
                .select(self.outline.offset + usize::from(row - a.outline.y - 1));
            self.follow_outline();
        } else if a.reader.contains(pos) {
            self.set_focus(Focus::Reader);
        } else if a.results.contains(pos) {
            self.set_focus(Focus::Search);
            let index = self.search.offset + usize::from(row - a.results.y);
            if index < self.search.results.len() {
                self.search.selected = index;
            }
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
