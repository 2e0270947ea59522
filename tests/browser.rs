//! The browser in a real terminal as a new user meets it (issue 11):
//! citing what is on screen, context after jumps, stepping through
//! results, editing the query, help, hints and messages at 80×24, copying,
//! suspending. Each test types keys into the real binary and reads the
//! screen.

use crate::common::Pty;

/// The browser on the embedded document at `cols`×`rows`, first frame in.
fn open(cols: u16, rows: u16) -> Pty {
    let t = Pty::treatyview(&[], cols, rows);
    t.wait_for("Concluding observations", 10);
    t
}

fn quit(mut t: Pty) {
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);
    assert!(t.restored(), "terminal not restored:\n{}", t.screen());
}

#[test]
fn the_last_paragraph_is_cited_after_goto_and_g() {
    let mut t = open(80, 24);
    t.send(":48\r");
    t.wait_for("48. The Committee requests", 5);
    t.wait_for("CAT/C/KAZ/CO/4 · para. 48 │", 5);
    t.send("g");
    t.wait_for("CAT/C/KAZ/CO/4 · para. 1 │", 5);
    t.send("\tG");
    t.wait_for("CAT/C/KAZ/CO/4 · para. 48 │", 5);
    quit(t);
}

#[test]
fn after_a_jump_the_heading_and_citation_stay_in_view() {
    let mut t = open(80, 24);
    t.send(":24a\r");
    t.wait_for("FOLLOW-UP Ensure that all allegations", 5);
    // The running head, on the first row of the text.
    let head = &t.rows()[1];
    assert!(
        head.contains("Violence and deaths in custody") && head.contains("para. 24 (a)"),
        "{}",
        t.screen()
    );
    t.send("p");
    t.wait_for("23. The Committee", 5);
    let head = &t.rows()[1];
    assert!(head.contains("para. 23"), "{}", t.screen());
    quit(t);
}

/// The text of the rows drawn in reverse video between `from` and `to`
/// (the selected row of a list).
fn selected_rows(t: &Pty, from: u16, to: u16) -> Vec<String> {
    let rows = t.rows();
    (from..to)
        .filter(|&r| t.inverse(r, 3))
        .map(|r| rows[r as usize].clone())
        .collect()
}

#[test]
fn the_opened_result_stays_selected_and_visible() {
    let mut t = open(80, 24);
    t.send("/torture");
    t.wait_for("/ torture", 5);
    t.wait_for("21 results", 10);
    for _ in 0..8 {
        t.send("\x0e"); // Ctrl-n
    }
    t.wait_still(300, 5);
    let before = selected_rows(&t, 16, 23);
    assert_eq!(before.len(), 1, "{}", t.screen());
    let reference: String = before[0]
        .trim_start_matches(['│', '┃'])
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    t.send("\r");
    t.wait_for("▶ CAT/C/KAZ/CO/4", 5);
    let after = selected_rows(&t, 17, 23);
    assert_eq!(after.len(), 1, "opened result not shown:\n{}", t.screen());
    assert!(
        after[0]
            .trim_start_matches(['│', '┃'])
            .starts_with(&reference),
        "{reference}:\n{}",
        t.screen()
    );
    quit(t);
}

#[test]
fn help_fits_80x24_scrolls_and_q_closes_it() {
    let mut t = open(80, 24);
    t.send("?");
    t.wait_for("Keys —", 5);
    t.send(" ");
    t.wait_for("show or hide footnotes under the text", 5);
    assert!(!t.screen().contains("on/…"), "{}", t.screen());
    t.send("G");
    t.wait_for("a | b", 5);
    t.send("q");
    t.wait_gone("Keys —", 5);
    t.wait_for("Concluding observations", 5);
    quit(t);
}

#[test]
fn the_hints_that_matter_are_visible_at_80_columns() {
    let mut t = open(80, 24);
    t.send("\t");
    t.wait_for("▶ CAT/C/KAZ/CO/4", 5);
    // A hint only the text pane has: the outline's hints have "y cite"
    // too, and a frame can be read half drawn.
    t.wait_for("p concern⇄rec", 5);
    let status = t.status();
    assert!(status.contains("p concern⇄rec"), "{status}");
    assert!(!status.contains('…'), "{status}");
    t.send("/solitary");
    t.wait_for("3 results", 10);
    t.send("\r");
    t.wait_for("n/N step through them", 5);
    t.send("j");
    t.wait_for("n/N hits", 5);
    quit(t);
}

#[test]
fn the_query_line_edits_with_arrows_home_end_and_word_keys() {
    let mut t = open(100, 30);
    t.send("/solitary confinement");
    t.wait_for("/ solitary confinement", 5);
    t.send("\x1b[H"); // Home
    t.send("\"");
    t.send("\x05"); // Ctrl-e
    t.send("\"");
    t.wait_for("/ \"solitary confinement\"", 5);
    t.wait_for("2 results", 10);
    t.send("\x1b[D"); // ←
    t.send("\x17"); // Ctrl-w
    t.wait_for("/ \"solitary \"", 5);
    t.send("\x0b"); // Ctrl-k
    t.send("\x1b\x7f"); // Alt-Backspace
    t.wait_for("/ \"", 5);
    t.wait_gone("solitary", 5);
    t.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(150));
    quit(t);
}

#[test]
fn the_query_history_is_kept_in_the_state_folder_and_recalled_with_up() {
    let dir = std::env::temp_dir().join(format!("tv-history-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let state = dir.join("state");
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let env = [
        ("TREATYVIEW_STATE_DIR", state.to_str().unwrap()),
        ("HOME", home.to_str().unwrap()),
    ];
    let bin = env!("CARGO_BIN_EXE_treatyview");
    let mut t = Pty::spawn(bin, &[], 80, 24, &env);
    t.wait_for("Concluding observations", 10);
    t.send("/torture");
    t.wait_for("21 results", 10);
    t.send("\r");
    t.wait_for("n/N step through them", 5);
    quit(t);
    let saved = std::fs::read_to_string(state.join("query-history")).unwrap();
    assert_eq!(saved, "torture\n");
    assert_eq!(
        std::fs::read_dir(&home).unwrap().count(),
        0,
        "nothing written in the home folder"
    );
    // A new browser recalls it with ↑ on the empty query line (at the
    // top: the state folder also holds where the first one was left).
    let mut t = Pty::spawn(bin, &["--fresh"], 80, 24, &env);
    t.wait_for("Concluding observations", 10);
    t.send("/");
    t.wait_for("↑ earlier queries", 5);
    t.send("\x1b[A");
    t.wait_for("/ torture", 5);
    t.wait_for("21 results", 10);
    t.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(150));
    quit(t);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn copying_says_what_was_sent_and_uses_a_clipboard_program() {
    // Issue 11, item 4: "Copied" was said when OSC 52 went nowhere; a
    // system clipboard program is used as well, and Y copies the citation.
    let dir = std::env::temp_dir().join(format!("tv-clip-pty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("clipboard");
    let xclip = dir.join("xclip");
    std::fs::write(&xclip, format!("#!/bin/sh\ncat > '{}'\n", out.display())).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&xclip, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:/usr/bin:/bin", dir.display());
    let bin = env!("CARGO_BIN_EXE_treatyview");
    let mut t = Pty::spawn(bin, &[], 80, 24, &[("PATH", &path), ("DISPLAY", ":0")]);
    t.wait_for("Concluding observations", 10);
    t.send(":48\r");
    t.wait_for("para. 48", 5);
    t.send("Y");
    t.wait_for_words(
        "Sent the citation CAT/C/KAZ/CO/4, para. 48 to the terminal clipboard (OSC 52) and to xclip",
        5,
    );
    let mut copied = String::new();
    for _ in 0..50 {
        copied = std::fs::read_to_string(&out).unwrap_or_default();
        if !copied.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(copied, "CAT/C/KAZ/CO/4, para. 48");
    quit(t);
    // Without a clipboard program, the message says OSC 52 may go nowhere.
    let mut t = Pty::spawn(bin, &[], 80, 24, &[("PATH", "/nonexistent")]);
    t.wait_for("Concluding observations", 10);
    t.send("y");
    t.wait_for_words("nothing was copied", 5);
    t.wait_gone("Copied", 1);
    quit(t);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ctrl_n_steps_through_results_from_the_text() {
    // Issue 11, item 18: the next result without going back to search,
    // with the position shown.
    let mut t = open(80, 24);
    t.send("/torture");
    t.wait_for("21 results", 10);
    t.send("\r");
    t.wait_for("n/N step through them", 5);
    t.send("\x0e"); // Ctrl-n
    t.wait_for("Result 2/21", 5);
    t.send("\x10"); // Ctrl-p
    t.wait_for("Result 1/21", 5);
    t.send("\x10");
    t.wait_for("Result 21/21", 5);
    quit(t);
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_restores_the_screen() {
    // Issue 11, item 21.
    let bin = env!("CARGO_BIN_EXE_treatyview");
    let mut t = Pty::spawn(
        "bash",
        &["--norc", "--noprofile", "-i"],
        80,
        24,
        &[("PS1", "shell$ ")],
    );
    t.wait_for("shell$", 10);
    t.send(&format!("{bin}\r"));
    t.wait_for("Concluding observations", 10);
    t.send(":26\r");
    t.wait_for("26. The State party is urged", 5);
    t.send("\x1a"); // Ctrl-z
    t.wait_for("Stopped", 5);
    assert!(
        t.restored(),
        "the shell gets a normal terminal:\n{}",
        t.screen()
    );
    t.send("fg\r");
    t.wait_for("26. The State party is urged", 5);
    t.wait_for("para. 26", 5);
    t.send("q");
    t.wait_for("shell$", 5);
    assert!(t.restored());
    t.send("exit\r");
    assert_eq!(t.wait_exit(10), 0);
}

#[test]
fn hyperlinked_addresses_leave_the_screen_as_it_was() {
    // Issue 11, item 15: with OSC 8 on, every cell of an address carries
    // the link, and the text on screen must not move.
    let bin = env!("CARGO_BIN_EXE_treatyview");
    let screen = |links: &str| {
        let mut t = Pty::spawn(bin, &[], 80, 24, &[("TREATYVIEW_HYPERLINKS", links)]);
        t.wait_for("Concluding observations", 10);
        t.send(":9\r");
        t.wait_for("9.  The Committee notes", 5);
        t.send("\t");
        t.send("kkkkkkkk");
        t.wait_for("[11] See", 5);
        t.wait_still(200, 3);
        let s = t.screen();
        quit(t);
        s
    };
    let plain = screen("0");
    assert!(plain.contains("┆ [11] See"), "{plain}");
    assert_eq!(screen("1"), plain);
}
