//! Reading state that lasts, with the real binary in a real terminal:
//! marks and positions survive quitting, two browsers marking at once
//! lose nothing, a damaged marks file is set aside whole and the browser
//! still opens, `--fresh` starts at the top, and a mark on a paragraph
//! that a re-import renumbered is shown as orphaned, not dropped or moved.

use crate::common::{Pty, assert_no_controls, bin};
use std::path::{Path, PathBuf};

/// A state folder of the test's own, removed when dropped.
struct State(PathBuf);

impl State {
    fn new(name: &str) -> State {
        let dir = std::env::temp_dir().join(format!("tv-marks-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        State(dir)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }

    /// The browser on `args`, with this state folder.
    fn browser(&self, args: &[&str]) -> Pty {
        Pty::spawn(
            env!("CARGO_BIN_EXE_treatyview"),
            args,
            80,
            24,
            &[("TREATYVIEW_STATE_DIR", self.path())],
        )
    }

    /// `treatyview marks ARGS`: (exit code, stdout, stderr).
    fn marks(&self, args: &[&str]) -> (i32, String, String) {
        let out = bin()
            .arg("marks")
            .args(args)
            .env("TREATYVIEW_STATE_DIR", self.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_no_controls("marks stdout", &stdout);
        assert_no_controls("marks stderr", &stderr);
        (out.status.code().unwrap(), stdout, stderr)
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for State {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Go to a paragraph, mark it with a note, and wait for the word.
fn mark(t: &mut Pty, paragraph: &str, note: &str) {
    t.send(&format!(":{paragraph}\r"));
    t.wait_for(&format!("para. {paragraph}"), 10);
    t.send("m");
    t.wait_for("mark, note:", 10);
    t.send(note);
    t.send("\r");
    t.wait_for_words(&format!("Marked CAT/C/KAZ/CO/4, para. {paragraph}"), 10);
}

fn quit(t: &mut Pty) {
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);
    assert!(t.restored(), "terminal not restored:\n{}", t.screen());
}

#[test]
fn a_mark_and_the_position_are_back_after_quitting() {
    let state = State::new("resume");
    let (code, _, err) = state.marks(&[]);
    assert_eq!(code, 1, "no marks yet");
    assert!(err.contains("no marks"), "{err}");

    let mut t = state.browser(&[]);
    t.wait_for("Concluding observations on the fourth periodic", 10);
    mark(&mut t, "26", "key finding on solitary");
    quit(&mut t);

    let mut t = state.browser(&[]);
    t.wait_for_words("Back where you left CAT/C/KAZ/CO/4: para. 26", 10);
    let screen = t.screen();
    assert_no_controls("screen", &screen);
    // The reader has the paragraph on top, the sign in its margin and
    // the note in the running head.
    assert!(screen.contains("●26. The State party is urged"), "{screen}");
    assert!(screen.contains("● key finding on solitary"), "{screen}");
    // The outline's row has the sign too.
    assert!(screen.contains("●R 26"), "{screen}");
    // The marks list: citation, note, first words.
    t.send("'");
    // (Waited for, not asserted: the title is drawn before the rows.)
    t.wait_for("Marks: 1", 10);
    t.wait_for("● CAT/C/KAZ/CO/4, para. 26 — key finding on solitary", 10);
    t.wait_for("The State party is urged to bring articles 130", 10);
    t.send("\x1b");
    t.wait_gone("Marks: 1", 10);
    // m again on the marked paragraph edits the note.
    t.send("m");
    t.wait_for("edit note: key finding on solitary", 10);
    t.send("\x15revised\r");
    t.wait_for_words("Mark saved on CAT/C/KAZ/CO/4, para. 26", 10);
    quit(&mut t);

    let (code, out, _) = state.marks(&[]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "## CAT/C/KAZ/CO/4",
            "",
            "- CAT/C/KAZ/CO/4, para. 26 — revised — The State party is urged to bring articles 130 and 131 of …",
        ]
    );
    let (_, json, _) = state.marks(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["citation"], "CAT/C/KAZ/CO/4, para. 26");
    assert_eq!(json[0]["orphaned"], serde_json::Value::Null);
    let (_, csv, _) = state.marks(&["--format", "csv"]);
    assert!(
        csv.starts_with("\u{feff}symbol,reference,citation,note,text,orphaned,now_at,created\r\n")
    );
    assert!(
        csv.contains("CAT/C/KAZ/CO/4,26,\"CAT/C/KAZ/CO/4, para. 26\",revised,"),
        "{csv}"
    );
}

#[test]
fn two_browsers_marking_at_once_lose_nothing() {
    let state = State::new("two");
    let mut a = state.browser(&[]);
    let mut b = state.browser(&[]);
    a.wait_for("Concluding observations", 10);
    b.wait_for("Concluding observations", 10);
    // Both read the (empty) file before either writes; keys go to both
    // before either is waited for.
    for (n, t) in [("10", &mut a), ("26", &mut b)] {
        t.send(&format!(":{n}\r"));
    }
    a.wait_for("para. 10", 10);
    b.wait_for("para. 26", 10);
    a.send("mfrom a\r");
    b.send("mfrom b\r");
    a.wait_for_words("Marked CAT/C/KAZ/CO/4, para. 10", 10);
    b.wait_for_words("Marked CAT/C/KAZ/CO/4, para. 26", 10);
    // Each then marks a second paragraph, and its list shows the other's.
    a.send(":24a\rmsecond from a\r");
    a.wait_for_words("Marked CAT/C/KAZ/CO/4, para. 24 (a)", 10);
    a.send("'");
    a.wait_for("Marks: 3", 10);
    a.wait_for("para. 26 — from b", 10);
    a.send("'");
    a.wait_gone("Marks: 3", 10);
    // B's list reads the file again: A's second mark is there.
    b.send("'");
    b.wait_for("Marks: 3", 10);
    b.wait_for("para. 24 (a) — second from a", 10);
    b.send("'");
    b.wait_gone("Marks: 3", 10);
    quit(&mut a);
    quit(&mut b);
    let (code, out, _) = state.marks(&[]);
    assert_eq!(code, 0);
    let cited: Vec<String> = out
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(|l| l.split(" — ").take(2).collect::<Vec<_>>().join(" — "))
        .collect();
    assert_eq!(
        cited,
        [
            "CAT/C/KAZ/CO/4, para. 10 — from a",
            "CAT/C/KAZ/CO/4, para. 24 (a) — second from a",
            "CAT/C/KAZ/CO/4, para. 26 — from b",
        ]
    );
    assert_eq!(
        state.files(),
        ["marks.ron"],
        "no lock or temporary file left"
    );
}

#[test]
fn a_damaged_marks_file_is_set_aside_and_the_browser_opens() {
    let state = State::new("damaged");
    let junk = "(version: 1, marks: [(symbol: \"CAT/C/KAZ/CO/4\", reference: \x1b[2J";
    std::fs::write(state.0.join("marks.ron"), junk).unwrap();
    let mut t = state.browser(&[]);
    t.wait_for_words("Marks file not read: it is damaged", 10);
    let screen = t.screen();
    assert_no_controls("screen", &screen);
    let aside: Vec<String> = state
        .files()
        .into_iter()
        .filter(|f| f.starts_with("marks.ron.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{:?}", state.files());
    assert!(
        screen
            .split_whitespace()
            .collect::<String>()
            .contains(&aside[0]),
        "the message names the file kept: {screen}"
    );
    // The browser works, and marks again.
    t.send("j");
    mark(&mut t, "26", "");
    quit(&mut t);
    assert_eq!(
        std::fs::read_to_string(state.0.join(&aside[0])).unwrap(),
        junk,
        "kept whole"
    );
    let (code, out, _) = state.marks(&[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("- CAT/C/KAZ/CO/4, para. 26 — The State party"),
        "{out}"
    );
}

fn write_position(state: &State, reference: &str) {
    let text = format!(
        "(version: 1, positions: {{\"CAT/C/KAZ/CO/4\": (reference: \"{reference}\", at: 5)}}, marks: [])\n"
    );
    std::fs::write(state.0.join("marks.ron"), text).unwrap();
}

#[test]
fn fresh_starts_at_the_top() {
    let state = State::new("fresh");
    write_position(&state, "26");
    let mut t = state.browser(&["--fresh"]);
    t.wait_for("Concluding observations on the fourth periodic", 10);
    t.wait_still(300, 5);
    let screen = t.screen();
    assert!(!screen.contains("Back where"), "{screen}");
    assert!(!screen.contains("26. The State party"), "{screen}");
    quit(&mut t);
    // Quitting at the top forgets the old position: the next start is
    // at the top too.
    let mut t = state.browser(&[]);
    t.wait_for("Concluding observations on the fourth periodic", 10);
    t.wait_still(300, 5);
    assert!(!t.screen().contains("Back where"), "{}", t.screen());
    quit(&mut t);
    // Without --fresh, a kept position is where it opens.
    write_position(&state, "24(a)");
    let mut t = state.browser(&[]);
    t.wait_for_words("Back where you left CAT/C/KAZ/CO/4: para. 24 (a)", 10);
    // g in the text goes to the very top (in the outline, to the first row).
    t.send("\tg");
    t.wait_for("Concluding observations on the fourth periodic", 10);
    quit(&mut t);
}

/// The seed's tree with every paragraph from 20 on numbered one more, as
/// a re-import that found one more paragraph earlier on would number
/// them.
fn renumbered(path: &Path) {
    let ron = include_str!("../assets/CAT-C-KAZ-CO-4.ron");
    let mut out = String::new();
    for line in ron.lines() {
        // Paragraph numbers sit deeper than footnote numbers.
        let number = line
            .strip_prefix("              number: ")
            .and_then(|n| n.trim_end_matches(',').parse::<u32>().ok());
        match number {
            Some(n) if n >= 20 => out.push_str(&format!("              number: {},", n + 1)),
            _ => out.push_str(line),
        }
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn a_mark_on_a_renumbered_paragraph_is_orphaned_not_dropped() {
    let state = State::new("orphan");
    let file = state.0.join("docs");
    std::fs::create_dir_all(&file).unwrap();
    let file = file.join("kaz.ron");
    std::fs::write(&file, include_str!("../assets/CAT-C-KAZ-CO-4.ron")).unwrap();
    let path = file.to_str().unwrap();
    let mut t = state.browser(&[path]);
    t.wait_for("Concluding observations", 10);
    mark(&mut t, "26", "solitary");
    quit(&mut t);

    renumbered(&file);
    // The position follows the words it was left on.
    let mut t = state.browser(&[path]);
    t.wait_for_words(
        "Back where you left CAT/C/KAZ/CO/4, which has changed: what was para. 26 is now para. 27",
        10,
    );
    assert!(
        t.screen().contains("27. The State party is urged"),
        "{}",
        t.screen()
    );
    t.send("'");
    t.wait_for("Marks: 1", 10);
    t.wait_for("⚠ CAT/C/KAZ/CO/4, para. 26 — solitary", 10);
    t.wait_for("⚠ orphaned (its words are now at para. 27)", 10);
    // Enter goes where the words are now, and says so.
    t.send("\r");
    t.wait_for_words(
        "Orphaned mark: CAT/C/KAZ/CO/4, para. 26 no longer says its words",
        10,
    );
    assert!(
        t.screen().contains("27. The State party is urged"),
        "{}",
        t.screen()
    );
    // The new paragraph 26 carries no sign: the mark is not on it.
    t.send(":26\r");
    t.wait_for("26. The Committee is deeply concerned", 10);
    assert!(!t.screen().contains("●26."), "{}", t.screen());
    quit(&mut t);

    let (code, out, _) = state.marks(&[path]);
    assert_eq!(code, 0);
    assert!(
        out.contains("- CAT/C/KAZ/CO/4, para. 26 — solitary — The State party is urged"),
        "{out}"
    );
    assert!(
        out.contains("⚠ orphaned (its words are now at para. 27)"),
        "{out}"
    );
    let (_, json, _) = state.marks(&[path, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json[0]["orphaned"], true);
    assert_eq!(json[0]["now_at"], "27");
    // The mark is still in the file, as it was.
    let (_, all, _) = state.marks(&[]);
    assert!(all.contains("para. 26 — solitary"), "{all}");
}
