//! Relevance, measured as speed is: a judged set of queries
//! (`tests/relevance.ron`) over the seed (CAT/C/KAZ/CO/4) and the UN's
//! real CRPD documents in `tests/fixtures/pdf/`, each with the units a
//! careful reader expects in the top 10 and why. The test computes
//! precision@10 and nDCG@10 per query and guards their means with
//! floors (not exact values: a better ranking may move them up).
//!
//! `cargo test --test tests relevance:: -- --nocapture` prints the table
//! that the README's development section quotes; with
//! `TREATYVIEW_RELEVANCE_TOP=1` also each query's top 10 with its grades.

// Means and ratios over a few dozen queries and ranks: far below 2^52.
#![allow(clippy::cast_precision_loss)]

use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use treatyview::document::Document;
use treatyview::import::import_any;
use treatyview::library::Library;
use treatyview::search::{Index, Scope};

/// Which library a query runs on.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Hash)]
enum Corpus {
    /// The embedded CAT/C/KAZ/CO/4.
    Seed,
    /// The fourteen CRPD PDFs the importer accepts (English, French,
    /// Spanish), as one library.
    Crpd,
}

/// One judged query.
#[derive(Debug, Deserialize)]
struct Judged {
    query: String,
    corpus: Corpus,
    /// `cr` (default), `concern`, `recommendation` or `all`.
    #[serde(default)]
    scope: Option<String>,
    /// (document symbol, reference, grade): 2 the unit is about what was
    /// asked, 1 it answers it in part.
    expect: Vec<(String, String, u8)>,
    /// Why these units, as read in the documents.
    #[allow(dead_code)] // read by people
    why: String,
}

fn judgments() -> Vec<Judged> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/relevance.ron");
    let text = std::fs::read_to_string(&path).expect("tests/relevance.ron");
    ron::from_str(&text).unwrap_or_else(|e| panic!("tests/relevance.ron: {e}"))
}

/// The CRPD PDFs the importer accepts (the Arabic one is refused).
fn crpd() -> Library {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/pdf")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    let documents: Vec<Option<Document>> = std::thread::scope(|s| {
        let halves: Vec<_> = files
            .chunks(files.len().div_ceil(2))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|f| {
                            import_any(&std::fs::read(f).expect("read"), None)
                                .ok()
                                .map(|i| i.doc)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        halves
            .into_iter()
            .flat_map(|h| h.join().expect("import thread"))
            .collect()
    });
    let documents: Vec<Document> = documents.into_iter().flatten().collect();
    assert_eq!(documents.len(), 14, "every PDF but the Arabic one imports");
    Library { documents }
}

/// Precision@10 and nDCG@10 (gain 2^grade − 1, log2 discount) of a
/// ranked list of (symbol, reference) against the judgments.
fn measure(ranked: &[(String, String)], expect: &[(String, String, u8)]) -> (f64, f64) {
    let grade: HashMap<(&str, &str), u8> = expect
        .iter()
        .map(|(s, r, g)| ((s.as_str(), r.as_str()), *g))
        .collect();
    let gain = |g: u8| f64::from((1u32 << g) - 1);
    let discount = |i: usize| (i as f64 + 2.0).log2();
    let top: Vec<u8> = ranked
        .iter()
        .take(10)
        .map(|(s, r)| grade.get(&(s.as_str(), r.as_str())).copied().unwrap_or(0))
        .collect();
    let precision = top.iter().filter(|g| **g > 0).count() as f64 / 10.0;
    let dcg: f64 = top
        .iter()
        .enumerate()
        .map(|(i, g)| gain(*g) / discount(i))
        .sum();
    let mut ideal: Vec<u8> = expect.iter().map(|e| e.2).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, g)| gain(*g) / discount(i))
        .sum();
    (precision, if idcg > 0.0 { dcg / idcg } else { 0.0 })
}

#[test]
fn judged_queries_find_what_a_careful_reader_expects() {
    let judged = judgments();
    assert!(judged.len() >= 40, "at least 40 judged queries");
    let seed = Library::embedded();
    let crpd = crpd();
    let libraries = [(Corpus::Seed, &seed), (Corpus::Crpd, &crpd)];
    let indexes: HashMap<Corpus, (Index, &Library)> = libraries
        .iter()
        .map(|(c, l)| (*c, (Index::build((*l).clone()), *l)))
        .collect();
    let mut rows = Vec::new();
    let (mut p_sum, mut n_sum) = (0.0, 0.0);
    for j in &judged {
        let (index, library) = &indexes[&j.corpus];
        for (symbol, reference, _) in &j.expect {
            let doc = library.documents.iter().find(|d| &d.symbol == symbol);
            assert!(
                doc.is_some(),
                "{}: no document {symbol} for {reference}",
                j.query
            );
        }
        let scope = j
            .scope
            .as_deref()
            .map_or(Scope::ConcernsRecommendations, |s| {
                Scope::parse(s).expect("a scope")
            });
        let ranked: Vec<(String, String)> = index
            .search(&j.query, scope, 10)
            .into_iter()
            .map(|h| (library.documents[h.doc].symbol.clone(), h.reference))
            .collect();
        if std::env::var_os("TREATYVIEW_RELEVANCE_TOP").is_some() {
            let grade = |s: &str, r: &str| {
                j.expect
                    .iter()
                    .find(|e| e.0 == s && e.1 == r)
                    .map_or(0, |e| e.2)
            };
            let top: Vec<String> = ranked
                .iter()
                .map(|(s, r)| {
                    format!(
                        "{} {r}:{}",
                        s.rsplit_once("/C/").map_or(s.as_str(), |x| x.1),
                        grade(s, r)
                    )
                })
                .collect();
            println!("{}: {}", j.query, top.join(", "));
        }
        let (p, n) = measure(&ranked, &j.expect);
        p_sum += p;
        n_sum += n;
        // Units about the query (grade 2) missing from the top 10, when
        // all of them would fit in it.
        let about: Vec<&(String, String, u8)> = j.expect.iter().filter(|e| e.2 == 2).collect();
        let missed: Vec<String> = about
            .iter()
            .filter(|(s, r, _)| about.len() <= 10 && !ranked.iter().any(|x| &x.0 == s && &x.1 == r))
            .map(|(s, r, _)| format!("{} {r}", s.rsplit_once("/C/").map_or(s.as_str(), |x| x.1)))
            .collect();
        rows.push(format!(
            "| `{}` | {:?} | {p:.1} | {n:.2} | {} |",
            j.query.replace('|', "\\|"),
            j.corpus,
            missed.join(", ")
        ));
    }
    let count = judged.len() as f64;
    let (precision, ndcg) = (p_sum / count, n_sum / count);
    println!("| query | corpus | P@10 | nDCG@10 | expected (grade 2) not in the top 10 |");
    println!("|---|---|---:|---:|---|");
    for row in &rows {
        println!("{row}");
    }
    println!(
        "\n{} queries: mean precision@10 {precision:.3}, mean nDCG@10 {ndcg:.3}",
        judged.len()
    );
    // Floors a little under what the ranking reaches (see the README),
    // so a change that makes search worse fails here.
    assert!(precision >= PRECISION_FLOOR, "precision@10 {precision:.3}");
    assert!(ndcg >= NDCG_FLOOR, "nDCG@10 {ndcg:.3}");
}

/// Guarded means: what the ranking reached when the set was judged
/// (precision@10 0.602, nDCG@10 0.825), less a margin; the ranking before
/// word forms, BM25 and optional function words reached 0.523 and 0.736
/// on the same set, and fails these floors.
const PRECISION_FLOOR: f64 = 0.58;
const NDCG_FLOOR: f64 = 0.80;

#[test]
fn every_unit_of_the_real_documents_reads_its_text_back_from_its_document() {
    // The index keeps words, not text: each result's text is read from
    // its document at the place the index recorded. Over the fourteen
    // real CRPD documents (old layouts with unnumbered parts, items,
    // sub-items, headings and footnotes) and the seed, every unit is a
    // result of a committee filter, and each must come back with its
    // text, of as many words as were indexed (else the index says it is
    // stale).
    for (library, filter) in [
        (crpd(), "committee:crpd"),
        (Library::embedded(), "committee:cat"),
    ] {
        let index = Index::build(library);
        let hits = index.search(filter, Scope::All, usize::MAX);
        let units = index.stats().units;
        assert_eq!(hits.len(), units, "{filter}: every unit is a result");
        assert!(!index.stale(), "{filter}");
        let empty: Vec<_> = hits.iter().filter(|h| h.text.trim().is_empty()).collect();
        assert!(
            empty.is_empty(),
            "{filter}: {} units without text: {:?}",
            empty.len(),
            empty.first()
        );
        let kinds: std::collections::HashSet<&str> = hits.iter().map(|h| h.unit.name()).collect();
        assert_eq!(
            kinds.len(),
            4,
            "{filter}: paragraphs, items, headings, footnotes: {kinds:?}"
        );
    }
}
