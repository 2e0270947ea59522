//! The real binary in a real pseudo-terminal: start, navigate, quit, and
//! the terminal is left as it was found.

mod common;
use common::Pty;

#[test]
fn read_jump_pair_back_footnotes_and_quit() {
    let mut t = Pty::treatyview(&[], 80, 24);
    t.wait_for("Concluding observations on the fourth periodic", 10);
    t.wait_for("┆ [1] CAT/C/KAZ/4 and CAT/C/KAZ/4/Corr.1.", 5);
    t.send(":26\r");
    t.wait_for("26. The State party is urged to bring articles 130", 5);
    t.wait_for("para. 26", 5);
    t.send("p");
    t.wait_for("25. The Committee is deeply concerned that under", 5);
    t.send("\x0f"); // Ctrl-o
    t.wait_for("26. The State party is urged to bring articles 130", 5);
    t.send("g");
    t.wait_for("┆ [1] CAT/C/KAZ/4 and CAT/C/KAZ/4/Corr.1.", 5);
    t.send("f");
    t.wait_gone("┆ [1] CAT/C/KAZ/4", 5);
    t.wait_for("Kazakhstan[1] at its", 5);
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);
    assert!(t.restored(), "terminal not restored:\n{}", t.screen());
}

#[test]
fn not_a_terminal_points_to_export_and_search() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_treatyview"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a terminal") && err.contains("export") && err.contains("search"),
        "{err}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut t = Pty::treatyview(&[], 80, 24);
    t.wait_for("Concluding observations", 10);
    let pid = t.child.process_id().unwrap();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_exit(10);
    assert!(t.restored(), "terminal not restored after SIGTERM");
}
