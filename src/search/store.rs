//! The index's data as one little-endian byte buffer.
//!
//! The same bytes serve the index built in memory and the index read back
//! from the cache file: nothing is decoded on load but a few small
//! tables, so a cached search over a thousand documents starts in a few
//! milliseconds instead of parsing every document again. From the file,
//! [`Store::read`] reads the head and every section but the three big
//! ones (`TOKENS`, `POSTINGS`, `EXTRA`: three quarters of the file),
//! which stay there and are read as searches ask (`super::pieces`).
//!
//! Layout: `TVIX`, format version (u32), stamp length (u32), stamp bytes
//! (what the cache was made from), section count (u32), then per section
//! its start and length (u64 each), then the sections:
//!
//! | section | content |
//! |---|---|
//! | `FIXED` | per unit 32 bytes: doc, paragraph, heading unit, footnote (u32; `u32::MAX` for none), kind, unit kind, scope bits, place kind (u8), then the place in the document (three u32: see [`Place`]) |
//! | `SOURCE_STARTS`, `SOURCES` | u32 offsets (documents + 1) into each document's source file, its canonical path (empty when there is none) |
//! | `EXTRA_STARTS`, `EXTRA` | u32 offsets into: article count (u8), articles (u32), reference length (u8) and bytes, labels joined by tabs |
//! | `TOKEN_STARTS` | u32 counts (units + 1): the words before each unit |
//! | `TOKEN_BYTES`, `TOKENS` | u32 offsets (units + 1) into the units' word ids, each a LEB128 varint |
//! | `VOCAB_STARTS`, `VOCAB` | u32 offsets (words + 1) into the folded words |
//! | `SORTED` | word ids in word order (u32) |
//! | `POSTING_STARTS` | u32 counts (words + 1): the (unit, occurrences) pairs before each word's |
//! | `POSTING_BYTES`, `POSTINGS` | u32 offsets (words + 1) into each word's pairs: the unit as a varint difference from the one before (the first from 0), then the occurrences as a varint |
//! | `SYMBOL_STARTS`, `SYMBOLS` | u32 offsets (documents + 1) into the document symbols |
//! | `LANGS` | the languages with forms in the documents, as positions in `forms::LANGUAGES` (u32) |
//! | `STEM_STARTS`, `STEMS` | u32 offsets (stems + 1) into the folded stems, in byte order |
//! | `FORM_STARTS`, `FORMS` | u32 offsets (languages × stems + 1) into word ids (u32): per language, per stem, the words of the documents in that language with that stem |
//! | `META_STARTS`, `META` | u32 offsets (documents + 1) into each document's committee code, State and year, joined by tabs (empty for unknown), for the `committee:`, `state:` and `year:` filters |

use super::HitUnit;
use super::pieces::{self, Pieces};
use crate::document::Kind;
use std::borrow::Cow;
use std::ops::Range;

const MAGIC: &[u8; 4] = b"TVIX";
/// Bumped whenever the layout or the meaning of a field changes.
/// 2: word forms (`LANGS`, `STEMS`, `FORMS`).
/// 3: documents' committee, State and year (`META`).
/// 4: word ids and postings as varints (`TOKEN_BYTES`, `POSTING_BYTES`),
///    about 40% of the index's size.
/// 5: no unit text (the documents hold it: 60% of the index's size);
///    each document's source file instead (`SOURCES`).
pub const VERSION: u32 = 5;

const FIXED: usize = 0;
const SOURCE_STARTS: usize = 1;
const SOURCES: usize = 2;
const EXTRA_STARTS: usize = 3;
const EXTRA: usize = 4;
const TOKEN_STARTS: usize = 5;
const TOKENS: usize = 6;
const VOCAB_STARTS: usize = 7;
const VOCAB: usize = 8;
const SORTED: usize = 9;
const POSTING_STARTS: usize = 10;
const POSTINGS: usize = 11;
const SYMBOL_STARTS: usize = 12;
const SYMBOLS: usize = 13;
const LANGS: usize = 14;
const STEM_STARTS: usize = 15;
const STEMS: usize = 16;
const FORM_STARTS: usize = 17;
const FORMS: usize = 18;
const META_STARTS: usize = 19;
const META: usize = 20;
const TOKEN_BYTES: usize = 21;
const POSTING_BYTES: usize = 22;
const SECTIONS: usize = 23;

const FIXED_SIZE: usize = 32;
const NONE: u32 = u32::MAX;

/// The fixed-size facts of a unit.
#[derive(Debug, Clone, Copy)]
pub struct Fixed {
    pub doc: u32,
    pub paragraph: u32,
    pub heading: Option<u32>,
    pub unit: HitUnit,
    pub kind: Kind,
    pub scopes: u8,
}

/// Where a unit is in its document, to read its text back from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The heading of the document's `topic`-th topic (counted across
    /// sections).
    Heading { topic: u32 },
    /// The `unit`-th unit of the `paragraph`-th paragraph of a topic (see
    /// `Document::paragraph_units`), or (`item_heading`) the heading
    /// set above that item.
    Unit {
        topic: u32,
        paragraph: u32,
        unit: u32,
        item_heading: bool,
    },
    /// The `n`-th footnote.
    Footnote(u32),
}

/// One unit as the builder hands it over.
pub struct NewUnit<'a> {
    pub fixed: Fixed,
    pub place: Place,
    pub articles: &'a [u32],
    pub reference: &'a str,
    pub labels: &'a [String],
    pub tokens: &'a [u32],
}

/// The word forms of an index, as the builder hands them over.
pub struct Forms<'a> {
    /// Languages, as positions in `forms::LANGUAGES`.
    pub languages: &'a [u32],
    /// Distinct stems, sorted.
    pub stems: &'a [String],
    /// Per language, per stem: word ids (`languages × stems` lists).
    pub groups: &'a [Vec<u32>],
}

/// What the filters need to know of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DocMeta<'a> {
    /// Symbol, e.g. `CAT/C/KAZ/CO/4`.
    pub symbol: &'a str,
    /// Committee code (`CAT`), empty when unknown.
    pub committee: &'a str,
    /// State or organisation.
    pub state: &'a str,
    /// Year of adoption.
    pub year: Option<u32>,
}

/// Writes sections while the index is built.
#[derive(Default)]
pub struct Writer {
    sections: Vec<Vec<u8>>,
    units: u32,
    /// Word occurrences so far.
    tokens: u32,
}

/// Append `value` as a LEB128 varint: seven bits a byte, low first, the
/// high bit set on every byte but the last.
fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The bytes `value` takes as a varint.
fn varint_len(value: u32) -> usize {
    (32 - (value | 1).leading_zeros()).div_ceil(7) as usize
}

/// Write `value` as a varint at `*at` in `out`, moving past it.
fn put_varint_at(out: &mut [u8], at: &mut usize, mut value: u32) {
    while value >= 0x80 {
        out[*at] = (value as u8) | 0x80;
        *at += 1;
        value >>= 7;
    }
    out[*at] = value as u8;
    *at += 1;
}

/// Read a varint at `*at`, moving past it; `None` at the end of `bytes`
/// or for a varint longer than a u32 (damaged bytes).
fn varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

fn put(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put64(out: &mut Vec<u8>, value: u64) {
    out.extend_from_slice(&value.to_le_bytes());
}

impl Writer {
    /// An empty writer.
    #[must_use]
    pub fn new() -> Writer {
        let mut sections = vec![Vec::new(); SECTIONS];
        for s in [
            EXTRA_STARTS,
            TOKEN_STARTS,
            VOCAB_STARTS,
            POSTING_STARTS,
            SYMBOL_STARTS,
            STEM_STARTS,
            FORM_STARTS,
            META_STARTS,
            SOURCE_STARTS,
            TOKEN_BYTES,
            POSTING_BYTES,
        ] {
            put(&mut sections[s], 0);
        }
        Writer {
            sections,
            units: 0,
            tokens: 0,
        }
    }

    /// Add a unit; returns its id.
    pub fn unit(&mut self, unit: &NewUnit<'_>) -> u32 {
        let s = &mut self.sections;
        let f = unit.fixed;
        put(&mut s[FIXED], f.doc);
        put(&mut s[FIXED], f.paragraph);
        put(&mut s[FIXED], f.heading.unwrap_or(NONE));
        put(
            &mut s[FIXED],
            match f.unit {
                HitUnit::Footnote(n) => n,
                _ => NONE,
            },
        );
        let kind = Kind::ALL.iter().position(|k| *k == f.kind).unwrap_or(5) as u8;
        let tag = match f.unit {
            HitUnit::Paragraph => 0,
            HitUnit::Item => 1,
            HitUnit::Heading => 2,
            HitUnit::Footnote(_) => 3,
        };
        let (place, numbers) = match unit.place {
            Place::Heading { topic } => (0, [topic, 0, 0]),
            Place::Unit {
                topic,
                paragraph,
                unit,
                item_heading,
            } => (1 + u8::from(item_heading), [topic, paragraph, unit]),
            Place::Footnote(n) => (3, [n, 0, 0]),
        };
        s[FIXED].extend_from_slice(&[kind, tag, f.scopes, place]);
        for number in numbers {
            put(&mut s[FIXED], number);
        }
        let articles = &unit.articles[..unit.articles.len().min(255)];
        s[EXTRA].push(articles.len() as u8);
        for a in articles {
            put(&mut s[EXTRA], *a);
        }
        let reference = &unit.reference.as_bytes()[..unit.reference.len().min(255)];
        s[EXTRA].push(reference.len() as u8);
        s[EXTRA].extend_from_slice(reference);
        s[EXTRA].extend_from_slice(unit.labels.join("\t").as_bytes());
        let v = s[EXTRA].len() as u32;
        put(&mut s[EXTRA_STARTS], v);
        for t in unit.tokens {
            put_varint(&mut s[TOKENS], *t);
        }
        let v = s[TOKENS].len() as u32;
        put(&mut s[TOKEN_BYTES], v);
        self.tokens += unit.tokens.len() as u32;
        put(&mut s[TOKEN_STARTS], self.tokens);
        self.units += 1;
        self.units - 1
    }

    /// Each word's (unit, occurrences) pairs, made from the units' words
    /// in two passes (sizes, then bytes) into one buffer of the exact
    /// size: no list per word, whose leftovers a build would keep.
    fn postings(&mut self, words: usize) {
        let s = &mut self.sections;
        let units = (s[TOKEN_BYTES].len() / 4).saturating_sub(1);
        let unit_words = |u: usize, out: &mut Vec<u32>| {
            out.clear();
            let (a, b) = (
                u32_at(&s[TOKEN_BYTES], u * 4) as usize,
                u32_at(&s[TOKEN_BYTES], u * 4 + 4) as usize,
            );
            let mut at = a;
            while at < b
                && let Some(id) = varint(&s[TOKENS], &mut at)
            {
                if (id as usize) < words {
                    out.push(id);
                }
            }
            out.sort_unstable();
        };
        let mut ids = Vec::new();
        let (mut bytes, mut pairs, mut last) =
            (vec![0; words], vec![0u32; words], vec![0u32; words]);
        for u in 0..units {
            unit_words(u, &mut ids);
            for run in ids.chunk_by(|a, b| a == b) {
                let w = run[0] as usize;
                bytes[w] += varint_len(u as u32 - last[w]) + varint_len(run.len() as u32);
                pairs[w] += 1;
                last[w] = u as u32;
            }
        }
        let mut starts = Vec::with_capacity(words);
        let mut total = 0;
        for size in &bytes {
            starts.push(total);
            total += size;
        }
        let mut out = vec![0u8; total];
        last.fill(0);
        for u in 0..units {
            unit_words(u, &mut ids);
            for run in ids.chunk_by(|a, b| a == b) {
                let w = run[0] as usize;
                put_varint_at(&mut out, &mut starts[w], u as u32 - last[w]);
                put_varint_at(&mut out, &mut starts[w], run.len() as u32);
                last[w] = u as u32;
            }
        }
        let mut counted = 0u32;
        for (pairs, end) in pairs.iter().zip(&starts) {
            counted += pairs;
            put(&mut s[POSTING_STARTS], counted);
            // Each word's start has moved to its end, the next one's start.
            put(&mut s[POSTING_BYTES], *end as u32);
        }
        s[POSTINGS] = out;
    }

    /// Finish with the vocabulary, documents (with their source files,
    /// where they have one) and word forms; the postings are made from
    /// the units' words.
    #[must_use]
    pub fn finish(
        mut self,
        stamp: &[u8],
        vocab: &[String],
        documents: &[(DocMeta<'_>, &[u8])],
        forms: &Forms<'_>,
    ) -> Vec<u8> {
        self.postings(vocab.len());
        let s = &mut self.sections;
        for l in forms.languages {
            put(&mut s[LANGS], *l);
        }
        for stem in forms.stems {
            s[STEMS].extend_from_slice(stem.as_bytes());
            let v = s[STEMS].len() as u32;
            put(&mut s[STEM_STARTS], v);
        }
        for group in forms.groups {
            for id in group {
                put(&mut s[FORMS], *id);
            }
            let v = (s[FORMS].len() / 4) as u32;
            put(&mut s[FORM_STARTS], v);
        }
        for word in vocab {
            s[VOCAB].extend_from_slice(word.as_bytes());
            let v = s[VOCAB].len() as u32;
            put(&mut s[VOCAB_STARTS], v);
        }
        let mut sorted: Vec<u32> = (0..vocab.len() as u32).collect();
        sorted.sort_unstable_by(|a, b| vocab[*a as usize].cmp(&vocab[*b as usize]));
        for id in sorted {
            put(&mut s[SORTED], id);
        }
        for (doc, source) in documents {
            s[SOURCES].extend_from_slice(source);
            let v = s[SOURCES].len() as u32;
            put(&mut s[SOURCE_STARTS], v);
            s[SYMBOLS].extend_from_slice(doc.symbol.as_bytes());
            let v = s[SYMBOLS].len() as u32;
            put(&mut s[SYMBOL_STARTS], v);
            // Tabs and line ends cannot be in one field: they separate.
            let clean = |t: &str| t.replace(['\t', '\n', '\r'], " ");
            let year = doc.year.map(|y| y.to_string()).unwrap_or_default();
            let meta = format!("{}\t{}\t{year}", clean(doc.committee), clean(doc.state));
            s[META].extend_from_slice(meta.as_bytes());
            let v = s[META].len() as u32;
            put(&mut s[META_STARTS], v);
        }
        let header = 4 + 4 + 4 + stamp.len() + 4 + SECTIONS * 16;
        let total = header + s.iter().map(Vec::len).sum::<usize>();
        let mut out = Vec::with_capacity(total);
        out.extend_from_slice(MAGIC);
        put(&mut out, VERSION);
        put(&mut out, stamp.len() as u32);
        out.extend_from_slice(stamp);
        put(&mut out, SECTIONS as u32);
        let mut at = header as u64;
        for section in s.iter() {
            put64(&mut out, at);
            put64(&mut out, section.len() as u64);
            at += section.len() as u64;
        }
        for section in std::mem::take(s) {
            out.extend_from_slice(&section);
        }
        out
    }
}

/// A word's (unit, occurrences) pairs, decoded as they are read; their
/// number is known without decoding them.
pub struct Postings<'a> {
    bytes: Cow<'a, [u8]>,
    at: usize,
    unit: u32,
    left: usize,
}

impl Iterator for Postings<'_> {
    type Item = (u32, u32);

    fn next(&mut self) -> Option<(u32, u32)> {
        if self.left == 0 {
            return None;
        }
        let step = varint(&self.bytes, &mut self.at)?;
        let count = varint(&self.bytes, &mut self.at)?;
        self.unit = self.unit.checked_add(step)?;
        self.left -= 1;
        Some((self.unit, count))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left))
    }

    fn count(self) -> usize {
        self.left
    }
}

/// Why bytes are not a usable index.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Not an index file at all, or cut short.
    #[error("not a treatyview index")]
    NotIndex,
    /// Written by another version of treatyview.
    #[error("index format {found}, this treatyview reads {VERSION}")]
    Version {
        /// The file's format version.
        found: u32,
    },
    /// A table that does not hold together.
    #[error("damaged index ({0})")]
    Damaged(&'static str),
    /// The file could not be read.
    #[error("index could not be read ({0})")]
    Read(std::io::ErrorKind),
}

/// Read-only view of an index: a buffer, or a file and the parts of it
/// read so far.
pub struct Store {
    bytes: Vec<u8>,
    sections: [Range<usize>; SECTIONS],
    units: usize,
    words: usize,
    docs: usize,
    stems: usize,
    languages: usize,
    stamp: Range<usize>,
    /// For an index read from its file: the big sections, left there
    /// and read as needed (their `sections` entries give only lengths).
    pieces: Option<Pieces>,
}

/// The sections an index file keeps on disk until a search needs them.
const LAZY: [usize; 3] = [TOKENS, POSTINGS, EXTRA];

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(b)
}

/// The stamp's place and each section's place in an index of `total`
/// bytes, from its first bytes (the stamp and the section table).
fn directory(
    head: &[u8],
    total: u64,
) -> Result<(Range<usize>, [Range<u64>; SECTIONS]), StoreError> {
    let read32 = |at: usize| -> Result<u32, StoreError> {
        head.get(at..at + 4)
            .map(|_| u32_at(head, at))
            .ok_or(StoreError::NotIndex)
    };
    if head.get(..4) != Some(MAGIC) {
        return Err(StoreError::NotIndex);
    }
    let version = read32(4)?;
    if version != VERSION {
        return Err(StoreError::Version { found: version });
    }
    let stamp_len = read32(8)? as usize;
    let stamp = 12..12usize.checked_add(stamp_len).ok_or(StoreError::NotIndex)?;
    let table = stamp.end;
    if read32(table)? as usize != SECTIONS {
        return Err(StoreError::Damaged("section count"));
    }
    let mut sections: [Range<u64>; SECTIONS] = std::array::from_fn(|_| 0..0);
    for (i, section) in sections.iter_mut().enumerate() {
        let at = table + 4 + i * 16;
        if head.len() < at + 16 {
            return Err(StoreError::NotIndex);
        }
        let start = u64_at(head, at);
        let end = start
            .checked_add(u64_at(head, at + 8))
            .ok_or(StoreError::NotIndex)?;
        if end > total {
            return Err(StoreError::NotIndex);
        }
        *section = start..end;
    }
    Ok((stamp, sections))
}

impl Store {
    /// Check a buffer's header and tables and use it.
    ///
    /// # Errors
    /// When the bytes are not an index this version can read; never
    /// panics on any input.
    pub fn open(bytes: Vec<u8>) -> Result<Store, StoreError> {
        let (stamp, sections) = directory(&bytes, bytes.len() as u64)?;
        let sections = sections.map(|r| r.start as usize..r.end as usize);
        Store::with(bytes, stamp, sections, None)
    }

    /// Open an index file, reading its head and small tables now and its
    /// big sections (`TOKENS`, `POSTINGS`, `EXTRA`) piece by piece as
    /// searches ask for them (see [`super::pieces`]).
    ///
    /// # Errors
    /// When the file cannot be read, or is not an index this version can
    /// read; never panics on any input.
    pub fn read(file: std::fs::File) -> Result<Store, StoreError> {
        let failed = |e: std::io::Error| StoreError::Read(e.kind());
        let total = file.metadata().map_err(failed)?.len();
        let mut start = [0u8; 12];
        if total < 12 {
            return Err(StoreError::NotIndex);
        }
        pieces::read_exact_at(&file, &mut start, 0).map_err(failed)?;
        let stamp_len = u64::from(u32_at(&start, 8));
        let head_len = 12 + stamp_len + 4 + SECTIONS as u64 * 16;
        if start[..4] != MAGIC[..] || head_len > total {
            // The version check comes first, as for bytes.
            directory(&start, total)?;
            return Err(StoreError::NotIndex);
        }
        let mut held = vec![0; usize::try_from(head_len).map_err(|_| StoreError::NotIndex)?];
        pieces::read_exact_at(&file, &mut held, 0).map_err(failed)?;
        let (stamp, in_file) = directory(&held, total)?;
        let mut sections: [Range<usize>; SECTIONS] = std::array::from_fn(|_| 0..0);
        let mut lazy = Vec::new();
        for (s, range) in in_file.iter().enumerate() {
            let len = usize::try_from(range.end - range.start).map_err(|_| StoreError::NotIndex)?;
            if LAZY.contains(&s) {
                // Only its length is used from `sections`.
                sections[s] = 0..len;
                lazy.push((s, range.clone()));
            } else {
                let at = held.len();
                held.resize(at + len, 0);
                pieces::read_exact_at(&file, &mut held[at..], range.start).map_err(failed)?;
                sections[s] = at..at + len;
            }
        }
        let read = held.len() as u64;
        held.shrink_to_fit();
        Store::with(held, stamp, sections, Some(Pieces::new(file, &lazy, read)))
    }

    fn with(
        bytes: Vec<u8>,
        stamp: Range<usize>,
        sections: [Range<usize>; SECTIONS],
        pieces: Option<Pieces>,
    ) -> Result<Store, StoreError> {
        let len = |s: usize| sections[s].len();
        if len(FIXED) % FIXED_SIZE != 0 {
            return Err(StoreError::Damaged("unit table"));
        }
        let units = len(FIXED) / FIXED_SIZE;
        let words = (len(VOCAB_STARTS) / 4).saturating_sub(1);
        let docs = (len(SYMBOL_STARTS) / 4).saturating_sub(1);
        let stems = (len(STEM_STARTS) / 4).saturating_sub(1);
        let languages = len(LANGS) / 4;
        let mut store = Store {
            bytes,
            sections,
            units,
            words,
            docs,
            stems,
            languages,
            stamp,
            pieces,
        };
        store.check()?;
        Ok(store)
    }

    /// Every offset table rises and ends inside its section, so no
    /// accessor can slice out of bounds.
    fn check(&mut self) -> Result<(), StoreError> {
        let rising = |starts: usize, count: usize, end: usize, what| {
            if self.section(starts).len() != (count + 1) * 4 {
                return Err(StoreError::Damaged(what));
            }
            let mut last = 0;
            for i in 0..=count {
                let v = self.u32(starts, i) as usize;
                if v < last || v > end {
                    return Err(StoreError::Damaged(what));
                }
                last = v;
            }
            Ok(())
        };
        // Each u32 offset table: its section, how many entries (one more
        // offset), the section it points into, the size of an entry there.
        let tables = [
            (EXTRA_STARTS, self.units, EXTRA, 1, "extra offsets"),
            (TOKEN_BYTES, self.units, TOKENS, 1, "token offsets"),
            (VOCAB_STARTS, self.words, VOCAB, 1, "word offsets"),
            (POSTING_BYTES, self.words, POSTINGS, 1, "posting offsets"),
            (SYMBOL_STARTS, self.docs, SYMBOLS, 1, "symbol offsets"),
            (META_STARTS, self.docs, META, 1, "document offsets"),
            (SOURCE_STARTS, self.docs, SOURCES, 1, "source offsets"),
            (STEM_STARTS, self.stems, STEMS, 1, "stem offsets"),
            (
                FORM_STARTS,
                self.languages * self.stems,
                FORMS,
                4,
                "form offsets",
            ),
        ];
        for (starts, count, into, size, what) in tables {
            rising(starts, count, self.sections[into].len() / size, what)?;
        }
        // Counts: a word id takes a byte or more, a pair two or more.
        rising(
            TOKEN_STARTS,
            self.units,
            self.sections[TOKENS].len(),
            "token counts",
        )?;
        rising(
            POSTING_STARTS,
            self.words,
            self.sections[POSTINGS].len() / 2,
            "posting counts",
        )?;
        if self.section(SORTED).len() != self.words * 4
            || (0..self.words).any(|i| self.u32(SORTED, i) as usize >= self.words)
        {
            return Err(StoreError::Damaged("word order"));
        }
        let vocab = &self.bytes[self.sections[VOCAB].clone()];
        for i in 0..self.words {
            let (a, b) = (
                self.u32(VOCAB_STARTS, i) as usize,
                self.u32(VOCAB_STARTS, i + 1) as usize,
            );
            if std::str::from_utf8(&vocab[a..b]).is_err() {
                return Err(StoreError::Damaged("words"));
            }
        }
        // Units come document by document: a document's units are found
        // by halving.
        let mut last = 0;
        for u in 0..self.units {
            let doc = u32_at(&self.bytes, self.sections[FIXED].start + u * FIXED_SIZE);
            if doc < last || doc as usize >= self.docs {
                return Err(StoreError::Damaged("unit documents"));
            }
            last = doc;
        }
        for d in 0..self.docs {
            if self.symbol_bytes(d).is_err() || self.meta_bytes(d).is_err() {
                return Err(StoreError::Damaged("symbols"));
            }
        }
        Ok(())
    }

    /// A section held in memory (never one of [`LAZY`] in a store read
    /// from its file).
    fn section(&self, s: usize) -> &[u8] {
        debug_assert!(self.pieces.as_ref().is_none_or(|p| !p.holds(s)));
        &self.bytes[self.sections[s].clone()]
    }

    /// Bytes `span` of section `s`, from memory or from the file.
    fn part(&self, s: usize, span: Range<usize>) -> Cow<'_, [u8]> {
        match &self.pieces {
            Some(pieces) if pieces.holds(s) => pieces.get(s, span),
            _ => Cow::Borrowed(&self.section(s)[span]),
        }
    }

    fn u32(&self, s: usize, i: usize) -> u32 {
        u32_at(&self.bytes, self.sections[s].start + i * 4)
    }

    /// Offsets `[i], [i + 1]` of a u32 offset table.
    fn span(&self, starts: usize, i: usize) -> Range<usize> {
        self.u32(starts, i) as usize..self.u32(starts, i + 1) as usize
    }

    /// The whole index as bytes, to write to the cache: only for an
    /// index held in memory, not one read from its file.
    #[must_use]
    pub fn bytes(&self) -> Option<&[u8]> {
        self.pieces.is_none().then_some(&self.bytes[..])
    }

    /// Bytes of the index held in memory.
    #[must_use]
    pub fn held(&self) -> usize {
        self.bytes.len() + self.pieces.as_ref().map_or(0, Pieces::held)
    }

    /// For an index read from its file, the bytes read from it so far.
    #[must_use]
    pub fn bytes_read(&self) -> Option<u64> {
        self.pieces.as_ref().map(Pieces::bytes_read)
    }

    /// Whether reading from the index's file failed (the file changed
    /// behind the index's back): what was asked for came back empty.
    #[must_use]
    pub fn failed(&self) -> bool {
        self.pieces.as_ref().is_some_and(Pieces::failed)
    }

    /// What the index was made from.
    #[must_use]
    pub fn stamp(&self) -> &[u8] {
        &self.bytes[self.stamp.clone()]
    }

    /// Number of units.
    #[must_use]
    pub fn units(&self) -> usize {
        self.units
    }

    /// Number of documents.
    #[must_use]
    pub fn documents(&self) -> usize {
        self.docs
    }

    /// Number of distinct words.
    #[must_use]
    pub fn words(&self) -> usize {
        self.words
    }

    /// Number of word occurrences.
    #[must_use]
    pub fn tokens(&self) -> usize {
        self.u32(TOKEN_STARTS, self.units) as usize
    }

    /// A unit's fixed facts.
    #[must_use]
    pub fn fixed(&self, u: u32) -> Fixed {
        let at = self.sections[FIXED].start + u as usize * FIXED_SIZE;
        let b = &self.bytes;
        let heading = u32_at(b, at + 8);
        let footnote = u32_at(b, at + 12);
        Fixed {
            doc: u32_at(b, at),
            paragraph: u32_at(b, at + 4),
            heading: (heading != NONE && (heading as usize) < self.units).then_some(heading),
            kind: Kind::ALL[usize::from(b[at + 16]).min(5)],
            unit: match b[at + 17] {
                0 => HitUnit::Paragraph,
                1 => HitUnit::Item,
                2 => HitUnit::Heading,
                _ => HitUnit::Footnote(footnote),
            },
            scopes: b[at + 18],
        }
    }

    /// Where a unit is in its document (`None` for damaged bytes).
    #[must_use]
    pub fn place(&self, u: u32) -> Option<Place> {
        let at = self.sections[FIXED].start + u as usize * FIXED_SIZE;
        let number = |i: usize| u32_at(&self.bytes, at + 20 + 4 * i);
        match self.bytes[at + 19] {
            0 => Some(Place::Heading { topic: number(0) }),
            tag @ (1 | 2) => Some(Place::Unit {
                topic: number(0),
                paragraph: number(1),
                unit: number(2),
                item_heading: tag == 2,
            }),
            3 => Some(Place::Footnote(number(0))),
            _ => None,
        }
    }

    /// Just the scope bits of a unit (the hot path of a search).
    #[must_use]
    pub fn scopes(&self, u: u32) -> u8 {
        self.bytes[self.sections[FIXED].start + u as usize * FIXED_SIZE + 18]
    }

    /// The units of document `d`, in order (none past the last).
    #[must_use]
    pub fn document_units(&self, d: usize) -> Range<u32> {
        let start = self.sections[FIXED].start;
        let first = |d: usize| {
            let (mut lo, mut hi) = (0, self.units);
            while lo < hi {
                let mid = usize::midpoint(lo, hi);
                if (u32_at(&self.bytes, start + mid * FIXED_SIZE) as usize) < d {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            lo as u32
        };
        first(d)..first(d + 1)
    }

    /// The file document `d` was read from, when there was one.
    #[must_use]
    pub fn source(&self, d: usize) -> Option<std::path::PathBuf> {
        if d >= self.docs {
            return None;
        }
        let bytes = &self.section(SOURCES)[self.span(SOURCE_STARTS, d)];
        if bytes.is_empty() {
            return None;
        }
        #[cfg(unix)]
        let path = std::path::PathBuf::from(
            <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes),
        );
        #[cfg(not(unix))]
        let path = std::path::PathBuf::from(String::from_utf8_lossy(bytes).into_owned());
        Some(path)
    }

    fn extra(&self, u: u32) -> Cow<'_, [u8]> {
        self.part(EXTRA, self.span(EXTRA_STARTS, u as usize))
    }

    /// Articles a unit engages.
    #[must_use]
    pub fn articles(&self, u: u32) -> Vec<u32> {
        let e = self.extra(u);
        let n = usize::from(e.first().copied().unwrap_or(0));
        (0..n)
            .filter_map(|i| e.get(1 + i * 4..5 + i * 4).map(|_| u32_at(&e, 1 + i * 4)))
            .collect()
    }

    /// A unit's reference and item labels.
    #[must_use]
    pub fn reference(&self, u: u32) -> (String, Vec<String>) {
        let e = self.extra(u);
        let n = usize::from(e.first().copied().unwrap_or(0));
        let at = (1 + n * 4).min(e.len());
        let len = usize::from(e.get(at).copied().unwrap_or(0));
        let reference = e.get(at + 1..at + 1 + len).unwrap_or_default();
        let labels = e.get(at + 1 + len..).unwrap_or_default();
        let labels = String::from_utf8_lossy(labels);
        (
            String::from_utf8_lossy(reference).into_owned(),
            if labels.is_empty() {
                Vec::new()
            } else {
                labels.split('\t').map(str::to_string).collect()
            },
        )
    }

    /// A unit's word ids, into `out` (cleared first).
    pub fn tokens_into(&self, u: u32, out: &mut Vec<u32>) {
        out.clear();
        let bytes = self.part(TOKENS, self.span(TOKEN_BYTES, u as usize));
        let mut at = 0;
        while let Some(id) = varint(&bytes, &mut at) {
            out.push(id);
        }
    }

    /// A vocabulary word.
    #[must_use]
    pub fn word(&self, id: u32) -> &str {
        let span = self.span(VOCAB_STARTS, id as usize);
        std::str::from_utf8(&self.section(VOCAB)[span]).unwrap_or_default()
    }

    /// The `i`-th word id in word order.
    #[must_use]
    pub fn sorted(&self, i: usize) -> u32 {
        self.u32(SORTED, i)
    }

    /// (unit, occurrences) of a word, units ascending.
    #[must_use]
    pub fn postings(&self, id: u32) -> Postings<'_> {
        let (bytes, left) = if (id as usize) < self.words {
            (
                self.part(POSTINGS, self.span(POSTING_BYTES, id as usize)),
                self.span(POSTING_STARTS, id as usize).len(),
            )
        } else {
            (Cow::Borrowed(&[][..]), 0)
        };
        Postings {
            bytes,
            at: 0,
            unit: 0,
            left,
        }
    }

    fn symbol_bytes(&self, d: usize) -> Result<&str, std::str::Utf8Error> {
        std::str::from_utf8(&self.section(SYMBOLS)[self.span(SYMBOL_STARTS, d)])
    }

    fn meta_bytes(&self, d: usize) -> Result<&str, std::str::Utf8Error> {
        std::str::from_utf8(&self.section(META)[self.span(META_STARTS, d)])
    }

    /// A document's symbol, committee, State and year.
    #[must_use]
    pub fn meta(&self, d: usize) -> DocMeta<'_> {
        if d >= self.docs {
            return DocMeta::default();
        }
        let mut fields = self.meta_bytes(d).unwrap_or_default().split('\t');
        let mut next = || fields.next().unwrap_or_default();
        DocMeta {
            symbol: self.symbol(d),
            committee: next(),
            state: next(),
            year: next().parse().ok(),
        }
    }

    /// The languages with forms, as positions in `forms::LANGUAGES`.
    #[must_use]
    pub fn languages(&self) -> Vec<usize> {
        (0..self.languages)
            .map(|i| self.u32(LANGS, i) as usize)
            .collect()
    }

    fn stem(&self, i: usize) -> &[u8] {
        &self.section(STEMS)[self.span(STEM_STARTS, i)]
    }

    /// The words of the documents in the `slot`-th language of
    /// [`Store::languages`] whose stem is `stem`.
    pub fn forms(&self, slot: usize, stem: &str) -> impl Iterator<Item = u32> + '_ {
        let (mut lo, mut hi) = (0, self.stems);
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            if self.stem(mid) < stem.as_bytes() {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let found = slot < self.languages && lo < self.stems && self.stem(lo) == stem.as_bytes();
        let span = if found {
            self.span(FORM_STARTS, slot * self.stems + lo)
        } else {
            0..0
        };
        let base = self.sections[FORMS].start;
        span.map(move |i| u32_at(&self.bytes, base + i * 4))
            .filter(|id| (*id as usize) < self.words)
    }

    /// Number of words in a unit.
    #[must_use]
    pub fn length(&self, u: u32) -> usize {
        self.span(TOKEN_STARTS, u as usize).len()
    }

    /// A document's symbol.
    #[must_use]
    pub fn symbol(&self, d: usize) -> &str {
        if d < self.docs {
            self.symbol_bytes(d).unwrap_or_default()
        } else {
            ""
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut w = Writer::new();
        let labels = vec!["a".to_string(), "iv".to_string()];
        w.unit(&NewUnit {
            fixed: Fixed {
                doc: 0,
                paragraph: 12,
                heading: None,
                unit: HitUnit::Item,
                kind: Kind::Recommendation,
                scopes: 9,
            },
            place: Place::Unit {
                topic: 3,
                paragraph: 1,
                unit: 4,
                item_heading: true,
            },
            articles: &[2, 16],
            reference: "12(a)(iv)",
            labels: &labels,
            tokens: &[0, 1],
        });
        w.finish(
            b"stamp",
            &["detention".into(), "provisoire".into()],
            &[(
                DocMeta {
                    symbol: "CAT/C/X/CO/1",
                    committee: "CAT",
                    state: "Côte d’Ivoire",
                    year: Some(2019),
                },
                b"/library/cat x.ron",
            )],
            &Forms {
                languages: &[0, 1],
                stems: &["detent".into(), "provisoir".into()],
                groups: &[vec![0], vec![1], vec![0], vec![]],
            },
        )
    }

    /// An index of one document whose unit `u` (paragraph and footnote
    /// `u`) holds the word ids `units[u]`, over the words `w0`, `w1`, ….
    fn plain(stamp: &[u8], words: usize, units: &[Vec<u32>]) -> Vec<u8> {
        let mut w = Writer::new();
        for (u, tokens) in (0..).zip(units) {
            w.unit(&NewUnit {
                fixed: Fixed {
                    doc: 0,
                    paragraph: u,
                    heading: None,
                    unit: HitUnit::Paragraph,
                    kind: Kind::Concern,
                    scopes: 1,
                },
                place: Place::Footnote(u),
                articles: &[],
                reference: "1",
                labels: &[],
                tokens,
            });
        }
        let vocab: Vec<String> = (0..words).map(|i| format!("w{i}")).collect();
        w.finish(
            stamp,
            &vocab,
            &[(DocMeta::default(), &[][..])],
            &Forms {
                languages: &[],
                stems: &[],
                groups: &[],
            },
        )
    }

    #[test]
    fn varints_read_back_and_a_cut_one_is_refused() {
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, 2_097_152, u32::MAX];
        let mut bytes = Vec::new();
        for v in values {
            put_varint(&mut bytes, v);
        }
        // One byte up to 127, two up to 16,383, five for the largest.
        assert_eq!(bytes.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 4 + 5);
        let mut at = 0;
        let read: Vec<u32> = std::iter::from_fn(|| varint(&bytes, &mut at)).collect();
        assert_eq!(read, values);
        // Cut inside the last varint: it is not read.
        let mut at = 0;
        let cut = &bytes[..bytes.len() - 1];
        assert_eq!(
            std::iter::from_fn(|| varint(cut, &mut at)).count(),
            values.len() - 1
        );
        // Six continuation bytes are not a u32.
        assert_eq!(varint(&[0xff; 6], &mut 0), None);
    }

    #[test]
    fn postings_are_units_ascending_with_their_counts() {
        // Word 0 is in units 0 (twice), 5, 129 (three times) and 299
        // (40,000 times: a long varint); word 200 in every unit; word 1
        // in none.
        let list = vec![(0, 2), (5, 1), (129, 3), (299, 40_000)];
        let units: Vec<Vec<u32>> = (0..300)
            .map(|u| {
                let zeros = list.iter().find(|p| p.0 == u).map_or(0, |p| p.1) as usize;
                let mut tokens = vec![200];
                tokens.extend(std::iter::repeat_n(0, zeros));
                tokens.push(200);
                tokens
            })
            .collect();
        let bytes = plain(b"", 201, &units);
        let store = Store::open(bytes).unwrap();
        assert_eq!(store.postings(0).collect::<Vec<_>>(), list);
        assert_eq!(store.postings(0).count(), 4);
        assert_eq!(store.postings(1).count(), 0);
        let every: Vec<(u32, u32)> = (0..300).map(|u| (u, 2)).collect();
        assert_eq!(store.postings(200).collect::<Vec<_>>(), every);
        let mut t = Vec::new();
        store.tokens_into(5, &mut t);
        assert_eq!(t, [200, 0, 200]);
        assert_eq!((store.length(5), store.tokens()), (3, 600 + 40_006));
    }

    #[test]
    fn written_bytes_read_back() {
        let store = Store::open(sample()).unwrap();
        assert_eq!(store.stamp(), b"stamp");
        assert_eq!(store.units(), 1);
        let f = store.fixed(0);
        assert_eq!(
            (f.paragraph, f.kind, f.unit, f.scopes),
            (12, Kind::Recommendation, HitUnit::Item, 9)
        );
        assert_eq!(f.heading, None);
        let place = Place::Unit {
            topic: 3,
            paragraph: 1,
            unit: 4,
            item_heading: true,
        };
        assert_eq!(store.place(0), Some(place));
        assert_eq!(
            store.source(0),
            Some(std::path::PathBuf::from("/library/cat x.ron"))
        );
        assert_eq!((store.source(1), store.document_units(0)), (None, 0..1));
        assert_eq!(store.document_units(1), 1..1);
        assert_eq!(store.articles(0), [2, 16]);
        assert_eq!(
            store.reference(0),
            ("12(a)(iv)".into(), vec!["a".into(), "iv".into()])
        );
        let mut t = Vec::new();
        store.tokens_into(0, &mut t);
        assert_eq!(t, [0, 1]);
        assert_eq!((store.word(1), store.sorted(0)), ("provisoire", 0));
        assert_eq!(store.postings(1).collect::<Vec<_>>(), [(0, 1)]);
        assert_eq!(store.postings(7).count(), 0);
        assert_eq!(store.symbol(0), "CAT/C/X/CO/1");
        let meta = store.meta(0);
        assert_eq!(
            (meta.symbol, meta.committee, meta.state, meta.year),
            ("CAT/C/X/CO/1", "CAT", "Côte d’Ivoire", Some(2019))
        );
        assert_eq!(store.meta(1), DocMeta::default());
        assert_eq!(store.languages(), [0, 1]);
        assert_eq!(store.forms(0, "provisoir").collect::<Vec<_>>(), [1]);
        assert_eq!(store.forms(1, "detent").collect::<Vec<_>>(), [0]);
        assert_eq!(store.forms(1, "provisoir").count(), 0);
        assert_eq!(store.forms(0, "zzz").count(), 0);
        assert_eq!(store.forms(2, "detent").count(), 0);
        assert_eq!(store.length(0), 2);
    }

    /// `bytes` as a file in a fresh temporary folder, opened.
    fn file(name: &str, bytes: &[u8]) -> (std::fs::File, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("tv-store-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("index.tvix");
        std::fs::write(&path, bytes).unwrap();
        (std::fs::File::open(&path).unwrap(), dir)
    }

    /// What a search can ask of a store, unit by unit and word by word.
    fn everything(store: &Store) -> Vec<String> {
        let mut out = vec![format!(
            "{:?}",
            (store.units(), store.words(), store.tokens())
        )];
        for u in 0..store.units() as u32 {
            let mut t = Vec::new();
            store.tokens_into(u, &mut t);
            let f = store.fixed(u);
            out.push(format!(
                "{:?}",
                (
                    f.doc,
                    f.paragraph,
                    store.place(u),
                    store.articles(u),
                    store.reference(u),
                    t
                )
            ));
        }
        for id in 0..store.words() as u32 {
            out.push(format!(
                "{} {:?}",
                store.word(id),
                store.postings(id).collect::<Vec<_>>()
            ));
        }
        out
    }

    #[test]
    fn a_file_is_read_in_pieces_and_answers_as_its_bytes_do() {
        let bytes = sample();
        let (f, dir) = file("pieces", &bytes);
        let store = Store::read(f).unwrap();
        assert_eq!(store.bytes(), None, "nothing to write back");
        let opened = store.bytes_read().unwrap();
        let big: usize = LAZY.iter().map(|s| store.sections[*s].len()).sum();
        // Opening reads all but the word lists, postings and references.
        assert_eq!(opened as usize, bytes.len() - big);
        let mut t = Vec::new();
        store.tokens_into(0, &mut t);
        assert_eq!(t, [0, 1]);
        assert_eq!(
            store.bytes_read().unwrap() - opened,
            2,
            "unit 0's two varints"
        );
        assert_eq!(
            everything(&store),
            everything(&Store::open(bytes.clone()).unwrap())
        );
        // Every byte of the file was read (some twice: a unit's
        // reference and its articles share one piece).
        assert!(store.bytes_read().unwrap() as usize >= bytes.len());
        assert!(!store.failed());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_long_stamp_reads_back_from_a_file() {
        // A real stamp names every file of a library: tens of kilobytes.
        let stamp: Vec<u8> = (0..40_000u32)
            .map(|i| b"abcdefgh/"[i as usize % 9])
            .collect();
        let bytes = plain(&stamp, 1, &[vec![0]]);
        let (f, dir) = file("stamp", &bytes);
        let store = Store::read(f).unwrap();
        assert_eq!(store.stamp(), &stamp[..]);
        assert_eq!(store.postings(0).collect::<Vec<_>>(), [(0, 1)]);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_section_asked_for_in_many_pieces_is_read_whole_once() {
        let units = pieces::WHOLE_AFTER as u32 + 500;
        let lists: Vec<Vec<u32>> = (0..units).map(|u| vec![u % 3, 3]).collect();
        let bytes = plain(b"", 4, &lists);
        let (f, dir) = file("whole", &bytes);
        let store = Store::read(f).unwrap();
        let opened = store.bytes_read().unwrap();
        let mut t = Vec::new();
        for u in 0..pieces::WHOLE_AFTER as u32 {
            store.tokens_into(u, &mut t);
        }
        // Two bytes a unit, in as many reads; nothing held yet.
        assert_eq!(
            store.bytes_read().unwrap() - opened,
            2 * pieces::WHOLE_AFTER as u64
        );
        let before = store.held();
        store.tokens_into(units - 1, &mut t);
        assert_eq!(t, [(units - 1) % 3, 3]);
        let tokens = store.sections[TOKENS].len();
        assert_eq!(store.held() - before, tokens, "the word lists are now held");
        let read = store.bytes_read().unwrap();
        for u in 0..units {
            store.tokens_into(u, &mut t);
            assert_eq!(t, [u % 3, 3]);
        }
        assert_eq!(store.bytes_read().unwrap(), read, "and read no more");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_file_cut_short_after_opening_gives_nothing_and_says_so() {
        let bytes = sample();
        let (f, dir) = file("cut", &bytes);
        let store = Store::read(f).unwrap();
        // Cut where the first section left on disk begins.
        let (_, sections) = directory(&bytes, bytes.len() as u64).unwrap();
        let cut = LAZY.iter().map(|s| sections[*s].start).min().unwrap();
        std::fs::OpenOptions::new()
            .write(true)
            .open(dir.join("index.tvix"))
            .unwrap()
            .set_len(cut)
            .unwrap();
        assert!(!store.failed());
        let mut t = vec![9];
        store.tokens_into(0, &mut t);
        assert_eq!(t, [] as [u32; 0]);
        assert!(store.failed(), "the cut was noticed");
        assert_eq!(store.postings(1).collect::<Vec<_>>(), []);
        assert_eq!(store.reference(0), (String::new(), vec![]));
        // What was read on opening is still there.
        assert_eq!(store.symbol(0), "CAT/C/X/CO/1");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn damaged_files_are_refused_not_panicked_on() {
        let good = sample();
        let (_, dir) = file("damaged", &[]);
        let path = dir.join("index.tvix");
        let open = |bytes: &[u8]| {
            std::fs::write(&path, bytes).unwrap();
            Store::read(std::fs::File::open(&path).unwrap())
        };
        assert_eq!(open(&[]).err(), Some(StoreError::NotIndex));
        let mut v = good.clone();
        v[4] = 9;
        assert_eq!(open(&v).err(), Some(StoreError::Version { found: 9 }));
        for cut in 0..good.len() {
            assert!(open(&good[..cut]).is_err(), "cut at {cut}");
        }
        for at in 0..good.len() {
            let mut v = good.clone();
            v[at] ^= 0xa5;
            let from_bytes = Store::open(v.clone()).map(|s| everything(&s));
            let from_file = open(&v).map(|s| everything(&s));
            assert_eq!(from_file, from_bytes, "byte {at} changed");
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn damaged_bytes_are_refused_not_panicked_on() {
        let good = sample();
        assert_eq!(Store::open(Vec::new()).err(), Some(StoreError::NotIndex));
        let mut v = good.clone();
        v[4] = 9;
        assert_eq!(Store::open(v).err(), Some(StoreError::Version { found: 9 }));
        // Every truncation and every single-byte change is an error or a
        // store whose accessors stay in bounds.
        for cut in 0..good.len() {
            assert!(Store::open(good[..cut].to_vec()).is_err(), "cut at {cut}");
        }
        for at in 0..good.len() {
            let mut v = good.clone();
            v[at] ^= 0xa5;
            if let Ok(store) = Store::open(v) {
                for u in 0..store.units() as u32 {
                    let _ = (store.fixed(u), store.articles(u), store.reference(u));
                    let mut t = Vec::new();
                    store.tokens_into(u, &mut t);
                }
                for id in 0..store.words() as u32 {
                    let _ = (store.word(id), store.postings(id).count());
                }
                for slot in 0..3 {
                    let _ = store.forms(slot, "detent").count();
                }
                for d in 0..=store.documents() {
                    let _ = (store.meta(d), store.source(d), store.document_units(d));
                }
            }
        }
    }
}
