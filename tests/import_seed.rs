//! The seed, CAT/C/KAZ/CO/4, imported: its structure asserted as facts a
//! reader can check against `assets/CAT-C-KAZ-CO-4.txt`, the shipped RON
//! reproduced byte for byte, and the RON round trip.

use crate::common::SEED;
use treatyview::document::{Document, Inline, Kind, plain};
use treatyview::import::import;
use treatyview::library::{EMBEDDED_RON, from_ron, to_ron};

fn seed() -> Document {
    import(SEED, None).expect("the seed imports")
}

#[test]
fn importing_the_seed_reproduces_the_shipped_ron_byte_for_byte() {
    assert_eq!(to_ron(&seed()), EMBEDDED_RON);
}

#[test]
fn ron_round_trip_is_identity() {
    let doc = seed();
    let back = from_ron(&to_ron(&doc), std::path::Path::new("x.ron")).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn header_symbol_state_title_and_title_note() {
    let doc = seed();
    assert_eq!(doc.symbol, "CAT/C/KAZ/CO/4");
    assert_eq!(doc.committee, "Committee against Torture");
    assert_eq!(doc.state, "Kazakhstan");
    assert_eq!(
        doc.title,
        "Concluding observations on the fourth periodic report of Kazakhstan"
    );
    assert_eq!(
        doc.title_note.as_deref(),
        Some("Adopted by the Committee at its seventy-sixth session (17 April–12 May 2023).")
    );
    // The title note is not part of footnote 1.
    assert_eq!(
        doc.footnote(1).unwrap().text,
        "CAT/C/KAZ/4 and CAT/C/KAZ/4/Corr.1."
    );
}

#[test]
fn symbol_override() {
    let doc = import(SEED, Some("CAT/C/KAZ/CO/4/TEST")).unwrap();
    assert_eq!(doc.symbol, "CAT/C/KAZ/CO/4/TEST");
}

#[test]
fn sections_and_thematic_headings() {
    let doc = seed();
    let labels: Vec<_> = doc.sections.iter().map(|s| s.label.as_deref()).collect();
    assert_eq!(labels, [None, Some("A"), Some("B"), Some("C")]);
    assert_eq!(
        doc.sections[3].title,
        "Principal subjects of concern and recommendations"
    );
    let headings: Vec<&str> = doc.sections[3]
        .topics
        .iter()
        .map(|t| t.heading.as_deref().unwrap())
        .collect();
    assert_eq!(headings.len(), 21);
    assert_eq!(
        headings[0],
        "Pending follow-up issues from the previous reporting cycle"
    );
    assert!(headings.contains(&"Solitary confinement"));
    // Trailing spaces and a third tab are layout, not part of the heading.
    assert!(headings.contains(&"Transfer of detention authority to the Ministry of Justice"));
    assert!(headings.contains(
        &"Office of the Human Rights Commissioner and the national preventive mechanism"
    ));
    assert_eq!(headings[20], "Other issues");
}

#[test]
fn paragraphs_items_and_sub_items() {
    let doc = seed();
    let numbers: Vec<u32> = doc.paragraphs().map(|(_, _, p)| p.number).collect();
    assert_eq!(numbers, (1..=48).collect::<Vec<_>>());
    let p = |n| doc.paragraph(n).unwrap();
    assert_eq!(p(7).items.len(), 8);
    assert_eq!(p(24).items.len(), 9);
    // 24 (i) is a letter item (leading tab), not a roman sub-item.
    assert_eq!(p(24).items[8].label, "i");
    // 12 (a) has sub-items (i)–(vi) that start at column 0.
    let subs: Vec<&str> = p(12).items[0]
        .items
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(subs, ["i", "ii", "iii", "iv", "v", "vi"]);
    assert!(plain(&p(12).items[0].items[4].text).starts_with("Having the questioning in custody"));
    // Para 16's "(a)" is inline text, not an item.
    assert!(p(16).items.is_empty());
    assert!(plain(&p(26).text).contains("solitary confinement"));
}

#[test]
fn footnotes_stay_at_their_place_and_url_is_rejoined() {
    let doc = seed();
    assert_eq!(doc.footnotes.len(), 29);
    assert_eq!(
        doc.paragraph(1).unwrap().text[..2],
        [
            Inline::Text(
                "The Committee considered the fourth periodic report of Kazakhstan".into()
            ),
            Inline::Note(1)
        ]
    );
    // Footnote 18 is cited by item 19 (c), not by the paragraph.
    let p19 = doc.paragraph(19).unwrap();
    assert!(p19.items[2].text.contains(&Inline::Note(18)));
    assert!(!p19.text.contains(&Inline::Note(18)));
    assert_eq!(
        doc.footnote(11).unwrap().text,
        "See https://tbinternet.ohchr.org/_layouts/15/treatybodyexternal/Download.aspx?symbolno=INT%2FCAT%2FFUL%2FKAZ%2F25015&Lang=en."
    );
}

#[test]
fn kinds_follow_the_committees_wording() {
    let doc = seed();
    let kind = |n| doc.paragraph(n).unwrap().kind;
    assert_eq!(kind(1), Kind::Introduction);
    assert_eq!(kind(3), Kind::Introduction);
    assert_eq!(kind(4), Kind::Positive);
    assert_eq!(kind(7), Kind::Positive);
    assert_eq!(kind(8), Kind::Other);
    for n in [
        9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43,
    ] {
        assert_eq!(kind(n), Kind::Concern, "paragraph {n}");
        assert_eq!(kind(n + 1), Kind::Recommendation, "paragraph {}", n + 1);
    }
    assert_eq!(kind(45), Kind::FollowUp);
    assert_eq!(kind(48), Kind::Other);
}

#[test]
fn articles_expand_en_dash_ranges() {
    let doc = seed();
    let arts = |n| doc.paragraph(n).unwrap().articles.clone();
    assert_eq!(arts(13), [2, 12, 13, 14, 16]);
    assert_eq!(arts(9), [1, 4]);
    assert_eq!(arts(15), [2]);
    // Para 19's articles close its last item, before a footnote marker.
    assert_eq!(arts(19), [12, 13, 15]);
    assert_eq!(arts(35), [2, 3, 16]);
    assert!(arts(26).is_empty());
}

#[test]
fn follow_up_marks_from_paragraph_45() {
    let doc = seed();
    let p = |n| doc.paragraph(n).unwrap();
    assert!(p(14).items[0].follow_up && !p(14).follow_up && !p(14).items[1].follow_up);
    assert!(p(24).items[0].follow_up && !p(24).follow_up);
    assert!(p(28).follow_up);
    assert!(p(44).follow_up);
    let marked = doc.paragraphs().filter(|(_, _, p)| p.follow_up).count();
    assert_eq!(marked, 2);
}

#[test]
fn concerns_and_recommendations_know_each_other() {
    let doc = seed();
    assert_eq!(doc.paragraph(25).unwrap().pair, [26]);
    assert_eq!(doc.paragraph(26).unwrap().pair, [25]);
    assert_eq!(doc.paragraph(23).unwrap().pair, [24]);
    assert!(doc.paragraph(45).unwrap().pair.is_empty());
}

#[test]
fn ibid_footnotes_resolve_to_the_previous_symbol() {
    let doc = seed();
    let ibid = |n| doc.footnote(n).unwrap().ibid_of.clone();
    assert_eq!(ibid(6).as_deref(), Some("CAT/C/KAZ/CO/3"));
    assert_eq!(ibid(9).as_deref(), Some("CAT/C/KAZ/CO/3"));
    assert_eq!(ibid(14).as_deref(), Some("CAT/C/KAZ/RQ/4"));
    // "Ibid," without the full stop is an ibid too.
    assert_eq!(ibid(16).as_deref(), Some("CAT/C/KAZ/RQ/4"));
    assert_eq!(ibid(25).as_deref(), Some("CAT/C/KAZ/RQ/4"));
    assert_eq!(ibid(13), None);
    let count = doc.footnotes.iter().filter(|f| f.ibid_of.is_some()).count();
    assert_eq!(count, 10);
}

#[test]
fn cyrillic_and_typography_survive() {
    let doc = seed();
    let text = plain(&doc.paragraph(6).unwrap().items[4].text);
    assert!(text.contains("131-VІ ZRK"), "{text}");
    assert!(plain(&doc.paragraph(33).unwrap().text).contains("Victims’ Compensation Fund"));
}
