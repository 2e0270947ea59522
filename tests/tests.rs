//! Every integration test, compiled and linked as one binary (ten
//! binaries linking the library separately cost more than the tests).
//! One module per former test file; [`common`] holds what they share.

mod common;

mod browser;
mod export;
mod hostile;
mod import_cli;
mod import_errors;
mod import_pdf;
mod import_seed;
mod library;
mod list_heading;
mod lossless;
mod marks;
mod pty;
mod readme;
mod relevance;
mod screens;
mod search;
mod shelf;
mod update;
