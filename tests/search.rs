//! Search quality on the seed: what a researcher asks and what must come
//! first, checked against the text of CAT/C/KAZ/CO/4.

use treatyview::document::{Document, Inline, Kind, Paragraph, Section, Topic};
use treatyview::library::Library;
use treatyview::search::{Hit, HitUnit, Index, Scope};

fn seed() -> (Library, Index) {
    let library = Library::embedded();
    let index = Index::build(&library);
    (library, index)
}

fn refs(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.reference.as_str()).collect()
}

fn search(index: &Index, query: &str) -> Vec<Hit> {
    index.search(query, Scope::ConcernsRecommendations, 100)
}

/// Folded words of a text, to check a result really holds a word.
fn has_word(text: &str, word: &str) -> bool {
    treatyview::search::words::spans(text)
        .any(|r| treatyview::search::words::fold(&text[r]).starts_with(word))
}

#[test]
fn solitary_confinement_finds_its_two_paragraphs_and_nothing_scattered() {
    let (_, index) = seed();
    let hits = search(&index, "solitary confinement");
    // Plain subsequence matching hits 33 of 50 paragraphs; words hit two.
    assert_eq!(refs(&hits), ["26", "25"]);
    assert_eq!(hits[1].kind, Kind::Concern);
    assert_eq!(hits[0].heading.as_deref(), Some("Solitary confinement"));
}

#[test]
fn typos_and_partial_words_still_find_their_paragraphs() {
    let (_, index) = seed();
    assert_eq!(refs(&search(&index, "solitary confinment")), ["26", "25"]);
    assert_eq!(refs(&search(&index, "solitery confinement")), ["26", "25"]);
    assert_eq!(refs(&search(&index, "solitary confinemnet")), ["26", "25"]);
    let hits = search(&index, "nat prev mech");
    assert_eq!(refs(&hits)[..2], ["15", "16"]);
    assert!(refs(&hits).contains(&"32(d)"), "{:?}", refs(&hits));
    let hits = search(&index, "commisioner");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| has_word(&h.text, "commissioner")));
}

#[test]
fn every_result_holds_every_word() {
    let (_, index) = seed();
    for query in [
        "torture complaints",
        "prison staff",
        "domestic violence",
        "pretrial detention",
    ] {
        let hits = search(&index, query);
        assert!(!hits.is_empty(), "{query}");
        for hit in &hits {
            for word in query.split(' ') {
                assert!(
                    has_word(&hit.text, word),
                    "{query}: {} lacks {word}",
                    hit.reference
                );
            }
        }
    }
}

#[test]
fn phrases_rank_above_words_apart() {
    let (_, index) = seed();
    for query in [
        "prison staff",
        "human rights",
        "pretrial detention",
        "domestic violence",
    ] {
        let hits = search(&index, query);
        let phrase = |h: &Hit| h.text.to_lowercase().contains(query);
        let first_apart = hits.iter().position(|h| !phrase(h)).unwrap_or(hits.len());
        assert!(first_apart > 0, "{query}: no phrase hit first");
        assert!(
            hits[first_apart..].iter().all(|h| !phrase(h)),
            "{query}: a phrase hit ranks below a hit with the words apart: {:?}",
            refs(&hits)
        );
    }
}

#[test]
fn quoted_phrase_matches_adjacent_words_only() {
    let (_, index) = seed();
    let hits = search(&index, "\"deaths in custody\"");
    assert_eq!(hits[0].reference, "23");
    assert!(hits.len() >= 4);
    for hit in &hits {
        assert!(hit.text.contains("deaths in custody"), "{}", hit.reference);
    }
    // The words alone, apart, find more.
    assert!(search(&index, "deaths custody").len() >= hits.len());
}

#[test]
fn exact_exclude_and_article_filters() {
    let (library, index) = seed();
    let hits = search(&index, "torture !police");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| !has_word(&h.text, "police")));
    assert!(search(&index, "torture").len() > hits.len());

    // 'solitar is not a word of the document; solitar as a prefix is.
    assert!(search(&index, "'solitar").is_empty());
    // 25, 26 and the child "placed in solitary cell" in 31.
    assert_eq!(refs(&search(&index, "solitar")), ["25", "26", "31"]);

    // art:3 keeps the non-refoulement concern and its recommendation.
    let hits = search(&index, "art:3");
    assert_eq!(refs(&hits), ["35", "36"]);
    // With only filters, results keep document order.
    let hits = search(&index, "art:16");
    let order: Vec<u32> = hits.iter().map(|h| h.paragraph).collect();
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(order, sorted);
    let doc = &library.documents[0];
    for hit in &hits {
        let p = doc.paragraph(hit.paragraph).unwrap();
        let engaged = p.articles.contains(&16)
            || p.pair
                .iter()
                .any(|n| doc.paragraph(*n).unwrap().articles.contains(&16));
        assert!(engaged, "para {} does not engage article 16", p.number);
    }
}

#[test]
fn scope_narrows_and_widens() {
    let (_, index) = seed();
    let q = "solitary confinement";
    assert_eq!(refs(&index.search(q, Scope::Concerns, 10)), ["25"]);
    assert_eq!(refs(&index.search(q, Scope::Recommendations, 10)), ["26"]);
    let all = index.search(q, Scope::All, 10);
    assert!(
        all.iter().any(|h| h.unit == HitUnit::Heading),
        "the heading is searched"
    );
    // Positive aspects are outside the default scope, inside "all".
    let hits = index.search("welcomes", Scope::All, 100);
    assert!(hits.iter().any(|h| h.kind == Kind::Positive));
    assert!(
        search(&index, "welcomes")
            .iter()
            .all(|h| matches!(h.kind, Kind::Concern | Kind::Recommendation))
    );
    // Footnotes are searched in "all": the ibid footnotes.
    let notes = index.search("'ibid", Scope::All, 100);
    assert!(!notes.is_empty());
    assert!(notes.iter().all(|h| matches!(h.unit, HitUnit::Footnote(_))));
}

#[test]
fn cyrillic_is_found_by_a_lowercase_query_and_smart_case_applies() {
    let (_, index) = seed();
    let hits = search(&index, "работа");
    assert_eq!(refs(&hits), ["9"]);
    let r = hits[0].highlights[0].clone();
    assert_eq!(&hits[0].text[r], "работа");
    // A capital asks for case: the document writes it in lowercase.
    assert!(search(&index, "Работа").is_empty());
    assert_eq!(refs(&search(&index, "РАБОТ")), Vec::<&str>::new());
    // Smart case on Latin text: "Nelson" is written with a capital.
    let hits = search(&index, "Nelson Mandela");
    // Equal evidence keeps document order.
    assert_eq!(refs(&hits), ["22(b)", "22(d)", "26"]);
    assert!(search(&index, "NELSON").is_empty());
}

#[test]
fn highlights_cover_the_matched_words_in_multibyte_text() {
    let para = Paragraph {
        number: 1,
        kind: Kind::Concern,
        text: vec![
            Inline::Text("La détention «provisoire» — Çağlayan, задержание; ".into()),
            Inline::Note(1),
            Inline::Text(" détentions.".into()),
        ],
        items: Vec::new(),
        articles: Vec::new(),
        follow_up: false,
        pair: Vec::new(),
        parts: Vec::new(),
    };
    let doc = Document {
        sections: vec![Section {
            label: None,
            title: String::new(),
            topics: vec![Topic {
                heading: None,
                paragraphs: vec![para],
            }],
        }],
        ..Library::embedded().documents.remove(0)
    };
    let library = Library {
        documents: vec![doc],
    };
    let index = Index::build(&library);
    for (query, words) in [
        ("detention", vec!["détention", "détentions"]),
        ("caglayan", vec!["Çağlayan"]),
        ("задерж", vec!["задержание"]),
        ("\"la detention\"", vec!["La détention"]),
    ] {
        let hits = index.search(query, Scope::All, 10);
        assert_eq!(hits.len(), 1, "{query}");
        let text = &hits[0].text;
        let got: Vec<&str> = hits[0]
            .highlights
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(got, words, "{query}");
        assert_eq!(index.highlight(query, text), hits[0].highlights);
    }
}

#[test]
fn nothing_matches_nonsense_and_empty_queries() {
    let (_, index) = seed();
    assert!(search(&index, "xylophone").is_empty());
    assert!(search(&index, "").is_empty());
    assert!(search(&index, "  !  ").is_empty());
    assert!(search(&index, "solitary xylophone").is_empty());
}

#[test]
fn limit_keeps_the_best() {
    let (_, index) = seed();
    let all = index.search("torture", Scope::All, 1000);
    let top = index.search("torture", Scope::All, 5);
    assert_eq!(top, all[..5]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::common::cases(2000)))]

    /// Any query, including syntax fragments, quotes, controls and
    /// Cyrillic, gives results whose highlights lie on character
    /// boundaries inside their text, best first.
    #[test]
    fn any_query_gives_well_formed_results(
        query in "[\"'!: a-zA-Zа-яА-Я0-9().,\u{301}\u{1b}-]{0,24}|(art:[0-9]{1,3} )?[a-z]{1,12}( [a-z]{1,12}){0,3}",
        scope in 0..4usize,
    ) {
        thread_local! {
            static INDEX: Index = Index::build(&Library::embedded());
        }
        let scope = [Scope::ConcernsRecommendations, Scope::Concerns, Scope::Recommendations, Scope::All][scope];
        INDEX.with(|index| {
            let hits = index.search(&query, scope, 1000);
            for pair in hits.windows(2) {
                proptest::prop_assert!(pair[0].score >= pair[1].score);
            }
            for hit in &hits {
                let mut last = 0;
                for r in &hit.highlights {
                    proptest::prop_assert!(r.start >= last && r.start < r.end && r.end <= hit.text.len());
                    proptest::prop_assert!(hit.text.is_char_boundary(r.start) && hit.text.is_char_boundary(r.end));
                    last = r.end;
                }
            }
            Ok(())
        })?;
    }
}
