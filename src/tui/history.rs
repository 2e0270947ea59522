//! The query history on disk: one query a line in `query-history` in the
//! state folder (`$TREATYVIEW_STATE_DIR`, else
//! `$XDG_STATE_HOME/treatyview`, else `~/.local/state/treatyview`). Read
//! when the browser starts; each query remembered is merged into what is
//! on disk (another browser may have added its own) and written
//! atomically. A history that cannot be read or written costs only the
//! history: the browser never fails for it.

use super::panes::search::HISTORY;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

const FILE: &str = "query-history";

/// The state folder, from environment variables read by `var`.
#[must_use]
pub fn folder_from(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    set("TREATYVIEW_STATE_DIR")
        .or_else(|| set("XDG_STATE_HOME").map(|p| p.join("treatyview")))
        .or_else(|| set("HOME").map(|p| p.join(".local").join("state").join("treatyview")))
}

/// The state folder of this process's environment.
#[must_use]
pub fn folder() -> Option<PathBuf> {
    folder_from(|name| std::env::var_os(name))
}

/// The saved queries, oldest first.
#[must_use]
pub fn load() -> Vec<String> {
    folder().map(|dir| load_from(&dir)).unwrap_or_default()
}

/// The queries saved in `dir`: none if there is no file or it cannot be
/// read; of a damaged file, the lines that are still text.
#[must_use]
pub fn load_from(dir: &Path) -> Vec<String> {
    std::fs::read(dir.join(FILE))
        .map(|bytes| parse(&String::from_utf8_lossy(&bytes)))
        .unwrap_or_default()
}

fn parse(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains(['\u{fffd}', '\0']))
        .map(str::to_string)
        .collect()
}

/// `history` with `query` as its newest entry, once, at most
/// [`HISTORY`] long.
#[must_use]
pub fn merged(mut history: Vec<String>, query: &str) -> Vec<String> {
    history.retain(|h| h != query);
    history.push(query.to_string());
    let excess = history.len().saturating_sub(HISTORY);
    history.drain(..excess);
    history
}

/// Add a query to the saved history.
///
/// # Errors
/// The folder or file cannot be written.
pub fn remember(query: &str) -> std::io::Result<()> {
    match folder() {
        Some(dir) => remember_in(&dir, query),
        None => Ok(()),
    }
}

/// Add a query to the history saved in `dir`, written atomically.
///
/// # Errors
/// The folder or file cannot be written.
pub fn remember_in(dir: &Path, query: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let on_disk = load_from(dir);
    let mut text = merged(on_disk, query).join("\n");
    text.push('\n');
    crate::library::replace_file(&dir.join(FILE), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(vars: &[(&str, &str)]) -> Option<PathBuf> {
        folder_from(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn the_state_folder_follows_xdg_with_an_override() {
        assert_eq!(
            from(&[("HOME", "/h")]),
            Some(PathBuf::from("/h/.local/state/treatyview"))
        );
        assert_eq!(
            from(&[("HOME", "/h"), ("XDG_STATE_HOME", "/x")]),
            Some(PathBuf::from("/x/treatyview"))
        );
        assert_eq!(
            from(&[
                ("HOME", "/h"),
                ("XDG_STATE_HOME", "/x"),
                ("TREATYVIEW_STATE_DIR", "/t")
            ]),
            Some(PathBuf::from("/t"))
        );
        assert_eq!(from(&[("XDG_STATE_HOME", "")]), None);
    }

    #[test]
    fn a_query_is_kept_once_as_the_newest() {
        let h = merged(vec!["a".into(), "b".into()], "a");
        assert_eq!(h, ["b", "a"]);
        let long: Vec<String> = (0..HISTORY).map(|i| i.to_string()).collect();
        let h = merged(long, "new");
        assert_eq!(h.len(), HISTORY);
        assert_eq!(h.last().unwrap(), "new");
        assert_eq!(h[0], "1");
    }

    #[test]
    fn a_damaged_file_costs_only_its_damaged_lines() {
        let dir = std::env::temp_dir().join(format!("tv-history-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        assert!(load_from(&dir).is_empty(), "no folder, no history");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(FILE), b"torture\n\xff\xfe\0junk\n\npolice\n").unwrap();
        assert_eq!(load_from(&dir), ["torture", "police"]);
        remember_in(&dir, "torture").unwrap();
        assert_eq!(load_from(&dir), ["police", "torture"]);
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [FILE], "no temporary file left behind");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
