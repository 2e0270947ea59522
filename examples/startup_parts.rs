//! Where startup time goes (parse, outline, layout), for tuning.
use std::time::Instant;
use treatyview::tui::reader::{LayoutSpec, ReaderPane};
fn main() {
    let t = Instant::now();
    let lib = treatyview::library::Library::embedded();
    let parse = t.elapsed();
    let t = Instant::now();
    let _o = treatyview::tui::outline::OutlinePane::new(&lib);
    let outline = t.elapsed();
    let t = Instant::now();
    let none = |_: &str| Vec::new();
    let r = ReaderPane::build(
        &lib.documents[0],
        &LayoutSpec {
            width: 52,
            footnotes: true,
            highlight: &none,
        },
    );
    let layout = t.elapsed();
    let t = Instant::now();
    let r2 = ReaderPane::build(
        &lib.documents[0],
        &LayoutSpec {
            width: 52,
            footnotes: true,
            highlight: &none,
        },
    );
    println!("second layout {:?} {}", t.elapsed(), r2.lines.len());
    let t = Instant::now();
    let app = treatyview::tui::app::App::new(lib, 80, 24);
    let app_new = t.elapsed();
    println!(
        "parse {parse:?} outline {outline:?} layout {layout:?} App::new {app_new:?} lines {} {}",
        app.reader.lines.len(),
        r.lines.len()
    );
}
#[allow(dead_code)]
fn again() {}
