//! The real binary on real PDFs: `import` of several files into a folder,
//! `--report`, a bad file among good ones, and the browser, `search` and
//! `export` opening a PDF directly, the second time from the import
//! cache.

use crate::common::{Pty, bin};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh folder under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("treatyview-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn several_files_into_a_folder_one_bad_one_reported() {
    let out = scratch("import-many");
    let bad = out.join("notes.txt");
    std::fs::write(&bad, "a shopping list\nbread\n").unwrap();
    let dir = out.join("trees");
    let result = bin()
        .arg("import")
        .arg(fixture("pdf/CRPD_C_AZE_CO_1.pdf"))
        .arg(&bad)
        .arg(fixture("pdf/CRPD_C_TUN_CO_1.pdf"))
        .arg("-o")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1), "one input failed");
    let err = String::from_utf8_lossy(&result.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("notes.txt: no numbered paragraph found"),
        "{err}"
    );
    let aze = std::fs::read_to_string(dir.join("CRPD_C_AZE_CO_1.ron")).unwrap();
    assert!(aze.contains("symbol: \"CRPD/C/AZE/CO/1\""));
    let tun = std::fs::read_to_string(dir.join("CRPD_C_TUN_CO_1.ron")).unwrap();
    assert!(tun.contains("state: \"Tunisia\""));
    assert!(!dir.join("notes.ron").exists(), "no half-written output");
    // Again: nothing is replaced without --force.
    let again = bin()
        .arg("import")
        .arg(fixture("pdf/CRPD_C_AZE_CO_1.pdf"))
        .arg("-o")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists; pass --force"));
    // Several inputs without -o is a usage error.
    let usage = bin()
        .arg("import")
        .arg(fixture("pdf/CRPD_C_AZE_CO_1.pdf"))
        .arg(fixture("pdf/CRPD_C_TUN_CO_1.pdf"))
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("several inputs need -o DIR"));
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn report_says_what_was_found_and_removed() {
    let out = scratch("import-report");
    let result = bin()
        .arg("import")
        .arg(fixture("pdf/CRPD_C_CAN_CO_2-3.pdf"))
        .arg("-o")
        .arg(out.join("can.ron"))
        .arg("--report")
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(0));
    let report = String::from_utf8_lossy(&result.stdout);
    for line in [
        "document: CRPD/C/CAN/CO/2-3",
        "  state: Canada",
        "  session: 32, year: 2025",
        "  format: PDF, 21 pages",
        "  paragraphs: 72",
        "  footnotes: 15",
        "  kinds: introduction 3, positive 1, concern 31, recommendation 31, follow_up 1, other 5",
        "  running headers: 20",
        "  job numbers: 21",
        "warnings: 0",
    ] {
        assert!(report.lines().any(|l| l == line), "{line:?} in\n{report}");
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn a_scan_and_an_arabic_pdf_are_refused_in_one_line() {
    let result = bin()
        .arg("import")
        .arg(fixture("pdf/CRPD_C_KAZ_CO_1.pdf"))
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(result.stdout.is_empty(), "no RON for a refused document");
    let err = String::from_utf8_lossy(&result.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("CRPD_C_KAZ_CO_1.pdf: this document is in Arabic"),
        "{err}"
    );
}

#[test]
fn search_and_export_read_a_pdf_and_cache_its_import() {
    let cache = scratch("import-cache");
    let pdf = fixture("pdf/CRPD_C_CAN_CO_2-3.pdf");
    let search = |args: &[&str]| {
        let out = bin()
            .arg("search")
            .args(args)
            .arg(&pdf)
            .env("TREATYVIEW_CACHE_DIR", &cache)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, text) = search(&["medical assistance in dying"]);
    assert_eq!(code, Some(0), "{text}");
    // The concern on medical assistance in dying (19) and its items, and
    // the recommendation's items (20): short items that are all about it
    // first (BM25), the concern's opening paragraph among them.
    assert!(
        text.lines()
            .take(8)
            .all(|l| l.starts_with("19") || l.starts_with("20")),
        "{text}"
    );
    assert!(
        text.lines()
            .take(10)
            .any(|l| l.starts_with("19 ") && l.contains("concern")),
        "{text}"
    );
    // The import was kept: one RON in the cache's imports folder, and the
    // document in its documents folder.
    let imports: Vec<_> = std::fs::read_dir(cache.join("imports")).unwrap().collect();
    assert_eq!(imports.len(), 1);
    let docs: Vec<_> = std::fs::read_dir(cache.join("docs")).unwrap().collect();
    assert_eq!(docs.len(), 1);
    // From the caches, and without them (imported again), the same.
    let (code, again) = search(&["medical assistance in dying"]);
    assert_eq!((code, &again), (Some(0), &text));
    let (code, again) = search(&["medical assistance in dying", "--no-cache"]);
    assert_eq!((code, &again), (Some(0), &text));
    let export = bin()
        .args(["export", "--format", "csv"])
        .arg(&pdf)
        .env("TREATYVIEW_CACHE_DIR", &cache)
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&export.stdout);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("CRPD/C/CAN/CO/2-3,9,") && l.contains(",concern,5,")),
        "{csv}"
    );
    std::fs::remove_dir_all(&cache).unwrap();
}

#[test]
fn the_browser_opens_a_pdf() {
    let cache = scratch("import-browser");
    let pdf = fixture("pdf/CRPD_C_TUN_CO_1.pdf");
    let cache_env = cache.to_string_lossy().into_owned();
    let mut t = Pty::spawn(
        env!("CARGO_BIN_EXE_treatyview"),
        &[&pdf.to_string_lossy()],
        100,
        30,
        &[("TREATYVIEW_CACHE_DIR", &cache_env)],
    );
    t.wait_for("CRPD/C/TUN/CO/1", 20);
    t.wait_for(
        "Concluding observations of the Committee on the Rights of Persons",
        5,
    );
    t.send(":17c\r");
    t.wait_for("(c) Establish independent follow-up mechanisms; and", 5);
    t.wait_for("para. 17 (c)", 5);
    t.send("q");
    assert_eq!(t.wait_exit(10), 0);
    assert!(t.restored(), "terminal not restored:\n{}", t.screen());
    std::fs::remove_dir_all(&cache).unwrap();
}
