use treatyview::document::*;
fn items(out: &mut String, its: &[Item], depth: usize) {
    for it in its {
        out.push_str(&format!(
            "{}({}) {}{}\n",
            "    ".repeat(depth + 1),
            it.label,
            plain(&it.text).chars().take(60).collect::<String>(),
            if it.follow_up { " [FU]" } else { "" }
        ));
        items(out, &it.items, depth + 1);
    }
}
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let imp = match treatyview::import::import_any(&bytes, None) {
            Ok(i) => i,
            Err(e) => {
                println!("ERR {e}");
                continue;
            }
        };
        let d = imp.doc;
        let mut out = format!(
            "{} | {} | {} | {:?}\n",
            d.symbol, d.state, d.title, d.preamble
        );
        for s in &d.sections {
            out.push_str(&format!("## {:?} {}\n", s.label, s.title));
            for t in &s.topics {
                if let Some(h) = &t.heading {
                    out.push_str(&format!("  ### {h}\n"));
                }
                for p in &t.paragraphs {
                    out.push_str(&format!(
                        "  {:>3}. [{}] {:?} {}{}\n",
                        p.number,
                        p.kind.name(),
                        p.articles,
                        plain(&p.text).chars().take(70).collect::<String>(),
                        if p.follow_up { " [FU]" } else { "" }
                    ));
                    items(&mut out, &p.items, 1);
                    for part in &p.parts {
                        out.push_str(&format!(
                            "      PART [{}] {}\n",
                            part.kind.name(),
                            plain(&part.text).chars().take(60).collect::<String>()
                        ));
                        items(&mut out, &part.items, 2);
                    }
                }
            }
        }
        for f in &d.footnotes {
            out.push_str(&format!(
                "  fn{} {}{}\n",
                f.number,
                f.text,
                f.ibid_of
                    .as_ref()
                    .map_or(String::new(), |s| format!(" => {s}"))
            ));
        }
        println!("{out}");
        for w in &imp.report.warnings {
            println!("WARN {w}");
        }
    }
}
