//! `export` as scripts and spreadsheets see it, and the `import`/`export`
//! commands from the real binary.

use crate::common::bin;
use treatyview::export::{csv, json, markdown};
use treatyview::library::Library;

#[test]
fn json_follows_the_documented_contract() {
    let v: serde_json::Value = serde_json::from_str(&json(&Library::embedded())).unwrap();
    let doc = &v["documents"][0];
    assert_eq!(doc["symbol"], "CAT/C/KAZ/CO/4");
    assert_eq!(doc["state"], "Kazakhstan");
    assert!(
        doc["title_note"]
            .as_str()
            .unwrap()
            .starts_with("Adopted by")
    );
    let f14 = &doc["footnotes"][13];
    assert_eq!(f14["number"], 14);
    assert_eq!(f14["text"], "Ibid., para. 195.");
    assert_eq!(f14["ibid_of"], "CAT/C/KAZ/RQ/4");
    assert!(doc["footnotes"][0]["ibid_of"].is_null());
    let p24 = &doc["paragraphs"][23];
    assert_eq!(p24["number"], 24);
    assert_eq!(p24["ref"], "24");
    assert_eq!(
        p24["section"],
        "Principal subjects of concern and recommendations"
    );
    assert_eq!(p24["heading"], "Violence and deaths in custody");
    assert_eq!(p24["kind"], "recommendation");
    assert_eq!(p24["text"], "The State party should:");
    assert_eq!(p24["pair"], serde_json::json!([23]));
    assert_eq!(p24["follow_up"], false);
    let a = &p24["items"][0];
    assert_eq!(a["label"], "a");
    assert_eq!(a["ref"], "24(a)");
    assert_eq!(a["follow_up"], true);
    assert!(
        a["text"]
            .as_str()
            .unwrap()
            .starts_with("Ensure that all allegations")
    );
    assert!(doc["paragraphs"][0]["heading"].is_null());
    // Plain text, markers gone, numbers listed.
    let p1 = &doc["paragraphs"][0];
    assert!(!p1["text"].as_str().unwrap().contains("footnoteRef"));
    assert_eq!(p1["footnotes"], serde_json::json!([1, 2]));
    assert_eq!(
        doc["paragraphs"][12]["articles"],
        serde_json::json!([2, 12, 13, 14, 16])
    );
    assert_eq!(
        doc["paragraphs"][11]["items"][0]["items"][4]["ref"],
        "12(a)(v)"
    );
}

#[test]
fn csv_has_a_row_per_paragraph_and_item_with_rfc4180_quoting() {
    let text = csv(&Library::embedded());
    assert!(text.starts_with(
        "\u{feff}symbol,ref,section,heading,kind,articles,follow_up,text,articles_with_pair,item_heading\r\n"
    ));
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let units = Library::embedded().documents[0].units().len();
    assert_eq!(rows.len(), units);
    let r13 = rows.iter().find(|r| &r[1] == "13").unwrap();
    assert_eq!(&r13[4], "concern");
    assert_eq!(&r13[5], "2, 12, 13, 14, 16");
    assert!(
        r13[7].contains("“") || r13[7].contains(','),
        "quoted text with commas survives"
    );
    let r24a = rows.iter().find(|r| &r[1] == "24(a)").unwrap();
    assert_eq!(&r24a[6], "true");
    assert!(text.contains("131-VІ ZRK"));

    // A straight double quote and a comma in one field: the field is
    // quoted, the quote doubled, and a CSV reader gets it back. (A line end
    // inside a field becomes a space, like every control character.)
    let mut lib = Library::embedded();
    let doc = &mut lib.documents[0];
    doc.sections[3].topics[9].heading = Some("The \"special\" regime, also named".into());
    let text = csv(&lib);
    assert!(
        text.contains("\"The \"\"special\"\" regime, also named\""),
        "RFC 4180 quoting"
    );
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), units);
    let r26 = rows.iter().find(|r| &r[1] == "26").unwrap();
    assert_eq!(&r26[3], "The \"special\" regime, also named");
}

#[test]
fn markdown_reads_as_a_document_with_footnotes() {
    let md = markdown(&Library::embedded());
    assert!(
        md.starts_with("# Concluding observations on the fourth periodic report of Kazakhstan\n")
    );
    assert!(md.contains("## C. Principal subjects of concern and recommendations"));
    assert!(md.contains("### Solitary confinement"));
    assert!(md.contains("**26.** The State party is urged"));
    assert!(md.contains("Kazakhstan[^1] at its"));
    assert!(md.contains("[^14]: Ibid. \\[CAT/C/KAZ/RQ/4\\], para. 195."));
    assert!(md.contains("  - (a) Ensure that all allegations"));
    // Sub-items nest one level deeper than items.
    assert!(md.contains("\n    - (i) Having unimpeded access"));
    // A paragraph engaging no article says only its kind.
    let p1 = md.lines().find(|l| l.starts_with("**1.**")).unwrap();
    assert!(p1.ends_with(" _(introduction)_"), "{p1}");

    // Two documents: footnote labels carry the document's position, so
    // the two notes 14 stay apart.
    let mut lib = Library::embedded();
    let mut second = lib.documents[0].clone();
    second.symbol = "CAT/C/KAZ/CO/5".into();
    lib.documents.push(second);
    let both = markdown(&lib);
    assert!(
        both.contains("[^d1-14]: Ibid. \\[CAT/C/KAZ/RQ/4\\], para. 195."),
        "first document's notes"
    );
    assert!(
        both.contains("[^d2-14]: Ibid. \\[CAT/C/KAZ/RQ/4\\], para. 195."),
        "second document's notes"
    );
    assert!(!both.contains("[^14]"));
}

#[test]
fn import_command_writes_the_shipped_ron_and_refuses_to_overwrite() {
    let dir = std::env::temp_dir().join(format!("tv-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("seed.ron");
    let _ = std::fs::remove_file(&out);
    let run = |force: bool| {
        let mut c = bin();
        c.args(["import", "assets/CAT-C-KAZ-CO-4.txt", "-o"])
            .arg(&out);
        if force {
            c.arg("--force");
        }
        c.output().unwrap()
    };
    assert!(run(false).status.success());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        treatyview::library::EMBEDDED_RON
    );
    let again = run(false);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert!(run(true).status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_import_exits_non_zero_names_file_and_line_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("tv-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("bad.txt");
    std::fs::write(&input, "1.\tText[footnoteRef:3].\n").unwrap();
    let out = dir.join("bad.ron");
    let o = bin()
        .arg("import")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("bad.txt:line 1: footnote reference 3 has no body"),
        "{err}"
    );
    assert!(!out.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_of_a_folder_and_of_malformed_ron() {
    let dir = std::env::temp_dir().join(format!("tv-folder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.ron"), treatyview::library::EMBEDDED_RON).unwrap();
    let o = bin()
        .args(["export", "--format", "csv"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success());
    let whole = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        whole,
        csv(&Library::embedded()),
        "the folder's one document"
    );
    std::fs::write(
        dir.join("c.ron"),
        treatyview::library::EMBEDDED_RON.replace("CAT/C/KAZ/CO/4", "CAT/C/KAZ/CO/5"),
    )
    .unwrap();
    std::fs::write(dir.join("b.ron"), "Document(\n  format: 1,\n  oops\n").unwrap();
    let o = bin().args(["export"]).arg(&dir).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("b.ron:3:"), "{err}");
    // The documents that did open are still exported (JSON by default).
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let symbols: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(symbols, ["CAT/C/KAZ/CO/4", "CAT/C/KAZ/CO/5"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn export_into_a_named_pipe_writes_into_it_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    // `-o /dev/null`, `-o /dev/stdout` and `-o >(gzip > x.gz)` are all
    // paths that are not regular files; renaming a temporary file over one
    // would replace it (as root, /dev/null itself). A named pipe stands in.
    let dir = std::env::temp_dir().join(format!("tv-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("out.json");
    let _ = std::fs::remove_file(&fifo);
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = bin()
        .args(["export", "--format", "json", "-o"])
        .arg(&fifo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced by {kind:?}");
    let text = reader.join().unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["documents"][0]["symbol"], "CAT/C/KAZ/CO/4");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn export_through_a_symbolic_link_replaces_its_target_and_keeps_the_link() {
    let dir = std::env::temp_dir().join(format!("tv-link-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let real = dir.join("real.md");
    let link = dir.join("link.md");
    let _ = std::fs::remove_file(&link);
    std::fs::write(&real, "old notes\n").unwrap();
    std::os::unix::fs::symlink("real.md", &link).unwrap();
    let refused = bin()
        .args(["export", "--format", "markdown", "-o"])
        .arg(&link)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "old notes\n");
    let out = bin()
        .args(["export", "--format", "markdown", "--force", "-o"])
        .arg(&link)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .contains("CAT/C/KAZ/CO/4")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn exports_agree_with_the_browser_and_with_art_search() {
    // Issue 11, item 8.
    let library = Library::embedded();
    let doc = &library.documents[0];
    let md = markdown(&library);
    // One article is "art.", as the browser writes it.
    assert!(md.contains("_(concern; art. 2)_"), "one article");
    assert!(!md.contains("arts. 2)_"), "no plural for one article");
    assert!(md.contains("_(concern; arts. 1, 4)_"));
    // Ibid footnotes read as in the browser: "Ibid. [symbol], para. 195."
    let f14 = doc.footnote(14).unwrap();
    let shown = treatyview::tui::panes::reader::footnote_text(f14);
    assert_eq!(shown, "Ibid. [CAT/C/KAZ/RQ/4], para. 195.");
    assert!(
        md.contains("[^14]: Ibid. \\[CAT/C/KAZ/RQ/4\\], para. 195."),
        "markdown ibid"
    );
    // Recommendations carry their concern's articles in their own field.
    let v: serde_json::Value = serde_json::from_str(&json(&library)).unwrap();
    let paragraphs = v["documents"][0]["paragraphs"].as_array().unwrap();
    let p14 = &paragraphs[13];
    assert_eq!(p14["kind"], "recommendation");
    assert_eq!(p14["articles"], serde_json::json!([]));
    assert_eq!(
        p14["articles_with_pair"],
        serde_json::json!([2, 12, 13, 14, 16])
    );
    // Every unit `art:16` finds has 16 in articles_with_pair, in JSON and CSV.
    let out = bin()
        .args(["search", "art:16", "--limit", "500", "--format", "json"])
        .output()
        .unwrap();
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = csv(&library);
    let mut reader = ::csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let found = found.as_array().unwrap();
    assert!(found.len() > 20);
    for hit in found {
        let number = hit["paragraph"].as_u64().unwrap();
        let p = paragraphs.iter().find(|p| p["number"] == number).unwrap();
        assert!(
            p["articles_with_pair"]
                .as_array()
                .unwrap()
                .contains(&16.into()),
            "para. {number}"
        );
        let row = rows
            .iter()
            .find(|r| &r[1] == hit["ref"].as_str().unwrap())
            .unwrap();
        assert!(row[8].split(", ").any(|a| a == "16"), "csv row {row:?}");
    }
}

#[test]
fn export_o_takes_the_format_from_the_extension() {
    // Issue 11, item 22 (export).
    let dir = std::env::temp_dir().join(format!("tv-export-ext-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, starts) in [
        ("out.md", "# Concluding observations"),
        ("out.MARKDOWN", "# Concluding observations"),
        ("out.csv", "\u{feff}symbol,ref"),
        ("out.json", "{"),
        ("out.txt", "{"),
    ] {
        let path = dir.join(name);
        let out = bin().arg("export").arg("-o").arg(&path).output().unwrap();
        assert!(out.status.success(), "{name}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(starts), "{name}: {}", &text[..20]);
    }
    // An explicit --format wins.
    let path = dir.join("data.md");
    let out = bin()
        .args(["export", "-f", "json", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&path).unwrap().starts_with('{'));
    let help = bin().args(["export", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("extension"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn an_output_is_made_beside_itself_so_the_working_folder_need_not_be_writable() {
    // Outputs go through a temporary file beside them, then a rename. Run
    // from a folder where no file can be made (/proc, even for root): the
    // export still lands where -o says, and nothing is left beside it.
    let dir = std::env::temp_dir().join(format!("tv-export-cwd-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("seed.md");
    let out = bin()
        .current_dir("/proc")
        .args(["export", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Concluding observations")
    );
    assert_eq!(crate::common::file_names(&dir), ["seed.md"]);
    std::fs::remove_dir_all(&dir).unwrap();
}
