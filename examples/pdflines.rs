fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(path).unwrap();
    let pages = treatyview::import::pdf::read(&bytes).unwrap();
    for p in pages {
        println!("=== page {}", p.number);
        for l in p.lines {
            println!(
                "{:6.1} {:6.1} {:5.1} {:?} | {}",
                l.x.unwrap(),
                l.y.unwrap(),
                l.size.unwrap(),
                l.tab,
                l.with_marks()
            );
        }
    }
}
