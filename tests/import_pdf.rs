//! Real PDFs in: facts a reader can check in each PDF (paragraph counts,
//! first words, headings, footnotes, kinds, metadata), no page furniture
//! left in any text, `pdftotext` output read like the PDF, and bad input
//! refused in one line without a panic.
//!
//! The PDFs are the UN's own (CRPD, 2011–2025), copied from
//! `../shared/real/` into `tests/fixtures/pdf/`.

use proptest::prelude::*;
use std::path::Path;
use treatyview::document::{Document, Genre, Inline, Kind, plain};
use treatyview::import::{Format, ImportError, Imported, detect, import_any};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(name: &str) -> Imported {
    import_any(&fixture(name), None).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn pdf(name: &str) -> Document {
    import(&format!("pdf/{name}.pdf")).doc
}

fn paragraph(doc: &Document, n: u32) -> &treatyview::document::Paragraph {
    doc.paragraph(n)
        .unwrap_or_else(|| panic!("{}: no paragraph {n}", doc.symbol))
}

fn starts(doc: &Document, n: u32, words: &str) {
    let text = plain(&paragraph(doc, n).text);
    assert!(
        text.starts_with(words),
        "{} para. {n}: {text:?}",
        doc.symbol
    );
}

fn kind(doc: &Document, n: u32) -> Kind {
    paragraph(doc, n).kind
}

fn numbers(doc: &Document) -> Vec<u32> {
    doc.paragraphs().map(|(_, _, p)| p.number).collect()
}

fn headings(doc: &Document) -> Vec<&str> {
    doc.sections
        .iter()
        .flat_map(|s| &s.topics)
        .filter_map(|t| t.heading.as_deref())
        .collect()
}

/// Every text a reader sees in the tree.
fn texts(doc: &Document) -> Vec<String> {
    let mut out = vec![doc.title.clone(), doc.committee.clone()];
    out.extend(doc.preamble.iter().cloned());
    for s in &doc.sections {
        out.push(s.title.clone());
        out.extend(s.topics.iter().filter_map(|t| t.heading.clone()));
    }
    out.extend(doc.units().iter().map(treatyview::document::Unit::plain));
    for (_, _, p) in doc.paragraphs() {
        out.extend(p.parts.iter().map(|part| plain(&part.text)));
    }
    out.extend(doc.footnotes.iter().map(|f| f.text.clone()));
    out
}

/// No running header, page number, job number, masthead or barcode left
/// in any text.
fn assert_no_furniture(doc: &Document) {
    for text in texts(doc) {
        let t = text.trim();
        assert_ne!(
            t, doc.symbol,
            "{}: the running header is in the text",
            doc.symbol
        );
        for word in t.split_whitespace() {
            assert!(
                !(word.starts_with("GE.")
                    && word.len() > 5
                    && word[3..5].bytes().all(|b| b.is_ascii_digit())),
                "{}: a job number in {t:?}",
                doc.symbol
            );
            assert!(
                !word.contains('\u{f02a}'),
                "{}: a barcode in {t:?}",
                doc.symbol
            );
        }
        for masthead in [
            "Distr.:",
            "Original: English",
            "Distr. générale",
            "Distr. general",
        ] {
            assert!(!t.contains(masthead), "{}: masthead in {t:?}", doc.symbol);
        }
        assert!(
            !t.bytes().all(|b| b.is_ascii_digit()) || t.is_empty(),
            "{}: a bare page number {t:?}",
            doc.symbol
        );
    }
}

#[test]
fn canada_2025_numbered_footnotes_glued_to_words() {
    let doc = pdf("CRPD_C_CAN_CO_2-3");
    assert_eq!(doc.symbol, "CRPD/C/CAN/CO/2-3");
    assert_eq!(
        doc.committee,
        "Committee on the Rights of Persons with Disabilities"
    );
    assert_eq!(doc.state, "Canada");
    assert_eq!(
        doc.title,
        "Concluding observations on the combined second and third periodic reports of Canada"
    );
    assert_eq!(
        doc.report.as_deref(),
        Some("combined second and third periodic")
    );
    assert_eq!((doc.session, doc.year), (Some(32), Some(2025)));
    assert_eq!(
        doc.title_note.as_deref(),
        Some("Adopted by the Committee at its thirty-second session (3–21 March 2025).")
    );
    assert_eq!(doc.language.as_deref(), Some("en"));
    assert_eq!(numbers(&doc), (1..=72).collect::<Vec<_>>());
    // "…periodic reports of Canada1 at its 768th and 769th meetings,2 held…"
    let p1 = &paragraph(&doc, 1).text;
    assert_eq!(p1[1], Inline::Note(1));
    assert!(matches!(&p1[0], Inline::Text(t) if t.ends_with("reports of Canada")));
    assert!(
        matches!(&p1[2], Inline::Text(t) if t.starts_with(" at its 768th and 769th meetings,"))
    );
    assert_eq!(p1[3], Inline::Note(2));
    assert_eq!(doc.footnotes.len(), 15);
    let f5 = doc.footnote(5).expect("footnote 5");
    assert_eq!(f5.text, "Ibid., para. 7.");
    assert_eq!(f5.ibid_of.as_deref(), Some("CRPD/C/CAN/CO/1"));
    assert_eq!(
        doc.footnote(15).map(|f| f.text.as_str()),
        Some("General Assembly resolution 79/165, para. 6.")
    );
    // Sections: I–IV, with A–C under III.
    let labels: Vec<&str> = doc
        .sections
        .iter()
        .filter_map(|s| s.label.as_deref())
        .collect();
    assert_eq!(labels, ["I", "II", "III", "A", "B", "C", "IV"]);
    assert!(headings(&doc).contains(&"Equality and non-discrimination (art. 5)"));
    assert!(headings(&doc).contains(&"Next periodic report"));
    starts(
        &doc,
        5,
        "The Committee reiterates its concern about the State Party’s interpretative declaration",
    );
    assert_eq!(paragraph(&doc, 9).articles, [5]);
    assert_eq!(paragraph(&doc, 5).articles, [1, 2, 3, 4]);
    assert_eq!(
        (kind(&doc, 1), kind(&doc, 4)),
        (Kind::Introduction, Kind::Positive)
    );
    assert_eq!(
        (kind(&doc, 9), kind(&doc, 10)),
        (Kind::Concern, Kind::Recommendation)
    );
    assert_eq!(paragraph(&doc, 9).pair, [10]);
    // Paragraph 4's items run over the page break: (a) to (s).
    let labels: Vec<&str> = paragraph(&doc, 4)
        .items
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(labels.len(), 19);
    assert_eq!(labels[8], "i", "(i) after (h) is the ninth letter");
    assert!(paragraph(&doc, 4).items[8].items.is_empty());
    // 68 names the urgent recommendations: paragraphs 8, 20 and 56.
    assert_eq!(kind(&doc, 68), Kind::FollowUp);
    let marked: Vec<u32> = doc
        .paragraphs()
        .filter(|(_, _, p)| p.follow_up)
        .map(|(_, _, p)| p.number)
        .collect();
    assert_eq!(marked, [8, 20, 56]);
    assert_no_furniture(&doc);
}

#[test]
fn tunisia_2011_the_oldest_layout() {
    let doc = pdf("CRPD_C_TUN_CO_1");
    assert_eq!(doc.symbol, "CRPD/C/TUN/CO/1");
    assert_eq!(doc.state, "Tunisia");
    assert_eq!(
        doc.title,
        "Concluding observations of the Committee on the Rights of Persons with Disabilities"
    );
    assert!(
        doc.preamble.iter().any(|p| p == "Tunisia"),
        "{:?}",
        doc.preamble
    );
    assert_eq!((doc.session, doc.year), (Some(5), Some(2011)));
    assert_eq!(numbers(&doc), (1..=48).collect::<Vec<_>>());
    assert!(doc.footnotes.is_empty());
    // Paragraph 1 comes before "I. Introduction".
    assert_eq!(doc.sections[0].label, None);
    assert_eq!(kind(&doc, 1), Kind::Introduction);
    assert_eq!(kind(&doc, 7), Kind::Other, "factors and difficulties");
    starts(
        &doc,
        8,
        "The Committee notes Order No. 3086 of 29 November 2005",
    );
    assert_eq!(kind(&doc, 8), Kind::Concern);
    assert_eq!(paragraph(&doc, 8).articles, [1, 4]);
    // 17 (c) and (d) sit on the next page.
    let items: Vec<&str> = paragraph(&doc, 17)
        .items
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(items, ["a", "b", "c", "d"]);
    assert!(
        plain(&paragraph(&doc, 17).items[3].text)
            .starts_with("Take steps to replace institutional care")
    );
    // "Follow-up and dissemination" is not a subject of concern.
    assert_eq!(kind(&doc, 45), Kind::Other);
    assert!(paragraph(&doc, 45).articles.is_empty());
    assert_no_furniture(&doc);
}

#[test]
fn azerbaijan_2014_made_by_distiller_without_tags() {
    let doc = pdf("CRPD_C_AZE_CO_1");
    assert_eq!(doc.symbol, "CRPD/C/AZE/CO/1");
    assert_eq!(doc.state, "Azerbaijan");
    assert_eq!((doc.session, doc.year), (Some(11), Some(2014)));
    assert_eq!(numbers(&doc), (1..=57).collect::<Vec<_>>());
    // Paragraph 6 runs over the page break after the barcode.
    let p6 = plain(&paragraph(&doc, 6).text);
    assert!(p6.ends_with("The Committee urges the State party to maintain the Working Group for the purpose of periodic review of progress made in mainstreaming disability issues and needs in national legislative, policy and development frameworks."), "{p6}");
    assert_eq!(kind(&doc, 53), Kind::FollowUp);
    assert!(paragraph(&doc, 37).follow_up, "53 names paragraph 37");
    assert!(
        !paragraph(&doc, 2).follow_up,
        "\"article 35, paragraph 2\" cites the Convention"
    );
    assert_no_furniture(&doc);
}

#[test]
fn united_kingdom_2017_reissued_with_two_notes() {
    let doc = pdf("CRPD_C_GBR_CO_1");
    assert_eq!(
        doc.state,
        "United Kingdom of Great Britain and Northern Ireland"
    );
    assert_eq!(
        doc.title_note.as_deref(),
        Some("Adopted by the Committee at its eighteenth session (14-31 August 2017).")
    );
    assert_eq!(doc.title_notes.len(), 1);
    assert_eq!(doc.title_notes[0].mark, "*");
    assert_eq!(
        doc.title_notes[0].text,
        "Reissued for technical reasons on 12 October 2017."
    );
    assert_eq!((doc.session, doc.year), (Some(18), Some(2017)));
    assert_eq!(numbers(&doc).len(), 78);
    assert_no_furniture(&doc);
}

#[test]
fn czechia_follow_up_information_is_the_states_not_the_committees() {
    let doc = pdf("CRPD_C_CZE_CO_1_Add.1");
    assert_eq!(doc.symbol, "CRPD/C/CZE/CO/1/Add.1");
    assert_eq!(doc.genre, Genre::StateFollowUp);
    assert!(doc.paragraphs().all(|(_, _, p)| p.kind == Kind::Other));
    assert!(
        doc.preamble
            .iter()
            .any(|p| p.starts_with("Information received from Czechia on follow-up"))
    );
    assert_eq!(numbers(&doc).len(), 58);
    assert_no_furniture(&doc);
}

#[test]
fn ecuador_in_french() {
    let doc = pdf("CRPD_C_ECU_CO_2-3");
    assert_eq!(doc.language.as_deref(), Some("fr"));
    assert_eq!(doc.committee, "Comité des droits des personnes handicapées");
    assert_eq!(doc.state, "Équateur");
    assert_eq!((doc.session, doc.year), (Some(22), Some(2019)));
    assert_eq!(numbers(&doc), (1..=65).collect::<Vec<_>>());
    // "a)" items, French style.
    let items: Vec<&str> = paragraph(&doc, 4)
        .items
        .iter()
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(items, ["a", "b"]);
    assert_eq!(kind(&doc, 4), Kind::Positive);
    assert_eq!(kind(&doc, 13), Kind::Concern);
    assert_eq!(kind(&doc, 14), Kind::Recommendation);
    assert_eq!(paragraph(&doc, 7).articles, [1, 2, 3, 4], "(art. 1er à 4)");
    assert_no_furniture(&doc);
}

#[test]
fn greece_in_spanish() {
    let doc = pdf("CRPD_C_GRC_CO_1");
    assert_eq!(doc.language.as_deref(), Some("es"));
    assert_eq!(doc.state, "Grecia");
    assert_eq!(doc.report.as_deref(), Some("inicial"));
    assert_eq!(numbers(&doc), (1..=54).collect::<Vec<_>>());
    starts(
        &doc,
        5,
        "Al Comité le preocupa la ausencia en la legislación del Estado parte",
    );
    assert_eq!(kind(&doc, 5), Kind::Concern);
    assert_eq!(kind(&doc, 6), Kind::Recommendation);
    assert_eq!(paragraph(&doc, 5).articles, [1, 2, 3, 4], "(arts. 1 a 4)");
    assert_no_furniture(&doc);
}

#[test]
fn european_union_is_an_organisation() {
    let doc = pdf("CRPD_C_EU_CO_2-3");
    assert_eq!(doc.state, "European Union");
    assert_eq!(numbers(&doc), (1..=109).collect::<Vec<_>>());
    assert_eq!(doc.footnotes.len(), 22);
    assert_no_furniture(&doc);
}

#[test]
fn every_sample_pdf_imports_or_says_why_not() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert_eq!(names.len(), 15);
    for path in names {
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(detect(&bytes), Format::Pdf);
        match import_any(&bytes, None) {
            Ok(imported) => {
                let doc = imported.doc;
                assert!(doc.symbol.starts_with("CRPD/C/"), "{}", path.display());
                assert!(doc.paragraphs().count() > 40, "{}", path.display());
                assert!(doc.year.is_some(), "{}", path.display());
                assert!(
                    imported.report.removed.job_numbers > 0,
                    "{}",
                    path.display()
                );
                assert_no_furniture(&doc);
            }
            Err(e) => {
                assert!(
                    path.ends_with("CRPD_C_KAZ_CO_1.pdf"),
                    "{}: {e}",
                    path.display()
                );
                assert!(
                    matches!(&e, ImportError::Language { name } if name == "Arabic"),
                    "{e}"
                );
                assert!(e.in_file(&path).contains("in Arabic"));
            }
        }
    }
}

#[test]
fn pdftotext_output_reads_like_the_pdf() {
    for name in ["CRPD_C_CAN_CO_2-3", "CRPD_C_TUN_CO_1"] {
        let from_pdf = pdf(name);
        for text in [
            format!("text/{name}.layout.txt"),
            format!("text/{name}.txt"),
        ] {
            let bytes = fixture(&text);
            assert_eq!(detect(&bytes), Format::PdfText, "{text}");
            let doc = import(&text).doc;
            assert_eq!(doc.symbol, from_pdf.symbol, "{text}");
            assert_eq!(doc.state, from_pdf.state, "{text}");
            assert_eq!(numbers(&doc), numbers(&from_pdf), "{text}");
            let kinds = |d: &Document| d.paragraphs().map(|(_, _, p)| p.kind).collect::<Vec<_>>();
            let same = kinds(&doc)
                .iter()
                .zip(kinds(&from_pdf))
                .filter(|(a, b)| **a == *b)
                .count();
            assert!(
                same * 100 >= numbers(&doc).len() * 95,
                "{text}: {same} kinds agree"
            );
            for n in [1, 8, 17] {
                let a: String = plain(&paragraph(&doc, n).text).chars().take(60).collect();
                let b: String = plain(&paragraph(&from_pdf, n).text)
                    .chars()
                    .take(60)
                    .collect();
                assert_eq!(a, b, "{text} para. {n}");
            }
            assert_no_furniture(&doc);
        }
    }
    // -layout keeps footnotes at page bottoms apart: all 15 are found.
    let doc = import("text/CRPD_C_CAN_CO_2-3.layout.txt").doc;
    assert_eq!(doc.footnotes.len(), 15);
    assert_eq!(paragraph(&doc, 1).text[1], Inline::Note(1));
}

#[test]
fn the_word_export_is_still_read_as_before() {
    let seed = include_bytes!("../assets/CAT-C-KAZ-CO-4.txt");
    assert_eq!(detect(seed), Format::WordText);
    let doc = import_any(seed, None).unwrap().doc;
    assert_eq!(
        treatyview::library::to_ron(&doc),
        include_str!("../assets/CAT-C-KAZ-CO-4.ron")
    );
    assert_eq!((doc.session, doc.year), (Some(76), Some(2023)));
}

/// The layout of 2008–2012 documents (CCPR, CAT, CESCR), as `pdftotext
/// -layout` writes it, with wording of our own: capitals, "page 2" under
/// the running header, the State's name as a heading, and each concern
/// followed by an unnumbered "The State party should" paragraph.
const OLD_LAYOUT: &str = r"                                                                        CCPR/C/XYZ/CO/3
                                                                        12 August 2008
          UNITED NATIONS
                                                                        Original: ENGLISH
          International Covenant on Civil and Political Rights
          Distr.
          GENERAL


          HUMAN RIGHTS COMMITTEE
          Ninety-third session
          Geneva, 7-25 July 2008


          CONSIDERATION OF REPORTS SUBMITTED BY STATES PARTIES
          UNDER ARTICLE 40 OF THE COVENANT

          Concluding observations of the Human Rights Committee

          XYZLAND

          1.   The Committee considered the third periodic report of Xyzland (CCPR/C/XYZ/3)
          at its 2530th and 2531st meetings, held on 14 and 15 July 2008, and adopted the
          following concluding observations at its 2548th meeting, held on 24 July 2008.

          A. Introduction

          2.   The Committee welcomes the submission of the third periodic report of Xyzland
          and the answers to the list of issues.

          B. Positive aspects

          3.   The Committee welcomes the adoption of the Act on Equal Treatment of 2006.

          C. Principal subjects of concern and recommendations

          4.   The Committee is concerned that the State party has not yet established a
          national human rights institution (art. 2).

          The State party should establish a national human rights institution in
          accordance with the Paris Principles.

          5.   The Committee notes with concern the length of pretrial detention, which may
          last up to two years (arts. 9 and 14).

          The State party should:

               (a)   Reduce the maximum length of pretrial detention;

               (b)   Ensure that detainees are brought promptly before a judge.

          6.   The Committee regrets that complaints of ill-treatment by the police are not
          investigated by an independent body (art. 7).


GE.08-43456 (E)    120808
                                                                       CCPR/C/XYZ/CO/3
                                                                       page 2

          The State party should establish an independent body to investigate complaints
          against the police.

          7.   The Committee sets 1 August 2010 as the date for the submission of the fourth
          periodic report of Xyzland. It requests the State party to provide, within one
          year, relevant information on the implementation of the recommendations in
          paragraphs 5 and 6 above.
";

#[test]
fn old_layout_keeps_unnumbered_recommendations_under_their_number() {
    let doc = import_any(OLD_LAYOUT.as_bytes(), None).unwrap().doc;
    assert_eq!(doc.symbol, "CCPR/C/XYZ/CO/3");
    assert_eq!(doc.committee, "HUMAN RIGHTS COMMITTEE");
    assert_eq!(doc.state, "Xyzland");
    assert_eq!(
        doc.title,
        "Concluding observations of the Human Rights Committee"
    );
    assert_eq!((doc.session, doc.year), (Some(93), Some(2008)));
    assert_eq!(numbers(&doc), (1..=7).collect::<Vec<_>>());
    let p4 = paragraph(&doc, 4);
    assert_eq!(p4.kind, Kind::Concern);
    assert_eq!(p4.articles, [2]);
    assert_eq!(p4.parts.len(), 1);
    assert_eq!(p4.parts[0].kind, Kind::Recommendation);
    assert!(
        plain(&p4.parts[0].text)
            .starts_with("The State party should establish a national human rights institution")
    );
    let p5 = paragraph(&doc, 5);
    assert_eq!(p5.articles, [9, 14]);
    assert_eq!(p5.parts[0].items.len(), 2);
    // Across the page break, past the footer and "page 2".
    let p6 = paragraph(&doc, 6);
    assert_eq!(
        plain(&p6.parts[0].text),
        "The State party should establish an independent body to investigate complaints against the police."
    );
    assert_eq!(kind(&doc, 7), Kind::FollowUp);
    assert!(paragraph(&doc, 5).follow_up && paragraph(&doc, 6).follow_up);
    // A part is a unit of its own kind, cited by its paragraph's number.
    let units = doc.units();
    let part = units
        .iter()
        .find(|u| u.unit == treatyview::document::UnitKind::Part)
        .unwrap();
    assert_eq!(
        (part.reference.to_string(), part.kind),
        ("4".to_string(), Kind::Recommendation)
    );
    assert_no_furniture(&doc);
}

#[test]
fn bad_pdfs_get_one_line_errors() {
    let real = fixture("pdf/CRPD_C_AZE_CO_1.pdf");
    // Truncated.
    let e = import_any(&real[..real.len() / 3], None).unwrap_err();
    assert!(
        matches!(e, ImportError::Pdf(_) | ImportError::NoNumbered),
        "{e}"
    );
    let line = e.in_file(Path::new("cut.pdf"));
    assert!(
        line.starts_with("cut.pdf: ") && !line.contains('\n'),
        "{line}"
    );
    // Not a PDF past its header.
    let e = import_any(b"%PDF-1.7\n%garbage only\n", None).unwrap_err();
    assert!(matches!(e, ImportError::Pdf(_)), "{e}");
    // A PDF without a text layer.
    let scan = minimal_pdf("");
    let e = import_any(&scan, None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "this PDF is a scan: it has no text to import"
    );
    // A PDF whose text is not concluding observations.
    let other = minimal_pdf(
        "BT /F1 12 Tf 72 700 Td (A shopping list: bread, milk and tea for the week) Tj ET",
    );
    let e = import_any(&other, None).unwrap_err();
    assert!(
        matches!(e, ImportError::Pdf(_) | ImportError::NoNumbered),
        "{e}"
    );
}

/// A one-page PDF with the given content stream and a standard font.
fn minimal_pdf(content: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

proptest! {
    // Each case reads a whole PDF: a few dozen by default, more with
    // PROPTEST_CASES.
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(24)))]

    /// The PDF front end never panics, whatever is done to a real PDF: a
    /// few bytes overwritten (most files still open, and their pages are
    /// read with damaged streams), a slice cut out, the end cut off. Any
    /// error is one line.
    #[test]
    fn mutated_pdfs_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        cut in any::<prop::sample::Index>(),
        cut_len in 0usize..2000,
        how in 0u8..4,
    ) {
        let mut bytes = fixture("pdf/CRPD_C_AZE_CO_1.pdf");
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        let start = cut.index(bytes.len());
        match how {
            0 => bytes.truncate(start),
            1 => {
                let end = (start + cut_len).min(bytes.len());
                bytes.drain(start..end);
            }
            _ => {}
        }
        if let Err(e) = import_any(&bytes, None) {
            let line = e.in_file(Path::new("x.pdf"));
            prop_assert!(!line.contains('\n'), "{line}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(512)))]

    /// The text front ends never panic on arbitrary text.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = import_any(text.as_bytes(), None);
    }

    /// Nor on text made of the lines real documents are made of, in any
    /// order: numbers, labels, headings, footnotes, furniture, form feeds.
    #[test]
    fn shuffled_document_lines_never_panic(
        lines in prop::collection::vec(prop::sample::select(vec![
            "1.     The Committee is concerned about detention (art. 16).",
            "2.\n",
            "(a)  Ensure that",
            "(i)",
            "(h) the eighth;",
            "  III.  Principal areas of concern and recommendations",
            "A.",
            "Equality and non-discrimination (art. 5)",
            "The State party should:",
            "1 CRPD/C/CAN/2-3.",
            "* Adopted by the Committee at its thirty-second session (3–21 March 2025).",
            "GE.25-05133 (E)   140425 140425",
            "CRPD/C/CAN/CO/2-3",
            "\u{c}",
            "12",
            "",
            "Canada1 at its meetings,2 held",
            "paragraphs 8 and 20 above, within 12 months",
            "Concluding observations on the initial report of Xyzland*",
        ]), 0..60),
    ) {
        let text = lines.join("\n");
        let _ = import_any(text.as_bytes(), None);
    }
}
