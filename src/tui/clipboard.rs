//! Copying: the text goes to the terminal as OSC 52 (which the terminal,
//! or tmux with `set-clipboard on`, may pass to the system clipboard,
//! and may silently drop) and, where one is found, to the system
//! clipboard program as well (wl-copy under Wayland, xclip or xsel under
//! X, pbcopy on macOS). What was sent, and how, is said in the status
//! line: "Copied" was claimed when nothing had been.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A system clipboard program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    /// The executable found on `PATH`.
    pub path: PathBuf,
    /// Arguments that make it read the clipboard's text from stdin.
    pub args: &'static [&'static str],
}

impl Program {
    /// The program's name, as the status line says it.
    #[must_use]
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    /// Give it `text` on its standard input. It is not waited for: X
    /// clipboard programs stay to serve the selection.
    ///
    /// # Errors
    /// It cannot be started or does not take the text.
    pub fn send(&self, text: &str) -> std::io::Result<()> {
        let mut child = Command::new(&self.path)
            .args(self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let written = child
            .stdin
            .take()
            .map_or(Ok(()), |mut stdin| stdin.write_all(text.as_bytes()));
        // Reap it whenever it ends, without holding up the browser.
        std::thread::spawn(move || child.wait());
        written
    }
}

/// The clipboard program for an environment read by `var`: the first of
/// wl-copy (with `WAYLAND_DISPLAY`), xclip and xsel (with `DISPLAY`) and
/// pbcopy that is on its `PATH`.
#[must_use]
pub fn find_from(var: impl Fn(&str) -> Option<OsString>) -> Option<Program> {
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    let path = var("PATH")?;
    let on_path = |name: &str| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| is_executable(p))
    };
    let candidates: [(&str, &'static [&'static str], bool); 4] = [
        ("wl-copy", &[], set("WAYLAND_DISPLAY")),
        ("xclip", &["-selection", "clipboard"], set("DISPLAY")),
        ("xsel", &["--clipboard", "--input"], set("DISPLAY")),
        ("pbcopy", &[], true),
    ];
    candidates
        .into_iter()
        .filter(|(_, _, usable)| *usable)
        .find_map(|(name, args, _)| on_path(name).map(|path| Program { path, args }))
}

/// The clipboard program of this process's environment.
#[must_use]
pub fn find() -> Option<Program> {
    find_from(|name| std::env::var_os(name))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// What the status line says once `what` has been sent: by OSC 52
/// always, and to `program` if there is one (`Err` if it failed).
#[must_use]
pub fn report(what: &str, program: Option<(&str, Result<(), String>)>, tmux: bool) -> String {
    let mut out = format!("Sent {what} to the terminal clipboard (OSC 52)");
    match program {
        Some((name, Ok(()))) => out.push_str(&format!(" and to {name}")),
        Some((name, Err(e))) => out.push_str(&format!("; {name} failed: {e}")),
        None if tmux => out.push_str(
            "; tmux passes it on only with set-clipboard on, and no wl-copy, xclip, xsel or pbcopy was found",
        ),
        None => out.push_str(
            "; if the terminal ignores OSC 52, nothing was copied (no wl-copy, xclip, xsel or pbcopy found)",
        ),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_says_what_went_where() {
        assert_eq!(
            report("para. 48", Some(("xclip", Ok(()))), false),
            "Sent para. 48 to the terminal clipboard (OSC 52) and to xclip"
        );
        assert!(report("para. 48", None, true).contains("set-clipboard on"));
        assert!(
            report("x", Some(("xsel", Err("gone".into()))), false).ends_with("xsel failed: gone")
        );
    }

    #[test]
    fn a_program_is_found_only_where_it_can_work() {
        let dir = std::env::temp_dir().join(format!("tv-clip-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let xclip = dir.join("xclip");
        std::fs::write(&xclip, "#!/bin/sh\ncat >/dev/null\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&xclip, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let path = dir.clone().into_os_string();
        let env = |display: bool| {
            let path = path.clone();
            move |name: &str| match name {
                "PATH" => Some(path.clone()),
                "DISPLAY" if display => Some(OsString::from(":0")),
                _ => None,
            }
        };
        assert_eq!(find_from(env(false)), None, "xclip without an X display");
        let found = find_from(env(true)).unwrap();
        assert_eq!(
            (found.name(), found.args),
            ("xclip".into(), &["-selection", "clipboard"][..])
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
