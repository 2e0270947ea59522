//! A selection in a list and the rows of it in view. The outline's rows
//! and the search pane's results move the same way: clamped to the list,
//! the view following the selection.

/// The selected row, the first row in view and how many rows are in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    /// Selected row.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
    /// Visible rows (set from the layout).
    pub height: usize,
}

impl ListCursor {
    /// Move the selection by `delta` rows in a list of `len`, clamped.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        self.select(self.selected.saturating_add_signed(delta), len);
    }

    /// Select a row of a list of `len`, clamped.
    pub fn select(&mut self, index: usize, len: usize) {
        self.selected = index.min(len.saturating_sub(1));
        self.keep_visible();
    }

    /// Set the visible height and keep the selection in view.
    pub fn set_height(&mut self, height: usize) {
        self.height = height;
        self.keep_visible();
    }

    /// Back to the first row.
    pub fn reset(&mut self) {
        self.selected = 0;
        self.offset = 0;
    }

    /// Scroll just enough that the selection is in view.
    pub fn keep_visible(&mut self) {
        let height = self.height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ListCursor;

    #[test]
    fn the_view_follows_the_selection_and_moves_are_clamped() {
        let mut c = ListCursor {
            height: 3,
            ..ListCursor::default()
        };
        c.move_by(4, 10);
        assert_eq!((c.selected, c.offset), (4, 2));
        c.move_by(100, 10);
        assert_eq!((c.selected, c.offset), (9, 7));
        c.move_by(-100, 10);
        assert_eq!((c.selected, c.offset), (0, 0));
        c.select(5, 0);
        assert_eq!(c.selected, 0, "an empty list selects row 0");
    }
}
