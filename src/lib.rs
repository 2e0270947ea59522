//! treatyview: a terminal browser for UN treaty-body concluding
//! observations.
//!
//! Data flows one way:
//!
//! ```text
//! text export ──import──▶ Document ──ron──▶ assets/*.ron ──load──▶ Library
//!                                                              │
//!                                           search::Index ◀────┤
//!                                                              ▼
//!                                key ─▶ keymap ─▶ Action ─▶ App::update ─▶ view(&App)
//! ```
//!
//! - [`cycles`]: a State's previous concluding observations from the same
//!   committee, and the same subject in them (`P` in the browser).
//! - [`document`]: the tree (sections, topics, paragraphs, items,
//!   footnotes), the kinds' names, and [`document::Reference`]: where a
//!   citation points (`24(a)`), how it is cited and what text it stands for.
//! - [`import`]: text export → tree, with a lossless check.
//! - [`library`]: RON read/write, the embedded seed, folders of documents,
//!   the one atomic file writer.
//! - [`export`]: JSON, CSV and Markdown writers.
//! - [`marks`]: reading state that lasts: where each document was left,
//!   the reader's marks and notes, the citation list made of them.
//! - [`search`]: query parsing, the word index, ranking, highlights, the
//!   index cache and the browser's background index.
//! - [`text`]: control characters → visible placeholders.
//! - [`tui`]: the terminal browser: keymap, app, panes, layout, view.
//!
//! The command line (argument parsing, printing search results) is the
//! binary's (`src/main.rs`, `src/cli/`); the generated benchmark corpus is
//! the workspace crate `crates/corpus`.

#![warn(missing_docs)]

pub mod cycles;
pub mod document;
pub mod export;
pub mod import;
pub mod library;
pub mod marks;
pub mod search;
pub mod text;
pub mod tui;
