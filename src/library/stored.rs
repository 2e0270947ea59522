//! The document cache: every file that opens is kept, parsed, as JSON in
//! the cache folder (`docs/` under [`super::cache_folder`]), so that the
//! next open reads JSON — about ten times faster than RON, and no import
//! for a PDF — instead of the file. The JSON is compressed (deflate, at
//! its fastest setting): a third of its size, for a few milliseconds a
//! document.
//!
//! One cache file per source file, named by a hash of its canonical path.
//! Its first line records what it was made from: this build (version, and
//! the program file's size and time, so another build of treatyview —
//! another importer — reads the file again), the format version, and the
//! source's canonical path, size, modification time (to the nanosecond)
//! and [`identity`] (inode and status-change time). A changed file no longer matches and is read again (that
//! file only); a cache file that does not parse is ignored and replaced.
//! A file that could not be read as a document keeps its error instead,
//! so that a bad file in a library (a text that is not concluding
//! observations, a PDF in Arabic) is not imported again at every open;
//! an I/O error is not kept. The browser, `search`, `export` and `list`
//! all go through it; `search --no-cache` turns it off for the run.

use super::LoadError;
use crate::document::{Document, FORMAT_VERSION};
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// Off for a `--no-cache` run.
static OFF: AtomicBool = AtomicBool::new(false);

/// Neither read nor write the document cache in this process.
pub fn turn_off() {
    OFF.store(true, Ordering::Relaxed);
}

/// This build: the version, and the program file's size and modification
/// time when they can be read.
#[must_use]
pub fn build() -> &'static str {
    static BUILD: OnceLock<String> = OnceLock::new();
    BUILD.get_or_init(|| {
        let program = std::env::current_exe()
            .and_then(std::fs::metadata)
            .ok()
            .and_then(|meta| {
                let time = meta
                    .modified()
                    .ok()?
                    .duration_since(std::time::UNIX_EPOCH)
                    .ok()?;
                Some(format!(
                    " ({} bytes, {}.{:09})",
                    meta.len(),
                    time.as_secs(),
                    time.subsec_nanos()
                ))
            })
            .unwrap_or_default();
        format!("treatyview {}{program}", env!("CARGO_PKG_VERSION"))
    })
}

/// Remove what the cache folder holds for nothing: temporary files more
/// than ten minutes old, left by a process stopped in the middle of a
/// write (an index's is as big as the index), and import-cache files of
/// the format before they were compressed, which no build reads now.
pub fn sweep() {
    if let Some(folder) = super::cache_folder() {
        sweep_in(&folder, std::time::Duration::from_mins(10));
    }
}

fn sweep_in(folder: &Path, old: std::time::Duration) {
    for sub in ["", "docs", "imports", "shelves"] {
        let Ok(entries) = std::fs::read_dir(folder.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let aged = || {
                entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > old)
            };
            let temporary = name.starts_with('.') && name.ends_with(".tmp") && aged();
            let undeflated = sub == "imports" && name.ends_with(".ron");
            if temporary || undeflated {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// A file's identity beyond its size and modification time: its inode
/// and its status-change time, which copying a file with its times
/// (`cp -p`, `rsync -t`, `tar`) or setting the time back cannot keep.
#[must_use]
pub fn identity(meta: &std::fs::Metadata) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        format!("{}:{}.{:09}", meta.ino(), meta.ctime(), meta.ctime_nsec())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        String::new()
    }
}

/// What a cache file holds after its first line.
#[derive(Deserialize)]
enum Kept {
    /// The document.
    Document(Box<Document>),
    /// Why the file is not a document: the path as it was given, and the
    /// error without it.
    Failed { given: String, error: Failure },
}

/// [`Kept`] as it is written.
#[derive(Serialize)]
enum Keep<'a> {
    Document(&'a Document),
    Failed { given: String, error: Failure },
}

/// A load error, without its path.
#[derive(Serialize, Deserialize)]
enum Failure {
    Ron {
        line: usize,
        col: usize,
        message: String,
    },
    Version {
        found: u32,
        supported: u32,
    },
    Import {
        message: String,
    },
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
        let source = super::shelf::Entry::of(source)?;
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        source.path.hash(&mut hasher);
        let line = format!(
            "{}, document format {FORMAT_VERSION}, deflated JSON\t{}\t{}\t{}.{:09}\t{}",
            build(),
            // A path with a line break or tab would break the line: such a
            // file is simply not cached.
            source.path.to_str().filter(|p| !p.contains(['\n', '\t']))?,
            source.size,
            source.secs,
            source.nanos,
            source.identity,
        );
        Some(Key {
            file: folder
                .join("docs")
                .join(format!("{:016x}.json", hasher.finish())),
            line,
        })
    }

    /// The cached document, or the error the file gave, if it is there
    /// and was made from the source as it is now (an error only when the
    /// file is named as it was then: the error names it).
    #[must_use]
    pub fn read(&self, given: &Path) -> Option<Result<Document, LoadError>> {
        let bytes = std::fs::read(&self.file).ok()?;
        let newline = bytes.iter().position(|&b| b == b'\n')?;
        if bytes[..newline] != *self.line.as_bytes() {
            return None;
        }
        let mut json = Vec::new();
        flate2::read::DeflateDecoder::new(&bytes[newline + 1..])
            .read_to_end(&mut json)
            .ok()?;

        match serde_json::from_slice(&json).ok()? {
            Kept::Document(doc) => Some(Ok(*doc)),
            Kept::Failed { given: was, error } => {
                (was == given.display().to_string()).then(|| Err(error.with(given)))
            }
        }
    }

    /// Keep `doc` for the next open. A cache that cannot be written only
    /// costs time next time.
    pub fn write(&self, doc: &Document) {
        self.keep(&Keep::Document(doc));
    }

    /// Keep the error a file gave, unless it may not happen again (an I/O
    /// error).
    pub fn write_failure(&self, given: &Path, error: &LoadError) {
        let error = match error {
            LoadError::Ron {
                line, col, message, ..
            } => Failure::Ron {
                line: *line,
                col: *col,
                message: message.clone(),
            },
            LoadError::Version {
                found, supported, ..
            } => Failure::Version {
                found: *found,
                supported: *supported,
            },
            LoadError::Import { message, .. } => Failure::Import {
                message: message.clone(),
            },
            LoadError::Io { .. } | LoadError::EmptyFolder { .. } => return,
        };
        self.keep(&Keep::Failed {
            given: given.display().to_string(),
            error,
        });
    }

    fn keep(&self, kept: &Keep<'_>) {
        let Ok(json) = serde_json::to_vec(kept) else {
            return;
        };
        let mut bytes = Vec::with_capacity(self.line.len() + 1 + json.len() / 2);
        bytes.extend_from_slice(self.line.as_bytes());
        bytes.push(b'\n');
        let bytes = deflate(bytes, &json);
        if let Some(dir) = self.file.parent()
            && std::fs::create_dir_all(dir).is_ok()
        {
            let _ = super::replace_cache_file(&self.file, &bytes);
        }
    }
}

/// `data` compressed (deflate, fastest), after what `out` holds.
#[must_use]
pub fn deflate(out: Vec<u8>, data: &[u8]) -> Vec<u8> {
    let mut deflate = flate2::write::DeflateEncoder::new(out, flate2::Compression::fast());
    // Writing to memory cannot fail.
    let _ = deflate.write_all(data);
    deflate.finish().unwrap_or_default()
}

/// A file written by [`deflate`] (with nothing before), as text: `None`
/// if it cannot be read or is not that.
#[must_use]
pub fn inflate(file: &Path) -> Option<String> {
    let bytes = std::fs::read(file).ok()?;
    let mut text = String::new();
    flate2::read::DeflateDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

impl Failure {
    /// The error again, naming `path`.
    fn with(self, path: &Path) -> LoadError {
        let path = path.to_path_buf();
        match self {
            Failure::Ron { line, col, message } => LoadError::Ron {
                path,
                line,
                col,
                message,
            },
            Failure::Version { found, supported } => LoadError::Version {
                path,
                found,
                supported,
            },
            Failure::Import { message } => LoadError::Import { path, message },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sweep_takes_old_temporary_files_and_old_imports_and_nothing_else() {
        let folder = std::env::temp_dir().join(format!("tv-sweep-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
        let put = |path: &str, aged: bool| {
            let path = folder.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let file = std::fs::File::create(&path).unwrap();
            if aged {
                file.set_modified(hour_ago).unwrap();
            }
            path
        };
        let gone = [
            put(".index-1.tvix.17.4.tmp", true),
            put("docs/.ab12.json.9.0.tmp", true),
            put("imports/.12-34.ron.deflate.9.1.tmp", true),
            put("shelves/.shelf-1.9.2.tmp", true),
            put("imports/0123-456.ron", false),
        ];
        let kept = [
            // Being written now, by another process.
            put(".index-2.tvix.18.0.tmp", false),
            put("docs/.cd34.json.18.1.tmp", false),
            // What the cache is for.
            put("index-1.tvix", true),
            put("index-1.tvix.notes", true),
            put("docs/ab12.json", true),
            put("imports/0123-456.ron.deflate", true),
            put("shelves/shelf-1", true),
        ];
        sweep_in(&folder, std::time::Duration::from_mins(10));
        for path in gone {
            assert!(!path.exists(), "{} is left", path.display());
        }
        for path in kept {
            assert!(path.exists(), "{} is gone", path.display());
        }
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
