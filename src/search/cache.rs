//! The `search` command's index cache.
//!
//! Parsing a thousand RON documents and indexing them takes about a second;
//! reading back their index takes milliseconds. After a search over files
//! or folders, the index is written to the cache folder (below) with a
//! stamp of what it was made from: every file's path, size and modification
//! time, in load order, and the treatyview version. A later search over the
//! same paths uses the index only if the stamp still matches; otherwise it
//! reads the documents again and replaces the cache. `--no-cache` skips it.
//!
//! The cache folder is `$TREATYVIEW_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/treatyview`, else `~/.cache/treatyview`. A cache that
//! cannot be read or written costs time, never a result.

use super::{Index, WordHasher};
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// Where index caches live, if a folder can be named.
#[must_use]
pub fn folder() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("TREATYVIEW_CACHE_DIR")
        .or_else(|| var("XDG_CACHE_HOME").map(|p| p.join("treatyview")))
        .or_else(|| var("HOME").map(|p| p.join(".cache").join("treatyview")))
}

/// What an index over `files` is made from: their canonical paths, sizes
/// and modification times (to the nanosecond), and this version.
///
/// # Errors
/// A file that cannot be examined.
pub fn stamp(files: &[PathBuf]) -> std::io::Result<Vec<u8>> {
    let mut out = format!("treatyview {}\n", env!("CARGO_PKG_VERSION")).into_bytes();
    for file in files {
        let path = std::fs::canonicalize(file)?;
        let meta = std::fs::metadata(&path)?;
        let modified = meta
            .modified()?
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        out.extend_from_slice(path.as_os_str().as_encoded_bytes());
        out.push(0);
        out.extend_from_slice(&meta.len().to_le_bytes());
        out.extend_from_slice(&modified.as_secs().to_le_bytes());
        out.extend_from_slice(&modified.subsec_nanos().to_le_bytes());
    }
    Ok(out)
}

/// The cache file for a set of files (named by a hash of their paths).
fn file_for(folder: &Path, files: &[PathBuf]) -> PathBuf {
    let mut hash = WordHasher::default();
    for file in files {
        let path = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        hash.write(path.as_os_str().as_encoded_bytes());
        hash.write_u8(0);
    }
    folder.join(format!("index-{:016x}.tvix", hash.finish()))
}

/// The cached index for `files`, if there is one and it is current.
#[must_use]
pub fn load(folder: &Path, files: &[PathBuf], stamp: &[u8]) -> Option<Index> {
    let bytes = std::fs::read(file_for(folder, files)).ok()?;
    let index = Index::from_bytes(bytes).ok()?;
    (index.stamp() == stamp).then_some(index)
}

/// Write an index to the cache (a temporary file, then a rename, so a
/// reader never sees half of one).
///
/// # Errors
/// When the folder or the file cannot be written.
pub fn save(folder: &Path, files: &[PathBuf], index: &Index) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    let target = file_for(folder, files);
    let temporary = target.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&temporary, index.bytes())?;
    std::fs::rename(&temporary, &target).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
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

        let first = stamp(&files).unwrap();
        assert!(load(&cache, &files, &first).is_none(), "nothing cached yet");
        let built = Index::build_stamped(&library, &first);
        save(&cache, &files, &built).unwrap();
        let cached = load(&cache, &files, &first).expect("cached");
        let query = "solitary confinment";
        assert_eq!(
            cached.search(query, Scope::All, 50),
            built.search(query, Scope::All, 50)
        );
        assert_eq!(cached.symbol(0), "CAT/C/KAZ/CO/4");

        // A changed file changes the stamp: the cache is not used.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&file, to_ron(&library.documents[0]) + "\n").unwrap();
        let second = stamp(&files).unwrap();
        assert_ne!(first, second);
        assert!(load(&cache, &files, &second).is_none());

        // A damaged cache file is ignored, not trusted.
        std::fs::write(file_for(&cache, &files), b"TVIX garbage").unwrap();
        assert!(load(&cache, &files, &first).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
