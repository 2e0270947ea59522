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
//! - [`document`]: the tree (sections, topics, paragraphs, items, footnotes).
//! - [`import`]: text export → tree, with a lossless check.
//! - [`library`]: RON read/write, the embedded seed, folders of documents.
//! - [`export`]: JSON, CSV and Markdown writers.
//! - [`search`]: query parsing, the word index, ranking, highlights.
//! - [`text`]: control characters → visible placeholders.
//! - [`tui`]: the terminal browser.
//!
//! The generated benchmark corpus is the workspace crate `crates/corpus`.

pub mod document;
pub mod export;
pub mod import;
pub mod library;
pub mod search;
pub mod text;
pub mod tui;
