//! The README's examples are real: its RON document parses, and its JSON
//! example uses exactly the field names the export writes.

use std::path::Path;
use treatyview::document::Kind;
use treatyview::library::{from_ron, to_ron};

const README: &str = include_str!("../README.md");

/// The first fenced block in `lang` that contains `marker`.
fn block(lang: &str, marker: &str) -> &'static str {
    let fence = format!("```{lang}\n");
    README
        .match_indices(&fence)
        .map(|(at, _)| {
            let start = at + fence.len();
            &README[start..start + README[start..].find("```").expect("end")]
        })
        .find(|b| b.contains(marker))
        .expect("block")
}

#[test]
fn the_readme_ron_example_is_a_valid_document() {
    let doc = from_ron(block("ron", ""), Path::new("README.md")).unwrap();
    assert_eq!(doc.symbol, "CAT/C/XYZ/CO/1");
    let p7 = doc.paragraph(7).unwrap();
    assert_eq!(p7.kind, Kind::Concern);
    assert_eq!(doc.paragraph(8).unwrap().items[0].label, "a");
    assert!(doc.paragraph(8).unwrap().items[0].follow_up);
    // And it survives a write/read round trip.
    assert_eq!(from_ron(&to_ron(&doc), Path::new("x")).unwrap(), doc);
}

fn keys(v: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn the_readme_json_example_names_real_fields() {
    let example: serde_json::Value = serde_json::from_str(block("json", "\"documents\"")).unwrap();
    let real: serde_json::Value = serde_json::from_str(&treatyview::export::json(
        &treatyview::library::Library::embedded(),
    ))
    .unwrap();
    let (e, r) = (&example["documents"][0], &real["documents"][0]);
    assert_eq!(keys(e), keys(r));
    assert_eq!(keys(&e["footnotes"][0]), keys(&r["footnotes"][0]));
    assert_eq!(keys(&e["paragraphs"][0]), keys(&r["paragraphs"][0]));
    assert_eq!(
        keys(&e["paragraphs"][0]["items"][0]),
        keys(&r["paragraphs"][23]["items"][0])
    );
}

#[test]
fn the_readme_search_example_is_what_search_prints() {
    let example: serde_json::Value = serde_json::from_str(block("json", "\"highlights\"")).unwrap();
    // What `treatyview search работа --format json` prints (scope cr,
    // limit 50), and whether it exits 0.
    let output = crate::common::bin()
        .args(["search", "работа", "--format", "json"])
        .output()
        .unwrap();
    let (out, found) = (
        String::from_utf8(output.stdout).unwrap(),
        output.status.success(),
    );
    assert!(found);
    let real: serde_json::Value = serde_json::from_str(&out).unwrap();
    let real = &real[0];
    assert_eq!(keys(&example), keys(real));
    for key in keys(real) {
        if key != "text" {
            assert_eq!(example[&key], real[&key], "{key}");
        }
    }
}

#[test]
fn the_readme_key_table_is_the_keymap() {
    // The README's table, the help overlay and the hints are all the one
    // key table: a change of binding shows here until the README has it.
    let table = treatyview::tui::keymap::labels::markdown();
    std::fs::write(std::env::temp_dir().join("treatyview-keys.md"), &table).unwrap();
    assert!(
        README.contains(&table),
        "the README's key table differs from the keymap; it should read:\n{table}"
    );
}
