//! Where each pane goes: a pure function of the terminal size and the
//! focus (the search pane grows while it has the keys).

use super::action::Focus;
use ratatui::layout::Rect;

/// Smallest usable terminal.
pub const MIN_SIZE: (u16, u16) = (50, 12);

/// Where each pane goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Outline pane with its border.
    pub outline: Rect,
    /// Reader pane with its border.
    pub reader: Rect,
    /// The reader's text area.
    pub reader_text: Rect,
    /// Search pane with its border.
    pub search: Rect,
    /// The query line.
    pub query: Rect,
    /// The result rows.
    pub results: Rect,
    /// The status line.
    pub status: Rect,
}

/// Lay out a terminal of `width`×`height`. `None` when it is too small.
#[must_use]
pub fn areas(width: u16, height: u16, focus: Focus) -> Option<Areas> {
    if width < MIN_SIZE.0 || height < MIN_SIZE.1 {
        return None;
    }
    let status = Rect::new(0, height - 1, width, 1);
    let body = height - 1;
    let search_h = if focus == Focus::Search {
        (body * 2 / 5).max(6)
    } else {
        5
    };
    let main_h = body - search_h;
    // Small windows favour the text: below 70 columns the outline keeps
    // room for a kind letter, a number and a word, and the text the rest.
    let outline_w = if width < 70 {
        (width / 4).max(12)
    } else {
        (width * 3 / 10).clamp(22, 44)
    };
    let outline = Rect::new(0, 0, outline_w, main_h);
    let reader = Rect::new(outline_w, 0, width - outline_w, main_h);
    let search = Rect::new(0, main_h, width, search_h);
    Some(Areas {
        outline,
        reader,
        reader_text: reader_text(reader),
        search,
        query: query_line(search),
        results: results(search),
        status,
    })
}

/// Rows inside the reader's border from which a running head is worth
/// the row it takes from the text.
const HEAD_FROM: u16 = 8;

/// The reader's running head: the first row inside its border, naming the
/// heading and the citation of the text below (after a jump, they would
/// otherwise be scrolled away). `None` in a pane too short to spare it.
#[must_use]
pub fn reader_head(reader: Rect) -> Option<Rect> {
    (reader.height.saturating_sub(2) >= HEAD_FROM).then(|| {
        Rect::new(
            reader.x + 2,
            reader.y + 1,
            reader.width.saturating_sub(4),
            1,
        )
    })
}

/// The text area inside the reader pane: inside the border, under the
/// running head, with a column of margin on each side.
#[must_use]
pub fn reader_text(reader: Rect) -> Rect {
    let head = u16::from(reader_head(reader).is_some());
    Rect::new(
        reader.x + 2,
        reader.y + 1 + head,
        reader.width.saturating_sub(4),
        reader.height.saturating_sub(2 + head),
    )
}

/// The query line: the search pane's first row inside its border.
#[must_use]
pub fn query_line(search: Rect) -> Rect {
    Rect::new(
        search.x + 1,
        search.y + 1,
        search.width.saturating_sub(2),
        1,
    )
}

/// The result rows, under the query line.
#[must_use]
pub fn results(search: Rect) -> Rect {
    Rect::new(
        search.x + 1,
        search.y + 2,
        search.width.saturating_sub(2),
        search.height.saturating_sub(3),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_windows_favour_the_text() {
        // Issue 11, item 16: at 50×12 the text had ~24 columns.
        let a = areas(50, 12, Focus::Reader).unwrap();
        assert!(a.reader_text.width >= 34, "{:?}", a.reader_text);
        assert!(a.outline.width >= 12);
        for width in 50..200 {
            let a = areas(width, 24, Focus::Reader).unwrap();
            assert!(a.reader_text.width >= a.outline.width, "{width}");
        }
    }

    #[test]
    fn panes_tile_the_screen_and_search_grows_with_focus() {
        assert_eq!(areas(49, 24, Focus::Reader), None);
        let a = areas(80, 24, Focus::Reader).unwrap();
        assert_eq!(a.outline.width + a.reader.width, 80);
        assert_eq!(a.outline.height + a.search.height + a.status.height, 24);
        assert_eq!((a.query.y, a.results.height), (a.search.y + 1, 2));
        let s = areas(80, 24, Focus::Search).unwrap();
        assert!(s.search.height > a.search.height);
    }
}
