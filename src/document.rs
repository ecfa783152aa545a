//! The rendered document, in both languages, ready for every exporter: articles with their
//! 項 (paragraphs), 号 (items) and tables, already labelled so that every format numbers the
//! same way.

use serde::Serialize;

use crate::lang::{Bilingual, Lang};

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub title: Bilingual<String>,
    pub meta: crate::answers::Meta,
    pub preamble: Bilingual<String>,
    /// The parties and the project as the document names them (a placeholder where the
    /// answers leave a name empty).
    pub parties: Parties,
    pub articles: Vec<Article>,
    /// The closing words (後文) after the last article.
    pub closing: Bilingual<String>,
    /// The date of the rider in words, or a blank to fill.
    pub date_line: Bilingual<String>,
    /// The signature block: 甲 then 乙.
    pub signatures: Vec<Signature>,
    /// The annexes (別紙) in their numbered order; they follow the execution block.
    pub annexes: Vec<Annex>,
    pub excluded: Vec<ExcludedClause>,
    pub warnings: Vec<DocWarning>,
    pub computed: Vec<(String, crate::value::Value)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Parties {
    /// 甲.
    pub customer: Bilingual<String>,
    /// 乙.
    pub vendor: Bilingual<String>,
    pub project: Bilingual<String>,
}

/// One party's block of the execution block: its role (甲 / Customer) and lines (address,
/// name, signatory and seal), blanks where the answers give none.
#[derive(Debug, Clone, Serialize)]
pub struct Signature {
    pub role: Bilingual<String>,
    pub lines: Bilingual<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub id: String,
    pub family: String,
    pub number: usize,
    /// `第1条` / `Article 1`.
    pub label: Bilingual<String>,
    pub title: Bilingual<String>,
    pub paragraphs: Bilingual<Vec<Paragraph>>,
    pub rationale: Bilingual<String>,
    pub sources: Vec<SourceRef>,
    /// Why the clause was selected.
    pub reason: Bilingual<String>,
}

/// An annex: a numbered attachment with the body markup of an article.
#[derive(Debug, Clone, Serialize)]
pub struct Annex {
    pub id: String,
    pub number: usize,
    /// `別紙1` / `Annex 1`.
    pub label: Bilingual<String>,
    pub title: Bilingual<String>,
    pub paragraphs: Bilingual<Vec<Paragraph>>,
    pub rationale: Bilingual<String>,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    pub id: String,
    pub citation: Bilingual<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExcludedClause {
    pub id: String,
    pub title: Bilingual<String>,
    pub reason: Bilingual<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocWarning {
    pub code: String,
    pub message: Bilingual<String>,
}

/// One 項: its label (none for the first), and its blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub label: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Text {
        text: String,
    },
    /// A 号 (level 1) or a sub-item (level 2), with its label: `一`, `イ`, `(a)`, `(i)`.
    Item {
        level: u8,
        label: String,
        text: String,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

const KANJI_DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const IROHA: &str = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";

pub fn article_label(n: usize, lang: Lang) -> String {
    let n = n.to_string();
    crate::labels::fill(&crate::labels::get(lang).numbers.article, &[("n", &n)])
}

pub fn annex_label(n: usize, lang: Lang) -> String {
    let n = n.to_string();
    crate::labels::fill(&crate::labels::get(lang).numbers.annex, &[("n", &n)])
}

/// 2 → `２` / `2.`: the label of the n-th 項 (the first has none).
fn paragraph_label(n: usize, lang: Lang) -> Option<String> {
    (n > 1).then(|| match lang {
        Lang::Ja => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d))
            .collect(),
        Lang::En => format!("{n}."),
    })
}

/// Kanji numerals as in 号 numbering: 一, 十, 十一, 二十三.
fn kanji_number(n: usize) -> String {
    if n < 10 {
        return KANJI_DIGITS[n].to_string();
    }
    if n >= 100 {
        return n.to_string();
    }
    let (tens, ones) = (n / 10, n % 10);
    let mut s = String::new();
    if tens > 1 {
        s.push_str(KANJI_DIGITS[tens]);
    }
    s.push('十');
    if ones > 0 {
        s.push_str(KANJI_DIGITS[ones]);
    }
    s
}

fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 9] = [
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
        (0, ""),
    ];
    let mut s = String::new();
    for (value, digits) in TABLE.iter().take(8) {
        while n >= *value {
            s.push_str(digits);
            n -= value;
        }
    }
    s
}

fn letters(n: usize) -> String {
    // a..z, then aa, bb, … as legal drafting does.
    let letter = (b'a' + ((n - 1) % 26) as u8) as char;
    letter.to_string().repeat((n - 1) / 26 + 1)
}

fn item_label(level: u8, n: usize, lang: Lang) -> String {
    match (lang, level) {
        (Lang::Ja, 1) => kanji_number(n),
        (Lang::Ja, _) => IROHA
            .chars()
            .nth(n - 1)
            .map_or_else(|| n.to_string(), String::from),
        (Lang::En, 1) => format!("({})", letters(n)),
        (Lang::En, _) => format!("({})", roman(n)),
    }
}

fn table_cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn is_separator_row(cells: &[String]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// Parses a rendered clause body into labelled paragraphs (see docs/clause-library.md,
/// "Body markup").
pub fn parse_body(text: &str, lang: Lang) -> Vec<Paragraph> {
    let joiner = if lang == Lang::Ja { "" } else { " " };
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut counters = [0usize; 2];
    let flush =
        |blocks: &mut Vec<Block>, paragraphs: &mut Vec<Paragraph>, counters: &mut [usize; 2]| {
            if !blocks.is_empty() {
                paragraphs.push(Paragraph {
                    label: paragraph_label(paragraphs.len() + 1, lang),
                    blocks: std::mem::take(blocks),
                });
            }
            *counters = [0, 0];
        };
    for raw in text.lines() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            flush(&mut blocks, &mut paragraphs, &mut counters);
            continue;
        }
        let (level, item) = if let Some(rest) = line.strip_prefix("- ") {
            (1, Some(rest))
        } else if let Some(rest) = line
            .strip_prefix("  - ")
            .or_else(|| line.strip_prefix("\t- "))
        {
            (2, Some(rest))
        } else {
            (0, None)
        };
        if let Some(rest) = item {
            let idx = usize::from(level - 1);
            counters[idx] += 1;
            if level == 1 {
                counters[1] = 0;
            }
            blocks.push(Block::Item {
                level,
                label: item_label(level, counters[idx], lang),
                text: rest.trim().to_string(),
            });
        } else if line.trim_start().starts_with('|') {
            let cells = table_cells(line);
            match blocks.last_mut() {
                Some(Block::Table { rows, .. }) => {
                    if !is_separator_row(&cells) {
                        rows.push(cells);
                    }
                }
                _ => blocks.push(Block::Table {
                    header: cells,
                    rows: Vec::new(),
                }),
            }
        } else {
            let piece = line.trim();
            match blocks.last_mut() {
                Some(Block::Text { text }) | Some(Block::Item { text, .. }) => {
                    text.push_str(joiner);
                    text.push_str(piece);
                }
                _ => blocks.push(Block::Text {
                    text: piece.to_string(),
                }),
            }
        }
    }
    flush(&mut blocks, &mut paragraphs, &mut counters);
    paragraphs
}

/// Paragraphs back in the body markup that [`parse_body`] reads: the text counsel edits
/// when they reword an article starts from the library's wording, and saved unchanged it
/// reads back as the same paragraphs.
pub fn to_markup(paragraphs: &[Paragraph]) -> String {
    let mut out: Vec<String> = Vec::new();
    for p in paragraphs {
        if !out.is_empty() {
            out.push(String::new());
        }
        for b in &p.blocks {
            match b {
                Block::Text { text } => out.push(text.clone()),
                Block::Item { level, text, .. } => {
                    let marker = if *level == 1 { "- " } else { "  - " };
                    out.push(format!("{marker}{text}"));
                }
                Block::Table { header, rows } => {
                    out.push(format!("| {} |", header.join(" | ")));
                    out.push(format!("|{}|", vec!["---"; header.len()].join("|")));
                    for r in rows {
                        out.push(format!("| {} |", r.join(" | ")));
                    }
                }
            }
        }
    }
    out.join("\n")
}

/// An article body as plain text with its labels, one line per 項, 号 and table row: the
/// `text` of the JSON output and the basis of the text export.
pub fn plain_text(paragraphs: &[Paragraph], lang: Lang) -> String {
    let gap = if lang == Lang::Ja { "　" } else { " " };
    let mut lines = Vec::new();
    for p in paragraphs {
        let mut first = true;
        for b in &p.blocks {
            match b {
                Block::Text { text } => {
                    let label = p.label.as_deref().filter(|_| first);
                    lines.push(label.map_or_else(|| text.clone(), |l| format!("{l}{gap}{text}")));
                }
                Block::Item { level, label, text } => {
                    let indent = if *level == 1 { "" } else { gap };
                    lines.push(format!("{indent}{label}{gap}{text}"));
                }
                Block::Table { header, rows } => {
                    lines.push(format!("| {} |", header.join(" | ")));
                    for r in rows {
                        lines.push(format!("| {} |", r.join(" | ")));
                    }
                }
            }
            first = false;
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_paragraphs_items_and_tables() {
        let body = "乙は、次の措置を講ずる。\n- 第一の措置\n  - 細目\n  - 細目二\n- 第二の\n措置\n\n\n甲は、\n確認する。\n| 列1 | 列2 |\n|---|---|\n| a | b |\n";
        let p = parse_body(body, Lang::Ja);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].label, None);
        assert_eq!(p[1].label.as_deref(), Some("２"));
        assert_eq!(
            plain_text(&p, Lang::Ja),
            "乙は、次の措置を講ずる。\n一　第一の措置\n　イ　細目\n　ロ　細目二\n二　第二の措置\n２　甲は、確認する。\n| 列1 | 列2 |\n| a | b |"
        );
        let en = parse_body(
            "The Vendor shall:\n- first;\n- second\nline.\n\nThen.",
            Lang::En,
        );
        assert_eq!(
            plain_text(&en, Lang::En),
            "The Vendor shall:\n(a) first;\n(b) second line.\n2. Then."
        );
    }

    #[test]
    fn markup_reads_back_as_the_same_paragraphs() {
        let body = "乙は、次の措置を講ずる。\n- 第一\n  - 細目\n- 第二\n\n甲は、確認する。\n| 列1 | 列2 |\n|---|---|\n| a | b |\nその後の文。\n\n- 号のみ";
        for lang in [Lang::Ja, Lang::En] {
            let p = parse_body(body, lang);
            assert_eq!(parse_body(&to_markup(&p), lang), p);
        }
    }

    #[test]
    fn labels() {
        assert_eq!(kanji_number(1), "一");
        assert_eq!(kanji_number(10), "十");
        assert_eq!(kanji_number(14), "十四");
        assert_eq!(kanji_number(23), "二十三");
        assert_eq!(paragraph_label(12, Lang::Ja).unwrap(), "１２");
        assert_eq!(item_label(2, 4, Lang::En), "(iv)");
        assert_eq!(item_label(2, 9, Lang::En), "(ix)");
        assert_eq!(item_label(1, 27, Lang::En), "(aa)");
        assert_eq!(item_label(2, 3, Lang::Ja), "ハ");
        assert_eq!(article_label(3, Lang::Ja), "第3条");
    }
}
