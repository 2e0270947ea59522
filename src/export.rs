//! `treatyview export`: JSON, CSV and Markdown writers over a [`Library`].
//!
//! The JSON and CSV layouts are contracts that scripts and spreadsheets
//! depend on (documented in the README): fields are added, never renamed.

use crate::document::{
    Document, Footnote, Inline, Item, Paragraph, Reference, Section, TitleNote, Topic,
    articles_label, notes, plain,
};
use crate::library::Library;
use serde::Serialize;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object `{"documents": [...]}`.
    Json,
    /// One row per paragraph and per item, RFC 4180.
    Csv,
    /// A readable document with Markdown footnotes.
    Markdown,
}

/// Render a library in a format.
#[must_use]
pub fn render(library: &Library, format: Format) -> String {
    match format {
        Format::Json => json(library),
        Format::Csv => csv(library),
        Format::Markdown => markdown(library),
    }
}

#[derive(Serialize)]
struct JsonLibrary<'a> {
    documents: Vec<JsonDocument<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    symbol: &'a str,
    committee: &'a str,
    state: &'a str,
    title: &'a str,
    title_note: Option<&'a str>,
    footnotes: &'a [Footnote],
    paragraphs: Vec<JsonParagraph<'a>>,
    committee_code: Option<&'static str>,
    genre: &'static str,
    session: Option<u32>,
    year: Option<u32>,
    report: Option<&'a str>,
    language: Option<&'a str>,
    title_notes: &'a [TitleNote],
    preamble: &'a [String],
}

#[derive(Serialize)]
struct JsonParagraph<'a> {
    number: u32,
    #[serde(rename = "ref")]
    reference: String,
    section: &'a str,
    heading: Option<&'a str>,
    kind: &'static str,
    text: String,
    articles: &'a [u32],
    articles_with_pair: Vec<u32>,
    footnotes: Vec<u32>,
    follow_up: bool,
    pair: &'a [u32],
    items: Vec<JsonItem>,
    parts: Vec<JsonPart>,
}

#[derive(Serialize)]
struct JsonPart {
    kind: &'static str,
    text: String,
    footnotes: Vec<u32>,
    items: Vec<JsonItem>,
}

#[derive(Serialize)]
struct JsonItem {
    /// A heading set inside the list above this item; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    heading: Option<String>,
    label: String,
    #[serde(rename = "ref")]
    reference: String,
    text: String,
    footnotes: Vec<u32>,
    follow_up: bool,
    items: Vec<JsonItem>,
}

fn json_items(items: &[Item], parent: &Reference) -> Vec<JsonItem> {
    items
        .iter()
        .map(|item| {
            let reference = parent.child(&item.label);
            JsonItem {
                heading: item.heading.clone(),
                label: item.label.clone(),
                text: plain(&item.text),
                footnotes: notes(&item.text),
                follow_up: item.follow_up,
                items: json_items(&item.items, &reference),
                reference: reference.to_string(),
            }
        })
        .collect()
}

/// The JSON export: see the README for the contract.
///
/// # Panics
/// Never: every value is serialisable.
#[must_use]
pub fn json(library: &Library) -> String {
    let documents = library
        .documents
        .iter()
        .map(|doc| JsonDocument {
            symbol: &doc.symbol,
            committee: &doc.committee,
            state: &doc.state,
            title: &doc.title,
            title_note: doc.title_note.as_deref(),
            footnotes: &doc.footnotes,
            paragraphs: doc
                .paragraphs()
                .map(|(section, topic, p)| JsonParagraph {
                    number: p.number,
                    reference: Reference::paragraph(p.number).to_string(),
                    section: &section.title,
                    heading: topic.heading.as_deref(),
                    kind: p.kind.name(),
                    text: plain(&p.text),
                    articles: &p.articles,
                    articles_with_pair: doc.articles_with_pair(p),
                    footnotes: notes(&p.text),
                    follow_up: p.follow_up,
                    pair: &p.pair,
                    items: json_items(&p.items, &Reference::paragraph(p.number)),
                    parts: p
                        .parts
                        .iter()
                        .map(|part| JsonPart {
                            kind: part.kind.name(),
                            text: plain(&part.text),
                            footnotes: notes(&part.text),
                            items: json_items(&part.items, &Reference::paragraph(p.number)),
                        })
                        .collect(),
                })
                .collect(),
            committee_code: doc.committee_code(),
            genre: doc.genre.name(),
            session: doc.session,
            year: doc.year,
            report: doc.report.as_deref(),
            language: doc.language.as_deref(),
            title_notes: &doc.title_notes,
            preamble: &doc.preamble,
        })
        .collect();
    crate::text::json_pretty(&JsonLibrary { documents })
}

/// The CSV export: a header, then one row per paragraph and per item
/// (items carry their paragraph's kind and articles). UTF-8 with a byte
/// order mark so spreadsheets detect the encoding; CRLF line ends.
///
/// # Panics
/// Never: writing to memory cannot fail.
#[must_use]
pub fn csv(library: &Library) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record([
            "symbol",
            "ref",
            "section",
            "heading",
            "kind",
            "articles",
            "follow_up",
            "text",
            "articles_with_pair",
            "item_heading",
        ])
        .expect("in memory");
    for doc in &library.documents {
        for unit in doc.units() {
            let list = |articles: &[u32]| {
                articles
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let articles = list(&unit.paragraph.articles);
            let with_pair = list(&doc.articles_with_pair(unit.paragraph));
            let plain = unit.plain();
            let reference = unit.reference.to_string();
            let fields = [
                doc.symbol.as_str(),
                &reference,
                &unit.section.title,
                unit.heading.unwrap_or(""),
                unit.kind.name(),
                &articles,
                if unit.follow_up { "true" } else { "false" },
                &plain,
                &with_pair,
                unit.item_heading.unwrap_or(""),
            ];
            // Control characters from documents must not reach a terminal
            // that shows the file; they are not words, so nothing readable
            // changes.
            writer
                .write_record(fields.map(|f| crate::text::visible(f).into_owned()))
                .expect("in memory");
        }
    }
    let bytes = writer.into_inner().expect("in memory");
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8(bytes).expect("written from str"));
    out
}

/// The Markdown export: headings, numbered paragraphs, items as nested
/// lists, footnotes as Markdown footnotes (`[^14]`, prefixed by the
/// document's position when several are exported).
#[must_use]
pub fn markdown(library: &Library) -> String {
    let mut out = String::new();
    let several = library.documents.len() > 1;
    for (index, doc) in library.documents.iter().enumerate() {
        let prefix = if several {
            format!("d{}-", index + 1)
        } else {
            String::new()
        };
        markdown_document(doc, &prefix, &mut out);
    }
    // Line breaks are layout here; everything else that is a control
    // character becomes a visible placeholder.
    out.split('\n')
        .map(|line| crate::text::visible(line).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn markdown_document(doc: &Document, prefix: &str, out: &mut String) {
    out.push_str(&format!("# {}\n\n", escape(&doc.title)));
    out.push_str(&format!(
        "{} · {} · {}\n\n",
        escape(&doc.symbol),
        escape(&doc.committee),
        escape(&doc.state)
    ));
    for line in &doc.preamble {
        out.push_str(&format!("{}\n\n", escape(line)));
    }
    if let Some(note) = &doc.title_note {
        out.push_str(&format!("*{}*\n\n", escape(note)));
    }
    for note in &doc.title_notes {
        out.push_str(&format!(
            "{} *{}*\n\n",
            escape(&note.mark),
            escape(&note.text)
        ));
    }
    for section in &doc.sections {
        markdown_section(section, prefix, out);
    }
    for f in &doc.footnotes {
        let text = escape(&f.display_text());
        out.push_str(&format!("[^{prefix}{}]: {text}\n", f.number));
    }
    out.push('\n');
}

fn markdown_section(section: &Section, prefix: &str, out: &mut String) {
    if let Some(label) = &section.label {
        out.push_str(&format!("## {label}. {}\n\n", escape(&section.title)));
    }
    for Topic {
        heading,
        paragraphs,
    } in &section.topics
    {
        if let Some(h) = heading {
            out.push_str(&format!("### {}\n\n", escape(h)));
        }
        for p in paragraphs {
            markdown_paragraph(p, prefix, out);
        }
    }
}

fn markdown_paragraph(p: &Paragraph, prefix: &str, out: &mut String) {
    let mut marks = vec![p.kind.name().replace('_', "-")];
    if !p.articles.is_empty() {
        marks.push(articles_label(&p.articles));
    }
    if p.follow_up {
        marks.push("follow-up".into());
    }
    out.push_str(&format!(
        "**{}.** {} _({})_\n",
        p.number,
        inline_md(&p.text, prefix),
        marks.join("; ")
    ));
    markdown_items(&p.items, 0, prefix, out);
    for part in &p.parts {
        out.push_str(&format!(
            "\n{} _({})_\n",
            inline_md(&part.text, prefix),
            part.kind.name().replace('_', "-")
        ));
        markdown_items(&part.items, 0, prefix, out);
    }
    out.push('\n');
}

fn markdown_items(items: &[Item], depth: usize, prefix: &str, out: &mut String) {
    for item in items {
        let indent = "  ".repeat(depth + 1);
        if let Some(heading) = &item.heading {
            // A heading inside the list: a list entry of its own, in bold,
            // so the list goes on around it.
            out.push_str(&format!("{indent}- **{}**\n", escape(heading)));
        }
        let badge = if item.follow_up { " _(follow-up)_" } else { "" };
        out.push_str(&format!(
            "{indent}- ({}) {}{badge}\n",
            item.label,
            inline_md(&item.text, prefix)
        ));
        markdown_items(&item.items, depth + 1, prefix, out);
    }
}

fn inline_md(text: &[Inline], prefix: &str) -> String {
    text.iter()
        .map(|piece| match piece {
            Inline::Text(t) => escape(t),
            Inline::Note(n) => format!("[^{prefix}{n}]"),
        })
        .collect()
}

/// Escape Markdown's active characters so the text reads as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '`' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
