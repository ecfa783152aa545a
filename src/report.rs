//! Internal reports (the memo, the redline) written once and output as Markdown, text or
//! HTML: a report is a list of blocks, and each format writes the blocks its own way.

pub mod docx;

use crate::lang::Lang;

/// A run of text: plain, or marked as inserted or deleted (the redline's marks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Plain(String),
    Ins(String),
    Del(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 to 3.
    Heading(u8, String),
    Para(Vec<Run>),
    /// A label and its value (`趣旨: …`).
    Field(String, String),
    Item(String),
}

pub fn para(text: impl Into<String>) -> Block {
    Block::Para(vec![Run::Plain(text.into())])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Md,
    Txt,
    Html,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 3] = [ReportFormat::Md, ReportFormat::Txt, ReportFormat::Html];

    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Md => "md",
            ReportFormat::Txt => "txt",
            ReportFormat::Html => "html",
        }
    }
}

fn md_escape(t: &str) -> String {
    t.replace('*', "\\*").replace('~', "\\~")
}

fn html_escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Each line of a run apart, so that marks never span a paragraph break.
fn lines(runs: &[Run]) -> Vec<Vec<Run>> {
    let mut out: Vec<Vec<Run>> = vec![Vec::new()];
    for r in runs {
        let (text, make): (&str, fn(String) -> Run) = match r {
            Run::Plain(t) => (t, Run::Plain),
            Run::Ins(t) => (t, Run::Ins),
            Run::Del(t) => (t, Run::Del),
        };
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Vec::new());
            }
            if !part.is_empty() {
                out.last_mut()
                    .expect("one line at least")
                    .push(make(part.into()));
            }
        }
    }
    out
}

/// Opening and closing marks of a run.
type Marks = (&'static str, &'static str);

fn runs(line: &[Run], format: ReportFormat) -> String {
    let (ins, del, esc): (Marks, Marks, fn(&str) -> String) = match format {
        ReportFormat::Md => (("**", "**"), ("~~", "~~"), md_escape),
        ReportFormat::Txt => (("{+", "+}"), ("[-", "-]"), str::to_string),
        ReportFormat::Html => (("<ins>", "</ins>"), ("<del>", "</del>"), html_escape),
    };
    let mut out = String::new();
    for r in line {
        let (open, text, close) = match r {
            Run::Plain(t) => ("", t, ""),
            Run::Ins(t) => (ins.0, t, ins.1),
            Run::Del(t) => (del.0, t, del.1),
        };
        out.push_str(open);
        out.push_str(&esc(text));
        out.push_str(close);
    }
    out
}

const HTML_STYLE: &str = "body{font-family:\"Yu Mincho\",\"Noto Serif CJK JP\",\"IPAexMincho\",serif;max-width:48em;margin:2em auto;line-height:1.8}\
ins{color:#0645ad;text-decoration:underline}del{color:#b00;text-decoration:line-through}\
.mark{border:1px solid #b00;color:#b00;display:inline-block;padding:0 .5em}dt{font-weight:bold}";

/// Writes the report. `mark` (社内限り / INTERNAL) stands above the title in every format.
pub fn write(blocks: &[Block], format: ReportFormat, lang: Lang, mark: Option<&str>) -> String {
    let mut out = String::new();
    if format == ReportFormat::Html {
        let title = blocks
            .iter()
            .find_map(|b| match b {
                Block::Heading(_, t) => Some(t.as_str()),
                _ => None,
            })
            .unwrap_or_default();
        out.push_str(&format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n",
            lang.code(),
            html_escape(title)
        ));
    }
    if let Some(m) = mark {
        out.push_str(&match format {
            ReportFormat::Md => format!("**【{m}】**\n\n"),
            ReportFormat::Txt => format!("【{m}】\n\n"),
            ReportFormat::Html => format!("<p class=\"mark\">{}</p>\n", html_escape(m)),
        });
    }
    let sep = if lang == Lang::Ja { "：" } else { ": " };
    let listed = |b: &Block| matches!(b, Block::Field(..) | Block::Item(_));
    for (i, b) in blocks.iter().enumerate() {
        // A list ends with a blank line before whatever follows it.
        if i > 0 && listed(&blocks[i - 1]) && !listed(b) && format != ReportFormat::Html {
            out.push('\n');
        }
        match (format, b) {
            (ReportFormat::Md, Block::Heading(n, t)) => {
                out.push_str(&format!("{} {}\n\n", "#".repeat(*n as usize), md_escape(t)))
            }
            (ReportFormat::Txt, Block::Heading(1, t)) => out.push_str(&format!("{t}\n\n")),
            (ReportFormat::Txt, Block::Heading(_, t)) => out.push_str(&format!("■ {t}\n\n")),
            (ReportFormat::Html, Block::Heading(n, t)) => {
                out.push_str(&format!("<h{n}>{}</h{n}>\n", html_escape(t)))
            }
            (ReportFormat::Html, Block::Para(r)) => {
                let text: Vec<String> = lines(r).iter().map(|l| runs(l, format)).collect();
                out.push_str(&format!("<p>{}</p>\n", text.join("<br>\n")));
            }
            (_, Block::Para(r)) => {
                let text: Vec<String> = lines(r).iter().map(|l| runs(l, format)).collect();
                let gap = if format == ReportFormat::Md {
                    "\n\n"
                } else {
                    "\n"
                };
                out.push_str(&format!("{}\n\n", text.join(gap)));
            }
            (ReportFormat::Md, Block::Field(k, v)) => {
                out.push_str(&format!("- **{}**{sep}{}\n", md_escape(k), md_escape(v)))
            }
            (ReportFormat::Txt, Block::Field(k, v)) => out.push_str(&format!("  {k}{sep}{v}\n")),
            (ReportFormat::Html, Block::Field(k, v)) => out.push_str(&format!(
                "<p><b>{}</b>{sep}{}</p>\n",
                html_escape(k),
                html_escape(v)
            )),
            (ReportFormat::Md, Block::Item(t)) => out.push_str(&format!("- {}\n", md_escape(t))),
            (ReportFormat::Txt, Block::Item(t)) => out.push_str(&format!("  ・{t}\n")),
            (ReportFormat::Html, Block::Item(t)) => {
                out.push_str(&format!("<p>・{}</p>\n", html_escape(t)))
            }
        }
    }
    if format == ReportFormat::Html {
        out.push_str("</body>\n</html>\n");
    }
    out
}
