//! Nothing lost: generated documents in the export's text format go
//! through import → RON → load → JSON export, and every word of the input
//! comes out, in order. The lossless check never passes a tree that lost
//! text.

use crate::common::cases;
use proptest::prelude::*;
use std::path::Path;
use treatyview::document::{Inline, plain};
use treatyview::import::import;
use treatyview::library::{Library, from_ron, to_ron};

/// A word: typical prose tokens, typography and other scripts.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Committee".to_string()),
        Just("torture".to_string()),
        Just("Казахстан".to_string()),
        Just("“authorized".to_string()),
        Just("bodies”,".to_string()),
        Just("12–14".to_string()),
        Just("party’s".to_string()),
        Just("(arts.".to_string()),
        Just("漢字".to_string()),
        "[a-zA-Zа-яё0-9.,;:’–-]{1,12}",
    ]
}

fn words(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(word(), n)
}

#[derive(Debug, Clone)]
struct Unit {
    words: Vec<String>,
    /// Insert a footnote after word i (each with its body's words).
    notes: Vec<(usize, Vec<String>)>,
}

fn unit() -> impl Strategy<Value = Unit> {
    (
        words(1..15),
        proptest::collection::vec((0usize..15, words(1..6)), 0..3),
    )
        .prop_map(|(words, notes)| Unit {
            notes: notes
                .into_iter()
                .map(|(at, body)| (at % words.len(), body))
                .collect(),
            words,
        })
}

#[derive(Debug, Clone)]
struct Para {
    /// A section line (`\tB.\tTitle`) before the paragraph.
    section: Option<Vec<String>>,
    heading: Option<Vec<String>>,
    text: Unit,
    /// Items and their sub-items, each with a heading line set above it
    /// inside the list (or not).
    items: Vec<(Listed, Vec<Listed>)>,
}

/// An item or sub-item and the heading line above it, if any.
type Listed = (Option<Vec<String>>, Unit);

fn listed() -> impl Strategy<Value = Listed> {
    (proptest::option::weighted(0.15, words(1..4)), unit())
}

fn para() -> impl Strategy<Value = Para> {
    (
        proptest::option::weighted(0.2, words(1..4)),
        proptest::option::weighted(0.3, words(1..5)),
        unit(),
        proptest::collection::vec((listed(), proptest::collection::vec(listed(), 0..3)), 0..4),
    )
        .prop_map(|(section, heading, text, items)| Para {
            section,
            heading,
            text,
            items,
        })
}

/// Render a unit's line text and its bodies; count footnotes.
fn render_unit(u: &Unit, next: &mut u32, bodies_out: &mut Vec<Vec<String>>) -> String {
    let mut text = String::new();
    let mut bodies = String::new();
    for (i, w) in u.words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(w);
        for (at, body) in &u.notes {
            if *at == i {
                text.push_str(&format!("[footnoteRef:{next}]"));
                // A body of three words or more runs over two lines, as
                // long notes do in the Word export: the second line starts
                // with layout white space (at column 0 it would continue
                // the word, as a URL broken by the export does).
                let joined = if body.len() >= 3 {
                    format!("{}\n\t\t{}", body[0], body[1..].join(" "))
                } else {
                    body.join(" ")
                };
                bodies.push_str(&format!(" [{next}: \t\t{joined}]"));
                bodies_out.push(body.clone());
                *next += 1;
            }
        }
    }
    format!("{text}{bodies}")
}

/// A heading line inside a list, numbered by its place like the topic
/// headings, so that it cannot read as anything but a heading.
fn list_heading(
    h: Option<&Vec<String>>,
    place: &str,
    out: &mut String,
    expected: &mut Vec<String>,
) {
    if let Some(h) = h {
        out.push_str(&format!("\t\tL{place} {}\n", h.join(" ")));
        expected.push(format!("L{place}"));
        expected.extend(h.iter().cloned());
    }
}

/// The text export, and the expected word streams (running text, bodies).
fn render(paras: &[Para]) -> (String, Vec<String>, Vec<String>) {
    let mut out = String::from(" Committee against Torture\n\t\tConcluding observations on Xyz*\n");
    let mut expected = vec![
        "Committee",
        "against",
        "Torture",
        "Concluding",
        "observations",
        "on",
        "Xyz",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    let mut bodies = Vec::new();
    let mut next = 1;
    for (n, p) in paras.iter().enumerate() {
        if let Some(title) = &p.section {
            // Sections are lettered by position and titled distinctly.
            let label = char::from(b'A' + n as u8);
            out.push_str(&format!("\t{label}.\tS{n} {}\n", title.join(" ")));
            expected.push(format!("S{n}"));
            expected.extend(title.iter().cloned());
        }
        if let Some(h) = &p.heading {
            // Headings are numbered so that two in a row stay distinct in
            // the flat JSON export.
            out.push_str(&format!("\t\tH{n} {}\n", h.join(" ")));
            expected.push(format!("H{n}"));
            expected.extend(h.iter().cloned());
        }
        out.push_str(&format!(
            "{}.\t{}\n",
            n + 1,
            render_unit(&p.text, &mut next, &mut bodies)
        ));
        expected.extend(p.text.words.iter().cloned());
        for (i, ((heading, item), subs)) in p.items.iter().enumerate() {
            let label = char::from(b'a' + i as u8);
            list_heading(
                heading.as_ref(),
                &format!("{n}{label}"),
                &mut out,
                &mut expected,
            );
            out.push_str(&format!(
                "\t({label})\t{}\n",
                render_unit(item, &mut next, &mut bodies)
            ));
            expected.extend(item.words.iter().cloned());
            for (j, (heading, sub)) in subs.iter().enumerate() {
                let roman = ["i", "ii", "iii"][j];
                list_heading(
                    heading.as_ref(),
                    &format!("{n}{label}{roman}"),
                    &mut out,
                    &mut expected,
                );
                out.push_str(&format!(
                    "({roman})\t{}\n",
                    render_unit(sub, &mut next, &mut bodies)
                ));
                expected.extend(sub.words.iter().cloned());
            }
        }
    }
    (out, expected, bodies.concat())
}

fn split(s: &str) -> Vec<String> {
    s.split_whitespace().map(String::from).collect()
}

/// Words of the running text as export sees it, in document order.
fn exported_words(json: &serde_json::Value) -> (Vec<String>, Vec<String>) {
    fn items(v: &serde_json::Value, out: &mut Vec<String>) {
        for item in v.as_array().unwrap() {
            if let Some(h) = item.get("heading") {
                out.extend(split(h.as_str().unwrap()));
            }
            out.extend(split(item["text"].as_str().unwrap()));
            items(&item["items"], out);
        }
    }
    let doc = &json["documents"][0];
    let mut text = split(doc["committee"].as_str().unwrap());
    text.extend(split(doc["title"].as_str().unwrap()));
    let mut last_heading = None;
    let mut last_section = None;
    for p in doc["paragraphs"].as_array().unwrap() {
        let section = p["section"].as_str();
        if section != last_section {
            if let Some(s) = section {
                text.extend(split(s));
            }
            // A new section starts its headings afresh.
            last_heading = None;
        }
        last_section = section;
        let heading = p["heading"].as_str();
        if let Some(h) = heading
            && heading != last_heading
        {
            text.extend(split(h));
        }
        last_heading = heading;
        text.extend(split(p["text"].as_str().unwrap()));
        items(&p["items"], &mut text);
    }
    let bodies = doc["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| split(f["text"].as_str().unwrap()))
        .collect();
    (text, bodies)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    #[test]
    fn import_ron_load_export_keeps_every_word_in_order(paras in proptest::collection::vec(para(), 1..8)) {
        let (input, expected_text, expected_bodies) = render(&paras);
        let doc = import(&input, Some("CAT/C/XYZ/CO/1")).map_err(|e| TestCaseError::fail(format!("{e}\n{input}")))?;
        let back = from_ron(&to_ron(&doc), Path::new("gen.ron")).unwrap();
        prop_assert_eq!(&back, &doc);
        let json: serde_json::Value = serde_json::from_str(&treatyview::export::json(&Library { documents: vec![back] })).unwrap();
        let (text, bodies) = exported_words(&json);
        prop_assert_eq!(text, expected_text);
        prop_assert_eq!(bodies, expected_bodies);
    }

    #[test]
    fn the_lossless_check_catches_any_dropped_word(paras in proptest::collection::vec(para(), 1..5), pick in any::<proptest::sample::Index>()) {
        let (input, _, _) = render(&paras);
        let mut doc = import(&input, Some("X")).unwrap();
        // Drop one word from one unit's text and re-run the check.
        let mut texts: Vec<&mut Vec<Inline>> = Vec::new();
        for s in &mut doc.sections {
            for t in &mut s.topics {
                for p in &mut t.paragraphs {
                    texts.push(&mut p.text);
                    for i in &mut p.items {
                        texts.push(&mut i.text);
                    }
                }
            }
        }
        let target = pick.get(&texts);
        let words = split(&plain(target));
        let i = texts.len();
        prop_assume!(i > 0 && !words.is_empty());
        let t = pick.get_mut(&mut texts);
        let dropped: Vec<String> = split(&plain(t)).into_iter().skip(1).collect();
        **t = vec![Inline::Text(dropped.join(" "))];
        prop_assert!(treatyview::import::check::lossless(&input, &doc).is_err());
    }
}
