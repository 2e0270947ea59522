//! The marks file, `marks.ron` in the state folder (the one the query
//! history uses: `$TREATYVIEW_STATE_DIR`, else `$XDG_STATE_HOME/treatyview`,
//! else `~/.local/state/treatyview`).
//!
//! Every change is a read-modify-write of the whole file: under a lock
//! file (`marks.ron.lock`, created only if absent), the file is read
//! again, the one [`Change`] applied to what is there, and the result
//! written through a temporary file and a rename. Two browsers marking at
//! once therefore each apply their change to the other's, and a reader
//! never sees half a file. A lock left by a browser that died is older
//! than [`STALE`] and is taken over.
//!
//! A file that does not parse, or that a newer treatyview wrote, is never
//! written over: it is renamed aside (`marks.ron.damaged-<time>`,
//! `marks.ron.newer-<time>`), the reader is told where it is, and the
//! browser goes on with no marks.

use super::{Change, State, VERSION};
use serde::Deserialize;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The file's name in the state folder.
pub const FILE: &str = "marks.ron";

/// A lock older than this was left by a browser that died mid-write (a
/// write takes milliseconds).
pub const STALE: Duration = Duration::from_secs(5);

/// How long to wait for another browser's lock before giving up.
const WAIT: Duration = Duration::from_secs(6);

/// What reading the file found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The state (empty if there was no file, or it was set aside).
    pub state: State,
    /// What was wrong with the file, if anything, and where it is now:
    /// for the status line.
    pub problem: Option<String>,
}

/// Why a change could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading, writing or locking failed.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

fn io_error(path: &Path, e: &io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        message: crate::library::describe_io(e),
    }
}

/// The state in `dir`, a damaged or newer file set aside (under the
/// lock, so two browsers starting at once do not both move it).
///
/// # Errors
/// The folder cannot be made or locked, or the file cannot be read
/// (other than not being there).
pub fn load(dir: &Path) -> Result<Loaded, StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    let _lock = Lock::take(dir)?;
    read(dir)
}

/// Apply `change` to the state in `dir` as it is now, and write it. The
/// state written is returned, with what another browser added. If the
/// file has been damaged since it was read, it is set aside and the
/// change applied to `known` (what the browser last had) instead, so the
/// marks it held are written again rather than lost.
///
/// # Errors
/// As [`load`], and the file cannot be written. Nothing is written then.
pub fn change(dir: &Path, change: &Change, known: &State) -> Result<Loaded, StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    let _lock = Lock::take(dir)?;
    let mut loaded = read(dir)?;
    if loaded.problem.is_some() {
        loaded.state = known.clone();
    }
    loaded.state.apply(change);
    let path = dir.join(FILE);
    crate::library::replace_file(&path, to_ron(&loaded.state).as_bytes())
        .map_err(|e| io_error(&path, &e))?;
    Ok(loaded)
}

/// The state as RON.
///
/// # Panics
/// Never: every field serialises.
#[must_use]
pub fn to_ron(state: &State) -> String {
    let pretty = ron::ser::PrettyConfig::new().indentor("  ".to_string());
    let mut text = crate::library::ron_options()
        .to_string_pretty(state, pretty)
        .expect("the state always serialises");
    text.push('\n');
    text
}

/// Why a file's text is not a state this build reads.
enum Unreadable {
    /// It does not parse (`line:col: message`).
    Damaged(String),
    /// A newer treatyview wrote it.
    Newer(u32),
}

fn parse(text: &str) -> Result<State, Unreadable> {
    #[derive(Deserialize)]
    struct Probe {
        version: u32,
    }
    let damaged = |e: ron::error::SpannedError| {
        Unreadable::Damaged(format!(
            "line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        ))
    };
    let options = crate::library::ron_options();
    // The version first, so that a newer file is known by it and not
    // by fields this build has never heard of.
    let probe: Probe = options.from_str(text).map_err(damaged)?;
    if probe.version > VERSION {
        return Err(Unreadable::Newer(probe.version));
    }
    options.from_str(text).map_err(damaged)
}

fn read(dir: &Path) -> Result<Loaded, StoreError> {
    let path = dir.join(FILE);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::default()),
        Err(e) => return Err(io_error(&path, &e)),
    };
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|_| Unreadable::Damaged("not UTF-8 text".into()))
        .and_then(parse);
    let (why, tag) = match parsed {
        Ok(state) => {
            return Ok(Loaded {
                state,
                problem: None,
            });
        }
        Err(Unreadable::Damaged(why)) => (format!("it is damaged ({why})"), "damaged"),
        Err(Unreadable::Newer(v)) => (
            format!("a newer treatyview wrote it (format {v}; this one reads {VERSION})"),
            "newer",
        ),
    };
    let aside = set_aside(&path, tag).map_err(|e| io_error(&path, &e))?;
    Ok(Loaded {
        state: State::default(),
        problem: Some(format!(
            "Marks file not read: {why}. Kept as {}; starting with no marks",
            aside.display()
        )),
    })
}

/// Rename `path` to `path.TAG-<seconds>` (`.1`, `.2`… if that is taken);
/// the new name.
fn set_aside(path: &Path, tag: &str) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| FILE.into(), |n| n.to_string_lossy().into_owned());
    let stamp = super::now();
    for n in 0..1000 {
        let suffix = if n == 0 {
            String::new()
        } else {
            format!(".{n}")
        };
        let aside = path.with_file_name(format!("{name}.{tag}-{stamp}{suffix}"));
        // Never over an earlier file set aside.
        if std::fs::symlink_metadata(&aside).is_err() {
            std::fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many files set aside",
    ))
}

/// The lock file, removed when dropped.
struct Lock(PathBuf);

impl Lock {
    fn take(dir: &Path) -> Result<Lock, StoreError> {
        let path = dir.join(format!("{FILE}.lock"));
        let start = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    // Who holds it, for a person looking at the folder.
                    let _ = writeln!(file, "{}", std::process::id());
                    return Ok(Lock(path));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let age = std::fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok());
                    if age.is_some_and(|age| age > STALE) {
                        let _ = std::fs::remove_file(&path);
                        continue;
                    }
                    if start.elapsed() > WAIT {
                        return Err(StoreError::Io {
                            path,
                            message: "another treatyview holds this lock; try again".into(),
                        });
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e) => return Err(io_error(&path, &e)),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Reference;
    use crate::library::Library;
    use crate::marks::Mark;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tv-marks-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn threads_marking_at_once_lose_nothing() {
        let dir = folder("threads");
        let doc = Library::embedded().documents.remove(0);
        let numbers: Vec<u32> = doc
            .paragraphs()
            .map(|(_, _, p)| p.number)
            .take(16)
            .collect();
        std::thread::scope(|s| {
            for chunk in numbers.chunks(4) {
                let (dir, doc) = (&dir, &doc);
                s.spawn(move || {
                    for &n in chunk {
                        let mark = Mark::new(doc, &Reference::paragraph(n), "", 1);
                        change(dir, &Change::Mark(mark), &State::default()).unwrap();
                    }
                });
            }
        });
        let state = load(&dir).unwrap().state;
        assert_eq!(state.marks.len(), 16);
        assert_eq!(names(&dir), [FILE], "no lock or temporary file left");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_damaged_file_is_set_aside_whole_and_never_written_over() {
        let dir = folder("damaged");
        std::fs::create_dir_all(&dir).unwrap();
        let junk = b"(version: 1, marks: [ (symbol: \"X\"\n\xff";
        std::fs::write(dir.join(FILE), junk).unwrap();
        let loaded = load(&dir).unwrap();
        assert_eq!(loaded.state, State::default());
        let problem = loaded.problem.unwrap();
        assert!(problem.contains("damaged"), "{problem}");
        let aside: Vec<String> = names(&dir);
        assert_eq!(aside.len(), 1);
        assert!(aside[0].starts_with("marks.ron.damaged-"), "{aside:?}");
        assert!(problem.contains(&aside[0]), "{problem}");
        assert_eq!(std::fs::read(dir.join(&aside[0])).unwrap(), junk);
        // A file damaged while a browser had it open: set aside beside
        // the first, and what the browser knew is written with its change.
        std::fs::write(dir.join(FILE), b"nonsense").unwrap();
        let doc = Library::embedded().documents.remove(0);
        let mut known = State::default();
        known.apply(&Change::Mark(Mark::new(
            &doc,
            &Reference::paragraph(10),
            "",
            1,
        )));
        let mark = Mark::new(&doc, &Reference::paragraph(26), "", 2);
        let written = change(&dir, &Change::Mark(mark), &known).unwrap();
        assert!(written.problem.unwrap().contains("damaged"));
        assert_eq!(load(&dir).unwrap().state.marks.len(), 2);
        assert_eq!(names(&dir).len(), 3, "{:?}", names(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_newer_file_is_set_aside_and_said_to_be_newer() {
        let dir = folder("newer");
        std::fs::create_dir_all(&dir).unwrap();
        let text = "(version: 99, marks: [], colours: \"new\")\n";
        std::fs::write(dir.join(FILE), text).unwrap();
        let problem = load(&dir).unwrap().problem.unwrap();
        assert!(problem.contains("newer treatyview"), "{problem}");
        let aside = names(&dir);
        assert!(aside[0].starts_with("marks.ron.newer-"), "{aside:?}");
        assert_eq!(std::fs::read_to_string(dir.join(&aside[0])).unwrap(), text);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_stale_lock_is_taken_over() {
        let dir = folder("stale");
        std::fs::create_dir_all(&dir).unwrap();
        let lock = dir.join(format!("{FILE}.lock"));
        std::fs::write(&lock, "1\n").unwrap();
        let old = std::time::SystemTime::now() - STALE - Duration::from_secs(1);
        std::fs::File::options()
            .write(true)
            .open(&lock)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let positions = Change::Positions(vec![(
            "X".into(),
            Some(crate::marks::Position {
                reference: "3".into(),
                at: 1,
                words: String::new(),
            }),
        )]);
        let written = change(&dir, &positions, &State::default()).unwrap().state;
        assert_eq!(written.positions["X"].reference, "3");
        assert_eq!(load(&dir).unwrap().state, written, "read back as written");
        assert_eq!(names(&dir), [FILE]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
