//! The PDF front end: bytes → [`Page`]s of positioned [`Line`]s.
//!
//! `pdf-extract` walks each page's content stream and hands every
//! character to an [`OutputDev`] with its text matrix and font size. We
//! keep each glyph's position, advance and size, then rebuild lines by
//! position, because the order a PDF draws its text in is not the order a
//! person reads it (Word draws the first page's footer before its
//! masthead). Raised, smaller glyphs become [`Mark`]s — footnote markers —
//! lifted out of their line's text.
//!
//! PDF libraries have internal panics on malformed files; the whole read
//! runs under [`contain`], which turns a panic into an error.

use super::page::{Line, Mark, Page};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::cell::Cell;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// Not a PDF the library can parse (truncated, damaged).
    #[error("not a readable PDF ({0})")]
    Unreadable(String),
    /// Encrypted with a password we do not have.
    #[error("this PDF is encrypted with a password; treatyview cannot read it")]
    Encrypted,
    /// No text layer: a scanned image.
    #[error("this PDF is a scan: it has no text to import")]
    Scan,
    /// The PDF library panicked.
    #[error("the PDF reader failed on this file ({0})")]
    Panic(String),
}

/// One character as drawn: where, how big, how far it advances. Its
/// text lives in its page's buffer (one allocation per page, not per
/// character).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Glyph {
    x: f32,
    /// Baseline, from the top of the page.
    y: f32,
    size: f32,
    advance: f32,
    /// Byte range of the text in the page's buffer.
    start: u32,
    len: u32,
}

impl Glyph {
    fn text<'a>(&self, buffer: &'a str) -> &'a str {
        &buffer[self.start as usize..(self.start + self.len) as usize]
    }
}

/// A page's glyphs and the buffer their text lives in.
#[derive(Default)]
struct PageGlyphs {
    number: u32,
    height: f32,
    glyphs: Vec<Glyph>,
    text: String,
}

#[derive(Default)]
struct Collector {
    pages: Vec<PageGlyphs>,
    height: f32,
    /// Characters drawn rotated (side notes, barcodes): not text to read.
    rotated: usize,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = (media_box.ury - media_box.lly) as f32;
        self.pages.push(PageGlyphs {
            number: page_num,
            height: self.height,
            ..PageGlyphs::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if trm.m12.abs() > 1e-3 || trm.m21.abs() > 1e-3 {
            self.rotated += 1;
            return Ok(());
        }
        // The font size in page space, as pdf-extract's own text output
        // measures it.
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt() as f32;
        if !size.is_finite() || size <= 0.0 || text.is_empty() {
            return Ok(());
        }
        let (x, y) = (trm.m31 as f32, self.height - trm.m32 as f32);
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        if let Some(page) = self.pages.last_mut() {
            let start = page.text.len();
            page.text.extend(text.chars().filter(|&c| c != '\0'));
            page.glyphs.push(Glyph {
                x,
                y,
                size,
                advance: (width as f32 * size).max(0.0),
                start: start as u32,
                len: (page.text.len() - start) as u32,
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Read a PDF held in memory into pages of lines.
///
/// # Errors
/// [`PdfError`]: unreadable, encrypted, a scan, or a panic in the PDF
/// library (contained).
pub fn read(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    let collector = contain(|| -> Result<Collector, PdfError> {
        let doc = pdf_extract::Document::load_mem(bytes).map_err(|e| {
            let text = e.to_string();
            if text.to_lowercase().contains("decrypt") || text.to_lowercase().contains("password") {
                PdfError::Encrypted
            } else {
                PdfError::Unreadable(text)
            }
        })?;
        if doc.is_encrypted() {
            return Err(PdfError::Encrypted);
        }
        // Pages are independent: read them on every core, in order.
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(8);
        let chunk = pages.len().div_ceil(threads).max(1);
        let doc = &doc;
        let parts: Vec<Result<Collector, PdfError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = pages
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        contain(|| {
                            let mut collector = Collector::default();
                            for &page in part {
                                pdf_extract::output_doc_page(doc, &mut collector, page)
                                    .map_err(|e| PdfError::Unreadable(e.to_string()))?;
                            }
                            Ok(collector)
                        })
                        .map_err(PdfError::Panic)?
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(PdfError::Panic("a page reader stopped".into())))
                })
                .collect()
        });
        let mut collector = Collector::default();
        for part in parts {
            let part = part?;
            collector.pages.extend(part.pages);
            collector.rotated += part.rotated;
        }
        Ok(collector)
    })
    .map_err(PdfError::Panic)??;
    let pages: Vec<Page> = collector
        .pages
        .into_iter()
        .map(|page| Page {
            number: page.number,
            height: Some(page.height),
            lines: lines(page.glyphs, &page.text),
        })
        .collect();
    let letters: usize = pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if letters < 20 {
        return Err(PdfError::Scan);
    }
    Ok(pages)
}

thread_local! {
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
}

/// Run `f`, turning a panic into `Err(message)`. The panic is not printed:
/// a hook installed once stays quiet for panics inside `contain`.
///
/// # Errors
/// The panic's message.
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CONTAINED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = CONTAINED.with(|c| c.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string())
    })
}

/// Glyphs on one baseline, before they become a [`Line`].
struct Row {
    y: f32,
    glyphs: Vec<(Glyph, bool)>,
    /// The size most of its characters are set in (see [`Row::measure`]).
    size: f32,
}

impl Row {
    /// The size most of the row's characters are set in.
    fn measure(&self, buffer: &str) -> f32 {
        let mut sizes: Vec<(f32, usize)> = Vec::new();
        for (g, raised) in &self.glyphs {
            if *raised || g.text(buffer).trim().is_empty() {
                continue;
            }
            let key = (g.size * 2.0).round() / 2.0;
            match sizes.iter_mut().find(|(s, _)| (*s - key).abs() < 0.01) {
                Some((_, n)) => *n += 1,
                None => sizes.push((key, 1)),
            }
        }
        sizes
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.total_cmp(&b.0)))
            .map_or(0.0, |(s, _)| *s)
    }

    fn left(&self) -> f32 {
        self.glyphs
            .iter()
            .map(|(g, _)| g.x)
            .fold(f32::INFINITY, f32::min)
    }

    fn right(&self) -> f32 {
        self.glyphs
            .iter()
            .map(|(g, _)| g.x + g.advance)
            .fold(f32::NEG_INFINITY, f32::max)
    }
}

/// Rebuild reading lines from a page's glyphs.
fn lines(mut glyphs: Vec<Glyph>, buffer: &str) -> Vec<Line> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Some producers fake bold by drawing a glyph twice, a hair apart.
    glyphs.dedup_by(|b, a| {
        a.text(buffer) == b.text(buffer) && (a.x - b.x).abs() < 0.6 && (a.y - b.y).abs() < 0.6
    });
    let mut rows: Vec<Row> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (g.y - row.y).abs() <= 1.0 => row.glyphs.push((g, false)),
            _ => rows.push(Row {
                y: g.y,
                glyphs: vec![(g, false)],
                size: 0.0,
            }),
        }
    }
    for row in &mut rows {
        row.size = row.measure(buffer);
    }
    merge_raised(&mut rows);
    rows.into_iter()
        .filter_map(|row| line(row, buffer))
        .collect()
}

/// A row of small glyphs just above a row of larger ones is a run of
/// superscripts (footnote markers) belonging to that row.
fn merge_raised(rows: &mut Vec<Row>) {
    let mut i = 0;
    while i < rows.len() {
        let small = rows[i].size;
        let target = rows[i + 1..].iter().take(3).position(|below| {
            let size = below.size;
            let rise = below.y - rows[i].y;
            small > 0.0
                && small <= size * 0.85
                && rise > 0.8
                && rise < size * 0.75
                && rows[i].left() >= below.left() - size * 2.5
                && rows[i].right() <= below.right() + size * 2.5
        });
        // Only the nearest rows below can take a superscript.
        match target {
            Some(offset) if offset < 3 => {
                let row = rows.remove(i);
                let below = &mut rows[i + offset];
                below
                    .glyphs
                    .extend(row.glyphs.into_iter().map(|(g, _)| (g, true)));
            }
            _ => i += 1,
        }
    }
}

/// Lay a row's glyphs out left to right: spaces from gaps, the first wide
/// gap as the line's tab, raised runs as marks.
fn line(mut row: Row, buffer: &str) -> Option<Line> {
    let size = row.size;
    row.glyphs.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
    let size = if size > 0.0 {
        size
    } else {
        row.glyphs[0].0.size
    };
    let mut out = Line {
        x: Some(row.left()),
        y: Some(row.y),
        size: Some(size),
        ..Line::default()
    };
    let mut end: Option<f32> = None;
    let mut space = false;
    let mut wide = false;
    let mut mark: Option<Mark> = None;
    for (g, raised) in row.glyphs {
        let text = g.text(buffer);
        let blank = text.trim().is_empty();
        if let Some(e) = end {
            let gap = g.x - e;
            if gap > size * 0.15 {
                space = true;
            }
            if gap > size * 0.9 {
                wide = true;
            }
        }
        if blank {
            space = true;
            end = Some(end.map_or(g.x + g.advance, |e| e.max(g.x + g.advance)));
            continue;
        }
        if raised {
            // A marker keeps no space before it: "Canada1", "meetings,2".
            match &mut mark {
                Some(m) if !space => m.text.push_str(text),
                _ => {
                    if let Some(m) = mark.take() {
                        out.marks.push(m);
                    }
                    mark = Some(Mark {
                        at: out.text.trim_end().len(),
                        text: text.to_string(),
                    });
                }
            }
            space = false;
            end = Some(g.x + g.advance);
            continue;
        }
        if let Some(m) = mark.take() {
            out.marks.push(m);
        }
        if space && !out.text.is_empty() && !out.text.ends_with(' ') {
            if wide && out.tab.is_none() {
                out.text.push(' ');
                out.tab = Some(out.text.len());
            } else {
                out.text.push(' ');
            }
        } else if wide && out.tab.is_none() && !out.text.is_empty() {
            out.tab = Some(out.text.len());
        }
        space = false;
        wide = false;
        out.text.push_str(text);
        end = Some(g.x + g.advance);
    }
    if let Some(m) = mark.take() {
        out.marks.push(m);
    }
    // Marks never sit past the end of the text.
    let len = out.text.trim_end().len();
    out.text.truncate(len);
    for m in &mut out.marks {
        m.at = m.at.min(len);
    }
    if out.text.is_empty() && out.marks.is_empty() {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` set from `x` on baseline `y`, their text added
    /// to `buffer`.
    fn glyphs(buffer: &mut String, y: f32, size: f32, x: f32, text: &str) -> Vec<Glyph> {
        let w = size * 0.5;
        let mut at = x;
        text.chars()
            .map(|c| {
                let start = buffer.len() as u32;
                buffer.push(c);
                at += w;
                Glyph {
                    x: at - w,
                    y,
                    size,
                    advance: w,
                    start,
                    len: c.len_utf8() as u32,
                }
            })
            .collect()
    }

    #[test]
    fn rows_by_baseline_with_raised_markers_and_tabs() {
        let mut b = String::new();
        let mut g = glyphs(&mut b, 100.0, 10.0, 100.0, "1.");
        g.extend(glyphs(&mut b, 100.0, 10.0, 130.0, "Canada"));
        g.extend(glyphs(&mut b, 97.0, 6.0, 160.0, "12"));
        g.extend(glyphs(&mut b, 100.0, 10.0, 170.0, "and"));
        g.extend(glyphs(&mut b, 112.0, 10.0, 100.0, "next"));
        let lines = lines(g, &b);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "1. Canada and");
        assert_eq!(lines[0].tab, Some(3));
        assert_eq!(
            lines[0].marks,
            vec![Mark {
                at: 9,
                text: "12".into()
            }]
        );
        assert_eq!(lines[0].with_marks(), "1. Canada12 and");
        assert_eq!(lines[1].text, "next");
    }

    #[test]
    fn a_word_drawn_twice_a_hair_apart_for_bold_is_read_once() {
        let mut b = String::new();
        let mut g = glyphs(&mut b, 100.0, 10.0, 100.0, "Bold");
        g.extend(glyphs(&mut b, 100.0, 10.0, 100.3, "Bold"));
        // Drawn again a whole glyph away, it is another word.
        g.extend(glyphs(&mut b, 100.0, 10.0, 140.0, "ab"));
        g.extend(glyphs(&mut b, 100.0, 10.0, 145.0, "ab"));
        let lines = lines(g, &b);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "Bold abab");
    }

    #[test]
    fn contained_panic_is_an_error() {
        let r: Result<(), String> = contain(|| panic!("boom"));
        assert_eq!(r, Err("boom".to_string()));
    }

    #[test]
    fn garbage_is_unreadable_not_a_panic() {
        assert!(matches!(
            read(b"%PDF-1.4\ngarbage"),
            Err(PdfError::Unreadable(_) | PdfError::Panic(_))
        ));
    }
}
