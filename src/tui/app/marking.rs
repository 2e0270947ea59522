//! The app's part in reading state that lasts: setting, editing and
//! removing marks (the note prompt), the marks list, and where each
//! document was left (recorded on leaving it, resumed on start). The app
//! changes its own copy of the state and asks the event loop to apply the
//! same [`Change`] to the file ([`Effect::Mark`]); the loop hands back
//! the file's state, with what other browsers wrote ([`App::set_marks`]).

use super::{App, Effect, Mode};
use crate::document::Reference;
use crate::marks::cite::{self, Entry, Format};
use crate::marks::{Change, Fit, Mark, Position, State, first_words, locate, now};
use crate::tui::action::{Action, Focus};
use crate::tui::line::LineEdit;
use crate::tui::panes::marks::{self, MarkRow};

/// The note prompt of `m`: the unit it marks and the note typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePrompt {
    /// The note as typed.
    pub line: LineEdit,
    /// The document.
    pub doc: usize,
    /// The unit.
    pub reference: Reference,
    /// The unit had a mark already (Enter edits it, Ctrl-d removes it).
    pub existing: Option<Mark>,
}

/// The longest note: a line, not a paragraph.
const NOTE_MAX: usize = 200;

impl App {
    /// Take the marks and positions as they are on disk (or were set
    /// aside): the list and the signs are drawn from them.
    pub fn set_marks(&mut self, state: State) {
        self.marks = state;
        self.mark_rows = marks::rows(&self.marks, &self.library);
        let len = self.mark_rows.len();
        let selected = self.marks_list.selected;
        self.marks_list.select(selected, len);
    }

    /// Apply a change to the app's own state, and ask for it to be
    /// applied to the file.
    fn change(&mut self, change: Change) -> Effect {
        let mut state = std::mem::take(&mut self.marks);
        state.apply(&change);
        self.set_marks(state);
        Effect::Mark(change)
    }

    /// `m`: the note prompt for the unit on top of the reader.
    pub(super) fn start_note(&mut self) {
        let reference = self.reader.current().unwrap_or_default();
        let existing = self
            .marks
            .mark(&self.document().symbol, &reference)
            .cloned();
        let line = LineEdit::new(existing.as_ref().map_or("", |m| m.note.as_str()));
        self.mode = Mode::Note(NotePrompt {
            line,
            doc: self.doc,
            reference,
            existing,
        });
    }

    /// A key while the note prompt is open.
    pub(super) fn note(&mut self, action: Action) -> Option<Effect> {
        let Mode::Note(prompt) = &mut self.mode else {
            return None;
        };
        match action {
            Action::Type(_) if prompt.line.len() >= NOTE_MAX => None,
            Action::Escape => {
                self.mode = Mode::Normal;
                None
            }
            Action::Unmark => {
                let prompt = prompt.clone();
                self.mode = Mode::Normal;
                let symbol = self.library.documents[prompt.doc].symbol.clone();
                if prompt.existing.is_none() {
                    self.message = Some("Not marked: nothing to remove".into());
                    return None;
                }
                self.message = Some(format!(
                    "Removed the mark on {}",
                    self.library.documents[prompt.doc].cite(&prompt.reference)
                ));
                Some(self.change(Change::Unmark {
                    symbol,
                    reference: prompt.reference,
                }))
            }
            Action::Submit => {
                let prompt = prompt.clone();
                self.mode = Mode::Normal;
                let doc = &self.library.documents[prompt.doc];
                let created = prompt.existing.as_ref().map_or_else(now, |m| m.created);
                let mark = Mark::new(doc, &prompt.reference, &prompt.line, created);
                let verb = if prompt.existing.is_some() {
                    "Mark saved on"
                } else {
                    "Marked"
                };
                self.message = Some(format!(
                    "{verb} {} · ' lists every mark",
                    doc.cite(&prompt.reference)
                ));
                Some(self.change(Change::Mark(mark)))
            }
            action => {
                prompt.line.handle(action);
                None
            }
        }
    }

    /// `'`: open the marks list.
    pub(super) fn open_marks(&mut self) {
        self.mode = Mode::Marks;
        let len = self.mark_rows.len();
        // On the mark of the unit on top, if it has one.
        let here = self.reader.current().unwrap_or_default();
        let selected = self
            .mark_rows
            .iter()
            .position(|row| row.live() == Some((self.doc, &here)))
            .unwrap_or(self.marks_list.selected);
        self.marks_list.set_height(self.marks_in_view());
        self.marks_list.select(selected, len);
    }

    /// The number of marks the list shows at once on this screen.
    fn marks_in_view(&self) -> usize {
        let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        marks::popup(screen, self.mark_rows.len()).1
    }

    /// A key while the marks list is open.
    pub(super) fn marks_action(&mut self, action: Action) -> Option<Effect> {
        let len = self.mark_rows.len();
        self.marks_list.set_height(self.marks_in_view());
        match action {
            Action::Down => self.marks_list.move_by(1, len),
            Action::Up => self.marks_list.move_by(-1, len),
            Action::Top => self.marks_list.select(0, len),
            Action::Bottom => self.marks_list.select(usize::MAX, len),
            Action::Escape | Action::MarksList => self.mode = Mode::Normal,
            Action::Open => self.open_mark(),
            Action::Unmark => {
                let row = self.mark_rows.get(self.marks_list.selected)?.clone();
                self.message = Some(format!("Deleted the mark on {}", row.mark.citation()));
                let reference = row.mark.target()?;
                return Some(self.change(Change::Unmark {
                    symbol: row.mark.symbol,
                    reference,
                }));
            }
            Action::CopyMarks => {
                if self.mark_rows.is_empty() {
                    self.message = Some("No marks to copy: m marks the text on top".into());
                    return None;
                }
                // As the list shows them: the open documents first, their
                // orphans saying so.
                let entries: Vec<Entry<'_>> = self
                    .mark_rows
                    .iter()
                    .map(|row| Entry {
                        mark: &row.mark,
                        fit: row.fit.clone(),
                    })
                    .collect();
                let n = entries.len();
                let what = if n == 1 {
                    "1 mark as a citation list".to_string()
                } else {
                    format!("{n} marks as a citation list")
                };
                self.message = Some(format!("Copying {what}"));
                return Some(Effect::Copy {
                    text: cite::render(&entries, Format::Markdown),
                    what,
                });
            }
            _ => {}
        }
        None
    }

    /// Enter in the marks list: go to the mark (or, for an orphan, to
    /// where its words are now).
    fn open_mark(&mut self) {
        let Some(row) = self.mark_rows.get(self.marks_list.selected).cloned() else {
            return;
        };
        let MarkRow { mark, doc, fit } = row;
        let Some(doc) = doc else {
            self.message = Some(format!(
                "{} is not open: open its file to read this mark (treatyview FILE)",
                mark.symbol
            ));
            return;
        };
        let target = match fit {
            Some(Fit::Live(r)) => {
                self.message = Some(if mark.note.is_empty() {
                    format!("Mark: {}", mark.citation())
                } else {
                    format!("Mark: {} — {}", mark.citation(), mark.note)
                });
                r
            }
            Some(Fit::Orphaned { moved: Some(r) }) => {
                self.message = Some(format!(
                    "Orphaned mark: {} no longer says its words; they are now at {} (m here marks it)",
                    mark.citation(),
                    r.citation()
                ));
                r
            }
            _ => {
                self.message = Some(format!(
                    "Orphaned mark: its words are no longer in {} (the document changed)",
                    mark.symbol
                ));
                return;
            }
        };
        self.mode = Mode::Normal;
        self.jump_to(doc, &target);
        if self.focus == Focus::Search {
            self.set_focus(Focus::Reader);
        }
    }

    /// Remember where the document in the reader is left (nothing at the
    /// top), to be written on quitting.
    pub(super) fn note_position(&mut self) {
        // Metadata only: where the reader is means nothing (and must not
        // replace where it was left).
        if self.opening.spines {
            return;
        }
        let here = (self.reader.scroll > 0)
            .then(|| self.reader.current())
            .flatten();
        let symbol = self.document().symbol.clone();
        self.left.insert(symbol, here);
    }

    /// Where every document read this session was left, for the file.
    pub fn positions(&mut self) -> Change {
        self.note_position();
        let at = now();
        let words = |symbol: &str, r: &Reference| {
            self.library
                .documents
                .iter()
                .find(|d| d.symbol == symbol)
                .and_then(|d| d.text_of(r))
                .map(|text| first_words(&text))
                .unwrap_or_default()
        };
        Change::Positions(
            self.left
                .iter()
                .map(|(symbol, here)| {
                    let position = here.as_ref().map(|r| Position {
                        reference: r.to_string(),
                        at,
                        words: words(symbol, r),
                    });
                    (symbol.clone(), position)
                })
                .collect(),
        )
    }

    /// Open where the reader left off: of the open documents, the one
    /// left last, at the unit that was on top (or, in a document changed
    /// since, where that unit's words are now). Says so, or why not.
    pub fn resume(&mut self) {
        let newest = self
            .library
            .documents
            .iter()
            .enumerate()
            .filter_map(|(d, doc)| self.marks.positions.get(&doc.symbol).map(|p| (d, p)))
            .max_by_key(|(_, p)| p.at)
            .map(|(d, p)| (d, p.clone()));
        let Some((doc, left)) = newest else {
            return;
        };
        self.show_doc(doc);
        self.finish_layout();
        let symbol = self.document().symbol.clone();
        // A position without words (a unit without text) is taken as it is.
        let fit = if left.words.is_empty() {
            left.reference
                .parse()
                .map_or(Fit::Orphaned { moved: None }, Fit::Live)
        } else {
            locate(self.document(), &left.reference, &left.words)
        };
        let (target, changed) = match fit {
            Fit::Live(r) => (Some(r), false),
            Fit::Orphaned { moved } => (moved, true),
        };
        let found = target.filter(|r| self.reader.scroll_to(r));
        if found.is_some() {
            self.sync_outline();
        }
        let was = left
            .reference
            .parse::<Reference>()
            .map_or_else(|_| left.reference.clone(), |r| r.citation().to_string());
        self.message = Some(match (found, changed) {
            (Some(r), false) => {
                format!(
                    "Back where you left {symbol}: {} · g: the top",
                    r.citation()
                )
            }
            (Some(r), true) => format!(
                "Back where you left {symbol}, which has changed: what was {was} is now {} · g: the top",
                r.citation()
            ),
            (None, _) => {
                format!("Where you left {symbol} ({was}) is no longer in it: starting at the top")
            }
        });
    }
}
