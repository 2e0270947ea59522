fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let t = std::time::Instant::now();
        match treatyview::import::import_any(&bytes, None) {
            Ok(imp) => {
                eprintln!("== {path} ({:?})", t.elapsed());
                print!("{}", imp.report.render(&imp.doc));
                if std::env::var("RON").is_ok() {
                    print!("{}", treatyview::library::to_ron(&imp.doc));
                }
            }
            Err(e) => println!(
                "== {path}: ERROR {}",
                e.in_file(std::path::Path::new(&path))
            ),
        }
    }
}
