//! The outline pane: sections → thematic headings → paragraphs,
//! collapsible, with a selection; and its drawing. With several
//! documents open, they are grouped above that: committee (when there
//! are several) → State (when it has several documents) → document,
//! each group with its count, sorted by committee, State and year.

use super::{Look, block, fit};
use crate::document::Kind;
use crate::library::Library;
use crate::search::words::fold;
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::list::ListCursor;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::HashSet;
use std::ops::Deref;

/// One row's target.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    /// The documents of one committee (its code).
    Committee(String),
    /// The documents of one State before one committee.
    State(String, String),
    /// A whole document.
    Document(usize),
    /// A section of a document.
    Section(usize, usize),
    /// A thematic heading: (document, section, topic).
    Heading(usize, usize, usize),
    /// A paragraph: (document, number).
    Paragraph(usize, u32),
}

/// A visible row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What it stands for.
    pub node: Node,
    /// Nesting depth.
    pub depth: usize,
    /// Text shown.
    pub text: String,
    /// The kind, for paragraph rows.
    pub kind: Option<Kind>,
    /// Has children that can be collapsed.
    pub parent: bool,
    /// Is collapsed.
    pub collapsed: bool,
    /// The paragraph this row opens: (document, number).
    pub target: (usize, u32),
}

/// How much of the outline `z` shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// Every row.
    #[default]
    All,
    /// Sections and headings, paragraphs folded.
    Headings,
    /// Sections only.
    Sections,
}

impl Detail {
    /// The next level for `z`.
    #[must_use]
    pub fn next(self) -> Detail {
        match self {
            Detail::All => Detail::Headings,
            Detail::Headings => Detail::Sections,
            Detail::Sections => Detail::All,
        }
    }

    /// What the status line says.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Detail::All => "every paragraph",
            Detail::Headings => "headings only",
            Detail::Sections => "sections only",
        }
    }
}

/// Outline state.
#[derive(Debug, Clone, Default)]
pub struct OutlinePane {
    /// Visible rows.
    pub rows: Vec<Row>,
    /// The selected row and the rows in view.
    pub list: ListCursor,
    /// The level `z` last set.
    pub detail: Detail,
    collapsed: HashSet<Node>,
    /// Each document's group rows (committee, State), outermost first,
    /// for following a document whose group is collapsed.
    ancestors: Vec<Vec<Node>>,
}

/// Words that open paragraphs in every document ("The Committee is
/// deeply concerned about", "The State party should, as a matter of
/// priority,"): a row that starts with them says nothing at 80 columns.
const FORMULA: &[&str] = &[
    "the",
    "committee",
    "committee’s",
    "state",
    "party",
    "party’s",
    "is",
    "are",
    "also",
    "further",
    "deeply",
    "seriously",
    "gravely",
    "concerned",
    "remains",
    "notes",
    "note",
    "noting",
    "with",
    "interest",
    "appreciation",
    "concern",
    "about",
    "that",
    "welcomes",
    "appreciates",
    "appreciating",
    "commends",
    "urges",
    "urged",
    "should",
    "recommends",
    "reiterates",
    "its",
    "previous",
    "recommendations",
    "requests",
    "requested",
    "encourages",
    "to",
    "as",
    "a",
    "matter",
    "of",
    "priority",
    "while",
    "continue",
    "ensure",
];

/// What distinguishes a paragraph in its outline row: its text after the
/// opening formula, or, when the formula is all there is ("The State
/// party should:"), its first item's.
#[must_use]
pub fn row_label(p: &crate::document::Paragraph) -> String {
    let plain = crate::document::plain(&p.text);
    let rest = after_formula(&plain);
    if rest.is_empty() {
        if let Some(item) = p.items.first() {
            let item = crate::document::plain(&item.text);
            let rest = after_formula(&item);
            let rest = if rest.is_empty() { &item } else { rest };
            return format!("({}) {}", p.items[0].label, capital(rest));
        }
        return plain;
    }
    capital(rest)
}

/// The words with a capital, as a label starts.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn after_formula(text: &str) -> &str {
    let mut rest = text.trim_start();
    while let Some(word) = rest.split_whitespace().next() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '’');
        if !FORMULA.contains(&bare.to_lowercase().as_str()) {
            break;
        }
        rest = rest[word.len()..].trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    }
    rest
}

/// The pane reads as its list: `pane.selected`, `pane.offset`.
impl Deref for OutlinePane {
    type Target = ListCursor;

    fn deref(&self) -> &ListCursor {
        &self.list
    }
}

/// A library of at least this many documents opens with its groups
/// collapsed: a thousand documents' sections would be a long list to
/// scroll past.
pub const COLLAPSED_FROM: usize = 10;

/// The documents of one committee, by State.
struct CommitteeGroup {
    code: String,
    states: Vec<(String, Vec<usize>)>,
}

impl CommitteeGroup {
    fn documents(&self) -> usize {
        self.states.iter().map(|s| s.1.len()).sum()
    }
}

/// The library grouped by committee, then State, then year and symbol.
fn groups(library: &Library) -> Vec<CommitteeGroup> {
    let docs = &library.documents;
    let committee = |d: usize| {
        docs[d]
            .committee_code()
            .map_or_else(|| docs[d].committee.clone(), str::to_string)
    };
    // States in alphabetical order whatever their accents ("Équateur"
    // among the E's).
    let key = |d: usize| {
        (
            committee(d),
            fold(&docs[d].state),
            docs[d].year,
            docs[d].symbol.clone(),
        )
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_cached_key(|&d| key(d));
    let mut out: Vec<CommitteeGroup> = Vec::new();
    for d in order {
        let code = committee(d);
        if out.last().is_none_or(|g| g.code != code) {
            out.push(CommitteeGroup {
                code,
                states: Vec::new(),
            });
        }
        let group = out.last_mut().expect("pushed above");
        let state = &docs[d].state;
        match group.states.last_mut() {
            Some((name, list)) if name == state => list.push(d),
            _ => group.states.push((state.clone(), vec![d])),
        }
    }
    out
}

impl OutlinePane {
    /// Rows for a library: all expanded, or, from [`COLLAPSED_FROM`]
    /// documents, collapsed to the groups.
    #[must_use]
    pub fn new(library: &Library) -> Self {
        let mut pane = Self::default();
        if library.documents.len() >= COLLAPSED_FROM {
            pane.collapse_all(library);
        } else {
            pane.rebuild(library);
        }
        pane
    }

    /// Recompute visible rows after a collapse or expand.
    pub fn rebuild(&mut self, library: &Library) {
        let selected = self.rows.get(self.list.selected).map(|r| r.node.clone());
        self.rows.clear();
        if library.documents.len() > 1 {
            self.library_rows(library);
        } else if !library.documents.is_empty() {
            self.document_rows(library, 0, 0);
        }
        let selected = selected
            .and_then(|n| self.rows.iter().position(|r| r.node == n))
            .unwrap_or(self.list.selected);
        self.list.select(selected, self.rows.len());
    }

    /// A parent row; returns whether it is collapsed.
    fn group_row(&mut self, node: Node, depth: usize, text: String, target: (usize, u32)) -> bool {
        let collapsed = self.collapsed.contains(&node);
        self.rows.push(Row {
            node,
            depth,
            text,
            kind: None,
            parent: true,
            collapsed,
            target,
        });
        collapsed
    }

    /// Committee and State groups, and the documents in them.
    fn library_rows(&mut self, library: &Library) {
        let groups = groups(library);
        let several_committees = groups.len() > 1;
        self.ancestors = vec![Vec::new(); library.documents.len()];
        for group in &groups {
            for (state, documents) in &group.states {
                for &d in documents {
                    if several_committees {
                        self.ancestors[d].push(Node::Committee(group.code.clone()));
                    }
                    if documents.len() > 1 {
                        self.ancestors[d].push(Node::State(group.code.clone(), state.clone()));
                    }
                }
            }
        }
        let first = |d: usize| {
            library.documents[d]
                .paragraphs()
                .next()
                .map_or(1, |(_, _, p)| p.number)
        };
        for group in &groups {
            let mut depth = 0;
            if several_committees {
                let d = group.states[0].1[0];
                let text = format!("{} ({})", group.code, group.documents());
                let node = Node::Committee(group.code.clone());
                if self.group_row(node, 0, text, (d, first(d))) {
                    continue;
                }
                depth = 1;
            }
            for (state, documents) in &group.states {
                let mut depth = depth;
                let grouped = documents.len() > 1;
                if grouped {
                    let d = documents[0];
                    let text = format!("{state} ({})", documents.len());
                    let node = Node::State(group.code.clone(), state.clone());
                    if self.group_row(node, depth, text, (d, first(d))) {
                        continue;
                    }
                    depth += 1;
                }
                for &d in documents {
                    let doc = &library.documents[d];
                    let year = doc.year.map(|y| format!("{y} ")).unwrap_or_default();
                    // Under its State's row a document needs no State.
                    let text = if grouped {
                        format!("{year}{}", doc.symbol)
                    } else {
                        format!("{} {year}{}", doc.state, doc.symbol)
                    };
                    if !self.group_row(Node::Document(d), depth, text, (d, first(d))) {
                        self.document_rows(library, d, depth + 1);
                    }
                }
            }
        }
    }

    /// A document's sections, headings and paragraphs, from `base` deep.
    fn document_rows(&mut self, library: &Library, d: usize, base: usize) {
        let doc = &library.documents[d];
        let first = doc.paragraphs().next().map_or(1, |(_, _, p)| p.number);
        for (s, section) in doc.sections.iter().enumerate() {
            let first = section
                .topics
                .iter()
                .find_map(|t| t.paragraphs.first())
                .map_or(first, |p| p.number);
            let mut depth = base;
            let mut hidden = false;
            if let Some(label) = &section.label {
                let node = Node::Section(d, s);
                hidden = self.collapsed.contains(&node);
                self.rows.push(Row {
                    node,
                    depth,
                    text: format!("{label}. {}", section.title),
                    kind: None,
                    parent: true,
                    collapsed: hidden,
                    target: (d, first),
                });
                depth += 1;
            }
            if hidden {
                continue;
            }
            for (t, topic) in section.topics.iter().enumerate() {
                let mut depth = depth;
                if let Some(heading) = &topic.heading {
                    let node = Node::Heading(d, s, t);
                    let collapsed = self.collapsed.contains(&node);
                    self.rows.push(Row {
                        node,
                        depth,
                        text: heading.clone(),
                        kind: None,
                        parent: true,
                        collapsed,
                        target: (d, topic.paragraphs.first().map_or(first, |p| p.number)),
                    });
                    if collapsed {
                        continue;
                    }
                    depth += 1;
                }
                for p in &topic.paragraphs {
                    let words = row_label(p);
                    self.rows.push(Row {
                        node: Node::Paragraph(d, p.number),
                        depth,
                        text: format!("{:>2} {words}", p.number),
                        kind: Some(p.kind),
                        parent: false,
                        collapsed: false,
                        target: (d, p.number),
                    });
                }
            }
        }
    }

    /// Collapse everything to the top level: committees, or States, or
    /// documents, or (one document) its sections.
    pub fn collapse_all(&mut self, library: &Library) {
        self.collapsed.clear();
        for group in groups(library) {
            self.collapsed.insert(Node::Committee(group.code.clone()));
            for (state, documents) in &group.states {
                self.collapsed
                    .insert(Node::State(group.code.clone(), state.clone()));
                self.collapsed
                    .extend(documents.iter().map(|&d| Node::Document(d)));
            }
        }
        if library.documents.len() == 1 {
            let sections = library.documents[0].sections.len();
            self.collapsed
                .extend((0..sections).map(|s| Node::Section(0, s)));
        }
        self.rebuild(library);
    }

    /// Expand every row.
    pub fn expand_all(&mut self, library: &Library) {
        self.collapsed.clear();
        self.detail = Detail::All;
        self.rebuild(library);
    }

    /// The selected row.
    #[must_use]
    pub fn current(&self) -> Option<&Row> {
        self.rows.get(self.list.selected)
    }

    /// Move the selection by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        self.list.move_by(delta, self.rows.len());
    }

    /// Select a row by index, clamped.
    pub fn select(&mut self, index: usize) {
        self.list.select(index, self.rows.len());
    }

    /// Move for a navigation action (rows, pages, ends, collapse and
    /// expand). Returns false for an action the outline does not handle.
    pub fn handle(&mut self, action: Action, library: &Library) -> bool {
        let rows = self.list.height.max(2) as isize;
        match action {
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::HalfPageDown => self.move_by(rows / 2),
            Action::HalfPageUp => self.move_by(-rows / 2),
            Action::PageDown => self.move_by(rows - 1),
            Action::PageUp => self.move_by(-(rows - 1)),
            Action::Top => self.select(0),
            Action::Bottom => self.select(usize::MAX),
            Action::Collapse => self.collapse(library),
            Action::Expand => self.expand(library),
            _ => return false,
        }
        true
    }

    /// Select the row shown at `row` of the view (0: the first in view).
    pub fn select_visible(&mut self, row: usize) {
        self.select(self.list.offset + row);
    }

    /// Select the deepest row that opens this paragraph (the paragraph
    /// row itself, or its collapsed ancestor).
    pub fn follow(&mut self, doc: usize, paragraph: u32) {
        let hit = self
            .rows
            .iter()
            .position(|r| r.node == Node::Paragraph(doc, paragraph))
            .or_else(|| {
                self.rows.iter().rposition(|r| {
                    r.target.0 == doc
                        && r.target.1 <= paragraph
                        && !matches!(r.node, Node::Committee(_) | Node::State(..))
                })
            })
            .or_else(|| {
                // The document is inside a collapsed group: select the
                // group.
                self.ancestors
                    .get(doc)?
                    .iter()
                    .rev()
                    .find_map(|node| self.rows.iter().position(|r| r.node == *node))
            });
        if let Some(i) = hit {
            self.select(i);
        }
    }

    /// Collapse the selected row (or, on a paragraph, its heading).
    pub fn collapse(&mut self, library: &Library) {
        let Some(row) = self.current().cloned() else {
            return;
        };
        let node = if row.parent {
            row.node
        } else {
            // Collapse the row's parent: the nearest shallower row above.
            match self.rows[..self.list.selected]
                .iter()
                .rev()
                .find(|r| r.depth < row.depth)
            {
                Some(parent) => parent.node.clone(),
                None => return,
            }
        };
        self.collapsed.insert(node.clone());
        self.rebuild(library);
        if let Some(i) = self.rows.iter().position(|r| r.node == node) {
            self.select(i);
        }
    }

    /// Show the next level of detail (every paragraph, headings only,
    /// sections only), keeping the selection on the row that holds
    /// `here` (document, paragraph).
    pub fn fold(&mut self, library: &Library, here: (usize, u32)) -> Detail {
        self.detail = self.detail.next();
        // Groups and documents stay as they are; their insides fold.
        self.collapsed
            .retain(|n| matches!(n, Node::Committee(_) | Node::State(..) | Node::Document(_)));
        for (d, doc) in library.documents.iter().enumerate() {
            for (s, section) in doc.sections.iter().enumerate() {
                match self.detail {
                    Detail::All => {}
                    Detail::Headings => {
                        for t in 0..section.topics.len() {
                            self.collapsed.insert(Node::Heading(d, s, t));
                        }
                    }
                    Detail::Sections => {
                        self.collapsed.insert(Node::Section(d, s));
                    }
                }
            }
        }
        self.rebuild(library);
        self.follow(here.0, here.1);
        self.detail
    }

    /// Expand the selected row.
    pub fn expand(&mut self, library: &Library) {
        if let Some(row) = self.current() {
            let node = row.node.clone();
            if self.collapsed.remove(&node) {
                self.rebuild(library);
            }
        }
    }

    /// Set the visible height and keep the selection in view.
    pub fn set_height(&mut self, height: usize) {
        self.list.set_height(height);
    }

    /// Draw the pane: one row per visible node, kind letters for
    /// paragraphs, ▾/▸ for what can be collapsed, a sign before the
    /// paragraphs that are `marked` (document, number).
    pub fn render(
        &self,
        frame: &mut Frame<'_>,
        area: Rect,
        look: Look,
        marked: &HashSet<(usize, u32)>,
    ) {
        let Look { theme, focused } = look;
        let frame_block = block("Sections", focused, theme);
        let inner = frame_block.inner(area);
        frame.render_widget(frame_block, area);
        let lines: Vec<Line<'_>> = self
            .rows
            .iter()
            .enumerate()
            .skip(self.list.offset)
            .take(inner.height as usize)
            .map(|(i, row)| {
                let mut indent = "  ".repeat(row.depth);
                let sign = matches!(row.node, Node::Paragraph(d, n) if marked.contains(&(d, n)));
                if sign {
                    indent.pop();
                }
                let mut used = indent.len();
                let mut spans = vec![Span::raw(indent)];
                if sign {
                    spans.push(Span::styled(
                        super::marks::SIGN,
                        theme.kind(Kind::FollowUp).add_modifier(Modifier::BOLD),
                    ));
                    used += 1;
                }
                if let Some(kind) = row.kind {
                    spans.push(Span::styled(
                        kind.letter(),
                        theme.kind(kind).add_modifier(Modifier::BOLD),
                    ));
                    spans.push(Span::raw(" "));
                    used += 2;
                } else if row.parent {
                    spans.push(Span::raw(if row.collapsed { "▸ " } else { "▾ " }));
                    used += 2;
                }
                let text = fit(
                    &visible(&row.text),
                    (inner.width as usize).saturating_sub(used),
                );
                let style = if row.kind.is_none() {
                    Style::new().add_modifier(Modifier::BOLD)
                } else {
                    Style::new()
                };
                spans.push(Span::styled(text, style));
                let mut line = Line::from(spans);
                if i == self.list.selected {
                    line = line.style(theme.selected(focused));
                }
                line
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_outline_lists_sections_headings_and_paragraphs() {
        let lib = Library::embedded();
        let pane = OutlinePane::new(&lib);
        assert_eq!(pane.rows[0].node, Node::Paragraph(0, 1));
        assert_eq!(pane.rows[1].text, "A. Introduction");
        assert!(pane.rows.iter().any(|r| r.text == "Solitary confinement"));
        assert_eq!(pane.rows.iter().filter(|r| r.kind.is_some()).count(), 48);
    }

    #[test]
    fn collapse_hides_children_and_expand_restores_them() {
        let lib = Library::embedded();
        let mut pane = OutlinePane::new(&lib);
        let before = pane.rows.len();
        let c = pane
            .rows
            .iter()
            .position(|r| r.text.starts_with("C. "))
            .unwrap();
        pane.select(c);
        pane.collapse(&lib);
        assert_eq!(pane.rows.len(), c + 1);
        assert!(pane.current().unwrap().collapsed);
        pane.expand(&lib);
        assert_eq!(pane.rows.len(), before);
    }

    #[test]
    fn paragraph_rows_say_what_distinguishes_them() {
        // Issue 11, item 13: nearly every row read "C 25 The Committe…".
        let lib = Library::embedded();
        let pane = OutlinePane::new(&lib);
        let row = |n: u32| {
            pane.rows
                .iter()
                .find(|r| r.node == Node::Paragraph(0, n))
                .unwrap()
                .text
                .clone()
        };
        assert!(
            row(25).starts_with("25 Under articles 130 and 131"),
            "{}",
            row(25)
        );
        assert!(
            row(13).starts_with("13 Many consistent reports"),
            "{}",
            row(13)
        );
        assert!(
            row(10).starts_with("10 Bring the legal definition"),
            "{}",
            row(10)
        );
        assert!(
            row(24).starts_with("24 (a) All allegations of violence"),
            "{}",
            row(24)
        );
        assert!(
            row(17).starts_with("17 Statement made by the delegation"),
            "{}",
            row(17)
        );
        let formulaic = pane
            .rows
            .iter()
            .filter(|r| r.kind.is_some())
            .map(|r| r.text.split_once(' ').unwrap().1.trim_start())
            .filter(|t| t.starts_with("The Committee") || t.starts_with("The State party"))
            .count();
        assert_eq!(formulaic, 0);
    }

    #[test]
    fn z_folds_to_headings_then_sections_then_everything() {
        let lib = Library::embedded();
        let mut pane = OutlinePane::new(&lib);
        let all = pane.rows.len();
        assert_eq!(pane.fold(&lib, (0, 26)), Detail::Headings);
        assert!(!pane.rows.iter().any(|r| r.node == Node::Paragraph(0, 26)));
        assert!(pane.rows.len() < all / 2, "{} of {all}", pane.rows.len());
        assert_eq!(pane.current().unwrap().text, "Solitary confinement");
        assert_eq!(pane.fold(&lib, (0, 26)), Detail::Sections);
        assert!(pane.current().unwrap().text.starts_with("C. "));
        assert!(pane.rows.len() < 8, "{}", pane.rows.len());
        assert_eq!(pane.fold(&lib, (0, 26)), Detail::All);
        assert_eq!(pane.rows.len(), all);
        assert_eq!(pane.current().unwrap().node, Node::Paragraph(0, 26));
    }

    #[test]
    fn moving_is_clamped() {
        let lib = Library::embedded();
        let mut pane = OutlinePane::new(&lib);
        pane.move_by(-5);
        assert_eq!(pane.selected, 0);
        pane.move_by(10_000);
        assert_eq!(pane.selected, pane.rows.len() - 1);
    }

    /// The seed under other symbols, States and years: two committees,
    /// Canada twice before CAT.
    fn shelf(count: usize) -> Library {
        let seed = &Library::embedded().documents[0];
        let doc = |symbol: &str, state: &str, year: u32| {
            let mut d = seed.clone();
            d.symbol = symbol.into();
            d.state = state.into();
            d.year = Some(year);
            d
        };
        let mut documents = vec![
            doc("CRPD/C/ECU/CO/2-3", "Équateur", 2019),
            doc("CAT/C/CAN/CO/8", "Canada", 2024),
            doc("CAT/C/KAZ/CO/4", "Kazakhstan", 2023),
            doc("CAT/C/CAN/CO/7", "Canada", 2018),
            doc("CRPD/C/CAN/CO/1", "Canada", 2017),
        ];
        for i in documents.len()..count {
            documents.push(doc(
                &format!("CRPD/C/X{i:02}/CO/1"),
                &format!("State {i:02}"),
                2020,
            ));
        }
        Library { documents }
    }

    fn texts(pane: &OutlinePane) -> Vec<String> {
        pane.rows
            .iter()
            .filter(|r| r.parent && !matches!(r.node, Node::Section(..) | Node::Heading(..)))
            .map(|r| format!("{}{}", "  ".repeat(r.depth), r.text))
            .collect()
    }

    #[test]
    fn a_library_is_grouped_by_committee_state_and_year_with_counts() {
        let lib = shelf(5);
        let pane = OutlinePane::new(&lib);
        assert_eq!(
            texts(&pane),
            [
                "CAT (3)",
                "  Canada (2)",
                "    2018 CAT/C/CAN/CO/7",
                "    2024 CAT/C/CAN/CO/8",
                "  Kazakhstan 2023 CAT/C/KAZ/CO/4",
                "CRPD (2)",
                "  Canada 2017 CRPD/C/CAN/CO/1",
                "  Équateur 2019 CRPD/C/ECU/CO/2-3",
            ]
        );
        // A small library opens expanded: every document's paragraphs.
        let paragraphs = pane.rows.iter().filter(|r| r.kind.is_some()).count();
        assert_eq!(paragraphs, 5 * 48);
        // Under a document, its sections sit one level deeper.
        let kaz = pane
            .rows
            .iter()
            .position(|r| r.node == Node::Document(2))
            .unwrap();
        assert_eq!(pane.rows[kaz + 1].node, Node::Paragraph(2, 1));
        assert_eq!(pane.rows[kaz + 1].depth, 2);
    }

    #[test]
    fn a_large_library_opens_collapsed_and_expands_and_collapses_all() {
        let lib = shelf(COLLAPSED_FROM);
        let mut pane = OutlinePane::new(&lib);
        let top: Vec<&str> = pane.rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            top,
            ["CAT (3)", format!("CRPD ({})", COLLAPSED_FROM - 3).as_str()]
        );
        assert!(pane.rows.iter().all(|r| r.collapsed));
        // Following a document inside a collapsed group selects the group.
        pane.follow(4, 26);
        assert_eq!(pane.current().unwrap().text, "CRPD (7)");
        pane.expand_all(&lib);
        assert_eq!(
            pane.rows.iter().filter(|r| r.kind.is_some()).count(),
            COLLAPSED_FROM * 48
        );
        pane.follow(4, 26);
        assert_eq!(pane.current().unwrap().node, Node::Paragraph(4, 26));
        pane.collapse_all(&lib);
        assert_eq!(pane.rows.len(), 2);
        // Opening the CAT group shows its States and documents, collapsed.
        pane.select(0);
        pane.expand(&lib);
        assert_eq!(
            texts(&pane)[..3],
            [
                "CAT (3)",
                "  Canada (2)",
                "  Kazakhstan 2023 CAT/C/KAZ/CO/4"
            ]
        );
    }

    #[test]
    fn z_folds_inside_documents_and_leaves_groups_as_they_are() {
        let lib = shelf(5);
        let mut pane = OutlinePane::new(&lib);
        pane.select(0);
        pane.collapse(&lib); // CAT
        assert_eq!(pane.fold(&lib, (0, 26)), Detail::Headings);
        assert!(pane.rows[0].collapsed, "CAT stays collapsed");
        // CRPD's documents show their headings, not their paragraphs.
        assert!(pane.rows.iter().any(|r| r.text == "Solitary confinement"));
        assert!(
            !pane
                .rows
                .iter()
                .any(|r| matches!(r.node, Node::Paragraph(_, 26)))
        );
        assert!(!pane.rows.iter().any(|r| r.node == Node::Document(1)));
    }

    #[test]
    fn one_document_collapses_to_its_sections() {
        let lib = Library::embedded();
        let mut pane = OutlinePane::new(&lib);
        pane.collapse_all(&lib);
        let texts: Vec<&str> = pane.rows.iter().map(|r| r.text.as_str()).collect();
        assert!(texts[0].starts_with(" 1 Considered the fourth periodic report"));
        assert!(texts[1..].iter().all(|t| t.contains(". ")), "{texts:?}");
        assert_eq!(texts.len(), 4, "{texts:?}");
    }
}
