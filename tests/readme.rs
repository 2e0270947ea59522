//! The README's examples are real: its RON document parses, and its JSON
//! example uses exactly the field names the export writes.

use std::path::Path;
use treatyview::document::Kind;
use treatyview::library::{from_ron, to_ron};

const README: &str = include_str!("../README.md");

fn block(lang: &str) -> &'static str {
    let start = README.find(&format!("```{lang}\n")).expect("block") + lang.len() + 4;
    let end = start + README[start..].find("```").expect("end");
    &README[start..end]
}

#[test]
fn the_readme_ron_example_is_a_valid_document() {
    let doc = from_ron(block("ron"), Path::new("README.md")).unwrap();
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
    let example: serde_json::Value = serde_json::from_str(block("json")).unwrap();
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
