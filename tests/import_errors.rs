//! Bad input gets a one-line error naming the line; the importer and the
//! RON loader never panic, whatever they are fed.

use crate::common::{SEED, cases};
use proptest::prelude::*;
use std::path::Path;
use treatyview::import::{ImportError, import, import_bytes};
use treatyview::library::from_ron;

fn err(input: &str) -> String {
    import(input, Some("X/1")).unwrap_err().to_string()
}

#[test]
fn empty_file() {
    assert_eq!(err(""), "line 1: the file is empty");
    assert_eq!(err(" \n\t\n"), "line 1: the file is empty");
}

#[test]
fn binary_and_non_utf8() {
    assert_eq!(
        import_bytes(b"1.\tok\n2.\tbad \xff here\n", None).unwrap_err(),
        ImportError::NotUtf8 {
            line: 2,
            byte: 0xff
        }
    );
    assert!(err("1.\tA\n\0\0\0").starts_with("line 2: binary content"));
}

#[test]
fn no_numbered_paragraph() {
    assert!(err("Committee\n\t\tTitle\nsome prose\n").contains("no numbered paragraph"));
}

#[test]
fn reference_without_body() {
    assert_eq!(
        err("1.\tA.\n2.\tB[footnoteRef:4].\n"),
        "line 2: footnote reference 4 has no body"
    );
}

#[test]
fn body_without_reference() {
    assert_eq!(
        err("1.\tA.\n\n3.\tB. [9: \t\tOrphan.]\n"),
        "line 3: footnote body 9 has no reference in the text"
    );
}

#[test]
fn unterminated_body() {
    assert_eq!(
        err("1.\tA[footnoteRef:1]. [1: \t\tNever\nclosed\n2.\tB.\n"),
        "line 1: footnote body 1 is never closed by ']'"
    );
}

#[test]
fn paragraphs_out_of_order() {
    assert_eq!(
        err("2.\tA.\n1.\tB.\n"),
        "line 2: paragraph 1 follows paragraph 2"
    );
    // A repeated number is out of order too: two paragraphs 1 could not
    // both be cited as "para. 1".
    assert_eq!(
        err("1.\tA.\n1.\tB.\n"),
        "line 2: paragraph 1 follows paragraph 1"
    );
}

#[test]
fn text_the_tree_cannot_place_is_refused_not_dropped() {
    // Two heading lines between sub-items: the second belongs to (ii),
    // but the first has no place (a topic's heading would come after the
    // whole list), so the lossless check that import() applies refuses
    // the file rather than move the heading. One such heading is kept:
    // see `list_heading`.
    let e = err("1.\tA.\n\t(a)\tx\n(i)\ty\n\t\tH\n\t\tG\n(ii)\tz\n");
    assert!(e.starts_with("line 4: text lost in import"), "{e}");
}

#[test]
fn seed_with_a_body_cut_short_names_the_right_line() {
    // Remove the closing bracket of footnote 29 (line 138).
    let broken = SEED.replace("CAT/C/KAZ/CO/3, para. 25.]", "CAT/C/KAZ/CO/3, para. 25.");
    assert_eq!(
        import(&broken, None).unwrap_err(),
        ImportError::Unterminated {
            line: 138,
            number: 29
        }
    );
}

#[test]
fn malformed_ron_names_line_and_column() {
    let e = from_ron(
        "Document(\n  format: 1,\n  symbol: 7,\n)",
        Path::new("d.ron"),
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("d.ron:3:"), "{e}");
}

#[test]
fn newer_format_is_refused_naming_both_versions() {
    let current = format!("format: {},", treatyview::document::FORMAT_VERSION);
    assert!(treatyview::library::EMBEDDED_RON.contains(&current));
    let ron =
        treatyview::library::EMBEDDED_RON.replacen(&current, "format: 7,\n  colour: \"red\",", 1);
    let e = from_ron(&ron, Path::new("new.ron"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("version 7") && e.contains("version 2"), "{e}");
}

#[test]
fn unknown_field_is_refused_with_its_place() {
    let ron =
        treatyview::library::EMBEDDED_RON.replacen("  state:", "  colour: \"red\",\n  state:", 1);
    let e = from_ron(&ron, Path::new("u.ron")).unwrap_err().to_string();
    assert!(e.starts_with("u.ron:5:"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2000)))]

    #[test]
    fn importer_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_bytes(&bytes, None);
    }

    #[test]
    fn importer_never_panics_on_export_shaped_text(
        lines in proptest::collection::vec(
            prop_oneof![
                "[0-9]{1,3}\\.\t[a-z \\[\\]:0-9]{0,30}",
                "\t\\([a-z]{1,2}\\)\t[a-z ]{0,20}",
                "\\([ivx]{1,3}\\)\t[a-z ]{0,20}",
                "\t\t[A-Za-z ]{0,20}\\*?",
                "\t[A-C]\\.\t[A-Za-z ]{0,10}",
                "[a-z ]{0,10}\\[footnoteRef:[0-9]\\][a-z ]{0,5}( \\[[0-9]: \t[a-z\\[\\] ]{0,10}\\]?)?",
                "",
            ],
            0..20,
        )
    ) {
        let _ = import(&lines.join("\n"), None);
    }

    #[test]
    fn mutated_seed_never_panics(at in 0..SEED.len(), cut in 0usize..200, insert in "[\\[\\]\t\n0-9a-z:().*]{0,8}") {
        let mut s = SEED.to_string();
        let at = (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        let end = (at + cut).min(s.len());
        let end = (end..=s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len());
        s.replace_range(at..end, &insert);
        let _ = import(&s, None);
    }

    #[test]
    fn ron_loader_never_panics(text in "\\PC{0,300}") {
        let _ = from_ron(&text, Path::new("p.ron"));
    }

    #[test]
    fn ron_loader_never_panics_on_mutated_tree(at in 0..20_000usize, insert in "[(),:\\[\\]\"a-z0-9 ]{0,6}") {
        let mut s = treatyview::library::EMBEDDED_RON.to_string();
        let at = (0..=at.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        s.insert_str(at, &insert);
        let _ = from_ron(&s, Path::new("m.ron"));
    }
}
