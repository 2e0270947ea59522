fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let pages = if bytes.starts_with(b"%PDF") {
        treatyview::import::pdf::read(&bytes).unwrap()
    } else {
        let mut p = treatyview::import::pdftext::read(std::str::from_utf8(&bytes).unwrap());
        treatyview::import::pdftext::find_marks(&mut p);
        p
    };
    let laid = treatyview::import::furniture::lay(&pages);
    println!(
        "body size {:?} masthead {:?}",
        laid.body_size, laid.masthead
    );
    for n in &laid.notes {
        println!("NOTE {} {:?} | {}", n.mark, n.place, n.text);
    }
    for b in &laid.body {
        println!(
            "{:>3} {:>5} {:?} {} | {}",
            b.place.page,
            b.gap.map_or(-1.0, |g| g),
            b.line.size,
            if b.blank_before { "B" } else { " " },
            b.line.with_marks()
        );
    }
}
