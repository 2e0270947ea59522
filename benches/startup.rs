//! Time from spawn to first frame in a pseudo-terminal: treatyview on its
//! embedded document against `less` on the seed text, measured in the
//! same run, alternating, so machine noise hits both alike.
//!
//! `cargo bench --bench startup` (needs `less` on PATH).

// The tests' pseudo-terminal harness; this bench uses part of it.
#[path = "../tests/common/pty.rs"]
#[allow(dead_code)]
mod pty;

use pty::Pty;
use std::time::{Duration, Instant};

fn first_frame(program: &str, args: &[&str], marker: &str) -> Duration {
    let start = Instant::now();
    let mut t = Pty::spawn(program, args, 80, 24, &[]);
    loop {
        if t.screen().contains(marker) {
            let elapsed = start.elapsed();
            t.send("q");
            let _ = t.wait_exit(5);
            return elapsed;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no first frame from {program}"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let runs = 41;
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/CAT-C-KAZ-CO-4.txt");
    let mut ours = Vec::new();
    let mut less = Vec::new();
    for _ in 0..runs {
        ours.push(first_frame(
            env!("CARGO_BIN_EXE_treatyview"),
            &[],
            "Concluding observations on the fourth",
        ));
        less.push(first_frame("less", &[seed], "Committee against Torture"));
    }
    let (a, b) = (median(ours.clone()), median(less.clone()));
    println!("spawn → first frame, 80×24 pty, {runs} runs each, alternating");
    println!(
        "  treatyview (embedded CAT/C/KAZ/CO/4): median {:>7.2} ms  (min {:.2}, max {:.2})",
        a.as_secs_f64() * 1e3,
        ours.iter().min().unwrap().as_secs_f64() * 1e3,
        ours.iter().max().unwrap().as_secs_f64() * 1e3
    );
    println!(
        "  less (seed text):                     median {:>7.2} ms  (min {:.2}, max {:.2})",
        b.as_secs_f64() * 1e3,
        less.iter().min().unwrap().as_secs_f64() * 1e3,
        less.iter().max().unwrap().as_secs_f64() * 1e3
    );
    println!(
        "  ratio treatyview / less: {:.2}× (goal ≤ 1.5×)",
        a.as_secs_f64() / b.as_secs_f64()
    );
}
