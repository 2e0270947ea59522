//! Search over 1,000 generated documents (`treatyview_corpus::generate`):
//! corpus size, index build time and memory, then the latency of a fixed
//! set of queries in the default scope, as a markdown table to paste into
//! a note.
//!
//! `cargo bench --bench search`. Set `TREATYVIEW_BENCH_DOCS` for another
//! number of documents. Timings drift on shared machines: compare ratios
//! from one run and quote medians.

use std::hint::black_box;
use std::time::{Duration, Instant};
use treatyview::library::Library;
use treatyview::search::{Index, Scope};
use treatyview_corpus as corpus;

/// The queries: (what they exercise, query text).
const QUERIES: [(&str, &str); 10] = [
    ("short", "torture"),
    ("two words", "solitary confinement"),
    (
        "long",
        "national preventive mechanism independent monitoring places of deprivation of liberty",
    ),
    ("phrase", "\"deaths in custody\""),
    ("typo", "solitary confinment"),
    ("partial", "nat prev mech"),
    ("Cyrillic", "работа"),
    ("exclusion", "torture !police"),
    ("article", "art:16 detention"),
    ("no hit", "xylophone zebra"),
];

/// Runs per query, and the time after which a query stops early (with at
/// least [`MIN_RUNS`]) so the whole bench stays within a few minutes.
const RUNS: usize = 30;
const MIN_RUNS: usize = 5;
const BUDGET: Duration = Duration::from_secs(12);
const LIMIT: usize = 500;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Nearest-rank percentile of sorted durations.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (p * sorted.len()).div_ceil(100).max(1);
    sorted[rank - 1]
}

/// Resident memory of this process in KiB (Linux), if it can be read.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn mib(kib: u64) -> f64 {
    // KiB counts of a process fit f64 exactly.
    #[allow(clippy::cast_precision_loss)]
    let k = kib as f64;
    k / 1024.0
}

/// The index's size as stored (what the cache file holds) and with the
/// vocabulary map it keeps in memory.
fn size(index: &Index) -> String {
    #[allow(clippy::cast_precision_loss)] // byte counts fit f64 exactly
    let (stored, heap) = (
        index.bytes().map_or(0, <[u8]>::len) as f64 / 1e6,
        index.stats().bytes as f64 / 1e6,
    );
    format!("{stored:.1} MB as stored (the cache file), {heap:.1} MB with the vocabulary map")
}

fn main() {
    let n: usize = std::env::var("TREATYVIEW_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let rss_start = rss_kib();

    let t = Instant::now();
    let documents = corpus::generate(n, 2024);
    let generate = t.elapsed();
    let stats = corpus::stats(&documents);
    let library = std::sync::Arc::new(Library { documents });
    let rss_library = rss_kib();

    // The index kept for the queries is the first build; its RSS growth
    // is the index's memory (the allocator may keep freed pages, so
    // later builds are not measured for memory).
    let mut builds = Vec::new();
    let t = Instant::now();
    let index = Index::build(std::sync::Arc::clone(&library));
    builds.push(t.elapsed());
    let rss_index = rss_kib();
    for _ in 0..2 {
        let t = Instant::now();
        let again = black_box(Index::build(std::sync::Arc::clone(&library)));
        builds.push(t.elapsed());
        drop(again);
    }
    builds.sort();

    println!("## Search benchmark: {n} generated documents\n");
    #[allow(clippy::cast_precision_loss)] // byte counts fit f64 exactly
    let text_mb = stats.text_bytes as f64 / 1e6;
    println!("- documents: {}", stats.documents);
    println!(
        "- units (paragraphs and items): {} ({} in concerns and recommendations)",
        stats.units, stats.searchable_units
    );
    println!("- text in units: {text_mb:.1} MB");
    println!("- generation: {:.0} ms", ms(generate));
    println!(
        "- index build: median {:.0} ms of 3 (min {:.0}, max {:.0})",
        ms(builds[1]),
        ms(builds[0]),
        ms(builds[2])
    );
    println!("- index size: {}", size(&index));
    match (rss_start, rss_library, rss_index) {
        (Some(start), Some(docs), Some(indexed)) => println!(
            "- memory (VmRSS): documents {:.0} MiB, index {:.0} MiB (process {:.0} MiB)",
            mib(docs.saturating_sub(start)),
            mib(indexed.saturating_sub(docs)),
            mib(indexed)
        ),
        _ => println!("- memory: /proc/self/status not readable"),
    }
    println!();
    println!(
        "Scope: concerns and recommendations (default), limit {LIMIT}; up to {RUNS} runs per query after one warm-up.\n"
    );
    println!("| query | hits (limit / all / documents) | p50 ms | p95 ms |");
    println!("|---|---:|---:|---:|");
    let mut cut = Vec::new();
    for (what, query) in QUERIES {
        let hits = index
            .search(query, Scope::ConcernsRecommendations, LIMIT)
            .len();
        // Every hit (the limit is the number of units, so nothing is cut),
        // and the documents they fall in.
        let all = index.search(query, Scope::ConcernsRecommendations, stats.units);
        let mut docs: Vec<usize> = all.iter().map(|h| h.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        let started = Instant::now();
        let mut times = Vec::with_capacity(RUNS);
        while times.len() < RUNS && (times.len() < MIN_RUNS || started.elapsed() < BUDGET) {
            // Alternate with a trailing space: the same query to the
            // parser, a new string to the index's one-query cache, so every
            // run resolves the query afresh as a keystroke would.
            let text = if times.len() % 2 == 0 {
                query.to_string()
            } else {
                format!("{query} ")
            };
            let t = Instant::now();
            let found = index.search(
                black_box(&text),
                black_box(Scope::ConcernsRecommendations),
                LIMIT,
            );
            times.push(t.elapsed());
            black_box(found);
        }
        if times.len() < RUNS {
            cut.push(format!("`{query}` {} runs", times.len()));
        }
        times.sort();
        println!(
            "| {what}: `{}` | {hits} / {} / {} | {:.2} | {:.2} |",
            query.replace('|', "\\|"),
            all.len(),
            docs.len(),
            ms(percentile(&times, 50)),
            ms(percentile(&times, 95))
        );
    }
    if !cut.is_empty() {
        println!("\nStopped early (time budget): {}", cut.join(", "));
    }
    from_the_file(&index, &library);
}

/// The same queries as the `search` command meets them: each on an index
/// just opened from its cache file, which reads its head and small tables
/// on opening and the rest piece by piece. How much of the file each
/// query reads, and its time (open and search) against the same search
/// on the index in memory, in this run.
fn from_the_file(index: &Index, library: &std::sync::Arc<Library>) {
    let Some(bytes) = index.bytes() else { return };
    let path = std::env::temp_dir().join(format!("treatyview-bench-{}.tvix", std::process::id()));
    if std::fs::write(&path, bytes).is_err() {
        println!("\n(could not write {} for the file runs)", path.display());
        return;
    }
    let open = || {
        let file = std::fs::File::open(&path).expect("the file just written");
        Index::open(file)
            .expect("an index just written")
            .with_library(std::sync::Arc::clone(library))
    };
    #[allow(clippy::cast_precision_loss)] // byte counts fit f64 exactly
    let mb = |b: u64| b as f64 / 1e6;
    let opened = open().bytes_read().unwrap_or(0);
    println!(
        "\nFrom the cache file ({:.1} MB): opening reads {:.1} MB; each run opens it afresh and searches once (up to 10 runs).\n",
        mb(bytes.len() as u64),
        mb(opened)
    );
    println!(
        "| query | MB read by the search | p50 ms, open + search | p50 ms, in memory | ratio |"
    );
    println!("|---|---:|---:|---:|---:|");
    for (_, query) in QUERIES {
        let mut file_times = Vec::new();
        let mut memory_times = Vec::new();
        let mut read = 0;
        for run in 0..10 {
            let text = if run % 2 == 0 {
                query.to_string()
            } else {
                format!("{query} ")
            };
            let t = Instant::now();
            let fresh = open();
            black_box(fresh.search(&text, Scope::ConcernsRecommendations, LIMIT));
            file_times.push(t.elapsed());
            read = fresh.bytes_read().unwrap_or(0) - opened;
            let t = Instant::now();
            black_box(index.search(&text, Scope::ConcernsRecommendations, LIMIT));
            memory_times.push(t.elapsed());
        }
        file_times.sort();
        memory_times.sort();
        let (f, m) = (
            ms(percentile(&file_times, 50)),
            ms(percentile(&memory_times, 50)),
        );
        println!(
            "| `{}` | {:.2} | {f:.2} | {m:.2} | {:.2} |",
            query.replace('|', "\\|"),
            mb(read),
            f / m
        );
    }
    let _ = std::fs::remove_file(&path);
}
