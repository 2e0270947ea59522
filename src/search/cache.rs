//! The `search` command's index cache.
//!
//! Parsing a thousand RON documents and indexing them takes about a second;
//! reading back their index takes milliseconds. After a search over files
//! or folders, the index is written to the cache folder (below) with a
//! stamp of what it was made from: every file's path, size and modification
//! time, in load order, and the treatyview version. A later search over the
//! same paths uses the index only if the stamp still matches; otherwise it
//! reads the documents again and replaces the cache. `--no-cache` skips it.
//! [`Index::for_paths`] is the way in.
//!
//! The cache folder is `$TREATYVIEW_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/treatyview`, else `~/.cache/treatyview`. A cache that
//! cannot be read or written costs time, never a result.

use super::Index;
use super::map::WordHasher;
use crate::library::{self, Library, LoadError};
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An index over files and folders, and what did not open.
pub struct Searched {
    /// The index over the documents that opened.
    pub index: Index,
    /// Files that failed to open, one line each (path and error).
    pub failures: Vec<String>,
    /// Duplicates skipped, one line each.
    pub warnings: Vec<String>,
}

impl Index {
    /// The index over files and folders, as the `search` command uses it:
    /// the embedded document's when `paths` is empty; else the cached one
    /// when it is current, or one built now and cached. Files that fail to
    /// open are listed, not fatal (the list is cached beside the index).
    /// `use_cache` false neither reads nor writes the cache.
    ///
    /// # Errors
    /// Only when no document opens.
    pub fn for_paths(paths: &[PathBuf], use_cache: bool) -> Result<Searched, LoadError> {
        Self::searched(paths, use_cache, use_cache)
    }

    /// The index over files and folders built again from the files (and
    /// cached, when `use_cache`): for when the cached one proved stale
    /// ([`Index::stale`]).
    ///
    /// # Errors
    /// Only when no document opens.
    pub fn rebuilt_for_paths(paths: &[PathBuf], use_cache: bool) -> Result<Searched, LoadError> {
        Self::searched(paths, false, use_cache)
    }

    fn searched(paths: &[PathBuf], read: bool, write: bool) -> Result<Searched, LoadError> {
        if paths.is_empty() {
            return Ok(Searched {
                index: Index::build(Library::embedded()),
                failures: Vec::new(),
                warnings: Vec::new(),
            });
        }
        let mut unlisted = Vec::new();
        let mut files = Vec::new();
        for path in paths {
            match library::files(std::slice::from_ref(path)) {
                Ok(found) => files.extend(found),
                Err(e) => unlisted.push(e),
            }
        }
        if files.is_empty() {
            return Err(unlisted.remove(0));
        }
        let mut failures: Vec<String> = unlisted.iter().map(ToString::to_string).collect();
        // Without a cache folder or a stamp the index is simply built.
        let cached = folder()
            .filter(|_| write)
            .and_then(|folder| Some((Stamp::of(&files).ok()?, folder)));
        if let Some((stamp, folder)) = cached.as_ref().filter(|_| read)
            && let Some(index) = load(folder, stamp)
        {
            let (more, warnings) = load_notes(folder, stamp);
            failures.extend(more);
            return Ok(Searched {
                index,
                failures,
                warnings,
            });
        }
        if cached.is_some() {
            // Building writes to the cache: first take away what earlier
            // runs stopped mid-write left there.
            library::stored::sweep();
        }
        let opened = Library::open(&files)?;
        let notes: Vec<String> = opened.failures.iter().map(ToString::to_string).collect();
        let stamp = cached.as_ref().map_or(&[][..], |(stamp, _)| stamp.bytes());
        let index = Index::build_stamped(Arc::new(opened.library), &opened.files, stamp);
        if let Some((stamp, folder)) = cached.as_ref().filter(|(stamp, _)| stamp.unchanged()) {
            // A cache that cannot be written only costs time next run.
            // (Nor is it written when a file changed while it was read.)
            // Notes only when there is something to note: a clean folder
            // leaves one file in the cache, its index.
            if save(folder, stamp, &index).is_ok()
                && !(notes.is_empty() && opened.warnings.is_empty())
            {
                let _ = save_notes(folder, stamp, &notes, &opened.warnings);
            }
        }
        failures.extend(notes);
        Ok(Searched {
            index,
            failures,
            warnings: opened.warnings,
        })
    }
}

/// The failures and warnings recorded beside a cached index: lines
/// starting `failed\t` or `warning\t`.
fn load_notes(folder: &Path, stamp: &Stamp) -> (Vec<String>, Vec<String>) {
    let text =
        std::fs::read_to_string(folder.join(format!("{}.notes", stamp.name))).unwrap_or_default();
    let mut failures = Vec::new();
    let mut warnings = Vec::new();
    for line in text.lines() {
        if let Some(f) = line.strip_prefix("failed\t") {
            failures.push(f.to_string());
        } else if let Some(w) = line.strip_prefix("warning\t") {
            warnings.push(w.to_string());
        }
    }
    (failures, warnings)
}

fn save_notes(
    folder: &Path,
    stamp: &Stamp,
    failures: &[String],
    warnings: &[String],
) -> std::io::Result<()> {
    let mut text = String::new();
    for f in failures {
        text.push_str(&format!("failed\t{}\n", f.replace('\n', " ")));
    }
    for w in warnings {
        text.push_str(&format!("warning\t{}\n", w.replace('\n', " ")));
    }
    library::replace_file(
        &folder.join(format!("{}.notes", stamp.name)),
        text.as_bytes(),
    )
}

/// Where index caches live, if a folder can be named: see
/// [`library::cache_folder`].
#[must_use]
pub fn folder() -> Option<PathBuf> {
    library::cache_folder()
}

/// What an index over some files is made from: their canonical paths,
/// sizes and modification times (to the nanosecond), and this version;
/// and the cache file's name, a hash of the paths.
#[derive(Clone)]
pub struct Stamp {
    bytes: Vec<u8>,
    name: String,
    files: Vec<PathBuf>,
}

impl Stamp {
    /// Examine `files` (each once).
    ///
    /// # Errors
    /// A file that cannot be examined.
    pub fn of(files: &[PathBuf]) -> std::io::Result<Stamp> {
        let mut bytes = format!("treatyview {}\n", env!("CARGO_PKG_VERSION")).into_bytes();
        let mut hash = WordHasher::default();
        for file in files {
            let path = std::fs::canonicalize(file)?;
            let meta = std::fs::metadata(&path)?;
            let modified = meta
                .modified()?
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            let path = path.as_os_str().as_encoded_bytes();
            hash.write(path);
            hash.write_u8(0);
            bytes.extend_from_slice(path);
            bytes.push(0);
            bytes.extend_from_slice(&meta.len().to_le_bytes());
            bytes.extend_from_slice(&modified.as_secs().to_le_bytes());
            bytes.extend_from_slice(&modified.subsec_nanos().to_le_bytes());
        }
        Ok(Stamp {
            bytes,
            name: format!("index-{:016x}.tvix", hash.finish()),
            files: files.to_vec(),
        })
    }

    /// Whether the files are still as stamped: after reading them, to
    /// know that what was read is what the stamp describes.
    #[must_use]
    pub fn unchanged(&self) -> bool {
        Stamp::of(&self.files).is_ok_and(|now| now.bytes == self.bytes)
    }

    /// The stamp as recorded in an index.
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// The cached index for the stamped files, if there is one and it is
/// current.
#[must_use]
pub fn load(folder: &Path, stamp: &Stamp) -> Option<Index> {
    let file = std::fs::File::open(folder.join(&stamp.name)).ok()?;
    let index = Index::open(file).ok()?;
    (index.stamp() == stamp.bytes()).then_some(index)
}

/// Write an index to the cache (a temporary file, then a rename, so a
/// reader never sees half of one).
///
/// # Errors
/// When the folder or the file cannot be written.
pub fn save(folder: &Path, stamp: &Stamp, index: &Index) -> std::io::Result<()> {
    let bytes = index.bytes().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "an index read from the cache is already there",
        )
    })?;
    std::fs::create_dir_all(folder)?;
    library::replace_file(&folder.join(&stamp.name), bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Library, to_ron};
    use crate::search::Scope;

    #[test]
    fn a_saved_index_is_used_until_a_file_changes() {
        let dir = std::env::temp_dir().join(format!("tv-cache-{}", std::process::id()));
        let cache = dir.join("cache");
        std::fs::create_dir_all(&dir).unwrap();
        let library = Library::embedded();
        let file = dir.join("a.ron");
        std::fs::write(&file, to_ron(&library.documents[0])).unwrap();
        let files = vec![file.clone()];

        let first = Stamp::of(&files).unwrap();
        assert!(load(&cache, &first).is_none(), "nothing cached yet");
        let built = Index::build_stamped(Arc::new(library.clone()), &files, first.bytes());
        save(&cache, &first, &built).unwrap();
        let cached = load(&cache, &first).expect("cached");
        let query = "solitary confinment";
        assert_eq!(
            cached.search(query, Scope::All, 50),
            built.search(query, Scope::All, 50)
        );
        assert_eq!(cached.symbol(0), "CAT/C/KAZ/CO/4");
        assert!(!cached.stale());

        // The cached index reads its word lists and postings from the file
        // as searches need them: a file emptied behind its back gives no
        // results, and the index says it is stale (the `search` command
        // then builds it again).
        let open = load(&cache, &first).expect("cached");
        std::fs::File::create(cache.join(&first.name)).unwrap();
        assert_eq!(open.search("torture", Scope::All, 50), []);
        assert!(open.stale());
        save(&cache, &first, &built).unwrap();

        // A changed file changes the stamp: the cache is not used.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, to_ron(&library.documents[0]) + "\n").unwrap();
        let second = Stamp::of(&files).unwrap();
        assert_ne!(first.bytes(), second.bytes());
        assert_eq!(first.name, second.name, "same files, same cache file");
        assert!(load(&cache, &second).is_none());

        // A damaged cache file is ignored, not trusted.
        std::fs::write(cache.join(&first.name), b"TVIX garbage").unwrap();
        assert!(load(&cache, &first).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
