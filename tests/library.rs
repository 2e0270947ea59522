//! A library a person keeps: folders opened recursively, one bad file
//! never blocking the rest, a document given twice opened once, and
//! `treatyview list`.

use crate::common::bin;
use std::path::{Path, PathBuf};
use treatyview::library::{Library, to_ron};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A folder tree: the seed as RON at the top, two PDFs in a subfolder,
/// the same PDF again under another name, a hidden folder, a file that is
/// not a document, and an Arabic PDF the importer refuses.
fn shelf(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("treatyview-shelf-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("crpd/2025")).unwrap();
    std::fs::create_dir_all(dir.join(".hidden")).unwrap();
    std::fs::write(
        dir.join("kaz.ron"),
        to_ron(&Library::embedded().documents[0]),
    )
    .unwrap();
    std::fs::copy(
        fixture("pdf/CRPD_C_TUN_CO_1.pdf"),
        dir.join("crpd/tunisia.pdf"),
    )
    .unwrap();
    std::fs::copy(
        fixture("pdf/CRPD_C_AZE_CO_1.pdf"),
        dir.join("crpd/2025/aze.pdf"),
    )
    .unwrap();
    std::fs::copy(
        fixture("pdf/CRPD_C_AZE_CO_1.pdf"),
        dir.join("crpd/2025/aze copy.pdf"),
    )
    .unwrap();
    std::fs::copy(
        fixture("pdf/CRPD_C_AZE_CO_1.pdf"),
        dir.join(".hidden/aze.pdf"),
    )
    .unwrap();
    std::fs::copy(
        fixture("pdf/CRPD_C_KAZ_CO_1.pdf"),
        dir.join("crpd/kaz-ar.pdf"),
    )
    .unwrap();
    std::fs::write(dir.join("crpd/notes.txt"), "to read next week\n").unwrap();
    std::fs::write(dir.join("crpd/picture.png"), [0x89, b'P', b'N', b'G']).unwrap();
    dir
}

fn cache(dir: &Path) -> PathBuf {
    dir.with_extension("cache")
}

#[test]
fn a_folder_opens_recursively_and_bad_files_do_not_block_it() {
    let dir = shelf("open");
    let opened = Library::open(std::slice::from_ref(&dir)).unwrap();
    let symbols: Vec<&str> = opened
        .library
        .documents
        .iter()
        .map(|d| d.symbol.as_str())
        .collect();
    // Sorted by path: kaz.ron, crpd/2025/aze copy.pdf, crpd/tunisia.pdf;
    // "aze.pdf" is the same document as its copy; the hidden folder and
    // the picture are not looked at.
    assert_eq!(
        symbols,
        ["CRPD/C/AZE/CO/1", "CRPD/C/TUN/CO/1", "CAT/C/KAZ/CO/4"]
    );
    let failures: Vec<String> = opened.failures.iter().map(ToString::to_string).collect();
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(failures[0].ends_with("kaz-ar.pdf: this document is in Arabic; treatyview imports concluding observations written left to right (English, French and Spanish with their kinds, others with their structure)"), "{failures:?}");
    assert!(
        failures[1].contains("notes.txt: no numbered paragraph found"),
        "{failures:?}"
    );
    assert_eq!(opened.warnings.len(), 1, "{:?}", opened.warnings);
    assert!(
        opened.warnings[0].contains("aze.pdf: CRPD/C/AZE/CO/1 is already open from")
            && opened.warnings[0].contains("aze copy.pdf"),
        "{:?}",
        opened.warnings
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_cached_search_still_reports_a_failure_that_came_without_warnings() {
    // One document and one file that is not one: a failure, no warning.
    let dir = std::env::temp_dir().join(format!("treatyview-failure-only-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("kaz.ron"),
        to_ron(&Library::embedded().documents[0]),
    )
    .unwrap();
    std::fs::write(dir.join("bad.ron"), "Document(").unwrap();
    for run in ["first", "cached"] {
        let out = bin()
            .args(["search", "solitary confinement"])
            .arg(&dir)
            .env("TREATYVIEW_CACHE_DIR", cache(&dir))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{run}: {err}");
        assert!(err.contains("bad.ron"), "{run} run: {err}");
        assert!(!err.contains("warning"), "{run} run: {err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
    let _ = std::fs::remove_dir_all(cache(&dir));
}

#[test]
fn the_same_file_twice_opens_once() {
    let file = fixture("pdf/CRPD_C_TUN_CO_1.pdf");
    let again = fixture("pdf/../pdf/CRPD_C_TUN_CO_1.pdf");
    let opened = Library::open(&[file, again]).unwrap();
    assert_eq!(opened.library.documents.len(), 1);
    assert_eq!(opened.warnings.len(), 1);
    assert!(opened.warnings[0].ends_with("given more than once; opened once"));
}

#[test]
fn nothing_opening_is_an_error_naming_the_path() {
    let e = Library::open(&[PathBuf::from("/nonexistent/shelf")]).unwrap_err();
    assert_eq!(e.to_string(), "/nonexistent/shelf: no such file or folder");
}

#[test]
fn commands_report_what_did_not_open_and_go_on() {
    let dir = shelf("commands");
    let run = |args: &[&str]| {
        let out = bin()
            .args(args)
            .arg(&dir)
            .env("TREATYVIEW_CACHE_DIR", cache(&dir))
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // search: a match is a match (exit 0) though two files failed; twice,
    // the second time from the cache, saying the same.
    for _ in 0..2 {
        let (code, out, err) = run(&["search", "sign language"]);
        assert_eq!(code, Some(0), "{err}");
        assert!(
            out.lines()
                .any(|l| l.starts_with("CRPD/C/AZE/CO/1 (2014) 10 ")),
            "{out}"
        );
        assert!(
            err.contains("kaz-ar.pdf: this document is in Arabic"),
            "{err}"
        );
        assert!(
            err.contains("notes.txt: no numbered paragraph found"),
            "{err}"
        );
        assert!(
            err.contains("warning:") && err.contains("opened once"),
            "{err}"
        );
    }
    // export: the documents that opened are exported; the status says
    // that some did not.
    let (code, out, err) = run(&["export", "--format", "csv"]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("CRPD/C/TUN/CO/1,17(d),") && out.contains("CAT/C/KAZ/CO/4,26,"),
        "{out}"
    );
    assert!(err.contains("2 files did not open; the rest did"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
    let _ = std::fs::remove_dir_all(cache(&dir));
}

#[test]
fn list_prints_the_library_as_a_table() {
    let dir = shelf("list");
    let list = |format: &str| {
        let out = bin()
            .args(["list", "--format", format])
            .arg(&dir)
            .env("TREATYVIEW_CACHE_DIR", cache(&dir))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = list("text");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "symbol           committee  state       year  report           language  paragraphs  concerns  recommendations"
    );
    // By committee, then State, then year.
    assert_eq!(
        lines[1],
        "CAT/C/KAZ/CO/4   CAT        Kazakhstan  2023  fourth periodic  en                48        18               18"
    );
    assert!(
        lines[2].starts_with("CRPD/C/AZE/CO/1  CRPD       Azerbaijan  2014  initial"),
        "{text}"
    );
    assert!(
        lines[3].starts_with("CRPD/C/TUN/CO/1  CRPD       Tunisia     2011  initial"),
        "{text}"
    );
    assert_eq!(lines.len(), 4);
    let json: serde_json::Value = serde_json::from_str(&list("json")).unwrap();
    assert_eq!(json[0]["committee"], "CAT");
    assert_eq!(json[0]["committee_name"], "Committee against Torture");
    assert_eq!(json[1]["year"], 2014);
    assert_eq!(json[2]["paragraphs"], 48);
    let csv = list("csv");
    assert!(csv.starts_with("\u{feff}symbol,committee,state,year,report,language,paragraphs,concerns,recommendations\r\n"));
    assert!(
        csv.contains("\r\nCRPD/C/TUN/CO/1,CRPD,Tunisia,2011,initial,en,48,16,20\r\n"),
        "{csv}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    let _ = std::fs::remove_dir_all(cache(&dir));
}

#[test]
fn the_strict_load_stops_at_the_first_bad_file() {
    // For programs that want all or nothing: Library::load gives the
    // embedded document for no paths, the documents of good files in
    // order, and the first bad file's error otherwise.
    assert_eq!(
        Library::load(&[]).unwrap().documents[0].symbol,
        "CAT/C/KAZ/CO/4"
    );
    let dir = std::env::temp_dir().join(format!("treatyview-strict-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut doc = Library::embedded().documents.remove(0);
    std::fs::write(dir.join("a.ron"), to_ron(&doc)).unwrap();
    doc.symbol = "CAT/C/KAZ/CO/5".into();
    std::fs::write(dir.join("b.ron"), to_ron(&doc)).unwrap();
    let both = Library::load(std::slice::from_ref(&dir)).unwrap();
    let symbols: Vec<&str> = both.documents.iter().map(|d| d.symbol.as_str()).collect();
    assert_eq!(symbols, ["CAT/C/KAZ/CO/4", "CAT/C/KAZ/CO/5"]);
    std::fs::write(dir.join("c.ron"), "Document(\n  oops\n").unwrap();
    let err = Library::load(std::slice::from_ref(&dir))
        .unwrap_err()
        .to_string();
    assert!(err.contains("c.ron:2:"), "{err}");
    let err = Library::load_files(&[dir.join("c.ron"), dir.join("a.ron")])
        .unwrap_err()
        .to_string();
    assert!(err.contains("c.ron"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_linked_file_opens_and_bad_bytes_are_placed_by_line_and_column() {
    let dir = std::env::temp_dir().join(format!("treatyview-links-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("shelf")).unwrap();
    std::fs::write(
        dir.join("kaz.ron"),
        to_ron(&Library::embedded().documents[0]),
    )
    .unwrap();
    // A document linked into the folder opens like one copied there.
    std::os::unix::fs::symlink(dir.join("kaz.ron"), dir.join("shelf/kaz.ron")).unwrap();
    let opened = Library::open(&[dir.join("shelf")]).unwrap();
    assert_eq!(opened.library.documents.len(), 1);
    assert!(opened.failures.is_empty());
    // Bytes that are not UTF-8 in a RON file: line 2, column 5.
    std::fs::write(dir.join("shelf/bad.ron"), b"Document(\n    \xff\n)\n").unwrap();
    let err = treatyview::library::load_file(&dir.join("shelf/bad.ron"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("bad.ron:2:5: not UTF-8 text"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn ron_is_told_from_text_by_content_past_comments_and_extensions() {
    use treatyview::library::looks_like_ron;
    let yes: [&[u8]; 7] = [
        b"Document(format: 2)",
        b"\xEF\xBB\xBF  Document(",
        b"(format: 2)",
        b"// a note\n// another\nDocument(",
        b"/* abc */Document(",
        b"/* a\n b */ (format: 2)",
        b"#![enable(implicit_some)]\nDocument(",
    ];
    for bytes in yes {
        assert!(
            looks_like_ron(bytes),
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
    let no: [&[u8]; 5] = [
        b"1.\tThe Committee",
        b"// a note\n1.\tThe Committee",
        b"/* abc */ 1.\tText",
        b"#![x]\n Committee against Torture",
        b"%PDF-1.7",
    ];
    for bytes in no {
        assert!(
            !looks_like_ron(bytes),
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn the_browser_keeps_its_index_in_the_search_cache_only_when_every_file_opens() {
    // The browser indexes a folder through the cache the `search` command
    // keeps, on the first open (after the progress screen) and on the
    // next (from the shelf), so the command reads what the browser built.
    // A folder where a file did not open keeps no index: the command
    // would read one made without that file's complaint.
    let dir = std::env::temp_dir().join(format!("treatyview-browser-index-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let docs = dir.join("docs");
    let cache = dir.join("cache");
    crate::common::seed_twice(&docs);
    let indexes = || -> Vec<String> {
        if !cache.exists() {
            return Vec::new();
        }
        crate::common::file_names(&cache)
            .into_iter()
            .filter(|n| n.starts_with("index-"))
            .collect()
    };
    let browse = || {
        let mut t = crate::common::Pty::spawn(
            env!("CARGO_BIN_EXE_treatyview"),
            &[docs.to_str().unwrap()],
            100,
            30,
            &[("TREATYVIEW_CACHE_DIR", cache.to_str().unwrap())],
        );
        t.wait_for("CAT", 10);
        t.send("/");
        t.wait_for("▶ Search", 5);
        t.send("solitary confinement");
        t.wait_for("CAT/C/XYZ/CO/1 (2023) 25", 10);
        t.send("\x1b");
        t.wait_gone("▶ Search", 5);
        t.send("q");
        assert_eq!(t.wait_exit(5), 0);
    };
    browse();
    assert_eq!(indexes().len(), 1, "the first open keeps its index");
    std::fs::remove_file(cache.join(&indexes()[0])).unwrap();
    browse();
    assert_eq!(indexes().len(), 1, "the open from the shelf keeps it too");
    let out = bin()
        .args(["search", "solitary confinement"])
        .arg(&docs)
        .env("TREATYVIEW_CACHE_DIR", &cache)
        .output()
        .unwrap();
    let found = String::from_utf8_lossy(&out.stdout);
    assert!(found.contains("CAT/C/XYZ/CO/1 (2023) 25"), "{found}");
    assert_eq!(indexes().len(), 1, "the command reads the browser's index");
    // A file that does not open: results, but no index kept.
    std::fs::write(docs.join("c.ron"), "Document(").unwrap();
    std::fs::remove_dir_all(&cache).unwrap();
    browse();
    assert_eq!(indexes(), Vec::<String>::new());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn io_errors_are_said_in_short_plain_words() {
    // What the system says for each (EACCES, EEXIST, EISDIR, ENOENT),
    // said as every other treatyview message is: lower case, no "(os
    // error N)".
    use std::io::Error;
    use treatyview::library::describe_io;
    for (errno, said) in [
        (13, "permission denied"),
        (17, "already exists"),
        (21, "is a folder, not a file"),
        (2, "no such file or folder"),
    ] {
        assert_eq!(describe_io(&Error::from_raw_os_error(errno)), said);
    }
    // Any other error: the system's words, without the number.
    let other = describe_io(&Error::from_raw_os_error(28));
    assert!(!other.is_empty() && !other.contains("os error"), "{other}");
}
