//! The redline in words: Markdown, text and HTML through the report writer, and JSON
//! (`secdraft.diff/1`). One language at a time, as counsel reads one version against the
//! other.

use serde_json::json;

use super::{ArticleDiff, Redline, Span, Status, ValueChange};
use crate::lang::Lang;
use crate::report::{Block, ReportFormat, Run, para, write};

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

fn status_word(status: Status, lang: Lang) -> &'static str {
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

/// `第3条（…）［旧第5条］` / `Article 3 (…) [formerly Article 5]`: the number now, and the
/// number before where it differs.
fn heading(a: &ArticleDiff, lang: Lang) -> String {
    let w = words(lang);
    let label = a.label.get(lang);
    // A removed article keeps its old title.
    let title = match a.status {
        Status::Removed => a.title.get(lang).iter().map(Span::text).collect(),
        _ => plain(a.title.get(lang)),
    };
    let old = |n: usize| crate::document::article_label(n, lang);
    match (lang, a.old_number, a.new_number) {
        (Lang::Ja, Some(o), Some(n)) if o != n => {
            format!("{label}（{title}）［{}{}］", w.old_article, old(o))
        }
        (Lang::En, Some(o), Some(n)) if o != n => {
            format!("{label} ({title}) [{} {}]", w.old_article, old(o))
        }
        (Lang::Ja, ..) => format!("{label}（{title}）"),
        (Lang::En, ..) => format!("{label} ({title})"),
    }
}

fn change_words(v: &ValueChange, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}：{} → {}", v.label.ja, v.old.ja, v.new.ja),
        Lang::En => format!("{}: {} → {}", v.label.en, v.old.en, v.new.en),
    }
}

fn causes(a: &ArticleDiff, r: &Redline, lang: Lang) -> Option<String> {
    let named: Vec<String> = a
        .causes
        .iter()
        .filter_map(|id| r.values.iter().find(|v| &v.id == id))
        .map(|v| change_words(v, lang))
        .collect();
    let sep = if lang == Lang::Ja { "、" } else { "; " };
    (!named.is_empty()).then(|| named.join(sep))
}

fn blocks(r: &Redline, lang: Lang) -> Vec<Block> {
    let w = words(lang);
    let mut out = vec![
        Block::Heading(1, w.title.into()),
        Block::Heading(2, w.values.into()),
    ];
    if r.values.is_empty() {
        out.push(para(w.no_values));
    }
    out.extend(r.values.iter().map(|v| Block::Item(change_words(v, lang))));
    out.push(Block::Heading(2, w.articles.into()));
    let before = out.len();
    for a in r.changed() {
        out.push(Block::Heading(
            3,
            format!("{} — {}", heading(a, lang), status_word(a.status, lang)),
        ));
        if let Some(c) = causes(a, r, lang) {
            out.push(Block::Field(w.because.into(), c));
        }
        if a.status != Status::Moved {
            out.push(Block::Para(
                a.text
                    .get(lang)
                    .iter()
                    .map(|s| match s {
                        Span::Equal(t) => Run::Plain(t.clone()),
                        Span::Insert(t) => Run::Ins(t.clone()),
                        Span::Delete(t) => Run::Del(t.clone()),
                    })
                    .collect(),
            ));
        }
    }
    if out.len() == before {
        out.push(para(w.no_articles));
    }
    out
}

pub fn report(r: &Redline, format: ReportFormat, lang: Lang) -> String {
    write(&blocks(r, lang), format, lang, None)
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
