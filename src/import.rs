//! The importer: the documents people have → [`Document`].
//!
//! Three front ends, chosen by content ([`detect`]), one tree:
//!
//! - **Text extracted from the Word files** (the seed's format): four
//!   stages — [`lines`] classifies physical lines and lifts footnote
//!   bodies out, [`tree`] builds sections → topics → paragraphs → items,
//!   [`enrich`] derives kinds, articles, follow-up marks, counterparts,
//!   "Ibid." targets and the symbol, and [`check`] proves that every
//!   character other than markup landed in the tree.
//! - **PDF** ([`pdf`]) and **`pdftotext` output** ([`pdftext`]): pages of
//!   positioned lines ([`page`]) → [`furniture`] removes headers, footers
//!   and the masthead and lifts the footnotes → [`structure`] builds the
//!   tree from openings ([`labels`]) and layout → [`semantics`] derives
//!   metadata, kinds, articles, pairs and follow-up from the committees'
//!   wording ([`formulae`], [`states`]) → [`verify`] proves every body
//!   character landed.

pub mod check;
pub mod enrich;
pub mod formulae;
pub mod furniture;
pub mod labels;
pub mod lines;
pub mod page;
pub mod pdf;
pub mod pdftext;
pub mod report;
pub mod semantics;
pub mod states;
pub mod structure;
pub mod tree;
pub mod verify;

use crate::document::Document;
use page::Place;
pub use report::Report;
use std::collections::BTreeSet;
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
    /// The lossless check of a paged input found text not in the tree.
    #[error("{place}: text lost in import near {near:?}")]
    LostAt {
        /// Page (PDF) or line (text) of the first lost character.
        place: Place,
        /// The input from there.
        near: String,
    },
    /// The PDF could not be read.
    #[error("{0}")]
    Pdf(#[from] pdf::PdfError),
    /// A language whose script the recogniser cannot read in order.
    #[error(
        "this document is in {name}; treatyview imports concluding observations written left to right (English, French and Spanish with their kinds, others with their structure)"
    )]
    Language {
        /// The language's English name.
        name: String,
    },
    /// A document that is not concluding observations.
    #[error("{symbol} is {what}, not concluding observations")]
    NotConcluding {
        /// Its symbol.
        symbol: String,
        /// What it looks like.
        what: String,
    },
    /// A paged input without a single numbered paragraph.
    #[error("no numbered paragraph found: this does not look like concluding observations")]
    NoNumbered,
}

impl ImportError {
    /// The error as one line naming the file: `notes.txt:line 12: …`,
    /// `report.pdf:page 3: …`, or `scan.pdf: …` when no place applies.
    #[must_use]
    pub fn in_file(&self, path: &std::path::Path) -> String {
        let located = matches!(
            self,
            ImportError::Pdf(_)
                | ImportError::Language { .. }
                | ImportError::NotConcluding { .. }
                | ImportError::NoNumbered
        );
        if located {
            format!("{}: {self}", path.display())
        } else {
            format!("{}:{self}", path.display())
        }
    }
}

/// The formats [`import_any`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A PDF file.
    Pdf,
    /// Text extracted from a Word file (the seed's format).
    WordText,
    /// Plain text as `pdftotext` writes it.
    PdfText,
}

impl Format {
    /// A name for reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::WordText => "text extracted from Word",
            Format::PdfText => "text from pdftotext",
        }
    }
}

/// Tell the format from the content, never the file name: `%PDF-` near
/// the start is a PDF; tab-separated numbered paragraphs or
/// `[footnoteRef:N]` markers are the Word export; other text is read as
/// `pdftotext` output.
#[must_use]
pub fn detect(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Format::Pdf;
    }
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(200_000)]);
    let word = text.contains("[footnoteRef:")
        || text.lines().any(|l| {
            let digits = l.bytes().take_while(u8::is_ascii_digit).count();
            (1..=3).contains(&digits) && l[digits..].starts_with(".\t")
        });
    if word {
        Format::WordText
    } else {
        Format::PdfText
    }
}

/// A document and what its import found.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The tree.
    pub doc: Document,
    /// The report.
    pub report: Report,
}

/// Import any supported input held in memory, detected by content.
/// `symbol` overrides the document symbol.
///
/// # Errors
/// Any [`ImportError`]; the input is never partly accepted.
pub fn import_any(bytes: &[u8], symbol: Option<&str>) -> Result<Imported, ImportError> {
    let format = detect(bytes);
    let mut imported = match format {
        Format::WordText => Imported {
            doc: import_bytes(bytes, symbol)?,
            report: Report::default(),
        },
        Format::Pdf => {
            let mut pages = pdf::read(bytes)?;
            pdftext::find_marks(&mut pages);
            paged(&pages, symbol)?
        }
        Format::PdfText => {
            let text = text_of(bytes)?;
            let mut pages = pdftext::read(text);
            pdftext::find_marks(&mut pages);
            paged(&pages, symbol)?
        }
    };
    imported.report.format = Some(format);
    Ok(imported)
}

/// The bytes as UTF-8 text, refusing NUL and invalid bytes with a line.
fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        ImportError::NotUtf8 {
            line: line_of_bytes(bytes, at),
            byte: bytes[at],
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if let Some(pos) = text.find('\0') {
        return Err(ImportError::Binary {
            line: line_of(text, pos),
        });
    }
    Ok(text)
}

/// The paged pipeline: furniture → structure → semantics → check.
///
/// # Errors
/// No numbered paragraph, a language or document refused, a lost
/// character.
pub fn paged(pages: &[page::Page], symbol: Option<&str>) -> Result<Imported, ImportError> {
    let laid = furniture::lay(pages);
    let sample: String = laid
        .body
        .iter()
        .take(400)
        .map(|l| l.line.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if let formulae::Detected::Other("ar", name) = formulae::detect(&sample) {
        return Err(ImportError::Language {
            name: name.to_string(),
        });
    }
    let notes: BTreeSet<u32> = laid
        .notes
        .iter()
        .filter_map(|n| n.mark.parse().ok())
        .collect();
    let mut built = structure::build(&laid, &notes);
    if built.doc.paragraphs().next().is_none() {
        return Err(ImportError::NoNumbered);
    }
    semantics::derive(&mut built, &laid, symbol)?;
    verify::lossless(&laid, &built, &notes)?;
    let report = Report {
        format: None,
        pages: pages.len(),
        removed: laid.removed.clone(),
        notes: laid.notes.len(),
        headings: built.headings,
        warnings: built.warnings,
    };
    Ok(Imported {
        doc: built.doc,
        report,
    })
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
