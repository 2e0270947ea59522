//! Opening a library without waiting for it.
//!
//! - The **shelf** is what a library held when it last opened: for each
//!   file its canonical path, size and modification time, and for each
//!   document that opened its metadata (symbol, committee, State, year,
//!   title…) without its text. It is kept in the cache folder
//!   (`shelves/`, one file per set of files). When every file is as the
//!   shelf recorded it, the browser draws its first frame from the shelf
//!   while the documents are read.
//! - [`Loading`] reads a [`Plan`] on a background thread, counting the
//!   files read, and writes the shelf when it is done.

use super::{LoadError, Opened, Plan};
use crate::document::{Document, FORMAT_VERSION};
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// One file as it was: canonical path, size, modification time and
/// identity. The document cache's key is made of it too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Entry {
    pub(super) path: PathBuf,
    pub(super) size: u64,
    pub(super) secs: u64,
    pub(super) nanos: u32,
    /// See [`super::stored::identity`].
    pub(super) identity: String,
}

impl Entry {
    /// The file as it is now, when it can be examined.
    pub(super) fn of(file: &Path) -> Option<Entry> {
        let path = std::fs::canonicalize(file).ok()?;
        let meta = std::fs::metadata(&path).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        Some(Entry {
            path,
            size: meta.len(),
            secs: modified.as_secs(),
            nanos: modified.subsec_nanos(),
            identity: super::stored::identity(&meta),
        })
    }
}

/// What the shelf file holds.
#[derive(Serialize, Deserialize)]
struct Shelf {
    /// Every file of the plan, in order.
    entries: Vec<Entry>,
    /// The documents that opened, without their text.
    documents: Vec<Document>,
}

/// The first line of a shelf file: a shelf from another build is not read.
fn first_line() -> String {
    format!(
        "{} shelf, document format {FORMAT_VERSION}",
        super::stored::build()
    )
}

/// The shelf file for a set of files (by their canonical paths).
fn shelf_file(folder: &Path, entries: &[Entry]) -> PathBuf {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for entry in entries {
        entry.path.hash(&mut hasher);
    }
    folder
        .join("shelves")
        .join(format!("{:016x}.json", hasher.finish()))
}

/// A document's metadata: everything but its text.
#[must_use]
pub fn spine(doc: &Document) -> Document {
    Document {
        format: doc.format,
        symbol: doc.symbol.clone(),
        committee: doc.committee.clone(),
        state: doc.state.clone(),
        title: doc.title.clone(),
        title_note: doc.title_note.clone(),
        sections: Vec::new(),
        footnotes: Vec::new(),
        title_notes: Vec::new(),
        preamble: Vec::new(),
        session: doc.session,
        year: doc.year,
        report: doc.report.clone(),
        language: doc.language.clone(),
        genre: doc.genre,
    }
}

/// The documents as the shelf recorded them, without their text, when
/// every file of `plan` is as it was then (and the cache is on).
#[must_use]
pub fn read(plan: &Plan) -> Option<Vec<Document>> {
    if super::stored::is_off() {
        return None;
    }
    read_in(&super::cache_folder()?, &plan.files)
}

/// [`read`] from a cache folder.
fn read_in(folder: &Path, files: &[PathBuf]) -> Option<Vec<Document>> {
    let entries: Vec<Entry> = files.iter().map(|f| Entry::of(f)).collect::<Option<_>>()?;
    let bytes = std::fs::read(shelf_file(folder, &entries)).ok()?;
    let newline = bytes.iter().position(|&b| b == b'\n')?;
    if bytes[..newline] != *first_line().as_bytes() {
        return None;
    }
    let shelf: Shelf = serde_json::from_slice(&bytes[newline + 1..]).ok()?;
    (shelf.entries == entries && !shelf.documents.is_empty()).then_some(shelf.documents)
}

/// The files as they are now, when each can be examined.
fn entries(files: &[PathBuf]) -> Option<Vec<Entry>> {
    files.iter().map(|f| Entry::of(f)).collect()
}

/// Record what opened from files as they were before they were read, for
/// the next open's first frame. A shelf that cannot be written only costs
/// time.
fn write(entries: Vec<Entry>, opened: &Opened) {
    if super::stored::is_off() {
        return;
    }
    if let Some(folder) = super::cache_folder() {
        write_in(&folder, entries, opened);
    }
}

/// [`write`] into a cache folder.
fn write_in(folder: &Path, entries: Vec<Entry>, opened: &Opened) {
    let file = shelf_file(folder, &entries);
    let shelf = Shelf {
        entries,
        documents: opened.library.documents.iter().map(spine).collect(),
    };
    let Ok(json) = serde_json::to_vec(&shelf) else {
        return;
    };
    let mut bytes = first_line().into_bytes();
    bytes.push(b'\n');
    bytes.extend_from_slice(&json);
    if let Some(dir) = file.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        let _ = super::replace_cache_file(&file, &bytes);
    }
}

/// A library being read on a background thread.
pub struct Loading {
    /// How many files there are to read.
    pub total: usize,
    /// How many have been read.
    done: Arc<AtomicUsize>,
    receive: Receiver<Result<Opened, LoadError>>,
}

impl Loading {
    /// Start reading `plan`'s files; the shelf is written when they are
    /// read.
    #[must_use]
    pub fn start(plan: Plan) -> Loading {
        let done = Arc::new(AtomicUsize::new(0));
        let (send, receive) = channel();
        let total = plan.files.len();
        let counter = Arc::clone(&done);
        std::thread::spawn(move || {
            // As the files are before they are read: one changed while it
            // is read is read again next time.
            super::stored::sweep();
            let before = entries(&plan.files);
            let opened = plan.open(&counter);
            if let (Ok(opened), Some(before)) = (&opened, before) {
                write(before, opened);
            }
            let _ = send.send(opened);
        });
        Loading {
            total,
            done,
            receive,
        }
    }

    /// How many files have been read so far.
    #[must_use]
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed).min(self.total)
    }

    /// The library, once every file is read.
    ///
    /// # Errors
    /// When nothing opened: the first failure. A reader that died is said
    /// as an error too.
    #[must_use]
    pub fn poll(&self) -> Option<Result<Opened, LoadError>> {
        match self.receive.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(LoadError::Io {
                path: PathBuf::new(),
                message: "the documents could not be read (the reader stopped)".into(),
            })),
        }
    }

    /// Wait for the library.
    ///
    /// # Errors
    /// As [`Loading::poll`].
    pub fn wait(self) -> Result<Opened, LoadError> {
        self.receive.recv().unwrap_or_else(|_| {
            Err(LoadError::Io {
                path: PathBuf::new(),
                message: "the documents could not be read (the reader stopped)".into(),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    #[test]
    fn the_shelf_holds_the_metadata_while_every_file_is_as_it_was() {
        let dir = std::env::temp_dir().join(format!("tv-shelf-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let docs = dir.join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        let mut seed = Library::embedded().documents.remove(0);
        let a = docs.join("a.ron");
        let b = docs.join("b.ron");
        std::fs::write(&a, crate::library::to_ron(&seed)).unwrap();
        seed.symbol = "CAT/C/XYZ/CO/1".into();
        std::fs::write(&b, crate::library::to_ron(&seed)).unwrap();
        let files = vec![a.clone(), b.clone()];
        let cache = dir.join("cache");
        assert!(
            read_in(&cache, &files).is_none(),
            "nothing on the shelf yet"
        );
        let opened = Library::open(&files).unwrap();
        write_in(&cache, entries(&files).unwrap(), &opened);
        let spines = read_in(&cache, &files).expect("the shelf is current");
        let symbols: Vec<&str> = spines.iter().map(|d| d.symbol.as_str()).collect();
        assert_eq!(symbols, ["CAT/C/KAZ/CO/4", "CAT/C/XYZ/CO/1"]);
        assert_eq!(spines[0].state, "Kazakhstan");
        assert_eq!(spines[0].year, Some(2023));
        assert!(
            spines
                .iter()
                .all(|d| d.sections.is_empty() && d.footnotes.is_empty())
        );
        // Another set of files has a shelf of its own.
        assert!(read_in(&cache, &files[..1]).is_none());
        // A changed file: the shelf is not used.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&b, crate::library::to_ron(&seed) + " ").unwrap();
        assert!(read_in(&cache, &files).is_none(), "b.ron changed");
        // A file gone: not used either.
        write_in(
            &cache,
            entries(&files).unwrap(),
            &Library::open(&files).unwrap(),
        );
        assert!(read_in(&cache, &files).is_some());
        std::fs::remove_file(&b).unwrap();
        assert!(read_in(&cache, &files).is_none(), "b.ron is gone");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
