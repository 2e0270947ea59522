//! Search quality on the seed: what a researcher asks and what must come
//! first, checked against the text of CAT/C/KAZ/CO/4.

use proptest::prelude::{Strategy, TestCaseError, any};
use proptest::sample::Index as Index_;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::sync::LazyLock;
use treatyview::document::{Document, Inline, Kind, Paragraph, Section, Topic};
use treatyview::library::Library;
use treatyview::search::{Hit, HitUnit, Index, Scope, words};

fn seed() -> (Library, Index) {
    let library = Library::embedded();
    let index = Index::build(library.clone());
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
    // Both hold the phrase under the heading; the concern, shorter and as
    // dense with it, comes first.
    assert_eq!(refs(&hits), ["25", "26"]);
    assert_eq!(hits[0].kind, Kind::Concern);
    for hit in &hits {
        assert_eq!(hit.heading.as_deref(), Some("Solitary confinement"));
    }
}

#[test]
fn typos_and_partial_words_still_find_their_paragraphs() {
    let (_, index) = seed();
    assert_eq!(refs(&search(&index, "solitary confinment")), ["25", "26"]);
    assert_eq!(refs(&search(&index, "solitery confinement")), ["25", "26"]);
    assert_eq!(refs(&search(&index, "solitary confinemnet")), ["25", "26"]);
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
    // The concern and the recommendations under "Violence and deaths in
    // custody" come first: the short items about the deaths before the
    // long paragraph that also covers other violence.
    let mut first: Vec<&str> = refs(&hits)[..3].to_vec();
    first.sort_unstable();
    assert_eq!(first, ["23", "24(b)", "24(d)"]);
    assert_eq!(
        hits[0].heading.as_deref(),
        Some("Violence and deaths in custody")
    );
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
fn an_excluded_hyphenated_word_drops_only_units_where_it_stands() {
    let library = library_of(
        None,
        &[
            "Former detainees reported ill-treatment.",
            "The treatment of ill detainees was poor.",
            "Detainees were beaten.",
        ],
    );
    let index = Index::build(library.clone());
    let hits = search(&index, "detainees !ill-treatment");
    let mut kept = texts(&hits);
    kept.sort_unstable();
    // "ill" and "treatment" apart are not "ill-treatment".
    assert_eq!(
        kept,
        [
            "Detainees were beaten.",
            "The treatment of ill detainees was poor."
        ]
    );
    // A lone word is dropped wherever it stands.
    assert_eq!(
        texts(&search(&index, "detainees !ill")),
        ["Detainees were beaten."]
    );
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
    // The two short items on the Rules before the long paragraph that
    // cites them among other things.
    let mut first: Vec<&str> = refs(&hits)[..2].to_vec();
    first.sort_unstable();
    assert_eq!(first, ["22(b)", "22(d)"]);
    assert_eq!(refs(&hits)[2], "26");
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
    let index = Index::build(library.clone());
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

/// A library of one document whose paragraphs (concerns) are `texts`,
/// in `language`.
fn library_of(language: Option<&str>, texts: &[&str]) -> Library {
    let paragraphs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Paragraph {
            number: i as u32 + 1,
            kind: Kind::Concern,
            text: vec![Inline::Text((*t).to_string())],
            items: Vec::new(),
            articles: Vec::new(),
            follow_up: false,
            pair: Vec::new(),
            parts: Vec::new(),
        })
        .collect();
    Library {
        documents: vec![Document {
            symbol: "X/C/Y/CO/1".into(),
            language: language.map(str::to_string),
            sections: vec![Section {
                label: None,
                title: String::new(),
                topics: vec![Topic {
                    heading: None,
                    paragraphs,
                }],
            }],
            ..Document::default()
        }],
    }
}

fn texts(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.text.as_str()).collect()
}

#[test]
fn word_forms_match_and_the_form_typed_ranks_first() {
    let library = library_of(
        None,
        &[
            "A woman was detained without charge.",
            "Women were detained without charge.",
            "The children of detainees were not informed.",
            "A child was detained with adults.",
            "The Committee recommends that the State party act.",
            "The measures recommended earlier were not taken.",
        ],
    );
    let index = Index::build(library.clone());
    let women = search(&index, "women");
    assert_eq!(
        texts(&women),
        [
            "Women were detained without charge.",
            "A woman was detained without charge."
        ]
    );
    let child = search(&index, "child");
    assert_eq!(child.len(), 2);
    assert_eq!(child[0].text, "A child was detained with adults.");
    // 'word turns forms off.
    assert_eq!(search(&index, "'women").len(), 1);
    // A noun finds the verb's forms: both recommendation paragraphs.
    assert_eq!(search(&index, "recommendation").len(), 2);
    // Forms are not approximate.
    assert!(women.iter().chain(&child).all(|h| !h.approximate));
    // Detain and detained are one word; detainees (persons) another.
    assert_eq!(search(&index, "detained").len(), 3);
}

#[test]
fn the_form_typed_ranks_above_other_forms_on_the_seed() {
    let (_, index) = seed();
    for word in ["concern", "violation", "children", "detention"] {
        let hits = search(&index, word);
        let exact = |h: &Hit| {
            treatyview::search::words::spans(&h.text)
                .any(|r| treatyview::search::words::fold(&h.text[r]) == word)
        };
        let first_other = hits.iter().position(|h| !exact(h)).unwrap_or(hits.len());
        assert!(first_other > 0, "{word}: no unit with the word as typed");
        // Other forms are found too ("concerned" for concern), and they
        // are not guesses. (The seed's one "child" sits beside
        // "children".)
        if ["concern", "violation"].contains(&word) {
            assert!(first_other < hits.len(), "{word}: no other form found");
        }
        assert!(hits.iter().all(|h| !h.approximate), "{word}");
        assert!(
            hits[first_other..].iter().all(|h| !exact(h)),
            "{word}: a unit with the word as typed below another form: {:?}",
            refs(&hits)
        );
    }
}

#[test]
fn french_and_spanish_documents_have_their_own_forms() {
    // Forms, not guesses: each is found and none is marked approximate.
    let found = |index: &Index, query: &str| {
        let hits = search(index, query);
        assert_eq!(hits.len(), 1, "{query}");
        assert!(!hits[0].approximate, "{query}");
    };
    let fr = library_of(Some("fr"), &["Les femmes handicapées sont protégées."]);
    let index = Index::build(fr.clone());
    found(&index, "femme");
    found(&index, "protégé");
    found(&index, "handicapée");
    let es = library_of(Some("es"), &["La mujer con discapacidades."]);
    let index = Index::build(es.clone());
    // An irregular plural the Spanish stemmer misses.
    found(&index, "mujeres");
    found(&index, "discapacidad");
}

#[test]
fn function_words_are_optional_except_in_a_phrase() {
    let (_, index) = seed();
    // 12(a)(i): "access to an independent lawyer".
    let free = refs(&search(&index, "access to a lawyer")).join(" ");
    assert!(free.contains("12(a)(i)"), "{free}");
    let phrase = search(&index, "\"access to a lawyer\"");
    assert!(!phrase.is_empty());
    assert!(phrase.iter().all(|h| h.text.contains("access to a lawyer")));
    // "the" alone is still a word to find.
    assert!(!search(&index, "the").is_empty());
}

#[test]
fn typo_tolerance_never_changes_a_short_word_and_is_marked() {
    let (_, index) = seed();
    // The seed speaks of the "rate" of closures, never of rape.
    assert!(search(&index, "rape").is_empty());
    // Five letters may be a typo: "rates" is offered, but marked, never
    // as if it were the word.
    let hits = search(&index, "rapes");
    assert_eq!(refs(&hits), ["23"]);
    for hit in &hits {
        assert!(hit.approximate);
        for (range, approximate) in hit.marked() {
            assert!(approximate);
            assert_eq!(&hit.text[range], "rates");
        }
    }
    // A first-letter typo of a long word.
    let hits = search(&index, "kolitary confinement");
    assert_eq!(refs(&hits), ["25", "26"]);
    assert!(hits.iter().all(|h| h.approximate));
    // A typo that is itself a word finds the common word, marked.
    let hits = search(&index, "polite");
    assert!(!hits.is_empty());
    for hit in &hits {
        assert!(hit.approximate, "{}", hit.reference);
        for (range, approximate) in hit.marked() {
            assert!(approximate);
            assert!(hit.text[range].eq_ignore_ascii_case("police"));
        }
    }
    // The word itself ranks above its close spellings.
    let hits = search(&index, "detention");
    assert!(hits.iter().all(|h| !h.approximate));
}

#[test]
fn a_word_of_the_documents_gets_its_commoner_spellings_below_it_and_marked() {
    let library = library_of(
        None,
        &[
            "The police detained him.",
            "A polite request was refused.",
            "The police beat detainees.",
            "Police officers were not prosecuted.",
            "Police custody lasted three days.",
        ],
    );
    let index = Index::build(library.clone());
    let hits = search(&index, "polite");
    // The word as typed first and plain; "police", one letter away and
    // far commoner, after it and marked as a guess.
    assert_eq!(hits[0].text, "A polite request was refused.");
    assert!(!hits[0].approximate);
    assert_eq!(hits.len(), 5, "{:?}", texts(&hits));
    for hit in &hits[1..] {
        assert!(hit.approximate, "{}", hit.text);
        assert!(hit.score < hits[0].score);
    }
    // The other way round, the rarer spelling is not offered.
    let hits = search(&index, "police");
    assert_eq!(hits.len(), 4, "{:?}", texts(&hits));
    assert!(hits.iter().all(|h| !h.approximate));
}

#[test]
fn a_spelling_exactly_three_times_as_common_is_offered_and_a_rarer_one_is_not() {
    // One "polite" and three "police": police is offered for polite.
    let library = library_of(
        None,
        &[
            "A polite request was refused.",
            "The police detained him.",
            "The police beat detainees.",
            "Police officers were not prosecuted.",
        ],
    );
    let hits = search(&Index::build(library.clone()), "polite");
    assert_eq!(hits.len(), 4, "{:?}", texts(&hits));
    assert!(hits[1..].iter().all(|h| h.approximate));
    // Two "polite" and five "police": five is not six, so nothing is
    // offered but the word as typed.
    let library = library_of(
        None,
        &[
            "A polite request was refused.",
            "Another polite request was refused.",
            "The police detained him.",
            "The police beat detainees.",
            "Police officers were not prosecuted.",
            "Police custody lasted three days.",
            "The police kept no records.",
        ],
    );
    let hits = search(&Index::build(library.clone()), "polite");
    assert_eq!(
        texts(&hits),
        [
            "A polite request was refused.",
            "Another polite request was refused."
        ]
    );
}

#[test]
fn a_first_letter_typo_is_tried_only_when_nothing_else_matched() {
    // "detention" is a word of the documents: "retention", three times
    // as common and one letter away, is a different word, not a typo.
    let library = library_of(
        None,
        &[
            "Detention without charge continued.",
            "Retention of records was required.",
            "The retention period was short.",
            "Retention schedules were not published.",
        ],
    );
    let hits = search(&Index::build(library.clone()), "detention");
    assert_eq!(texts(&hits), ["Detention without charge continued."]);
    // "heaaring" (a doubled key) is "hearing" with the right first
    // letter: "bearing", two edits away through the first letter, is not
    // offered beside it.
    let library = library_of(
        None,
        &[
            "A fair hearing was denied.",
            "Bearing in mind its previous recommendations.",
        ],
    );
    let hits = search(&Index::build(library.clone()), "heaaring");
    assert_eq!(texts(&hits), ["A fair hearing was denied."]);
    assert!(hits[0].approximate);
}

#[test]
fn a_stray_letter_typed_before_a_long_word_is_forgiven() {
    // "asolitary": the word starts at its second letter.
    let (_, index) = seed();
    let hits = search(&index, "asolitary confinement");
    assert_eq!(refs(&hits), ["25", "26"]);
    assert!(hits.iter().all(|h| h.approximate));
}

#[test]
fn typos_keep_within_a_letter_or_two_of_the_length_typed() {
    let library = library_of(
        None,
        &[
            "Torture was reported.",
            "The prison was full.",
            "Infant mortality remains high.",
        ],
    );
    let index = Index::build(library.clone());
    // One letter left out, one typed twice: found, and marked.
    for (query, text) in [
        ("torure", "Torture was reported."),
        ("prisson", "The prison was full."),
        // A mistyped start of a longer word (y for u, then stopped).
        ("tortyr", "Torture was reported."),
    ] {
        let hits = search(&index, query);
        assert_eq!(texts(&hits), [text], "{query}");
        assert!(hits[0].approximate, "{query}");
    }
    // But "moral" is not "mortality" with four letters left out.
    assert_eq!(texts(&search(&index, "moral")), Vec::<&str>::new());
}

#[test]
fn prefixes_are_marked_approximate_and_whole_words_are_not() {
    let (_, index) = seed();
    let partial = search(&index, "solitar");
    assert_eq!(refs(&partial), ["25", "26", "31"]);
    assert!(partial.iter().all(|h| h.approximate));
    assert!(
        partial
            .iter()
            .all(|h| h.highlight_approximate.iter().all(|a| *a))
    );
    let whole = search(&index, "solitary");
    assert!(whole.iter().all(|h| !h.approximate));
    assert!(
        whole
            .iter()
            .all(|h| h.highlight_approximate.iter().all(|a| !a))
    );
    // The reader's highlighter says the same.
    let text = &whole[0].text;
    let marked = index.highlight_marked("solitar", text);
    assert!(!marked.is_empty() && marked.iter().all(|m| m.1));
    assert!(
        index
            .highlight_marked("solitary", text)
            .iter()
            .all(|m| !m.1)
    );
}

#[test]
fn a_bar_means_or() {
    let (_, index) = seed();
    let mut either = refs(&search(&index, "solitary | isolation"))
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    either.sort();
    assert_eq!(either, ["25", "26", "31"]);
    // Without the bar both words are needed: juveniles' "solitary
    // isolation" (25) and the "solitary cell" beside "isolation cells" (31).
    assert_eq!(refs(&search(&index, "solitary isolation")), ["25", "31"]);
    assert_eq!(
        search(&index, "solitary|isolation").len(),
        search(&index, "solitary | isolation").len()
    );
}

#[test]
fn rare_words_and_short_units_rank_first_and_ties_keep_document_order() {
    let long = format!(
        "Torture was mentioned once in this long paragraph {}.",
        "about many other matters of prison administration".repeat(8)
    );
    let library = library_of(
        None,
        &[
            &long,
            "Torture must be prevented.",
            "Detention detention detention, and torture.",
            "Detention and torture torture torture.",
            "Torture must be prevented.",
        ],
    );
    let index = Index::build(library.clone());
    let hits = search(&index, "torture");
    // Short before long; the identical paragraphs 2 and 5 in order.
    assert_eq!(hits.last().unwrap().reference, "1");
    let two = hits.iter().position(|h| h.reference == "2").unwrap();
    let five = hits.iter().position(|h| h.reference == "5").unwrap();
    assert!(two < five);
    assert_eq!(hits[two].score, hits[five].score);
    // Torture is in every unit, detention in two: with both asked for,
    // the unit dense with the rarer word wins.
    let hits = search(&index, "detention torture");
    assert_eq!(refs(&hits), ["3", "4"]);
}

#[test]
fn words_near_each_other_rank_above_words_apart_however_dense() {
    // Near: at most four other words between the two asked for. The unit
    // with them near comes first although it is the longest; then the
    // two with them apart, the shorter first.
    let library = library_of(
        None,
        &[
            "Torture of detainees by guards was common in that prison.",
            "Torture was reported in the prison of the region, as several \
             former detainees who spoke to the delegation confirmed.",
            "Torture was reported in the main prison of the region, as several \
             former detainees who spoke to the delegation confirmed.",
        ],
    );
    let hits = search(&Index::build(library.clone()), "torture prison");
    assert_eq!(refs(&hits), ["2", "1", "3"]);
}

/// A unit of twelve words, the same in every unit, with "torture" and
/// "prison" `between` words apart in query order (`None`: "Prison
/// torture", side by side but the other way round).
fn torture_and_prison(between: Option<usize>) -> String {
    let filler = [
        "was", "seen", "in", "that", "old", "city", "by", "many", "former", "guards",
    ];
    match between {
        Some(n) => {
            let mut words = vec!["Torture"];
            words.extend(&filler[..n]);
            words.push("prison");
            words.extend(&filler[n..]);
            words.join(" ") + "."
        }
        None => format!("Prison torture {}.", filler.join(" ")),
    }
}

/// Paragraphs 1–6: the two words five words apart (beyond "near"), then
/// four, three, two, one apart, then side by side reversed.
fn nearer_and_nearer() -> Library {
    let texts: Vec<String> = [Some(5), Some(4), Some(3), Some(2), Some(1), None]
        .into_iter()
        .map(torture_and_prison)
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    library_of(None, &texts)
}

#[test]
fn within_the_near_tier_the_nearer_words_rank_first() {
    // Every paragraph has the same words, so only how near the two stand
    // tells them apart: nearest first, the one beyond "near" last.
    let hits = search(&Index::build(nearer_and_nearer()), "torture prison");
    assert_eq!(refs(&hits), ["6", "5", "4", "3", "2", "1"]);
}

#[test]
fn closeness_lifts_bm25_by_a_share_that_shrinks_word_by_word() {
    // Two words are "near" within a span of 2 + 4 = 6 words. Spanning w
    // of them multiplies the unit's BM25 by 1 + (7 - w) / 7: nearly
    // twice side by side, a seventh more at the edge; beyond it, nothing
    // (and a lower tier). The BM25 is the score below the heading lift,
    // in thousandths; every paragraph here has the same words, so the
    // same BM25 before the bonus.
    let hits = search(&Index::build(nearer_and_nearer()), "torture prison");
    let bm25 = |reference: &str| {
        let hit = hits.iter().find(|h| h.reference == reference).unwrap();
        f64::from(u32::try_from(hit.score % 1_000_000_000).unwrap())
    };
    let tier = |reference: &str| {
        hits.iter()
            .find(|h| h.reference == reference)
            .unwrap()
            .score
            / 1_000_000_000_000
    };
    let apart = bm25("1");
    assert!(apart > 0.0);
    assert_eq!(tier("1"), 1);
    for (reference, span) in [("2", 6), ("3", 5), ("4", 4), ("5", 3), ("6", 2)] {
        assert_eq!(tier(reference), 2, "{reference}");
        let lift = bm25(reference) / apart;
        let expected = 1.0 + f64::from(7 - span) / 7.0;
        assert!(
            (lift - expected).abs() < 0.005,
            "{reference}: words spanning {span} lift BM25 {lift:.3}×, not {expected:.3}×"
        );
    }
}

#[test]
fn a_phrase_with_its_function_word_ranks_as_a_phrase() {
    // "abuse of children" as typed beats a shorter paragraph where the
    // two words stand as near but not as the phrase.
    let library = library_of(
        None,
        &[
            "The abuse of children in institutions was reported by several \
             organizations of civil society during the dialogue.",
            "Children suffer abuse of many kinds.",
        ],
    );
    let hits = search(&Index::build(library.clone()), "abuse of children");
    assert_eq!(refs(&hits), ["1", "2"]);
}

#[test]
fn a_function_word_adds_to_bm25_and_never_lifts_a_tier() {
    // "torture of" ranks as "torture" does: the short paragraph first,
    // although "of" follows "torture" only in the long one.
    let library = library_of(
        None,
        &[
            "Allegations of torture of detainees held in police custody in \
             several regions were reported to the Committee during the period.",
            "Torture is one of the worst abuses.",
        ],
    );
    let index = Index::build(library.clone());
    assert_eq!(refs(&search(&index, "torture")), ["2", "1"]);
    assert_eq!(refs(&search(&index, "torture of")), ["2", "1"]);
}

#[test]
fn every_mention_counts_the_word_as_typed_most_then_its_forms_then_longer_words() {
    // Paragraphs of the same length that say "woman" once more, twice in
    // another form, or twice at the start of a longer word. A mention in
    // another form counts eight tenths of the word as typed, a longer
    // word six tenths: two of either outweigh one more "woman".
    let library = library_of(
        None,
        &[
            "The woman said that another woman and men were held in the north.",
            "The woman said that womanhood and womanhood were held in the north today.",
            "The woman said that women and women were held in the north today.",
        ],
    );
    let hits = search(&Index::build(library.clone()), "woman");
    assert_eq!(refs(&hits), ["3", "2", "1"]);
    // Forms are the word; a longer word is a guess, marked as one.
    let guessed: Vec<bool> = hits
        .iter()
        .map(|h| h.highlight_approximate.contains(&true))
        .collect();
    assert_eq!(guessed, [false, true, false]);
}

#[test]
fn a_run_of_words_is_as_rare_as_the_units_that_hold_them_all() {
    // "ill" is common here, "ill-treatment" rare, "torture" in between:
    // the paragraph that says "ill-treatment" twice and "torture" once
    // comes before its mirror image. (Counted by its first word alone,
    // "ill-treatment" would be the commonest and the order reversed.)
    let far = "were reported by several former detainees to the delegation";
    let library = library_of(
        None,
        &[
            &format!("Ill-treatment and {far}, like torture {far} and torture."),
            &format!("Torture {far}, like ill-treatment {far} and ill-treatment."),
            "Persons who are ill lack care.",
            "Ill detainees were not seen.",
            "An ill child was not seen.",
            "Many are ill in the north.",
            "Ill health goes without care.",
            "Torture was alleged.",
            "Torture is denied.",
        ],
    );
    let hits = search(&Index::build(library.clone()), "torture ill-treatment");
    assert_eq!(refs(&hits), ["2", "1"]);
}

#[test]
fn a_function_word_found_everywhere_barely_counts() {
    // "of" is in every paragraph, so three of them in the longer
    // paragraph do not lift it above the shorter one with one.
    let library = library_of(
        None,
        &[
            "Torture of men, of women and of children was reported.",
            "Torture of detainees was reported.",
            "The rights of the child.",
            "The situation of women.",
            "The conditions of detention.",
            "The rights of migrants.",
            "The work of the ombudsman.",
            "The use of force.",
        ],
    );
    let index = Index::build(library.clone());
    assert_eq!(refs(&search(&index, "torture")), ["2", "1"]);
    assert_eq!(refs(&search(&index, "torture of")), ["2", "1"]);
}

#[test]
fn two_words_as_a_phrase_rank_above_the_same_words_near_each_other() {
    // A long paragraph with "prison staff" beats a short one where the
    // two words stand near each other but not as typed.
    let library = library_of(
        None,
        &[
            "The Committee is concerned that prison staff in several regions \
             were not trained in the prohibition of torture and ill-treatment.",
            "Staff in prison beat detainees.",
        ],
    );
    let hits = search(&Index::build(library.clone()), "prison staff");
    assert_eq!(refs(&hits), ["1", "2"]);
}

#[test]
fn a_heading_that_holds_the_word_lifts_its_paragraph_above_a_denser_one() {
    let topic = |heading: &str, number: u32, text: &str| Topic {
        heading: Some(heading.to_string()),
        paragraphs: vec![Paragraph {
            number,
            kind: Kind::Concern,
            text: vec![Inline::Text(text.to_string())],
            items: Vec::new(),
            articles: Vec::new(),
            follow_up: false,
            pair: Vec::new(),
            parts: Vec::new(),
        }],
    };
    let library = Library {
        documents: vec![Document {
            symbol: "X/C/Y/CO/1".into(),
            sections: vec![Section {
                label: None,
                title: String::new(),
                topics: vec![
                    topic("Juvenile justice", 1, "Children are held in detention."),
                    topic(
                        "Conditions of detention",
                        2,
                        "Children are held in detention together with adults, in \
                         cells that lack light and air.",
                    ),
                ],
            }],
            ..Document::default()
        }],
    };
    let index = Index::build(library.clone());
    assert_eq!(refs(&search(&index, "detention")), ["2", "1"]);
    // A function word in the heading ("of") lifts nothing on its own.
    assert_eq!(refs(&search(&index, "children of")), ["1", "2"]);
}

#[test]
fn a_unit_is_long_or_short_against_the_librarys_average() {
    // Units of about 35 words on average: three mentions in 38 words beat
    // one in 7, though the short unit is denser. (Measured against a
    // wrong average of a word or two, density alone would decide.)
    let filler = "The delegation met officials of the ministry and several \
                  organizations of civil society in the capital and in two \
                  regions, and visited places where persons are deprived of \
                  their liberty, including police stations, pretrial centres \
                  and a psychiatric hospital, during the ten days of its visit \
                  to the country last year.";
    let three = "Torture was reported by detainees in the north, torture by \
                 officers was alleged in the south, and the commission that \
                 received complaints of torture found that few of them led to \
                 any investigation at all in the end.";
    let library = library_of(
        None,
        &[filler, three, "One detainee said that torture was common."],
    );
    let hits = search(&Index::build(library.clone()), "torture");
    assert_eq!(refs(&hits), ["2", "3"]);
}

/// `treatyview search` with `args`: standard output and exit status.
fn search_command(args: &[&str]) -> (String, Option<i32>) {
    let out = crate::common::bin()
        .arg("search")
        .args(args)
        .output()
        .unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.code())
}

#[test]
fn search_command_marks_approximate_matches_in_text_and_json() {
    // A prefix is a guess: each line says so and names the word it took.
    let (text, status) = search_command(&["solitar"]);
    assert_eq!(status, Some(0));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for line in &lines {
        assert!(line.contains("≈ solitary: "), "{text}");
    }
    // The word itself is not marked.
    let (text, _) = search_command(&["solitary"]);
    assert!(!text.is_empty() && !text.contains('≈'), "{text}");

    // JSON says which highlight ranges are approximate.
    let (out, _) = search_command(&["kolitary confinement", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hits = json.as_array().unwrap();
    assert_eq!(hits.len(), 2, "{out}");
    for hit in hits {
        assert_eq!(hit["approximate"], true);
        let text = hit["text"].as_str().unwrap();
        let words = |key: &str| -> Vec<String> {
            hit[key]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let (a, b) = (r[0].as_u64().unwrap(), r[1].as_u64().unwrap());
                    text[a as usize..b as usize].to_lowercase()
                })
                .collect()
        };
        let approximate = words("approximate_highlights");
        assert!(
            approximate.iter().all(|w| w == "solitary"),
            "{approximate:?}"
        );
        assert!(!approximate.is_empty());
        // Every approximate range is one of the highlights; "confinement"
        // matched exactly and is not among them.
        let all = words("highlights");
        assert!(approximate.iter().all(|w| all.contains(w)));
        assert!(all.iter().any(|w| w.starts_with("confinement")), "{all:?}");
    }
    let (out, _) = search_command(&["solitary confinement", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    for hit in json.as_array().unwrap() {
        assert_eq!(hit["approximate"], false);
        assert_eq!(hit["approximate_highlights"], serde_json::json!([]));
    }
}

#[test]
fn a_hyphenated_run_keeps_its_last_word_even_a_function_word() {
    // Inside "one-of-the" only the inner "of" may be left out: the run
    // ends where it was typed. (A mutation run on query.rs: making the
    // last word optional too went unnoticed.)
    let q = treatyview::search::query::parse("one-of-the");
    let optional: Vec<bool> = q.terms[0].words.iter().map(|w| w.optional).collect();
    assert_eq!(optional, [false, true, false]);
}

/// The first generator: syntax fragments, controls, Cyrillic and random
/// lower-case words. It finds the corners of the query parser, but few of
/// its queries hit anything.
fn any_query() -> impl Strategy<Value = String> {
    "[\"'!: a-zA-Zа-яА-Я0-9().,\u{301}\u{1b}-]{0,24}|(art:[0-9]{1,3} )?[a-z]{1,12}( [a-z]{1,12}){0,3}"
}

/// The seed's units as (reference, plain text).
static UNITS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    Library::embedded().documents[0]
        .units()
        .iter()
        .map(|u| (u.reference.to_string(), u.plain()))
        .filter(|(_, text)| words::spans(text).next().is_some())
        .collect()
});

/// A query made of one to three consecutive words of a unit of the seed,
/// as typed, as a phrase or exact: (the unit's position, the query).
fn own_words() -> impl Strategy<Value = (usize, String)> {
    (0..UNITS.len(), any::<Index_>(), 1..=3usize, 0..3usize).prop_map(|(u, at, n, form)| {
        let text = &UNITS[u].1;
        let spans: Vec<_> = words::spans(text).collect();
        let start = at.index(spans.len());
        let taken: Vec<&str> = spans[start..(start + n).min(spans.len())]
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        let words = taken.join(" ");
        let query = match form {
            0 => words,
            1 => format!("\"{words}\""),
            _ => format!("'{words}"),
        };
        (u, query)
    })
}

/// How many of `n` queries drawn from `strategy` find something.
fn share_that_hits(strategy: impl Strategy<Value = String>, index: &Index, n: usize) -> usize {
    let mut runner = TestRunner::deterministic();
    (0..n)
        .filter(|_| {
            let query = strategy.new_tree(&mut runner).unwrap().current();
            !index.search(&query, Scope::All, 1).is_empty()
        })
        .count()
}

#[test]
fn queries_made_of_the_documents_own_words_mostly_hit() {
    // Measured on 1,000 queries each: the first generator's queries
    // mostly find nothing, so its property says little about ranking and
    // highlights; those of the documents' own words all find something.
    let index = Index::build(Library::embedded());
    let any = share_that_hits(any_query(), &index, 1000);
    let own = share_that_hits(own_words().prop_map(|(_, q)| q), &index, 1000);
    eprintln!("queries that hit: any_query {any}/1000, own_words {own}/1000");
    assert!(own >= 950, "{own}/1000");
    assert!(own > any);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::common::cases(2000)))]

    /// Any query, including syntax fragments, quotes, controls and
    /// Cyrillic, gives results whose highlights lie on character
    /// boundaries inside their text, best first.
    #[test]
    fn any_query_gives_well_formed_results(
        query in any_query(),
        scope in 0..4usize,
    ) {
        thread_local! {
            static INDEX: Index = Index::build(Library::embedded());
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

    /// Words taken from a paragraph or item, typed, quoted as a phrase or
    /// marked exact, find that unit, with the words marked in it.
    #[test]
    fn the_documents_own_words_find_their_unit((unit, query) in own_words()) {
        thread_local! {
            static INDEX: Index = Index::build(Library::embedded());
        }
        let reference = &UNITS[unit].0;
        INDEX.with(|index| {
            let hits = index.search(&query, Scope::All, 100_000);
            let own = hits.iter().find(|h| &h.reference == reference
                && matches!(h.unit, HitUnit::Paragraph | HitUnit::Item));
            let Some(own) = own else {
                return Err(TestCaseError::fail(format!("{query:?} did not find {reference}: {:?}", refs(&hits))));
            };
            // The words stand side by side there, so even short ones
            // ("of their"), which light up only next to each other, are
            // marked.
            proptest::prop_assert!(!own.highlights.is_empty(), "{query:?}: nothing marked in {reference}");
            Ok(())
        })?;
    }
}
