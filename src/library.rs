//! Reading and writing the RON document tree, and the [`Library`] of
//! documents the browser, `search` and `export` work on.
//!
//! One shared [`ron_options`] is used for every read and write. The seed's
//! tree is embedded in the binary ([`Library::embedded`]) so that
//! `treatyview` opens with no arguments.

use crate::document::{Document, FORMAT_VERSION};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use thiserror::Error;

pub mod shelf;
pub mod stored;

/// The RON tree of CAT/C/KAZ/CO/4, made from `assets/CAT-C-KAZ-CO-4.txt`
/// by `treatyview import`.
pub const EMBEDDED_RON: &str = include_str!("../assets/CAT-C-KAZ-CO-4.ron");

/// Why a document could not be loaded. Displays as `path:line:col: …`.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file or folder could not be read.
    #[error("{path}: {message}")]
    Io {
        /// The path.
        path: PathBuf,
        /// What went wrong, in words.
        message: String,
    },
    /// Malformed RON, or RON that is not a document tree.
    #[error("{path}:{line}:{col}: {message}")]
    Ron {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// The parser's message.
        message: String,
    },
    /// Written by a newer treatyview.
    #[error(
        "{path}: format version {found} is newer than this treatyview reads (version {supported}); upgrade treatyview"
    )]
    Version {
        /// The file.
        path: PathBuf,
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        supported: u32,
    },
    /// A folder with no document in it.
    #[error("{path}: no .ron, .pdf or .txt files in this folder")]
    EmptyFolder {
        /// The folder.
        path: PathBuf,
    },
    /// A PDF or text that could not be imported; the message names the
    /// file and the page or line.
    #[error("{message}")]
    Import {
        /// The file.
        path: PathBuf,
        /// The importer's one-line error, with the file's name.
        message: String,
    },
}

/// The RON options used for every read and write.
#[must_use]
pub fn ron_options() -> ron::Options {
    ron::Options::default()
}

/// Serialise a document as pretty RON (ends with a newline).
///
/// # Panics
/// Never for a [`Document`]: every field is serialisable.
#[must_use]
pub fn to_ron(doc: &Document) -> String {
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("  ".to_string());
    let mut out = ron_options()
        .to_string_pretty(doc, pretty)
        .expect("a Document always serialises");
    out.push('\n');
    out
}

/// Parse RON text as a document. `path` is only used in errors.
///
/// # Errors
/// [`LoadError::Ron`] with line and column, or [`LoadError::Version`].
pub fn from_ron(text: &str, path: &Path) -> Result<Document, LoadError> {
    let ron_error = |e: ron::error::SpannedError| LoadError::Ron {
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    };
    // An empty file is said to be empty, not "Expected opening `(`".
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(LoadError::Ron {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: "the file is empty: no document in it".into(),
        });
    }
    // Read the version first, ignoring every other field, so that a file
    // from a newer treatyview is refused for its version rather than for
    // the fields it added.
    let probe: probe::Document = ron_options().from_str(text).map_err(ron_error)?;
    if probe.format > FORMAT_VERSION {
        return Err(LoadError::Version {
            path: path.to_path_buf(),
            found: probe.format,
            supported: FORMAT_VERSION,
        });
    }
    ron_options().from_str(text).map_err(ron_error)
}

mod probe {
    use super::Deserialize;

    /// Only the version of a document file. Named like the real struct so
    /// that RON's struct-name check accepts `Document(...)`.
    #[derive(Deserialize)]
    pub struct Document {
        pub format: u32,
    }
}

/// The documents open in one session.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Documents in the order given.
    pub documents: Vec<Document>,
}

impl Library {
    /// The embedded CAT/C/KAZ/CO/4.
    ///
    /// # Panics
    /// Only if the embedded asset is broken, which `cargo test` rules out.
    #[must_use]
    pub fn embedded() -> Self {
        let doc = from_ron(EMBEDDED_RON, Path::new("<embedded>"))
            .expect("the embedded document is valid (tested)");
        Self {
            documents: vec![doc],
        }
    }

    /// Load files and folders, strictly: the first file that cannot be
    /// read stops the load. No paths means the embedded document. See
    /// [`Library::open`] for the lenient load the commands use.
    ///
    /// # Errors
    /// The first file that cannot be read or parsed.
    pub fn load(paths: &[PathBuf]) -> Result<Self, LoadError> {
        if paths.is_empty() {
            return Ok(Self::embedded());
        }
        Self::load_files(&files(paths)?)
    }

    /// Load files (not folders: see [`files`]), strictly, on every core.
    ///
    /// # Errors
    /// The first file, in order, that cannot be read or parsed.
    pub fn load_files(files: &[PathBuf]) -> Result<Self, LoadError> {
        let mut documents = Vec::with_capacity(files.len());
        for result in load_each(files, &AtomicUsize::new(0)) {
            documents.push(result?);
        }
        Ok(Self { documents })
    }

    /// Open files and folders (recursively) as a library: every document
    /// that loads opens; files that fail are listed with their errors; a
    /// file given twice, or two files holding the same document (same
    /// symbol), open once, with a warning. No paths means the embedded
    /// document.
    ///
    /// # Errors
    /// Only when nothing opens: the first failure (a missing path, an
    /// empty folder, a file that cannot be read).
    pub fn open(paths: &[PathBuf]) -> Result<Opened, LoadError> {
        if paths.is_empty() {
            return Ok(Opened {
                library: Self::embedded(),
                ..Opened::default()
            });
        }
        Plan::of(paths).open(&AtomicUsize::new(0))
    }
}

/// The files a library is opened from, before any is read: folders
/// walked, each file once.
#[derive(Debug, Default)]
pub struct Plan {
    /// The paths as given.
    pub paths: Vec<PathBuf>,
    /// Every file found, in order, before duplicates are dropped (what
    /// the search cache's stamp is made from).
    pub found: Vec<PathBuf>,
    /// Each file once, in order.
    pub files: Vec<PathBuf>,
    /// Paths that could not be listed.
    pub failures: Vec<LoadError>,
    /// Files given more than once.
    pub warnings: Vec<String>,
}

impl Plan {
    /// List the files under `paths` (folders recursively), each once: the
    /// same file named twice (directly, through a folder, or by another
    /// spelling of its path) is read once, with a warning.
    #[must_use]
    pub fn of(paths: &[PathBuf]) -> Plan {
        let mut plan = Plan {
            paths: paths.to_vec(),
            ..Plan::default()
        };
        for path in paths {
            match files(std::slice::from_ref(path)) {
                Ok(list) => plan.found.extend(list),
                Err(e) => plan.failures.push(e),
            }
        }
        let mut seen = std::collections::HashSet::new();
        for file in &plan.found {
            let key = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
            if seen.insert(key) {
                plan.files.push(file.clone());
            } else {
                plan.warnings.push(format!(
                    "{}: given more than once; opened once",
                    file.display()
                ));
            }
        }
        plan
    }

    /// Read every file, on every core, counting each one read in `done`;
    /// two files holding the same document (same symbol) open once, with
    /// a warning.
    ///
    /// # Errors
    /// Only when nothing opens: the first failure.
    pub fn open(self, done: &AtomicUsize) -> Result<Opened, LoadError> {
        let mut opened = Opened {
            failures: self.failures,
            warnings: self.warnings,
            ..Opened::default()
        };
        let mut symbols: std::collections::HashMap<String, PathBuf> =
            std::collections::HashMap::new();
        for (file, result) in self.files.iter().zip(load_each(&self.files, done)) {
            match result {
                Ok(doc) => {
                    if let Some(first) = symbols.get(&doc.symbol) {
                        opened.warnings.push(format!(
                            "{}: {} is already open from {}; opened once",
                            file.display(),
                            doc.symbol,
                            first.display()
                        ));
                        continue;
                    }
                    symbols.insert(doc.symbol.clone(), file.clone());
                    opened.files.push(file.clone());
                    opened.library.documents.push(doc);
                }
                Err(e) => opened.failures.push(e),
            }
        }
        if opened.library.documents.is_empty() {
            return Err(opened.failures.into_iter().next().unwrap_or(LoadError::Io {
                path: self.paths.first().cloned().unwrap_or_default(),
                message: "no document opened".into(),
            }));
        }
        Ok(opened)
    }
}

/// A library opened leniently, and what did not open.
#[derive(Debug, Default)]
pub struct Opened {
    /// The documents that opened, in order.
    pub library: Library,
    /// The file each document came from (empty for the embedded one).
    pub files: Vec<PathBuf>,
    /// Files and folders that failed, with their errors, in order.
    pub failures: Vec<LoadError>,
    /// Duplicates skipped, as sentences.
    pub warnings: Vec<String>,
}

/// Load each file on every core, keeping order, counting in `done`.
fn load_each(files: &[PathBuf], done: &AtomicUsize) -> Vec<Result<Document, LoadError>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|f| {
                            let doc = load_file(f);
                            done.fetch_add(1, Ordering::Relaxed);
                            doc
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The files that `paths` name, in the order [`Library::load`] reads
/// them: files as given; folders searched recursively (hidden folders
/// skipped) for `.ron`, `.pdf` and `.txt` files, sorted by path.
///
/// # Errors
/// A folder that cannot be read or holds no such file.
pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files)?;
            if files.is_empty() {
                return Err(LoadError::EmptyFolder { path: path.clone() });
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// Documents under a folder, recursively.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    for entry in std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))? {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() || kind.is_symlink() && path.is_dir() {
            if !hidden && !kind.is_symlink() {
                walk(&path, out)?;
            }
        } else if !hidden
            && path.is_file()
            && path
                .extension()
                .is_some_and(|e| e == "ron" || e == "pdf" || e == "txt")
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Read one document: a RON tree, or a PDF or text that the importer
/// reads (told apart by content, not by name), imported in memory. What
/// opens is kept in the document cache ([`stored`]), so that the next
/// open of an unchanged file reads the cache.
///
/// # Errors
/// I/O errors, non-UTF-8 text, malformed RON, newer versions, import
/// errors.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    let mut read = load_uncompacted(path);
    if let Ok(doc) = &mut read {
        doc.compact();
    }
    read
}

fn load_uncompacted(path: &Path) -> Result<Document, LoadError> {
    let key = stored::Key::of(path);
    if let Some(kept) = key.as_ref().and_then(|k| k.read(path)) {
        return kept;
    }
    let read = read_source(path);
    match (key, read) {
        (Some(key), Ok(doc)) => {
            key.write(&doc);
            Ok(doc)
        }
        (Some(key), Err(e)) => {
            key.write_failure(path, &e);
            Err(e)
        }
        (None, read) => read,
    }
}

/// Read one document from its file, without the document cache.
fn read_source(path: &Path) -> Result<Document, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    if !looks_like_ron(&bytes) {
        return import_cached(path, &bytes);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = crate::import::line_of_bytes(e.as_bytes(), at);
        LoadError::Ron {
            path: path.to_path_buf(),
            line,
            col: 1 + at
                - e.as_bytes()[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1),
            message: "not UTF-8 text".into(),
        }
    })?;
    from_ron(&text, path)
}

/// Does the file read as RON: after white space and comments, a struct
/// (`Document(` or a bare `(`)? Anything else — a PDF, an export, a
/// pasted text — goes to the importer.
#[must_use]
pub fn looks_like_ron(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        let trimmed = rest.trim_ascii_start();
        if let Some(after) = trimmed.strip_prefix(b"//") {
            rest = after
                .iter()
                .position(|&b| b == b'\n')
                .map_or(&[][..], |i| &after[i..]);
        } else if let Some(after) = trimmed.strip_prefix(b"/*") {
            rest = after
                .windows(2)
                .position(|w| w == b"*/")
                .map_or(&[][..], |i| &after[i + 2..]);
        } else if trimmed.starts_with(b"#![") {
            // RON extensions: `#![enable(...)]`.
            rest = trimmed
                .iter()
                .position(|&b| b == b'\n')
                .map_or(&[][..], |i| &trimmed[i..]);
        } else {
            return trimmed.starts_with(b"Document")
                || trimmed.starts_with(b"(")
                || trimmed.is_empty();
        }
    }
}

/// Import a PDF or text, through the import cache: a RON file named by a
/// hash of the content and of this build's version.
fn import_cached(path: &Path, bytes: &[u8]) -> Result<Document, LoadError> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    crate::document::FORMAT_VERSION.hash(&mut hasher);
    let cached = cache_folder().filter(|_| !stored::is_off()).map(|dir| {
        dir.join("imports").join(format!(
            "{:016x}-{}.ron.deflate",
            hasher.finish(),
            bytes.len()
        ))
    });
    if let Some(file) = &cached
        && let Some(text) = stored::inflate(file)
        && let Ok(doc) = from_ron(&text, file)
    {
        return Ok(doc);
    }
    let doc = crate::import::import_any(bytes, None)
        .map_err(|e| LoadError::Import {
            path: path.to_path_buf(),
            message: e.in_file(path),
        })?
        .doc;
    if let Some(file) = &cached
        && let Some(dir) = file.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        // A cache that cannot be written only costs time.
        let _ = replace_cache_file(file, &stored::deflate(Vec::new(), to_ron(&doc).as_bytes()));
    }
    Ok(doc)
}

/// Where treatyview keeps what it can make again (search indexes,
/// imported documents): `$TREATYVIEW_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/treatyview`, else `~/.cache/treatyview`.
#[must_use]
pub fn cache_folder() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("TREATYVIEW_CACHE_DIR")
        .or_else(|| var("XDG_CACHE_HOME").map(|p| p.join("treatyview")))
        .or_else(|| var("HOME").map(|p| p.join(".cache").join("treatyview")))
}

/// One-line description of an I/O error, without Rust's "(os error N)".
pub(crate) fn io_error(path: &Path, e: &std::io::Error) -> LoadError {
    LoadError::Io {
        path: path.to_path_buf(),
        message: describe_io(e),
    }
}

/// A short, human description of an I/O error.
#[must_use]
pub fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a folder, not a file".into(),
        ErrorKind::AlreadyExists => "already exists".into(),
        _ => {
            let text = e.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    }
}

/// Write `text` to `path` atomically: a temporary file beside it, then a
/// rename, so a crash leaves the old file or the new one, never half.
/// Refuses to replace an existing file unless `force`.
///
/// A symbolic link is written through (its target gets the text, the link
/// stays a link). A path that is not a regular file — `/dev/null`,
/// `/dev/stdout`, a named pipe, a shell's `>(…)` — is written into
/// directly, without `--force`: renaming over it would replace the device
/// or pipe with a plain file (as root, `/dev/null` itself).
///
/// # Errors
/// [`LoadError::Io`] naming the path: it exists, is a folder, or cannot be
/// written.
pub fn write_atomic(path: &Path, text: &str, force: bool) -> Result<(), LoadError> {
    let fail = |message: &str| LoadError::Io {
        path: path.to_path_buf(),
        message: message.to_string(),
    };
    if path.is_dir() {
        return Err(fail("is a folder, not a file"));
    }
    match std::fs::metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
                .map_err(|e| io_error(path, &e));
        }
        Ok(_) if !force => return Err(fail("already exists; pass --force to replace it")),
        _ => {}
    }
    let target = link_target(path);
    replace_file(&target, text.as_bytes()).map_err(|e| io_error(path, &e))
}

/// Where a chain of symbolic links at `path` ends (the path itself when it
/// is not a link), so that writing replaces the file and keeps the links.
fn link_target(path: &Path) -> PathBuf {
    let mut here = path.to_path_buf();
    // A bounded walk: a loop of links is left for the write to report.
    for _ in 0..40 {
        match std::fs::read_link(&here) {
            Ok(next) => {
                here = match here.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            Err(_) => break,
        }
    }
    here
}

/// Put `bytes` at `path` through a temporary file beside it and a rename,
/// so that a reader or a crash sees the old file or the new one, never
/// half of one. The one way treatyview writes files (outputs and the
/// search cache).
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace(path, bytes, true)
}

/// [`replace_file`] for what can be made again (the caches): not flushed
/// to the disk before the rename, which costs a wait per file. After a
/// power cut such a file may be empty or torn; it is then not read.
pub(crate) fn replace_cache_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace(path, bytes, false)
}

fn replace(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    use std::io::Write;
    // Unique per process and per write: threads may write the same file.
    static WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            if sync { f.sync_all() } else { Ok(()) }
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
