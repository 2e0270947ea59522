//! What several test modules share: the real binary, a pseudo-terminal
//! around it, typing into the browser, the seed text and proptest's case
//! count.

pub mod pty;

pub use pty::Pty;

use std::process::Command;
use treatyview::tui::action::Action;
use treatyview::tui::app::App;

/// The seed text export (CAT/C/KAZ/CO/4).
pub const SEED: &str = include_str!("../../assets/CAT-C-KAZ-CO-4.txt");

/// The real `treatyview` binary, ready for arguments.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_treatyview"))
}

/// Type `:text` and Enter into the browser.
pub fn goto(app: &mut App, text: &str) {
    app.update(Action::GotoPrompt);
    for c in text.chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Submit);
}

/// Cases per property: `default` in `cargo test`; set `PROPTEST_CASES`
/// for a long run (see the README).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
