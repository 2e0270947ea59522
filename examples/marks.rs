fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let pages = treatyview::import::pdftext::read(&text);
    let mut next = 1;
    for p in &pages {
        let refs: Vec<&treatyview::import::page::Line> = p.lines.iter().collect();
        let area = treatyview::import::pdftext::notes_area(&refs, next);
        println!(
            "page {} lines {} area {} next {}",
            p.number,
            p.lines.len(),
            area,
            next
        );
        for l in &p.lines[area..] {
            println!("   {}", l.text);
            if let Some((m, _)) = treatyview::import::furniture::note_start(l, next) {
                if m == next.to_string() {
                    next += 1;
                }
            }
        }
    }
}
