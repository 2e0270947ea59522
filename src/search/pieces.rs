//! The big sections of a cached index, read from its file piece by piece
//! as a search asks for them.
//!
//! A search needs the posting lists of its own words and the word lists
//! of the units it scores and shows: a few kilobytes of the 20 MB that
//! `TOKENS`, `POSTINGS` and `EXTRA` take for a thousand documents. Those
//! sections stay in the file, and each request reads its bytes at their
//! offset (a positioned read: no shared cursor, so threads need no lock).
//! A section asked for in very many pieces (a broad query scoring tens
//! of thousands of units) is read whole, once, and served from memory
//! from then on.
//!
//! A read that fails (the file cut short behind the index's back) gives
//! no bytes and is remembered: the index then says it is stale, and the
//! `search` command, or the browser, builds it again.

use std::borrow::Cow;
use std::fs::File;
use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

/// Pieces read from a section before it is read whole instead.
pub const WHOLE_AFTER: usize = 2048;

/// One section left in the file.
struct Part {
    /// Where it is in the file.
    range: Range<u64>,
    /// The whole section, once it has been asked for often.
    whole: OnceLock<Box<[u8]>>,
    /// How many pieces were read from the file.
    reads: AtomicUsize,
}

/// Sections read from an index file on demand.
pub struct Pieces {
    file: File,
    parts: Vec<(usize, Part)>,
    /// Bytes read from the file so far, the index's head included.
    read: AtomicU64,
    failed: AtomicBool,
}

impl Pieces {
    /// Sections `(number, range in the file)` to be read from `file`;
    /// `already` bytes were read to open it.
    pub fn new(file: File, sections: &[(usize, Range<u64>)], already: u64) -> Pieces {
        Pieces {
            file,
            parts: sections
                .iter()
                .map(|(s, range)| {
                    let part = Part {
                        range: range.clone(),
                        whole: OnceLock::new(),
                        reads: AtomicUsize::new(0),
                    };
                    (*s, part)
                })
                .collect(),
            read: AtomicU64::new(already),
            failed: AtomicBool::new(false),
        }
    }

    /// Whether section `s` is one of these.
    pub fn holds(&self, s: usize) -> bool {
        self.parts.iter().any(|(n, _)| *n == s)
    }

    /// Bytes `span` of section `s` (empty when the file cannot give
    /// them, which is remembered: see [`Pieces::failed`]).
    pub fn get(&self, s: usize, span: Range<usize>) -> Cow<'_, [u8]> {
        let Some((_, part)) = self.parts.iter().find(|(n, _)| *n == s) else {
            return Cow::Borrowed(&[]);
        };
        if let Some(whole) = part.whole.get() {
            return Cow::Borrowed(self.slice(whole, span));
        }
        if span.is_empty() {
            return Cow::Borrowed(&[]);
        }
        if part.reads.fetch_add(1, Ordering::Relaxed) >= WHOLE_AFTER {
            let whole = part.whole.get_or_init(|| {
                let len = usize::try_from(part.range.end - part.range.start).unwrap_or(0);
                self.read_at(part.range.start, len).unwrap_or_default()
            });
            return Cow::Borrowed(self.slice(whole, span));
        }
        let (Ok(start), Ok(len)) = (u64::try_from(span.start), u64::try_from(span.len())) else {
            return Cow::Borrowed(&[]);
        };
        let at = part.range.start + start;
        if at + len > part.range.end {
            self.failed.store(true, Ordering::Relaxed);
            return Cow::Borrowed(&[]);
        }
        Cow::Owned(self.read_at(at, span.len()).unwrap_or_default().into_vec())
    }

    fn slice<'a>(&self, whole: &'a [u8], span: Range<usize>) -> &'a [u8] {
        whole.get(span).unwrap_or_else(|| {
            self.failed.store(true, Ordering::Relaxed);
            &[]
        })
    }

    /// `len` bytes at `at`, or `None` (and failed) when the file cannot
    /// give them.
    fn read_at(&self, at: u64, len: usize) -> Option<Box<[u8]>> {
        let mut buf = vec![0; len].into_boxed_slice();
        if read_exact_at(&self.file, &mut buf, at).is_err() {
            self.failed.store(true, Ordering::Relaxed);
            return None;
        }
        self.read.fetch_add(len as u64, Ordering::Relaxed);
        Some(buf)
    }

    /// Bytes read from the file so far.
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    /// Bytes held in memory: the sections read whole.
    pub fn held(&self) -> usize {
        self.parts
            .iter()
            .filter_map(|(_, p)| p.whole.get().map(|w| w.len()))
            .sum()
    }

    /// Whether a read failed.
    pub fn failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }
}

/// Fill `buf` from `file` at offset `at`, leaving the file's cursor alone.
///
/// # Errors
/// When the file ends first or cannot be read.
pub fn read_exact_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
    }
    #[cfg(windows)]
    {
        let mut done = 0;
        while done < buf.len() {
            let n =
                std::os::windows::fs::FileExt::seek_read(file, &mut buf[done..], at + done as u64)?;
            if n == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_come_from_their_section_and_never_from_beyond_it() {
        let dir = std::env::temp_dir().join(format!("tv-pieces-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("file");
        std::fs::write(&path, b"headAAAABBBBBBtail").unwrap();
        // Section 1 is "AAAA", section 2 "BBBBBB".
        let pieces = Pieces::new(File::open(&path).unwrap(), &[(1, 4..8), (2, 8..14)], 4);
        assert!(pieces.holds(2) && !pieces.holds(0));
        assert_eq!(&*pieces.get(2, 1..3), b"BB");
        assert_eq!(&*pieces.get(1, 0..4), b"AAAA");
        assert_eq!(pieces.bytes_read(), 4 + 2 + 4);
        assert!(!pieces.failed());
        // A section that is not one of these has no bytes.
        assert_eq!(&*pieces.get(0, 0..2), b"");
        assert!(!pieces.failed());
        // Past the end of "AAAA" is "BBBB", not part of it: refused.
        assert_eq!(&*pieces.get(1, 2..6), b"");
        assert!(pieces.failed());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
