//! The document cache: every file that opens is kept, parsed, as JSON in
//! the cache folder (`docs/` under [`super::cache_folder`]), so that the
//! next open reads JSON — about ten times faster than RON, and no import
//! for a PDF — instead of the file.
//!
//! One cache file per source file, named by a hash of its canonical path.
//! Its first line records what it was made from: this build's version,
//! the format version, and the source's canonical path, size and
//! modification time (to the nanosecond). A changed file no longer matches
//! and is read again (that file only); a cache file that does not parse is
//! ignored and replaced. The browser, `search`, `export` and `list` all go
//! through it; `search --no-cache` turns it off for the run.

use crate::document::{Document, FORMAT_VERSION};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Off for a `--no-cache` run.
static OFF: AtomicBool = AtomicBool::new(false);

/// Neither read nor write the document cache in this process.
pub fn turn_off() {
    OFF.store(true, Ordering::Relaxed);
}

/// Is the cache off in this process?
#[must_use]
pub fn is_off() -> bool {
    OFF.load(Ordering::Relaxed)
}

/// What a cached document was made from, and where it is kept.
pub struct Key {
    /// The cache file.
    file: PathBuf,
    /// The first line its cache file must start with.
    line: String,
}

impl Key {
    /// The key of a source file, when there is a cache folder and the
    /// file can be examined.
    #[must_use]
    pub fn of(source: &Path) -> Option<Key> {
        if is_off() {
            return None;
        }
        let folder = super::cache_folder()?;
        let path = std::fs::canonicalize(source).ok()?;
        let meta = std::fs::metadata(&path).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        path.hash(&mut hasher);
        let line = format!(
            "treatyview {} document format {FORMAT_VERSION}\t{}\t{}\t{}.{:09}",
            env!("CARGO_PKG_VERSION"),
            // A path with a line break or tab would break the line: such a
            // file is simply not cached.
            path.to_str().filter(|p| !p.contains(['\n', '\t']))?,
            meta.len(),
            modified.as_secs(),
            modified.subsec_nanos(),
        );
        Some(Key {
            file: folder
                .join("docs")
                .join(format!("{:016x}.json", hasher.finish())),
            line,
        })
    }

    /// The cached document, if it is there and was made from the source
    /// as it is now.
    #[must_use]
    pub fn read(&self) -> Option<Document> {
        let bytes = std::fs::read(&self.file).ok()?;
        let newline = bytes.iter().position(|&b| b == b'\n')?;
        if bytes[..newline] != *self.line.as_bytes() {
            return None;
        }
        serde_json::from_slice(&bytes[newline + 1..]).ok()
    }

    /// Keep `doc` for the next open. A cache that cannot be written only
    /// costs time next time.
    pub fn write(&self, doc: &Document) {
        let Ok(json) = serde_json::to_vec(doc) else {
            return;
        };
        let mut bytes = Vec::with_capacity(self.line.len() + 1 + json.len());
        bytes.extend_from_slice(self.line.as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(&json);
        if let Some(dir) = self.file.parent()
            && std::fs::create_dir_all(dir).is_ok()
        {
            let _ = super::replace_file(&self.file, &bytes);
        }
    }
}
