//! The redline in words: Markdown, text, HTML and JSON (`secdraft.diff/1`). One language
//! at a time, as counsel reads one version against the other.

use serde_json::json;

use super::{ArticleDiff, Redline, Span, Status, ValueChange};
use crate::lang::Lang;

struct Words {
    title: &'static str,
    values: &'static str,
    no_values: &'static str,
    articles: &'static str,
    no_articles: &'static str,
    because: &'static str,
    old_article: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Ja => Words {
            title: "変更対照表",
            values: "回答の変更",
            no_values: "回答の変更はありません。",
            articles: "条項の変更",
            no_articles: "条項の変更はありません。",
            because: "変更の原因",
            old_article: "旧",
        },
        Lang::En => Words {
            title: "Redline",
            values: "Changed answers",
            no_values: "No answer changed.",
            articles: "Changed articles",
            no_articles: "No article changed.",
            because: "Caused by",
            old_article: "formerly",
        },
    }
}

pub fn status_word(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Unchanged, Lang::Ja) => "変更なし",
        (Status::Added, Lang::Ja) => "追加",
        (Status::Removed, Lang::Ja) => "削除",
        (Status::Changed, Lang::Ja) => "変更",
        (Status::Moved, Lang::Ja) => "移動",
        (Status::MovedChanged, Lang::Ja) => "移動・変更",
        (Status::Unchanged, Lang::En) => "unchanged",
        (Status::Added, Lang::En) => "added",
        (Status::Removed, Lang::En) => "removed",
        (Status::Changed, Lang::En) => "changed",
        (Status::Moved, Lang::En) => "moved",
        (Status::MovedChanged, Lang::En) => "moved and changed",
    }
}

fn plain(spans: &[Span]) -> String {
    spans
        .iter()
        .filter_map(|s| match s {
            Span::Equal(t) | Span::Insert(t) => Some(t.as_str()),
            Span::Delete(_) => None,
        })
        .collect()
}

/// `第3条（旧第5条）` / `Article 3 (formerly Article 5)`: the number now, and before where
/// it differs.
fn heading(a: &ArticleDiff, lang: Lang) -> String {
    let w = words(lang);
    let label = a.label.get(lang);
    let old = |n: usize| match lang {
        Lang::Ja => format!("第{n}条"),
        Lang::En => format!("Article {n}"),
    };
    let title = plain(a.title.get(lang));
    let title = match lang {
        Lang::Ja => format!("（{title}）"),
        Lang::En => format!(" ({title})"),
    };
    match (a.old_number, a.new_number) {
        (Some(o), Some(n)) if o != n => match lang {
            Lang::Ja => format!("{label}{title}［{}{}］", w.old_article, old(o)),
            Lang::En => format!("{label}{title} [{} {}]", w.old_article, old(o)),
        },
        _ => format!("{label}{title}"),
    }
}

fn causes(a: &ArticleDiff, r: &Redline, lang: Lang) -> Option<String> {
    let named: Vec<String> = a
        .causes
        .iter()
        .filter_map(|id| r.values.iter().find(|v| &v.id == id))
        .map(|v| change_words(v, lang))
        .collect();
    (!named.is_empty()).then(|| {
        let sep = if lang == Lang::Ja { "、" } else { "; " };
        named.join(sep)
    })
}

fn change_words(v: &ValueChange, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}：{} → {}", v.label.ja, v.old.ja, v.new.ja),
        Lang::En => format!("{}: {} → {}", v.label.en, v.old.en, v.new.en),
    }
}

/// Renders spans with the marks of one format.
fn marked(spans: &[Span], ins: (&str, &str), del: (&str, &str), esc: fn(&str) -> String) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Equal(t) => out.push_str(&esc(t)),
            Span::Insert(t) => {
                out.push_str(ins.0);
                out.push_str(&esc(t));
                out.push_str(ins.1);
            }
            Span::Delete(t) => {
                out.push_str(del.0);
                out.push_str(&esc(t));
                out.push_str(del.1);
            }
        }
    }
    out
}

fn md_escape(t: &str) -> String {
    t.replace('*', "\\*").replace('~', "\\~")
}

/// Markdown marks each line apart, so that a change spanning 項 keeps its marks closed.
fn md_lines(spans: &[Span]) -> String {
    let mut lines: Vec<Vec<Span>> = vec![Vec::new()];
    for s in spans {
        let (text, make): (&str, fn(String) -> Span) = match s {
            Span::Equal(t) => (t, Span::Equal),
            Span::Insert(t) => (t, Span::Insert),
            Span::Delete(t) => (t, Span::Delete),
        };
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if !part.is_empty() {
                lines
                    .last_mut()
                    .expect("one line at least")
                    .push(make(part.into()));
            }
        }
    }
    lines
        .iter()
        .map(|l| marked(l, ("**", "**"), ("~~", "~~"), md_escape))
        .collect::<Vec<_>>()
        .join("\n\n")
}

pub fn markdown(r: &Redline, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("# {}\n\n## {}\n\n", w.title, w.values);
    if r.values.is_empty() {
        out.push_str(&format!("{}\n", w.no_values));
    }
    for v in &r.values {
        out.push_str(&format!("- {}\n", change_words(v, lang)));
    }
    out.push_str(&format!("\n## {}\n", w.articles));
    let mut any = false;
    for a in r.changed() {
        any = true;
        out.push_str(&format!(
            "\n### {} — {}\n\n",
            heading(a, lang),
            status_word(a.status, lang)
        ));
        if let Some(c) = causes(a, r, lang) {
            out.push_str(&format!("> {}: {c}\n\n", w.because));
        }
        if a.status != Status::Moved {
            out.push_str(&md_lines(a.text.get(lang)));
            out.push('\n');
        }
    }
    if !any {
        out.push_str(&format!("\n{}\n", w.no_articles));
    }
    out
}

pub fn text(r: &Redline, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("{}\n\n{}\n", w.title, w.values);
    if r.values.is_empty() {
        out.push_str(&format!("  {}\n", w.no_values));
    }
    for v in &r.values {
        out.push_str(&format!("  {}\n", change_words(v, lang)));
    }
    out.push_str(&format!("\n{}\n", w.articles));
    let mut any = false;
    for a in r.changed() {
        any = true;
        out.push_str(&format!(
            "\n{} — {}\n",
            heading(a, lang),
            status_word(a.status, lang)
        ));
        if let Some(c) = causes(a, r, lang) {
            out.push_str(&format!("{}: {c}\n", w.because));
        }
        if a.status != Status::Moved {
            out.push_str(&marked(
                a.text.get(lang),
                ("{+", "+}"),
                ("[-", "-]"),
                str::to_string,
            ));
            out.push('\n');
        }
    }
    if !any {
        out.push_str(&format!("  {}\n", w.no_articles));
    }
    out
}

fn html_escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\n', "<br>\n")
}

pub fn html(r: &Redline, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n\
         <style>body{{font-family:\"Yu Mincho\",\"Noto Serif CJK JP\",serif;max-width:48em;margin:2em auto;line-height:1.8}}\
         ins{{color:#0645ad;text-decoration:underline}}del{{color:#b00;text-decoration:line-through}}\
         .why{{color:#555;font-size:90%}}</style>\n</head>\n<body>\n<h1>{}</h1>\n<h2>{}</h2>\n<ul>\n",
        lang.code(),
        w.title,
        w.title,
        w.values
    );
    if r.values.is_empty() {
        out.push_str(&format!("<li>{}</li>\n", w.no_values));
    }
    for v in &r.values {
        out.push_str(&format!(
            "<li>{}</li>\n",
            html_escape(&change_words(v, lang))
        ));
    }
    out.push_str(&format!("</ul>\n<h2>{}</h2>\n", w.articles));
    let mut any = false;
    for a in r.changed() {
        any = true;
        out.push_str(&format!(
            "<section>\n<h3>{} — {}</h3>\n",
            html_escape(&heading(a, lang)),
            status_word(a.status, lang)
        ));
        if let Some(c) = causes(a, r, lang) {
            out.push_str(&format!(
                "<p class=\"why\">{}: {}</p>\n",
                w.because,
                html_escape(&c)
            ));
        }
        if a.status != Status::Moved {
            out.push_str(&format!(
                "<p>{}</p>\n",
                marked(
                    a.text.get(lang),
                    ("<ins>", "</ins>"),
                    ("<del>", "</del>"),
                    html_escape
                )
            ));
        }
        out.push_str("</section>\n");
    }
    if !any {
        out.push_str(&format!("<p>{}</p>\n", w.no_articles));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// `secdraft.diff/1`: the changed values and every changed article, with its spans in the
/// chosen language.
pub fn json(r: &Redline, lang: Lang) -> String {
    let values: Vec<_> = r
        .values
        .iter()
        .map(|v| {
            json!({"id": v.id, "label": v.label.get(lang), "old": v.old.get(lang), "new": v.new.get(lang)})
        })
        .collect();
    let articles: Vec<_> = r
        .changed()
        .map(|a| {
            json!({
                "id": a.id,
                "status": a.status,
                "old_number": a.old_number,
                "new_number": a.new_number,
                "title": plain(a.title.get(lang)),
                "spans": a.text.get(lang),
                "causes": a.causes,
            })
        })
        .collect();
    let doc = json!({
        "schema": "secdraft.diff/1",
        "lang": lang.code(),
        "values": values,
        "articles": articles,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    s.push('\n');
    s
}
