//! The document tree every part of treatyview reads: a concluding
//! observations document as sections → thematic headings (topics) →
//! numbered paragraphs → items `(a)` → sub-items `(i)`, with footnotes kept
//! as their own list and referenced from their exact place in the text.
//!
//! Plain data with serde derives; no I/O and no UI. [`Document::units`]
//! flattens the tree into the citable units that export and search use;
//! [`Reference`] names one of them, and [`Kind`] holds every name a
//! paragraph's kind goes by.

mod reference;

pub use reference::{Citation, ParseReferenceError, Reference};

use serde::{Deserialize, Serialize};

/// Version of the RON format written by this build. Files with a larger
/// number are refused with both versions named; see `library`.
pub const FORMAT_VERSION: u32 = 2;

/// One concluding observations document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Format version of the file this was read from (or [`FORMAT_VERSION`]).
    pub format: u32,
    /// The document's UN symbol, e.g. `CAT/C/KAZ/CO/4`.
    pub symbol: String,
    /// The treaty body, e.g. `Committee against Torture`.
    pub committee: String,
    /// The State party the observations are addressed to.
    pub state: String,
    /// The document title, without its `*` note marker.
    pub title: String,
    /// The title's own `*` note (session and adoption date), if any.
    #[serde(default)]
    pub title_note: Option<String>,
    /// Sections in document order. Text before the first labelled section
    /// (paragraph 1 in a CAT document) is a section without a label.
    pub sections: Vec<Section>,
    /// Footnotes in number order.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// Further asterisk notes on the title or symbol (`**`: adoption when
    /// `*` says the document was reissued), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_notes: Vec<TitleNote>,
    /// Lines between the committee's name and the first paragraph that are
    /// not the title: session and dates of old layouts, "Addendum", the
    /// State's name set as a heading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<String>,
    /// The session that adopted the document (`32` for the
    /// thirty-second).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
    /// The year of adoption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    /// The report considered: `initial`, `fourth periodic`, `combined
    /// second and third periodic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    /// ISO 639-1 code of the document's language (`en`, `fr`, `es`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// What the document is.
    #[serde(default, skip_serializing_if = "Genre::is_default")]
    pub genre: Genre,
}

impl Default for Document {
    /// An empty document of the current format.
    fn default() -> Self {
        Self {
            format: FORMAT_VERSION,
            symbol: String::new(),
            committee: String::new(),
            state: String::new(),
            title: String::new(),
            title_note: None,
            sections: Vec::new(),
            footnotes: Vec::new(),
            title_notes: Vec::new(),
            preamble: Vec::new(),
            session: None,
            year: None,
            report: None,
            language: None,
            genre: Genre::default(),
        }
    }
}

/// What kind of document this is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// A committee's concluding observations.
    #[default]
    ConcludingObservations,
    /// Information a State party sent on follow-up to concluding
    /// observations (an addendum written by the State, not the
    /// committee).
    StateFollowUp,
}

impl Genre {
    /// Is this the default (concluding observations)?
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Genre::ConcludingObservations
    }

    /// The lowercase name used in exports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Genre::ConcludingObservations => "concluding_observations",
            Genre::StateFollowUp => "state_follow_up",
        }
    }
}

/// An asterisk note on the title or the symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleNote {
    /// The mark: `*`, `**`.
    pub mark: String,
    /// The note's text.
    pub text: String,
}

/// A section such as `A. Introduction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// `A`, `B`, `C`… or `None` for the unlabelled opening.
    #[serde(default)]
    pub label: Option<String>,
    /// The section title; empty for the unlabelled opening.
    pub title: String,
    /// Thematic headings in order; sections without headings hold one
    /// topic whose heading is `None`.
    pub topics: Vec<Topic>,
}

/// A thematic heading and the paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// The heading text; `None` where the section has no thematic headings.
    #[serde(default)]
    pub heading: Option<String>,
    /// Numbered paragraphs under this heading.
    pub paragraphs: Vec<Paragraph>,
}

/// What a paragraph does in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Introduction: how the review took place.
    Introduction,
    /// Positive aspects the Committee welcomes.
    Positive,
    /// A subject of concern.
    Concern,
    /// What the State party should do.
    Recommendation,
    /// The follow-up procedure paragraph.
    FollowUp,
    /// Anything else (dissemination, next report, pending issues…).
    Other,
}

/// Every name of a kind, in one table: (kind, name in exports and the
/// `search` command, badge in the reader, letter in the outline, three
/// letters in search results).
const KINDS: [(Kind, &str, &str, &str, &str); 6] = [
    (
        Kind::Introduction,
        "introduction",
        "INTRODUCTION",
        "I",
        "INT",
    ),
    (Kind::Positive, "positive", "POSITIVE", "+", "POS"),
    (Kind::Concern, "concern", "CONCERN", "C", "CON"),
    (
        Kind::Recommendation,
        "recommendation",
        "RECOMMENDATION",
        "R",
        "REC",
    ),
    (
        Kind::FollowUp,
        "follow_up",
        "FOLLOW-UP PROCEDURE",
        "F",
        "FUP",
    ),
    (Kind::Other, "other", "OTHER", "·", "OTH"),
];

impl Kind {
    /// Every kind, in the order of the enum.
    pub const ALL: [Kind; 6] = [
        Kind::Introduction,
        Kind::Positive,
        Kind::Concern,
        Kind::Recommendation,
        Kind::FollowUp,
        Kind::Other,
    ];

    fn row(self) -> &'static (Kind, &'static str, &'static str, &'static str, &'static str) {
        &KINDS[self as usize]
    }

    /// The lowercase name used in exports and by the `search` command.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// The reader's badge: `CONCERN`, `FOLLOW-UP PROCEDURE`.
    #[must_use]
    pub fn label(self) -> &'static str {
        self.row().2
    }

    /// One letter (or sign), for the outline's narrow column.
    #[must_use]
    pub fn letter(self) -> &'static str {
        self.row().3
    }

    /// Three letters, for search result lists.
    #[must_use]
    pub fn short(self) -> &'static str {
        self.row().4
    }
}

/// A piece of running text: words, or a footnote reference at its exact
/// place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    /// Literal text.
    Text(String),
    /// A reference to footnote number N.
    Note(u32),
}

/// A numbered paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// The paragraph number as printed.
    pub number: u32,
    /// What the paragraph does.
    pub kind: Kind,
    /// The paragraph's own text (before its items).
    pub text: Vec<Inline>,
    /// Items `(a)`, `(b)`… in order.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Convention articles the paragraph engages, ascending.
    #[serde(default)]
    pub articles: Vec<u32>,
    /// Named by the follow-up paragraph as due within a year.
    #[serde(default)]
    pub follow_up: bool,
    /// Counterpart paragraphs: a concern's recommendations, or a
    /// recommendation's concerns, under the same heading.
    #[serde(default)]
    pub pair: Vec<u32>,
    /// Unnumbered paragraphs that follow under this number (old layouts:
    /// the concern, then "The State party should:").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
}

/// An unnumbered paragraph inside a numbered one, with its own kind and
/// items. It is cited by its paragraph's number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// What the part does (a recommendation, usually).
    pub kind: Kind,
    /// Its text.
    pub text: Vec<Inline>,
    /// Its items.
    #[serde(default)]
    pub items: Vec<Item>,
}

/// An item `(a)` of a paragraph, or a sub-item `(i)` of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// A heading set inside the list, just above this item: it groups the
    /// items that follow it but, unlike a topic's heading, does not end the
    /// paragraph. Files written before it existed read as `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The label without parentheses: `a`, `b`, `iv`.
    pub label: String,
    /// The item's text.
    pub text: Vec<Inline>,
    /// Sub-items.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Named by the follow-up paragraph as due within a year.
    #[serde(default)]
    pub follow_up: bool,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// The footnote number.
    pub number: u32,
    /// The footnote's text.
    pub text: String,
    /// For an "Ibid." footnote, the symbol it stands for.
    #[serde(default)]
    pub ibid_of: Option<String>,
}

impl Footnote {
    /// How the footnote reads, in the browser and in exports alike: an
    /// "Ibid." names what it stands for (`Ibid. [CAT/C/KAZ/RQ/4], para.
    /// 195.`).
    #[must_use]
    pub fn display_text(&self) -> String {
        if let Some(of) = &self.ibid_of
            && let Some(rest) = self.text.strip_prefix("Ibid")
        {
            let (dot, rest) = match rest.strip_prefix('.') {
                Some(r) => (".", r),
                None => ("", rest),
            };
            return format!("Ibid{dot} [{of}]{rest}");
        }
        self.text.clone()
    }
}

/// How a list of articles is written, in the browser and in exports
/// alike: `art. 16` for one, `arts. 2, 16` for more.
#[must_use]
pub fn articles_label(articles: &[u32]) -> String {
    let list: Vec<String> = articles.iter().map(u32::to_string).collect();
    let word = if articles.len() == 1 { "art." } else { "arts." };
    format!("{word} {}", list.join(", "))
}

/// Plain text of a run of inlines, without footnote markers.
#[must_use]
pub fn plain(text: &[Inline]) -> String {
    let mut out = String::new();
    for piece in text {
        if let Inline::Text(t) = piece {
            out.push_str(t);
        }
    }
    out
}

/// Footnote numbers cited in a run of inlines, in order of citation.
#[must_use]
pub fn notes(text: &[Inline]) -> Vec<u32> {
    text.iter()
        .filter_map(|piece| match piece {
            Inline::Note(n) => Some(*n),
            Inline::Text(_) => None,
        })
        .collect()
}

/// What a [`Unit`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A numbered paragraph's own text.
    Paragraph,
    /// An item or sub-item.
    Item,
    /// An unnumbered part of a numbered paragraph (cited by its number).
    Part,
}

/// A citable piece of a document, flattened out of the tree: a paragraph's
/// own text or one of its items, in document order.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// Paragraph, item or part.
    pub unit: UnitKind,
    /// What the unit does: its paragraph's kind, or its part's.
    pub kind: Kind,
    /// Where it is: `24`, `24(a)`, `12(a)(v)`.
    pub reference: Reference,
    /// The paragraph it belongs to.
    pub paragraph: &'a Paragraph,
    /// The section it sits in.
    pub section: &'a Section,
    /// The thematic heading it sits under.
    pub heading: Option<&'a str>,
    /// For an item, the heading set inside its list just above it
    /// ([`Item::heading`]); `None` for paragraphs and parts.
    pub item_heading: Option<&'a str>,
    /// Which topic of the document it sits in, counted from 0 across
    /// sections: units under one heading share it.
    pub topic: usize,
    /// Its running text.
    pub text: &'a [Inline],
    /// Follow-up mark of the unit itself.
    pub follow_up: bool,
    /// Nesting depth: 0 paragraph, 1 item, 2 sub-item.
    pub depth: usize,
}

impl Unit<'_> {
    /// Plain text without footnote markers.
    #[must_use]
    pub fn plain(&self) -> String {
        plain(self.text)
    }
}

impl Document {
    /// Give back the spare capacity of every list, as a document read
    /// from a file has it (a list read grows by doubling): about a fifth
    /// of a library's memory.
    pub fn compact(&mut self) {
        fn items(list: &mut Vec<Item>) {
            list.shrink_to_fit();
            for item in list {
                item.text.shrink_to_fit();
                items(&mut item.items);
            }
        }
        self.sections.shrink_to_fit();
        self.footnotes.shrink_to_fit();
        self.title_notes.shrink_to_fit();
        self.preamble.shrink_to_fit();
        for section in &mut self.sections {
            section.topics.shrink_to_fit();
            for topic in &mut section.topics {
                topic.paragraphs.shrink_to_fit();
                for p in &mut topic.paragraphs {
                    p.text.shrink_to_fit();
                    p.articles.shrink_to_fit();
                    p.pair.shrink_to_fit();
                    p.parts.shrink_to_fit();
                    items(&mut p.items);
                    for part in &mut p.parts {
                        part.text.shrink_to_fit();
                        items(&mut part.items);
                    }
                }
            }
        }
    }

    /// All paragraphs in document order, with their section and topic.
    pub fn paragraphs(&self) -> impl Iterator<Item = (&Section, &Topic, &Paragraph)> {
        self.sections.iter().flat_map(|s| {
            s.topics
                .iter()
                .flat_map(move |t| t.paragraphs.iter().map(move |p| (s, t, p)))
        })
    }

    /// Paragraph by number.
    #[must_use]
    pub fn paragraph(&self, number: u32) -> Option<&Paragraph> {
        self.paragraphs()
            .map(|(_, _, p)| p)
            .find(|p| p.number == number)
    }

    /// The articles a paragraph engages with those of its counterparts
    /// (a recommendation takes its concern's): what `art:` searches and
    /// exports write as `articles_with_pair`. Sorted, each once.
    #[must_use]
    pub fn articles_with_pair(&self, p: &Paragraph) -> Vec<u32> {
        let mut articles = p.articles.clone();
        for other in &p.pair {
            if let Some(q) = self.paragraph(*other) {
                articles.extend(&q.articles);
            }
        }
        articles.sort_unstable();
        articles.dedup();
        articles
    }

    /// A footnote by number.
    #[must_use]
    pub fn footnote(&self, number: u32) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.number == number)
    }

    /// Every paragraph and item as a [`Unit`], in document order.
    #[must_use]
    pub fn units(&self) -> Vec<Unit<'_>> {
        let mut out = Vec::new();
        let topics = self
            .sections
            .iter()
            .flat_map(|s| s.topics.iter().map(move |t| (s, t)));
        for (topic_index, (section, topic)) in topics.enumerate() {
            for paragraph in &topic.paragraphs {
                paragraph_units(&mut out, section, topic, topic_index, paragraph);
            }
        }
        out
    }

    /// The units of one paragraph, as [`Document::units`] gives them:
    /// `topic` is the `topic_index`-th topic of the document (counted
    /// across sections) and holds `paragraph`. `None` past the end.
    #[must_use]
    pub fn paragraph_units(&self, topic_index: usize, paragraph: usize) -> Option<Vec<Unit<'_>>> {
        let (section, topic) = self
            .sections
            .iter()
            .flat_map(|s| s.topics.iter().map(move |t| (s, t)))
            .nth(topic_index)?;
        let mut out = Vec::new();
        paragraph_units(
            &mut out,
            section,
            topic,
            topic_index,
            topic.paragraphs.get(paragraph)?,
        );
        Some(out)
    }

    /// The `topic_index`-th topic of the document (counted across
    /// sections).
    #[must_use]
    pub fn topic(&self, topic_index: usize) -> Option<&Topic> {
        self.sections
            .iter()
            .flat_map(|s| &s.topics)
            .nth(topic_index)
    }

    /// The treaty body's short code (`CAT`, `CRPD`, `CESCR`…), from the
    /// symbol, or else from the committee's name.
    #[must_use]
    pub fn committee_code(&self) -> Option<&'static str> {
        use crate::import::formulae::{committee_of_name, committee_of_symbol};
        committee_of_symbol(&self.symbol)
            .or_else(|| committee_of_name(&self.committee))
            .map(|c| c.code)
    }
}

/// A paragraph's units (itself, its items, its parts and theirs), in
/// order, onto `out`.
fn paragraph_units<'a>(
    out: &mut Vec<Unit<'a>>,
    section: &'a Section,
    topic: &'a Topic,
    topic_index: usize,
    paragraph: &'a Paragraph,
) {
    let unit = Unit {
        unit: UnitKind::Paragraph,
        kind: paragraph.kind,
        reference: Reference::paragraph(paragraph.number),
        paragraph,
        section,
        heading: topic.heading.as_deref(),
        item_heading: None,
        topic: topic_index,
        text: &paragraph.text,
        follow_up: paragraph.follow_up,
        depth: 0,
    };
    out.push(unit.clone());
    push_items(out, &unit, &paragraph.items);
    for part in &paragraph.parts {
        let unit = Unit {
            unit: UnitKind::Part,
            kind: part.kind,
            text: &part.text,
            follow_up: false,
            item_heading: None,
            ..unit.clone()
        };
        out.push(unit.clone());
        push_items(out, &unit, &part.items);
    }
}

fn push_items<'a>(out: &mut Vec<Unit<'a>>, parent: &Unit<'a>, items: &'a [Item]) {
    for item in items {
        let unit = Unit {
            unit: UnitKind::Item,
            kind: parent.kind,
            reference: parent.reference.child(&item.label),
            paragraph: parent.paragraph,
            section: parent.section,
            heading: parent.heading,
            item_heading: item.heading.as_deref(),
            topic: parent.topic,
            text: &item.text,
            follow_up: item.follow_up,
            depth: parent.depth + 1,
        };
        out.push(unit.clone());
        push_items(out, &unit, &item.items);
    }
}
