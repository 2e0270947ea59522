//! Write generated documents to a folder, to open with `treatyview DIR`
//! and to compare search with other tools.
//!
//! `cargo run --release --example gen_corpus -- DIR N [SEED]` writes
//! `DIR/0001.ron` … (one document each, via `library::to_ron`) and
//! `DIR/lines.txt`: one line per unit of a concern or recommendation
//! paragraph, `SYMBOL REF TEXT` with line breaks and tabs as spaces, for
//! `fzf --filter` and `grep -F`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use treatyview::document::Kind;
use treatyview::library::to_ron;
use treatyview_corpus as corpus;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.as_slice() {
        [dir, n] => n.parse().ok().map(|n| (dir, n, 2024)),
        [dir, n, seed] => n
            .parse()
            .ok()
            .zip(seed.parse().ok())
            .map(|(n, seed)| (dir, n, seed)),
        _ => None,
    };
    let Some((dir, n, seed)) = parsed else {
        eprintln!("usage: gen_corpus DIR N [SEED]");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    if let Err(e) = write(&dir, n, seed) {
        eprintln!("gen_corpus: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn write(dir: &std::path::Path, n: usize, seed: u64) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let documents = corpus::generate(n, seed);
    let width = n.to_string().len().max(4);
    let mut lines = String::new();
    let mut count = 0;
    for (i, doc) in documents.iter().enumerate() {
        std::fs::write(dir.join(format!("{:0width$}.ron", i + 1)), to_ron(doc))?;
        for unit in doc.units() {
            if matches!(unit.paragraph.kind, Kind::Concern | Kind::Recommendation) {
                let text = unit.plain().replace(['\n', '\r', '\t'], " ");
                let _ = writeln!(lines, "{} {} {text}", doc.symbol, unit.reference);
                count += 1;
            }
        }
    }
    std::fs::write(dir.join("lines.txt"), &lines)?;
    let stats = corpus::stats(&documents);
    println!(
        "{}: {} documents, {} units ({count} in lines.txt, {} bytes), {} bytes of unit text",
        dir.display(),
        stats.documents,
        stats.units,
        lines.len(),
        stats.text_bytes
    );
    Ok(())
}
