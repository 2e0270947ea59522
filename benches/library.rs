//! A library of 1,000 generated documents (nine committees, varied States
//! and years): spawn → first frame, cold (no cache) and warm (nothing
//! changed since the last open); time until the browser's index answers a
//! query; the browser's resident memory once it has; the search cache on
//! disk; all against the documents' text size, and the first frame against
//! `less` opening one document's text in the same run.
//!
//! Then the same for a folder of real documents: the fifteen CRPD PDFs
//! of `tests/fixtures/pdf` (one, in Arabic, does not open), imported on
//! the first open and read from the document cache after.
//!
//! `cargo bench --bench library` (needs `less` on PATH). `LIBRARY_DOCS`
//! sets the number of documents (default 1,000), `LIBRARY_RUNS` the runs
//! (default 3).

// The tests' pseudo-terminal harness; this bench uses part of it.
#[path = "../tests/common/pty.rs"]
#[allow(dead_code)]
mod pty;

use pty::Pty;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use treatyview::library::to_ron;
use treatyview_corpus::{generate, stats};

const COMMITTEES: [&str; 9] = [
    "CAT/C/", "CCPR/C/", "E/C.12/", "CEDAW/C/", "CRC/C/", "CERD/C/", "CRPD/C/", "CMW/C/", "CED/C/",
];

/// Write `n` documents as RON files in `dir`: the generated corpus, each
/// given one of nine committees and a year from 2000 to 2024. Returns the
/// text bytes of their units.
fn shelf(dir: &Path, n: usize) -> usize {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let mut docs = generate(n, 7);
    for (i, doc) in docs.iter_mut().enumerate() {
        doc.symbol = doc.symbol.replacen("CAT/C/", COMMITTEES[i % 9], 1);
        doc.year = Some(2000 + (i % 25) as u32);
    }
    for (i, doc) in docs.iter().enumerate() {
        std::fs::write(dir.join(format!("{i:04}.ron")), to_ron(doc)).unwrap();
    }
    stats(&docs).text_bytes
}

/// Resident memory of a process, from `/proc` (Linux), in bytes.
fn resident(pid: u32) -> Option<usize> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn folder_size(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .flatten()
            .map(|e| {
                let meta = e.metadata().unwrap();
                if meta.is_dir() {
                    folder_size(&e.path())
                } else {
                    meta.len() as usize
                }
            })
            .sum()
    })
}

struct Open {
    /// The first frame: the outline, or (cold) the progress screen.
    first_frame: Duration,
    /// The outline of the library.
    outline: Duration,
    index_ready: Duration,
    resident: usize,
}

/// Open the library in the browser: the first frame, then a query typed
/// at once and the time until its results show, and memory then.
fn open(dir: &Path, cache: &Path) -> Open {
    let start = Instant::now();
    let cache = cache.to_str().unwrap();
    let mut t = Pty::spawn(
        env!("CARGO_BIN_EXE_treatyview"),
        &[dir.to_str().unwrap()],
        100,
        30,
        &[("TREATYVIEW_CACHE_DIR", cache)],
    );
    let wait = |t: &Pty, markers: &[&str]| loop {
        let screen = t.screen();
        if markers.iter().any(|m| screen.contains(m)) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < Duration::from_mins(2),
            "no {markers:?}: {screen}"
        );
        std::thread::sleep(Duration::from_micros(500));
    };
    let first_frame = wait(&t, &["Sections", "documents: "]);
    let outline = wait(&t, &["Sections"]);
    t.send("/solitary confinement");
    // The count in the search pane's title ("· 50 results ━"), not the
    // hint line's "↓/↑ results", which shows while the index is built.
    let index_ready = wait(&t, &[" results ─", " results ━"]);
    let resident = t.child.process_id().and_then(resident).unwrap_or(0);
    t.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    t.send("q");
    let _ = t.wait_exit(10);
    Open {
        first_frame,
        outline,
        index_ready,
        resident,
    }
}

fn less_first_frame(text: &Path) -> Duration {
    let start = Instant::now();
    let mut t = Pty::spawn("less", &[text.to_str().unwrap()], 100, 30, &[]);
    while !t.screen().contains("Committee against Torture") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no frame from less"
        );
        std::thread::sleep(Duration::from_micros(200));
    }
    let elapsed = start.elapsed();
    t.send("q");
    let _ = t.wait_exit(5);
    elapsed
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The search command: the first run writes its cache, the second reads
/// it.
fn search_twice(dir: &Path, cache: &Path) -> (Duration, Duration) {
    let search = || {
        let start = Instant::now();
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_treatyview"))
            .args(["search", "solitary confinement"])
            .arg(dir)
            .env("TREATYVIEW_CACHE_DIR", cache)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        start.elapsed()
    };
    let cold = search();
    (cold, search())
}

#[allow(clippy::cast_precision_loss)] // byte counts fit f64 exactly
fn main() {
    let n: usize = std::env::var("LIBRARY_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let runs: usize = std::env::var("LIBRARY_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let base = std::env::temp_dir().join(format!("tv-bench-library-{}", std::process::id()));
    let dir = base.join("docs");
    let text = shelf(&dir, n);
    let ron: usize = folder_size(&dir);
    let seed = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/CAT-C-KAZ-CO-4.txt"
    ));
    let (mut cold, mut warm, mut ready_cold, mut ready_warm, mut less) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut outline_cold, mut outline_warm) = (Vec::new(), Vec::new());
    let (mut memory_cold, mut memory_warm) = (0, 0);
    let cache = base.join("cache");
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(&cache);
        let first = open(&dir, &cache);
        cold.push(first.first_frame);
        outline_cold.push(first.outline);
        ready_cold.push(first.index_ready);
        let again = open(&dir, &cache);
        warm.push(again.first_frame);
        outline_warm.push(again.outline);
        ready_warm.push(again.index_ready);
        memory_cold = memory_cold.max(first.resident);
        memory_warm = memory_warm.max(again.resident);
        less.push(less_first_frame(&seed));
    }
    let _ = std::fs::remove_dir_all(&cache);
    let (search_cold, search_warm) = search_twice(&dir, &cache);
    let cache_bytes = folder_size(&cache);
    let docs_bytes = folder_size(&cache.join("docs"));
    let mb = |b: usize| b as f64 / 1e6;
    println!(
        "library of {n} generated documents: {:.1} MB of text, {:.1} MB of RON; {runs} runs, 100×30 pty",
        mb(text),
        mb(ron)
    );
    println!(
        "  first frame, cold:       median {:>8.1} ms",
        ms(median(cold.clone()))
    );
    println!(
        "  outline, cold:           median {:>8.1} ms (the first frame is the progress screen)",
        ms(median(outline_cold))
    );
    println!(
        "  first frame, warm:       median {:>8.1} ms  (goal ≤ 100 ms)",
        ms(median(warm.clone()))
    );
    println!(
        "  outline, warm:           median {:>8.1} ms",
        ms(median(outline_warm))
    );
    println!(
        "  less, one document:      median {:>8.1} ms  (ratio warm / less {:.1}×)",
        ms(median(less.clone())),
        median(warm).as_secs_f64() / median(less).as_secs_f64()
    );
    println!(
        "  index answers, cold:     median {:>8.1} ms from spawn",
        ms(median(ready_cold))
    );
    println!(
        "  index answers, warm:     median {:>8.1} ms from spawn",
        ms(median(ready_warm))
    );
    println!(
        "  resident memory, cold:   {:>8.1} MB = {:.2}× the text (index built here; goal ≤ 3×)\n  resident memory, warm:   {:>8.1} MB = {:.2}× the text (index read from the cache)",
        mb(memory_cold),
        memory_cold as f64 / text as f64,
        mb(memory_warm),
        memory_warm as f64 / text as f64
    );
    println!(
        "  search command, cold:    {:>8.1} ms; warm (cached index): {:.1} ms",
        ms(search_cold),
        ms(search_warm)
    );
    println!(
        "  search index on disk:    {:>8.1} MB = {:.2}× the text (goal ≤ 1.5×)",
        mb(cache_bytes - docs_bytes),
        (cache_bytes - docs_bytes) as f64 / text as f64
    );
    println!(
        "  document cache on disk:  {:>8.1} MB = {:.2}× the text (whole cache {:.2}×)",
        mb(docs_bytes),
        docs_bytes as f64 / text as f64,
        cache_bytes as f64 / text as f64
    );
    real(&base.join("real-cache"), runs);
    let _ = std::fs::remove_dir_all(&base);
}

/// The folder of real PDFs: first open (imports), second (caches).
#[allow(clippy::cast_precision_loss)] // byte counts fit f64 exactly
fn real(cache: &Path, runs: usize) {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pdf"));
    let opened = treatyview::library::Library::open(std::slice::from_ref(&dir)).unwrap();
    let text = stats(&opened.library.documents).text_bytes;
    let (mut cold, mut warm, mut ready_cold, mut ready_warm) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut memory_cold, mut memory_warm) = (0, 0);
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(cache);
        let first = open(&dir, cache);
        let again = open(&dir, cache);
        cold.push(first.outline);
        warm.push(again.outline);
        ready_cold.push(first.index_ready);
        ready_warm.push(again.index_ready);
        memory_cold = memory_cold.max(first.resident);
        memory_warm = memory_warm.max(again.resident);
    }
    let mb = |b: usize| b as f64 / 1e6;
    println!(
        "real documents: {} of the PDFs in tests/fixtures/pdf open, {:.2} MB of text; {runs} runs",
        opened.library.documents.len(),
        mb(text)
    );
    println!(
        "  outline, first open (imports): median {:>8.1} ms; again (cached): {:.1} ms",
        ms(median(cold)),
        ms(median(warm))
    );
    println!(
        "  index answers:                 median {:>8.1} ms; again: {:.1} ms",
        ms(median(ready_cold)),
        ms(median(ready_warm))
    );
    println!(
        "  resident memory:               {:>8.1} MB first, {:.1} MB again ({:.1}× the text: the program itself weighs more here)",
        mb(memory_cold),
        mb(memory_warm),
        memory_warm as f64 / text as f64
    );
    println!(
        "  cache on disk:                 {:>8.1} MB = {:.2}× the text (documents {:.2} MB, imports {:.2} MB)",
        mb(folder_size(cache)),
        folder_size(cache) as f64 / text as f64,
        mb(folder_size(&cache.join("docs"))),
        mb(folder_size(&cache.join("imports")))
    );
}
