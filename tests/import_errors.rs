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

/// One structural change to a valid input, as a careless edit or a bad
/// conversion makes them: lines lost, doubled or swapped, an item
/// relabelled, a paragraph renumbered, a footnote marker lost or added.
#[derive(Debug, Clone)]
enum Change {
    Drop(prop::sample::Index),
    Duplicate(prop::sample::Index),
    Swap(prop::sample::Index, prop::sample::Index),
    Relabel(prop::sample::Index, &'static str),
    Renumber(prop::sample::Index, u32),
    DropMarker(prop::sample::Index),
    AddMarker(prop::sample::Index, u32),
}

fn change() -> impl Strategy<Value = Change> {
    use prop::sample::Index as I;
    prop_oneof![
        any::<I>().prop_map(Change::Drop),
        any::<I>().prop_map(Change::Duplicate),
        (any::<I>(), any::<I>()).prop_map(|(a, b)| Change::Swap(a, b)),
        (
            any::<I>(),
            prop::sample::select(vec!["a", "c", "z", "i", "iv", "x", "aa"])
        )
            .prop_map(|(a, l)| Change::Relabel(a, l)),
        (any::<I>(), 0u32..80).prop_map(|(a, n)| Change::Renumber(a, n)),
        any::<I>().prop_map(Change::DropMarker),
        (any::<I>(), 1u32..60).prop_map(|(a, n)| Change::AddMarker(a, n)),
    ]
}

/// Where a line's label `(x)` or number `N.` is: (start, end) in bytes.
fn label_at(line: &str) -> Option<(usize, usize)> {
    let start = usize::from(line.starts_with('\t'));
    let rest = &line[start..];
    let inner = rest.strip_prefix('(')?;
    let close = inner.find(")\t")?;
    Some((start + 1, start + 1 + close))
}

fn number_at(line: &str) -> Option<(usize, usize)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && line[digits..].starts_with(".\t")).then_some((0, digits))
}

fn apply(input: &str, changes: &[Change]) -> String {
    const MARK: &str = "[footnoteRef:";
    let mut lines: Vec<String> = input.split('\n').map(String::from).collect();
    for c in changes {
        let pick = |lines: &[String], i: &prop::sample::Index, f: &dyn Fn(&str) -> bool| {
            let fit: Vec<usize> = (0..lines.len()).filter(|&n| f(&lines[n])).collect();
            (!fit.is_empty()).then(|| fit[i.index(fit.len())])
        };
        match c {
            Change::Drop(i) => {
                let n = i.index(lines.len());
                lines.remove(n);
            }
            Change::Duplicate(i) => {
                let n = i.index(lines.len());
                lines.insert(n, lines[n].clone());
            }
            Change::Swap(a, b) => {
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
            }
            Change::Relabel(i, label) => {
                if let Some(n) = pick(&lines, i, &|l| label_at(l).is_some()) {
                    let (s, e) = label_at(&lines[n]).unwrap();
                    lines[n].replace_range(s..e, label);
                }
            }
            Change::Renumber(i, number) => {
                if let Some(n) = pick(&lines, i, &|l| number_at(l).is_some()) {
                    let (s, e) = number_at(&lines[n]).unwrap();
                    lines[n].replace_range(s..e, &number.to_string());
                }
            }
            Change::DropMarker(i) => {
                if let Some(n) = pick(&lines, i, &|l| l.contains(MARK)) {
                    let at = lines[n].find(MARK).unwrap();
                    let end = at + lines[n][at..].find(']').unwrap() + 1;
                    lines[n].replace_range(at..end, "");
                }
            }
            Change::AddMarker(i, number) => {
                // After the first word of a line, where no body can be.
                let n = i.index(lines.len());
                let at = lines[n].find(' ').unwrap_or(lines[n].len());
                lines[n].insert_str(at, &format!("{MARK}{number}]"));
            }
        }
    }
    lines.join("\n")
}

/// A small valid document: sections, a heading, items, sub-items, a
/// heading inside a list and footnotes.
const SMALL: &str = " Committee against Torture\n\t\tConcluding observations on Xyz*\n1.\tThe Committee considered the report[footnoteRef:1] of Xyz. [1: \t*\tAdopted at its session.] \n\tA.\tIntroduction\n2.\tThe Committee welcomes the report.[footnoteRef:2] [2: \t\tCAT/C/XYZ/1.]\n\tC.\tPrincipal subjects\n\t\tSolitary confinement\n3.\tThe State party should:\n\t(a)\tLimit isolation:\n(i)\tfor minors;[footnoteRef:3] [3: \t\tIbid., para. 4.]\n\t\tReview\n(ii)\tby a judge;\n\t(b)\tRecord it.\n4.\tThe Committee requests a reply.\n";

/// What the importer says of a changed input: a clear error on a line of
/// it, or a tree whose paragraphs rise and whose notes are all there.
fn judge(input: &str) -> Result<bool, String> {
    let lines = input.split('\n').count();
    match import(input, Some("CAT/C/XYZ/CO/1")) {
        Err(e) => {
            let text = e.to_string();
            let line: usize = text
                .strip_prefix("line ")
                .and_then(|r| r.split(':').next())
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| format!("no line in {text:?}"))?;
            if line == 0 || line > lines {
                return Err(format!("line {line} of {lines}: {text}"));
            }
            Ok(false)
        }
        Ok(doc) => {
            // Checked here too, so that an import() that skipped it fails.
            treatyview::import::check::lossless(input, &doc).map_err(|e| e.to_string())?;
            let numbers: Vec<u32> = doc.paragraphs().map(|(_, _, p)| p.number).collect();
            if numbers.windows(2).any(|w| w[0] >= w[1]) {
                return Err(format!("paragraphs out of order: {numbers:?}"));
            }
            let cited: std::collections::BTreeSet<u32> = doc
                .units()
                .iter()
                .flat_map(|u| treatyview::document::notes(u.text))
                .collect();
            let bodies: std::collections::BTreeSet<u32> =
                doc.footnotes.iter().map(|f| f.number).collect();
            if cited != bodies {
                return Err(format!("notes cited {cited:?}, bodies {bodies:?}"));
            }
            Ok(true)
        }
    }
}

#[test]
fn structural_changes_reach_both_acceptance_and_refusal() {
    // Measured on 1,000 changed inputs of each document: the generator
    // reaches both outcomes, not only the first error.
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = prop::collection::vec(change(), 1..4);
    for (name, input) in [("seed", SEED), ("small", SMALL)] {
        assert_eq!(judge(input), Ok(true), "{name} unchanged imports");
        let mut accepted = 0;
        let mut refusals = std::collections::BTreeMap::<String, usize>::new();
        for _ in 0..1000 {
            let changes = strategy.new_tree(&mut runner).unwrap().current();
            let edited = apply(input, &changes);
            if judge(&edited).unwrap() {
                accepted += 1;
            } else {
                // The error without its line number and details.
                let e = import(&edited, Some("CAT/C/XYZ/CO/1"))
                    .unwrap_err()
                    .to_string();
                let what: Vec<&str> = e
                    .split(": ")
                    .nth(1)
                    .unwrap_or("")
                    .split(' ')
                    .filter(|w| !w.contains(|c: char| c.is_ascii_digit() || c == '('))
                    .take(3)
                    .collect();
                let what = what.join(" ");
                *refusals.entry(what).or_default() += 1;
            }
        }
        eprintln!("{name}: {accepted}/1000 changed inputs imported; refused: {refusals:?}");
        assert!((100..=900).contains(&accepted), "{name}: {accepted}/1000");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    /// A valid input changed in its structure either imports (paragraphs
    /// rising, every note cited and given, and nothing lost: `import`
    /// applies the lossless check) or is refused with the line to look at.
    #[test]
    fn structurally_changed_input_imports_whole_or_names_a_line(
        small in any::<bool>(),
        changes in prop::collection::vec(change(), 1..4),
    ) {
        let input = apply(if small { SMALL } else { SEED }, &changes);
        judge(&input).map_err(|e| TestCaseError::fail(format!("{e}\n{changes:?}")))?;
    }
}
