//! Synthetic documents for benchmarks, made from the embedded seed
//! (CAT/C/KAZ/CO/4) with a small deterministic generator.
//!
//! - [`generate`]: many documents of the seed's shape (its sections,
//!   headings, paragraphs, items, footnotes, kinds, articles and pairs) with
//!   varied words and sentence order, each with its own symbol and State.
//! - [`large_document`]: one document of a given size, the seed's
//!   principal subjects repeated with varied words and renumbered.
//! - [`long_paragraph`]: the seed with one paragraph stretched to an exact
//!   number of characters.
//! - [`to_text`]: a document back in the text-export format the importer
//!   reads, so that the import itself can be timed.
//!
//! Everything here is a pure function of its arguments: the same call gives
//! the same documents on every machine. Nothing here is used by the
//! browser; it exists for `cargo bench` and `examples/gen_corpus.rs`, as a
//! development-only crate of the workspace (a dev-dependency of
//! treatyview), so the library carries none of it.

#![warn(missing_docs)]

use treatyview::document::{Document, Footnote, Inline, Item, Kind, Paragraph, Topic, plain};
use treatyview::import::enrich::{parse_articles, symbols};
use treatyview::library::Library;

/// The phrase that [`generate`] keeps in some documents and replaces in
/// others, so that a search for it has a real, partial hit set.
pub const PARTIAL_PHRASE: &str = "solitary confinement";

/// What [`PARTIAL_PHRASE`] becomes in the documents that drop it.
const PHRASE_STAND_IN: &str = "disciplinary isolation";

/// Share of words replaced, per thousand, in [`large_document`] and
/// [`long_paragraph`]. [`generate`] picks a rate per document around it.
const RATE: u32 = 300;

/// Words the importer reads to derive kinds, articles and follow-up marks:
/// never replaced, so that an import of [`to_text`] derives what the
/// generated document already holds.
const KEPT: [&str; 15] = [
    "should",
    "urges",
    "urged",
    "recommends",
    "reiterates",
    "previous",
    "recommendation",
    "recommendations",
    "calls",
    "upon",
    "concern",
    "concerned",
    "concerns",
    "paras",
    "para",
];

/// Substrings no replacement word may contain (the importer looks for
/// them anywhere in a paragraph's text).
const ASKS: [&str; 7] = [
    "should",
    "urges",
    "urged",
    "recommend",
    "reiterate",
    "calls",
    "concern",
];

/// Syllables of the synthetic words and State names.
const SYLLABLES: [&str; 24] = [
    "ka", "ro", "ven", "til", "mar", "so", "quen", "dra", "lis", "po", "ner", "tu", "vax", "mi",
    "sel", "dor", "ub", "gra", "fen", "ly", "zo", "bek", "ham", "ost",
];

/// Endings of the synthetic State names.
const STATE_ENDINGS: [&str; 6] = ["ia", "stan", "land", "ica", "ora", "istan"];

/// `SplitMix64`: small, fast, and good enough to vary text.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `per_mille / 1000`.
    fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille as usize
    }
}

/// The seed document, CAT/C/KAZ/CO/4, as embedded in the binary.
///
/// # Panics
/// Only if the embedded asset is broken, which `cargo test` rules out.
#[must_use]
pub fn seed_document() -> Document {
    Library::embedded()
        .documents
        .into_iter()
        .next()
        .expect("the embedded library holds the seed")
}

/// Words to draw replacements from: the seed's own lowercase words,
/// repeated as often as the seed uses them, and synthetic words.
struct Vocabulary {
    words: Vec<String>,
    synthetic: Vec<String>,
}

impl Vocabulary {
    fn new(doc: &Document) -> Self {
        let mut words = Vec::new();
        for unit in doc.units() {
            for word in unit.plain().split(|c: char| !c.is_alphabetic()) {
                let lower = word.chars().next().is_some_and(char::is_lowercase);
                if lower && word.chars().count() >= 4 && !ASKS.iter().any(|a| word.contains(a)) {
                    words.push(word.to_string());
                }
            }
        }
        let mut rng = Rng::new(0x5EED_0FC0_FFEE);
        let synthetic = (0..400).map(|_| synthetic_word(&mut rng)).collect();
        Self { words, synthetic }
    }

    fn pick(&self, rng: &mut Rng) -> &str {
        if rng.chance(150) {
            &self.synthetic[rng.below(self.synthetic.len())]
        } else {
            &self.words[rng.below(self.words.len())]
        }
    }
}

fn synthetic_word(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(3);
    (0..syllables)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

fn state_name(rng: &mut Rng) -> String {
    let stem = synthetic_word(rng);
    let mut name = capitalise(&stem);
    name.push_str(STATE_ENDINGS[rng.below(STATE_ENDINGS.len())]);
    name
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Three capital letters for document number `i`: `AAA`, `AAB`, …
fn code(i: usize) -> String {
    let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
    [letter(i / 676), letter(i / 26), letter(i)]
        .iter()
        .collect()
}

/// How one document's text is varied.
struct Variant<'a> {
    rng: Rng,
    vocabulary: &'a Vocabulary,
    /// Words replaced, per thousand.
    rate: u32,
    /// Sentences shuffled in this share of texts, per thousand.
    shuffle: u32,
    /// `(from, to)` whole-word replacement of the seed's State name.
    state: Option<(String, String)>,
    /// Replace [`PARTIAL_PHRASE`] by a stand-in.
    drop_phrase: bool,
}

impl<'a> Variant<'a> {
    /// Words replaced at [`RATE`], the State name and the phrase kept.
    fn plain(rng: Rng, vocabulary: &'a Vocabulary, shuffle: u32) -> Self {
        Variant {
            rng,
            vocabulary,
            rate: RATE,
            shuffle,
            state: None,
            drop_phrase: false,
        }
    }

    /// Vary running text; footnote references stay where they are.
    fn inlines(&mut self, text: &[Inline]) -> Vec<Inline> {
        text.iter()
            .map(|piece| match piece {
                Inline::Text(t) => Inline::Text(self.text(t)),
                Inline::Note(n) => Inline::Note(*n),
            })
            .collect()
    }

    fn items(&mut self, items: &[Item]) -> Vec<Item> {
        items
            .iter()
            .map(|item| Item {
                heading: item.heading.as_deref().map(|h| self.text(h)),
                label: item.label.clone(),
                text: self.inlines(&item.text),
                items: self.items(&item.items),
                follow_up: item.follow_up,
            })
            .collect()
    }

    /// A paragraph with varied text. The follow-up paragraph is only
    /// renamed: the importer reads its list of paragraph numbers.
    fn paragraph(&mut self, p: &Paragraph) -> Paragraph {
        if p.kind == Kind::FollowUp {
            let (rate, shuffle) = (self.rate, self.shuffle);
            self.rate = 0;
            self.shuffle = 0;
            let out = self.paragraph_inner(p);
            self.rate = rate;
            self.shuffle = shuffle;
            out
        } else {
            self.paragraph_inner(p)
        }
    }

    fn paragraph_inner(&mut self, p: &Paragraph) -> Paragraph {
        Paragraph {
            text: self.inlines(&p.text),
            items: self.items(&p.items),
            ..p.clone()
        }
    }

    /// Only the phrase and the State change in headings and titles.
    fn label_text(&self, text: &str) -> String {
        let text = self.phrase(text);
        match &self.state {
            Some((from, to)) => text.replace(from.as_str(), to),
            None => text,
        }
    }

    fn phrase(&self, text: &str) -> String {
        if self.drop_phrase {
            text.replace(PARTIAL_PHRASE, PHRASE_STAND_IN)
                .replace(&capitalise(PARTIAL_PHRASE), &capitalise(PHRASE_STAND_IN))
        } else {
            text.to_string()
        }
    }

    /// Vary one run of text: shuffle its sentences, then replace words.
    /// A closing articles parenthesis (`(arts. 2 and 16).`) is kept as is.
    fn text(&mut self, text: &str) -> String {
        let text = self.phrase(text);
        let keep_from = parse_articles(&text)
            .and_then(|_| text.rfind('('))
            .unwrap_or(text.len());
        let (head, tail) = text.split_at(keep_from);
        let head = if self.rng.chance(self.shuffle) {
            self.shuffle_sentences(head)
        } else {
            head.to_string()
        };
        let mut out = self.replace_words(&head);
        out.push_str(tail);
        out
    }

    /// Swap two sentences of a text of three or more; the last sentence
    /// stays last and the surrounding white space stays put.
    fn shuffle_sentences(&mut self, text: &str) -> String {
        let core = text.trim();
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, _) in core.match_indices(". ") {
            let next = core[i + 2..].chars().next();
            if next.is_some_and(char::is_uppercase) {
                sentences.push(&core[start..=i]);
                start = i + 2;
            }
        }
        sentences.push(&core[start..]);
        if sentences.len() < 3 {
            return text.to_string();
        }
        let movable = sentences.len() - 1;
        let a = self.rng.below(movable);
        let b = self.rng.below(movable);
        sentences.swap(a, b);
        format!("{lead}{}{trail}", sentences.join(" "))
    }

    fn replace_words(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut word_start = None;
        for (i, c) in text.char_indices() {
            if c.is_alphabetic() {
                word_start.get_or_insert(i);
                continue;
            }
            if let Some(start) = word_start.take() {
                self.push_word(&mut out, &text[start..i]);
            }
            out.push(c);
        }
        if let Some(start) = word_start {
            self.push_word(&mut out, &text[start..]);
        }
        out
    }

    fn push_word(&mut self, out: &mut String, word: &str) {
        if let Some((from, to)) = &self.state
            && word == from
        {
            out.push_str(to);
            return;
        }
        let replaceable = word.chars().count() >= 4
            && !KEPT.contains(&word.to_lowercase().as_str())
            && self.rng.chance(self.rate);
        if !replaceable {
            out.push_str(word);
            return;
        }
        let new = self.vocabulary.pick(&mut self.rng);
        if word.chars().next().is_some_and(char::is_uppercase) {
            out.push_str(&capitalise(new));
        } else {
            out.push_str(new);
        }
    }
}

/// `n` documents of the seed's shape with varied words, deterministic from
/// `seed`. Document `i` is the same whatever `n` is.
///
/// Each document has its own State (a made-up name, also put in the title
/// and text in place of "Kazakhstan") and symbol `CAT/C/XYZ/CO/4`, where
/// `XYZ` is three letters from `i` (unique for up to 17,576 documents);
/// the footnotes cite `CAT/C/XYZ/…` so the importer derives the same
/// symbol. Per document, 15–45 % of the words of four letters or more are
/// replaced with words of the seed or synthetic words, sentences are
/// swapped in about a third of the texts, and one document in four says
/// "disciplinary isolation" where the seed says [`PARTIAL_PHRASE`].
///
/// The seed has 100 units (paragraphs and items) and about 44 KB of unit
/// text, so 1,000 documents hold 100,000 units and about 44 MB.
#[must_use]
pub fn generate(n: usize, seed: u64) -> Vec<Document> {
    let base = seed_document();
    let vocabulary = Vocabulary::new(&base);
    (0..n)
        .map(|i| {
            let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0xA076_1D64_78BD_642F));
            let state = state_name(&mut rng);
            let variant = Variant {
                rate: 150 + rng.below(301) as u32,
                shuffle: 300,
                drop_phrase: rng.chance(250),
                state: Some((base.state.clone(), state)),
                vocabulary: &vocabulary,
                rng,
            };
            vary_document(&base, variant, &code(i))
        })
        .collect()
}

fn vary_document(base: &Document, mut variant: Variant<'_>, code: &str) -> Document {
    let from = format!("CAT/C/{}/", base_code(base));
    let to = format!("CAT/C/{code}/");
    let mut doc = base.clone();
    doc.symbol = base.symbol.replace(&from, &to);
    doc.title = variant.label_text(&base.title);
    doc.state = variant
        .state
        .as_ref()
        .map_or_else(|| base.state.clone(), |(_, s)| s.clone());
    for section in &mut doc.sections {
        for topic in &mut section.topics {
            topic.heading = topic.heading.as_deref().map(|h| variant.label_text(h));
            for p in &mut topic.paragraphs {
                *p = variant.paragraph(p);
            }
        }
    }
    for f in &mut doc.footnotes {
        f.text = f.text.replace(&from, &to);
        f.ibid_of = f.ibid_of.as_ref().map(|s| s.replace(&from, &to));
    }
    doc
}

/// `KAZ` for `CAT/C/KAZ/CO/4`.
fn base_code(doc: &Document) -> &str {
    doc.symbol.split('/').nth(2).unwrap_or("")
}

/// Plain text bytes of a paragraph and its items.
fn paragraph_bytes(p: &Paragraph) -> usize {
    fn item_bytes(items: &[Item]) -> usize {
        items
            .iter()
            .map(|i| plain(&i.text).len() + item_bytes(&i.items))
            .sum()
    }
    plain(&p.text).len() + item_bytes(&p.items)
}

/// One document of about `target_bytes` of unit text: the seed's opening,
/// introduction and positive aspects, then its principal subjects repeated
/// (headings kept, words varied, paragraphs numbered on) until the size is
/// reached, then its follow-up and closing paragraphs. Footnote references
/// are numbered afresh in document order, each with a copy of the seed's
/// footnote. The first round keeps the seed's numbers and follow-up marks,
/// so the follow-up paragraph's list still names the right paragraphs.
///
/// A 10 MB document has about 9,500 paragraphs and 19,000 units (10.6 MB
/// as a text export).
#[must_use]
pub fn large_document(target_bytes: usize) -> Document {
    let base = seed_document();
    let vocabulary = Vocabulary::new(&base);
    let mut variant = Variant::plain(Rng::new(0x1A26_E0D0), &vocabulary, 300);
    let mut doc = base.clone();
    let mut size: usize = base.paragraphs().map(|(_, _, p)| paragraph_bytes(p)).sum();
    // The section that holds the subjects of concern.
    let Some(subjects) = doc.sections.iter().position(|s| {
        s.topics
            .iter()
            .flat_map(|t| &t.paragraphs)
            .any(|p| p.kind == Kind::Concern)
    }) else {
        return doc;
    };
    // Topics that hold follow-up or closing paragraphs stay before or after
    // the repeats, as in the seed; the others are repeated.
    let closing = |t: &Topic| {
        t.paragraphs
            .iter()
            .any(|p| matches!(p.kind, Kind::FollowUp | Kind::Other))
    };
    let topics_of = &base.sections[subjects].topics;
    let first = topics_of.iter().position(|t| !closing(t)).unwrap_or(0);
    let leading = &topics_of[..first];
    let (trailing, repeated): (Vec<Topic>, Vec<Topic>) =
        topics_of[first..].iter().cloned().partition(closing);
    let mut next = repeated
        .iter()
        .flat_map(|t| &t.paragraphs)
        .map(|p| p.number)
        .max()
        .map_or(1, |n| n + 1);
    let mut topics = leading.to_vec();
    topics.extend(repeated.iter().cloned());
    while size < target_bytes && !repeated.is_empty() {
        for topic in &repeated {
            let mut copy = Topic {
                heading: topic.heading.clone(),
                paragraphs: Vec::new(),
            };
            for p in &topic.paragraphs {
                let mut q = variant.paragraph(p);
                q.number = next;
                next += 1;
                clear_follow_up(&mut q);
                size += paragraph_bytes(&q);
                copy.paragraphs.push(q);
            }
            renumber_pairs(&mut copy, topic);
            topics.push(copy);
        }
    }
    // The follow-up and closing paragraphs come after the last copy.
    topics.extend(trailing);
    doc.sections[subjects].topics = topics;
    number_on(&mut doc);
    renumber_notes(&mut doc, &base);
    doc
}

/// Point the pairs of a copied topic at the copies: the paragraph at
/// position k of `copy` stands for the one at position k of `original`.
fn renumber_pairs(copy: &mut Topic, original: &Topic) {
    let numbers: Vec<(u32, u32)> = original
        .paragraphs
        .iter()
        .zip(&copy.paragraphs)
        .map(|(old, new)| (old.number, new.number))
        .collect();
    for p in &mut copy.paragraphs {
        for n in &mut p.pair {
            if let Some(&(_, new)) = numbers.iter().find(|(old, _)| old == n) {
                *n = new;
            }
        }
    }
}

/// Renumber paragraphs that do not follow their predecessor's number,
/// topic by topic, with their pairs.
fn number_on(doc: &mut Document) {
    let mut previous = 0;
    for section in &mut doc.sections {
        for topic in &mut section.topics {
            let original = topic.clone();
            let mut changed = false;
            for p in &mut topic.paragraphs {
                if p.number <= previous {
                    p.number = previous + 1;
                    changed = true;
                }
                previous = p.number;
            }
            if changed {
                renumber_pairs(topic, &original);
            }
        }
    }
}

fn clear_follow_up(p: &mut Paragraph) {
    fn clear(items: &mut [Item]) {
        for item in items {
            item.follow_up = false;
            clear(&mut item.items);
        }
    }
    p.follow_up = false;
    clear(&mut p.items);
}

/// Give every footnote reference its own number in document order, with a
/// copy of the footnote it cited in `base`, and resolve "Ibid." again.
fn renumber_notes(doc: &mut Document, base: &Document) {
    fn inlines(text: &mut [Inline], base: &Document, out: &mut Vec<Footnote>) {
        for piece in text {
            if let Inline::Note(n) = piece
                && let Some(f) = base.footnote(*n)
            {
                let number = out.len() as u32 + 1;
                out.push(Footnote {
                    number,
                    text: f.text.clone(),
                    ibid_of: None,
                });
                *n = number;
            }
        }
    }
    fn in_items(items: &mut [Item], base: &Document, out: &mut Vec<Footnote>) {
        for item in items {
            inlines(&mut item.text, base, out);
            in_items(&mut item.items, base, out);
        }
    }
    let mut footnotes = Vec::new();
    for section in &mut doc.sections {
        for topic in &mut section.topics {
            for p in &mut topic.paragraphs {
                inlines(&mut p.text, base, &mut footnotes);
                in_items(&mut p.items, base, &mut footnotes);
            }
        }
    }
    let mut last: Option<String> = None;
    for f in &mut footnotes {
        if f.text.trim_start().starts_with("Ibid") {
            f.ibid_of.clone_from(&last);
        } else if let Some(s) = symbols(&f.text).into_iter().next() {
            last = Some(s);
        }
    }
    doc.footnotes = footnotes;
}

/// The seed with one paragraph whose own text is exactly `chars`
/// characters long: the first concern paragraph without footnote
/// references (paragraph 9), its sentences repeated with varied words, and
/// its closing articles parenthesis kept at the end so that it stays a
/// concern on import. Below 18 characters (the parenthesis, a space and a
/// letter) the text is just the 16-character parenthesis.
///
/// # Panics
/// Only if the seed has no concern paragraph without footnotes.
#[must_use]
pub fn long_paragraph(chars: usize) -> Document {
    let mut doc = seed_document();
    let vocabulary = Vocabulary::new(&doc);
    let mut variant = Variant::plain(Rng::new(0x10_C4A5), &vocabulary, 1000);
    let p = doc
        .sections
        .iter_mut()
        .flat_map(|s| s.topics.iter_mut())
        .flat_map(|t| t.paragraphs.iter_mut())
        .find(|p| {
            p.kind == Kind::Concern
                && p.items.is_empty()
                && p.text.iter().all(|i| matches!(i, Inline::Text(_)))
        })
        .expect("the seed has a concern paragraph without footnotes");
    let text = plain(&p.text);
    let at = parse_articles(&text)
        .and_then(|_| text.rfind('('))
        .unwrap_or(text.len());
    let (head, tail) = text.split_at(at);
    let tail = format!(" {}", tail.trim());
    let want = chars.saturating_sub(tail.chars().count());
    let mut long = String::new();
    let mut count = 0;
    while count < want {
        let piece = variant.text(head.trim());
        if !long.is_empty() {
            long.push(' ');
            count += 1;
        }
        count += piece.chars().count();
        long.push_str(&piece);
    }
    let cut = long.char_indices().nth(want).map_or(long.len(), |(i, _)| i);
    long.truncate(cut);
    // The importer trims a paragraph's text: no white space at the cut
    // (one character for one, so the count holds).
    if long.ends_with(char::is_whitespace) {
        long.pop();
        long.push('x');
    }
    long.push_str(if long.is_empty() { tail.trim() } else { &tail });
    p.text = vec![Inline::Text(long)];
    doc
}

/// Numbers of the documents' units: all, and those in concerns and
/// recommendations (what a default-scope search reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stats {
    /// Documents.
    pub documents: usize,
    /// Paragraphs and items.
    pub units: usize,
    /// Units of concern and recommendation paragraphs.
    pub searchable_units: usize,
    /// Bytes of plain text in all units.
    pub text_bytes: usize,
}

/// Count units and text.
#[must_use]
pub fn stats(docs: &[Document]) -> Stats {
    let mut out = Stats {
        documents: docs.len(),
        ..Stats::default()
    };
    for doc in docs {
        for unit in doc.units() {
            out.units += 1;
            out.text_bytes += unit.plain().len();
            if matches!(unit.paragraph.kind, Kind::Concern | Kind::Recommendation) {
                out.searchable_units += 1;
            }
        }
    }
    out
}

/// The document in the treaty body's text-export format, which
/// [`treatyview::import::import`] reads back into the same tree: a committee
/// line, the title (with `*` when it has a note), `<TAB>A.<TAB>Title`
/// sections, tab-indented headings, `N.<TAB>text` paragraphs,
/// `<TAB>(a)<TAB>text` items and `(i)<TAB>text` sub-items, each footnote
/// cited as `[footnoteRef:N]` with its body `[N: <TAB><TAB>body]` at the end
/// of the line that first cites it (the title note in front of the first
/// body).
///
/// Limits of the format: line breaks and tabs inside text become spaces,
/// items deeper than sub-items are written as sub-items, and footnotes
/// that nothing cites (or a title note with no footnote to carry it) are
/// left out.
#[must_use]
pub fn to_text(doc: &Document) -> String {
    let mut writer = TextWriter {
        doc,
        out: String::new(),
        written: Vec::new(),
        title_note: doc.title_note.as_deref(),
    };
    writer.document();
    writer.out
}

struct TextWriter<'a> {
    doc: &'a Document,
    out: String,
    /// Footnotes whose bodies are written.
    written: Vec<u32>,
    /// The title note, until a body carries it.
    title_note: Option<&'a str>,
}

impl TextWriter<'_> {
    fn document(&mut self) {
        let doc = self.doc;
        self.out.push(' ');
        self.out.push_str(&clean(&doc.committee));
        self.out.push_str("\n\t\t");
        self.out.push_str(&clean(&doc.title));
        if doc.title_note.is_some() {
            self.out.push('*');
        }
        self.out.push('\n');
        for section in &doc.sections {
            if let Some(label) = &section.label {
                self.out
                    .push_str(&format!("\t{label}.\t{}\n", clean(&section.title)));
            }
            for topic in &section.topics {
                if let Some(heading) = &topic.heading {
                    self.out.push_str(&format!("\t\t{}\n", clean(heading)));
                }
                for p in &topic.paragraphs {
                    self.out.push_str(&format!("{}.\t", p.number));
                    self.line(&p.text);
                    self.items(&p.items, 1);
                }
            }
        }
    }

    fn items(&mut self, items: &[Item], depth: usize) {
        for item in items {
            if depth == 1 {
                self.out.push_str(&format!("\t({})\t", item.label));
            } else {
                self.out.push_str(&format!("({})\t", item.label));
            }
            self.line(&item.text);
            self.items(&item.items, depth + 1);
        }
    }

    /// Running text, then the bodies of the footnotes it cites first.
    fn line(&mut self, text: &[Inline]) {
        let mut bodies = Vec::new();
        for piece in text {
            match piece {
                Inline::Text(t) => self.out.push_str(&clean(t)),
                Inline::Note(n) => {
                    self.out.push_str(&format!("[footnoteRef:{n}]"));
                    if !self.written.contains(n) && !bodies.contains(n) {
                        bodies.push(*n);
                    }
                }
            }
        }
        for n in bodies {
            let Some(f) = self.doc.footnote(n) else {
                continue;
            };
            self.written.push(n);
            match self.title_note.take() {
                Some(note) => self.out.push_str(&format!(
                    " [{n}: \t*\t{}\n\t\t{}]",
                    clean(note),
                    clean(&f.text)
                )),
                None => self
                    .out
                    .push_str(&format!(" [{n}: \t\t{}]", clean(&f.text))),
            }
        }
        self.out.push('\n');
    }
}

/// Line breaks and tabs → spaces.
fn clean(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use treatyview::import::import;

    /// The first paragraph (or footnote, or header field) that differs.
    fn difference(a: &Document, b: &Document) -> Option<String> {
        let pa: Vec<_> = a.paragraphs().collect();
        let pb: Vec<_> = b.paragraphs().collect();
        for (x, y) in pa.iter().zip(&pb) {
            if x.1.heading != y.1.heading || x.0.title != y.0.title {
                return Some(format!(
                    "before paragraph {}: {:?} {:?} ≠ {:?} {:?}",
                    x.2.number, x.0.title, x.1.heading, y.0.title, y.1.heading
                ));
            }
            if x.2 != y.2 {
                let pieces = x.2.text.iter().zip(&y.2.text).find(|(i, j)| i != j);
                return Some(format!(
                    "paragraph {}: {pieces:?} {} {:?} {:?}",
                    x.2.number,
                    x.2 == y.2,
                    (
                        x.2.kind,
                        &x.2.articles,
                        x.2.follow_up,
                        &x.2.pair,
                        x.2.items.len()
                    ),
                    (
                        y.2.kind,
                        &y.2.articles,
                        y.2.follow_up,
                        &y.2.pair,
                        y.2.items.len()
                    )
                ));
            }
        }
        for (x, y) in a.footnotes.iter().zip(&b.footnotes) {
            if x != y {
                return Some(format!("{x:?} ≠ {y:?}"));
            }
        }
        let head = |d: &Document| {
            format!(
                "{} {} {} {} {:?} {} {} {}",
                d.format,
                d.symbol,
                d.committee,
                d.state,
                d.title_note,
                d.title,
                d.footnotes.len(),
                d.sections.len()
            )
        };
        (a != b).then(|| format!("{} ≠ {}", head(a), head(b)))
    }

    fn same(a: &Document, b: &Document) {
        if let Some(d) = difference(a, b) {
            panic!("{d}");
        }
    }

    fn has_phrase(doc: &Document) -> bool {
        doc.units()
            .iter()
            .any(|u| u.plain().to_lowercase().contains(PARTIAL_PHRASE))
    }

    #[test]
    fn the_seed_has_the_counts_the_docs_state() {
        let s = stats(&[seed_document()]);
        assert_eq!(s.units, 100);
        assert!((40_000..48_000).contains(&s.text_bytes), "{s:?}");
    }

    #[test]
    fn generated_documents_keep_the_seeds_shape() {
        let seed = seed_document();
        let docs = generate(12, 7);
        let seed_units = seed.units();
        for doc in &docs {
            let units = doc.units();
            assert_eq!(units.len(), seed_units.len());
            for (a, b) in units.iter().zip(&seed_units) {
                assert_eq!(a.reference, b.reference);
                assert_eq!(a.paragraph.kind, b.paragraph.kind);
                assert_eq!(a.paragraph.pair, b.paragraph.pair);
                assert_eq!(a.paragraph.articles, b.paragraph.articles);
            }
            assert_eq!(doc.footnotes.len(), seed.footnotes.len());
        }
        let symbols: std::collections::BTreeSet<_> = docs.iter().map(|d| &d.symbol).collect();
        assert_eq!(symbols.len(), docs.len(), "symbols are unique");
        assert_eq!(docs[0].symbol, "CAT/C/AAA/CO/4");
        // The words differ from the seed's and from each other's.
        let p = |d: &Document| plain(&d.paragraph(9).unwrap().text);
        assert_ne!(p(&docs[0]), p(&seed));
        assert_ne!(p(&docs[0]), p(&docs[1]));
    }

    #[test]
    fn generation_is_deterministic_and_independent_of_n() {
        let a = generate(5, 42);
        let b = generate(3, 42);
        assert_eq!(a[..3], b[..]);
        assert_ne!(generate(1, 43)[0], a[0]);
    }

    #[test]
    fn the_partial_phrase_is_in_some_documents_but_not_all() {
        let docs = generate(40, 1);
        let with = docs.iter().filter(|d| has_phrase(d)).count();
        assert!(with > 10 && with < 40, "{with} of 40");
    }

    #[test]
    fn the_seed_survives_a_round_trip_through_text() {
        let seed = seed_document();
        let back = import(&to_text(&seed), None).expect("imports");
        let texts = |d: &Document| -> Vec<String> {
            d.units()
                .iter()
                .map(treatyview::document::Unit::plain)
                .collect()
        };
        assert_eq!(texts(&back), texts(&seed));
        same(&back, &seed);
    }

    #[test]
    fn a_generated_document_survives_a_round_trip_through_text() {
        for doc in generate(3, 9) {
            let back = import(&to_text(&doc), None).expect("imports");
            same(&back, &doc);
        }
    }

    #[test]
    fn a_large_document_has_its_size_and_imports() {
        let doc = large_document(200_000);
        let s = stats(std::slice::from_ref(&doc));
        assert!(s.text_bytes >= 200_000, "{s:?}");
        assert!(s.units > 300, "{s:?}");
        let numbers: Vec<u32> = doc.paragraphs().map(|(_, _, p)| p.number).collect();
        assert!(numbers.windows(2).all(|w| w[0] < w[1]), "numbers rise");
        let back = import(&to_text(&doc), None).expect("imports");
        same(&back, &doc);
    }

    #[test]
    fn a_long_paragraph_has_exactly_the_length_asked() {
        for chars in [3, 5_000, 12_345] {
            let doc = long_paragraph(chars);
            let long = plain(&doc.paragraph(9).unwrap().text);
            assert_eq!(long.chars().count(), chars.max(16));
            assert!(long.ends_with("(arts. 1 and 4)."));
        }
        let doc = long_paragraph(5_000);
        let back = import(&to_text(&doc), None).expect("imports");
        same(&back, &doc);
    }
}
