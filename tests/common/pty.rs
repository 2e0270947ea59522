//! A real pseudo-terminal around the real binary: portable-pty spawns it,
//! vt100 keeps the screen, tests type keys and wait for text.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A folder of its own for each spawned program's state (query
/// history), so that tests never read or write the user's.
pub fn state_dir() -> std::path::PathBuf {
    static SPAWNED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SPAWNED.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("tv-state-{}-{n}", std::process::id()))
}

/// A running program in a pseudo-terminal.
pub struct Pty {
    /// The parsed screen.
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    /// The child process.
    pub child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    closing: Arc<AtomicBool>,
    /// The program's own state folder (removed when the test is done).
    state: std::path::PathBuf,
}

impl Pty {
    /// Spawn `program args` in a `cols`×`rows` terminal with extra env.
    pub fn spawn(program: &str, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // Never the user's own state (query history) or clipboard.
        let state = state_dir();
        cmd.env("TREATYVIEW_STATE_DIR", &state);
        for var in ["DISPLAY", "WAYLAND_DISPLAY", "TMUX"] {
            cmd.env_remove(var);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(rows).unwrap(),
            std::num::NonZero::new(cols).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let sink = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        let closing = Arc::new(AtomicBool::new(false));
        let close = Arc::clone(&closing);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                // The reader holds the terminal open: let it go on hang-up.
                if n == 0 || close.load(Ordering::Relaxed) {
                    break;
                }
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        Pty {
            parser,
            raw,
            writer: Some(writer),
            closing,
            state,
            child,
            master: Some(pair.master),
        }
    }

    /// Spawn treatyview itself.
    pub fn treatyview(args: &[&str], cols: u16, rows: u16) -> Pty {
        Self::spawn(env!("CARGO_BIN_EXE_treatyview"), args, cols, rows, &[])
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The screen's rows.
    pub fn rows(&self) -> Vec<String> {
        self.screen().lines().map(str::to_string).collect()
    }

    /// The last row: the status line.
    pub fn status(&self) -> String {
        self.rows().last().cloned().unwrap_or_default()
    }

    /// The characters drawn in bold on a row, each run ended by a space.
    pub fn bold_text(&self, row: u16) -> String {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let mut out = String::new();
        let mut in_run = false;
        for column in 0..screen.size().1.get() {
            match screen.cell(row, column) {
                Some(cell) if cell.bold() => {
                    out.push_str(cell.contents());
                    in_run = true;
                }
                _ if in_run => {
                    out.push(' ');
                    in_run = false;
                }
                _ => {}
            }
        }
        out
    }

    /// Whether the cell at (row, column) is drawn in reverse video (a
    /// selected row).
    pub fn inverse(&self, row: u16, column: u16) -> bool {
        let parser = self.parser.lock().unwrap();
        parser
            .screen()
            .cell(row, column)
            .is_some_and(vt100::Cell::inverse)
    }

    /// Type bytes.
    pub fn send(&mut self, text: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(text.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Wait until the screen contains `text`; panics with the screen after
    /// `secs` seconds.
    pub fn wait_for(&self, text: &str, secs: u64) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    /// Wait until the screen, read as words (so a message wrapped over
    /// lines reads whole), contains `text`.
    pub fn wait_for_words(&self, text: &str, secs: u64) {
        let start = Instant::now();
        let flat = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        while start.elapsed() < Duration::from_secs(secs) {
            if flat(self.screen()).contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {text:?}; screen:\n{}", self.screen());
    }

    /// Wait until the screen no longer contains `text`.
    pub fn wait_gone(&self, text: &str, secs: u64) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {text:?} to go; screen:\n{}",
            self.screen()
        );
    }

    /// Wait until the screen has not changed for `quiet_ms` (the program
    /// has caught up with its input), or `secs` seconds have passed.
    pub fn wait_still(&self, quiet_ms: u64, secs: u64) {
        let start = Instant::now();
        let mut last = self.screen();
        let mut since = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            std::thread::sleep(Duration::from_millis(20));
            let now = self.screen();
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= Duration::from_millis(quiet_ms) {
                return;
            }
        }
    }

    /// Resize the terminal.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.lock().unwrap().screen_mut().set_size(
            std::num::NonZero::new(rows.max(1)).unwrap(),
            std::num::NonZero::new(cols.max(1)).unwrap(),
        );
    }

    /// Close the terminal under the program, as a dropped ssh connection
    /// or a closed terminal window does. `key` must make the program draw,
    /// so that the reader thread wakes up and lets go of the terminal.
    pub fn hang_up(&mut self, key: &str) {
        self.closing.store(true, Ordering::Relaxed);
        self.send(key);
        std::thread::sleep(Duration::from_millis(300));
        self.writer = None;
        self.master = None;
    }

    /// Wait for the child to exit; its exit code.
    pub fn wait_exit(&mut self, secs: u64) -> u32 {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread drain the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("the program did not exit; screen:\n{}", self.screen());
    }

    /// Is the terminal back to normal: main screen, cursor shown?
    pub fn restored(&self) -> bool {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        !screen.alternate_screen()
            && !screen.hide_cursor()
            && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = std::fs::remove_dir_all(&self.state);
    }
}
