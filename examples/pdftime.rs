use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
struct Nop(usize);
impl OutputDev for Nop {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        _: &Transform,
        _: f64,
        _: f64,
        _: f64,
        _: &str,
    ) -> Result<(), OutputError> {
        self.0 += 1;
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let t = std::time::Instant::now();
        let doc = pdf_extract::Document::load_mem(&bytes).unwrap();
        let t1 = t.elapsed();
        let mut n = Nop(0);
        pdf_extract::output_doc(&doc, &mut n).unwrap();
        let t2 = t.elapsed();
        let t3 = std::time::Instant::now();
        let _ = treatyview::import::import_any(&bytes, None);
        println!(
            "{path}: load {:?} extract {:?} total-import {:?} chars {}",
            t1,
            t2 - t1,
            t3.elapsed(),
            n.0
        );
    }
}
