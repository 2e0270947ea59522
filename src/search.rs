//! Search over concerns and recommendations. Placeholder with the agreed
//! interface while the real index is written on its branch.

use crate::document::Kind;
use crate::library::Library;
use std::ops::Range;

/// Which paragraphs a search looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    /// Concerns and recommendations.
    #[default]
    ConcernsRecommendations,
    /// Concerns only.
    Concerns,
    /// Recommendations only.
    Recommendations,
    /// Everything.
    All,
}

impl Scope {
    /// Next scope in the cycle.
    #[must_use]
    pub fn next(self) -> Scope {
        match self {
            Scope::ConcernsRecommendations => Scope::Concerns,
            Scope::Concerns => Scope::Recommendations,
            Scope::Recommendations => Scope::All,
            Scope::All => Scope::ConcernsRecommendations,
        }
    }
    /// On-screen label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Scope::ConcernsRecommendations => "concerns+recs",
            Scope::Concerns => "concerns",
            Scope::Recommendations => "recs",
            Scope::All => "all",
        }
    }
}

/// What a hit is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HitUnit {
    /// Paragraph.
    Paragraph,
    /// Item.
    Item,
    /// Heading.
    Heading,
    /// Footnote.
    Footnote(u32),
}

/// A result.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Document index.
    pub doc: usize,
    /// Paragraph number.
    pub paragraph: u32,
    /// Item labels.
    pub labels: Vec<String>,
    /// Reference.
    pub reference: String,
    /// Unit.
    pub unit: HitUnit,
    /// Kind.
    pub kind: Kind,
    /// Heading.
    pub heading: Option<String>,
    /// Score.
    pub score: i64,
    /// Text.
    pub text: String,
    /// Highlights.
    pub highlights: Vec<Range<usize>>,
}

/// The index.
pub struct Index;

impl Index {
    /// Build.
    #[must_use]
    pub fn build(_library: &Library) -> Index {
        Index
    }
    /// Search.
    #[must_use]
    pub fn search(&self, _query: &str, _scope: Scope, _limit: usize) -> Vec<Hit> {
        Vec::new()
    }
    /// Highlight.
    #[must_use]
    pub fn highlight(&self, _query: &str, _text: &str) -> Vec<Range<usize>> {
        Vec::new()
    }
}

/// Snippet.
#[must_use]
pub fn snippet(
    text: &str,
    highlights: &[Range<usize>],
    _width: usize,
) -> (String, Vec<Range<usize>>) {
    (text.to_string(), highlights.to_vec())
}
