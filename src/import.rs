//! The importer: a treaty body's plain-text export → [`Document`].
//!
//! A pure function in four stages, each in its own module:
//! [`lines`] classifies physical lines and lifts footnote bodies out of
//! them, [`tree`] builds sections → topics → paragraphs → items,
//! [`enrich`] derives kinds, articles, follow-up marks, counterparts,
//! "Ibid." targets and the symbol, and [`check`] proves that every
//! character of the input other than markup landed in the tree.

pub mod check;
pub mod enrich;
pub mod lines;
pub mod tree;

use crate::document::Document;
use thiserror::Error;

/// Why an import failed. Every variant that concerns a place in the input
/// names its 1-based line.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but white space.
    #[error("line 1: the file is empty")]
    Empty,
    /// Bytes that are not UTF-8.
    #[error("line {line}: not UTF-8 text (invalid byte 0x{byte:02X})")]
    NotUtf8 {
        /// Line of the first invalid byte.
        line: usize,
        /// The offending byte.
        byte: u8,
    },
    /// A NUL byte: this is a binary file, not a text export.
    #[error("line {line}: binary content (NUL byte); expected a plain-text export")]
    Binary {
        /// Line of the first NUL.
        line: usize,
    },
    /// No line of the form `N.<TAB>text`.
    #[error("line {line}: no numbered paragraph found (expected lines like \"1.<TAB>text\")")]
    NoParagraph {
        /// Last line of the input.
        line: usize,
    },
    /// `[footnoteRef:N]` with no `[N: …]` body anywhere.
    #[error("line {line}: footnote reference {number} has no body")]
    RefWithoutBody {
        /// Line of the reference.
        line: usize,
        /// Footnote number.
        number: u32,
    },
    /// `[N: …]` body that no `[footnoteRef:N]` points to.
    #[error("line {line}: footnote body {number} has no reference in the text")]
    BodyWithoutRef {
        /// Line where the body starts.
        line: usize,
        /// Footnote number.
        number: u32,
    },
    /// A footnote body given twice.
    #[error("line {line}: footnote {number} has a second body")]
    DuplicateBody {
        /// Line of the second body.
        line: usize,
        /// Footnote number.
        number: u32,
    },
    /// `[N: …` never closed by `]`.
    #[error("line {line}: footnote body {number} is never closed by ']'")]
    Unterminated {
        /// Line where the body starts.
        line: usize,
        /// Footnote number.
        number: u32,
    },
    /// Text after a footnote body on the same line.
    #[error("line {line}: unexpected text after footnote body: {text:?}")]
    AfterBody {
        /// The line.
        line: usize,
        /// The stray text.
        text: String,
    },
    /// An item or sub-item with nothing to attach to.
    #[error("line {line}: {what} ({label}) appears before any {parent}")]
    Orphan {
        /// The line.
        line: usize,
        /// "item" or "sub-item".
        what: &'static str,
        /// Its label.
        label: String,
        /// What was missing.
        parent: &'static str,
    },
    /// Paragraph numbers must rise.
    #[error("line {line}: paragraph {number} follows paragraph {previous}")]
    Order {
        /// The line.
        line: usize,
        /// This paragraph's number.
        number: u32,
        /// The previous one.
        previous: u32,
    },
    /// The symbol could not be derived.
    #[error(
        "line 1: cannot derive the document symbol (no footnote cites a State report such as CAT/C/KAZ/4); pass --symbol"
    )]
    NoSymbol,
    /// The lossless check found text in the input that is not in the tree.
    #[error("line {line}: text lost in import near {near:?}")]
    Lost {
        /// The line holding the first lost character.
        line: usize,
        /// The input around it.
        near: String,
    },
}

/// Import a text export held in memory. `symbol` overrides the derived
/// document symbol.
///
/// # Errors
/// Any [`ImportError`]; the input is never partly accepted.
pub fn import(input: &str, symbol: Option<&str>) -> Result<Document, ImportError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if let Some(pos) = input.find('\0') {
        return Err(ImportError::Binary {
            line: line_of(input, pos),
        });
    }
    let scanned = lines::scan(input)?;
    let mut doc = tree::build(&scanned)?;
    enrich::enrich(&mut doc, symbol)?;
    check::lossless(input, &doc)?;
    Ok(doc)
}

/// Import raw bytes: rejects non-UTF-8 input with the line of the first
/// bad byte, then calls [`import`].
///
/// # Errors
/// [`ImportError::NotUtf8`] or anything [`import`] returns.
pub fn import_bytes(bytes: &[u8], symbol: Option<&str>) -> Result<Document, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => import(text, symbol),
        Err(e) => {
            let at = e.valid_up_to();
            Err(ImportError::NotUtf8 {
                line: line_of_bytes(bytes, at),
                byte: bytes[at],
            })
        }
    }
}

/// 1-based line number of a byte offset in text.
pub(crate) fn line_of(text: &str, byte: usize) -> usize {
    line_of_bytes(text.as_bytes(), byte)
}

/// 1-based line number of a byte offset in raw bytes.
#[must_use]
#[allow(clippy::naive_bytecount)] // one pass over an error path; no extra crate
pub fn line_of_bytes(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}
