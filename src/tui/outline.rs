//! The outline pane: documents (when several are open) → sections →
//! thematic headings → paragraphs, collapsible, with a selection.

use crate::document::Kind;
use crate::library::Library;
use std::collections::HashSet;

/// One row's target.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
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

/// Outline state.
#[derive(Debug, Clone, Default)]
pub struct OutlinePane {
    /// Visible rows.
    pub rows: Vec<Row>,
    /// Selected row.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
    /// Visible rows (set from the layout).
    pub height: usize,
    collapsed: HashSet<Node>,
}

impl OutlinePane {
    /// Rows for a library, all expanded.
    #[must_use]
    pub fn new(library: &Library) -> Self {
        let mut pane = Self::default();
        pane.rebuild(library);
        pane
    }

    /// Recompute visible rows after a collapse or expand.
    pub fn rebuild(&mut self, library: &Library) {
        let selected = self.rows.get(self.selected).map(|r| r.node.clone());
        self.rows.clear();
        let several = library.documents.len() > 1;
        for (d, doc) in library.documents.iter().enumerate() {
            let first = doc.paragraphs().next().map_or(1, |(_, _, p)| p.number);
            let base = usize::from(several);
            if several {
                let node = Node::Document(d);
                let collapsed = self.collapsed.contains(&node);
                self.rows.push(Row {
                    node,
                    depth: 0,
                    text: format!("{} {}", doc.symbol, doc.state),
                    kind: None,
                    parent: true,
                    collapsed,
                    target: (d, first),
                });
                if collapsed {
                    continue;
                }
            }
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
                        let words = crate::document::plain(&p.text);
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
        self.selected = selected
            .and_then(|n| self.rows.iter().position(|r| r.node == n))
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
        self.keep_visible();
    }

    /// The selected row.
    #[must_use]
    pub fn current(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    /// Move the selection by `delta` rows, clamped.
    pub fn move_by(&mut self, delta: isize) {
        self.selected = self
            .selected
            .saturating_add_signed(delta)
            .min(self.rows.len().saturating_sub(1));
        self.keep_visible();
    }

    /// Select a row by index, clamped.
    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
        self.keep_visible();
    }

    /// Select the deepest row that opens this paragraph (the paragraph
    /// row itself, or its collapsed ancestor).
    pub fn follow(&mut self, doc: usize, paragraph: u32) {
        let hit = self
            .rows
            .iter()
            .position(|r| r.node == Node::Paragraph(doc, paragraph))
            .or_else(|| {
                self.rows
                    .iter()
                    .rposition(|r| r.target.0 == doc && r.target.1 <= paragraph)
            });
        if let Some(i) = hit {
            self.selected = i;
            self.keep_visible();
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
            match self.rows[..self.selected]
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

    /// Expand the selected row.
    pub fn expand(&mut self, library: &Library) {
        if let Some(row) = self.current() {
            let node = row.node.clone();
            if self.collapsed.remove(&node) {
                self.rebuild(library);
            }
        }
    }

    fn keep_visible(&mut self) {
        let height = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }

    /// Set the visible height and keep the selection in view.
    pub fn set_height(&mut self, height: usize) {
        self.height = height;
        self.keep_visible();
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
    fn moving_is_clamped() {
        let lib = Library::embedded();
        let mut pane = OutlinePane::new(&lib);
        pane.move_by(-5);
        assert_eq!(pane.selected, 0);
        pane.move_by(10_000);
        assert_eq!(pane.selected, pane.rows.len() - 1);
    }
}
