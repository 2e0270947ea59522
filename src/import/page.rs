//! What the PDF and `pdftotext` front ends hand to the structure
//! recogniser: pages of lines, each line with its text, where it stands
//! on the page, its font size, and the raised footnote markers lifted out
//! of it.
//!
//! A PDF knows positions and sizes exactly; a text file knows only
//! columns and line numbers. Fields a front end cannot know are `None`,
//! and the recogniser falls back on wording and order.

/// One page of a paged document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page height in points (PDF), or `None`.
    pub height: Option<f32>,
    /// The page's lines, top to bottom.
    pub lines: Vec<Line>,
}

/// One line of text as it stands on a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// 1-based line of a text input (0 for a PDF): errors name it.
    pub source_line: usize,
    /// The text, markers lifted out, runs of white space as one space.
    pub text: String,
    /// Raised footnote markers, at byte offsets into `text`.
    pub marks: Vec<Mark>,
    /// Byte offset into `text` where the first wide gap (a tab stop after
    /// a paragraph number or an item label) ends, if there is one.
    pub tab: Option<usize>,
    /// Left edge: PDF points, or the column of a layout text.
    pub x: Option<f32>,
    /// Baseline, from the top of the page, in points.
    pub y: Option<f32>,
    /// The line's main font size in points.
    pub size: Option<f32>,
}

/// A raised footnote marker (superscript), lifted out of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte offset into the line's text where the marker stood.
    pub at: usize,
    /// The marker as printed: `12`, `*`, `e` (French `481e`).
    pub text: String,
}

impl Line {
    /// A line with only text, as a text front end makes it.
    #[must_use]
    pub fn plain(source_line: usize, text: &str) -> Self {
        Self {
            source_line,
            text: text.to_string(),
            ..Self::default()
        }
    }

    /// The text with its markers put back where they stood.
    #[must_use]
    pub fn with_marks(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 8);
        let mut from = 0;
        for mark in &self.marks {
            out.push_str(&self.text[from..mark.at]);
            out.push_str(&mark.text);
            from = mark.at;
        }
        out.push_str(&self.text[from..]);
        out
    }
}

/// Where a place in a paged document is: for errors and warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Place {
    /// 1-based page.
    pub page: u32,
    /// 1-based line of a text input; 0 for a PDF.
    pub line: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}", self.line)
        } else {
            write!(f, "page {}", self.page)
        }
    }
}
