//! The internal memo: for counsel and the project team, never for the other party. Per
//! article what it does, why it is in, the answers behind it, its sources and counsel's
//! note; then the excluded clauses, the warnings, the exposure against the caps, the
//! answers left at their defaults (assumptions to confirm) and counsel's overrides.

use crate::answers::Answers;
use crate::document::Document;
use crate::engine::Assembly;
use crate::format::yen;
use crate::lang::Lang;
use crate::library::Library;
use crate::report::{Block, ReportFormat, para, write};
use crate::value::Value;

struct Words {
    mark: &'static str,
    title: &'static str,
    articles: &'static str,
    does: &'static str,
    why: &'static str,
    answers: &'static str,
    sources: &'static str,
    note: &'static str,
    wording: &'static str,
    by_counsel: &'static str,
    excluded: &'static str,
    none: &'static str,
    warnings: &'static str,
    exposure: &'static str,
    estimate: &'static str,
    cap: &'static str,
    super_cap: &'static str,
    assumptions: &'static str,
    assumptions_lead: &'static str,
    overrides: &'static str,
    positions: &'static str,
    current: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Ja => Words {
            mark: "社内限り",
            title: "情報セキュリティ特約 検討メモ",
            articles: "条項ごとの説明",
            does: "趣旨",
            why: "採用理由",
            answers: "前提となる回答",
            sources: "根拠",
            note: "法務メモ",
            wording: "文言",
            by_counsel: "法務担当者による修正文言",
            excluded: "採用しなかった条項",
            none: "なし",
            warnings: "注意事項",
            exposure: "想定損害額と責任上限",
            estimate: "個人情報漏えい時の想定損害額（目安）",
            cap: "責任上限額",
            super_cap: "情報漏えい等の責任上限額",
            assumptions: "既定値のままの回答（要確認の前提）",
            assumptions_lead: "次の質問は回答されておらず、既定値で起案しています。内容を確認してください。",
            overrides: "法務担当者による変更",
            positions: "交渉上の立場",
            current: "（本案で採用）",
        },
        Lang::En => Words {
            mark: "INTERNAL",
            title: "Information security rider: internal memo",
            articles: "Article by article",
            does: "What it does",
            why: "Why it is in",
            answers: "Answers behind it",
            sources: "Sources",
            note: "Counsel's note",
            wording: "Wording",
            by_counsel: "counsel's wording",
            excluded: "Clauses left out",
            none: "None",
            warnings: "Warnings",
            exposure: "Exposure against the caps",
            estimate: "Estimated exposure from a personal-data incident (indicative)",
            cap: "Liability cap",
            super_cap: "Cap for data and security incidents",
            assumptions: "Answers left at their defaults (assumptions to confirm)",
            assumptions_lead: "These questions were not answered; the draft uses their defaults. Confirm them.",
            overrides: "Counsel's overrides",
            positions: "Negotiating positions",
            current: " (in this draft)",
        },
    }
}

/// The answers a clause's condition reads, in words: `個人データの取扱い：はい`.
fn answers_behind(library: &Library, assembly: &Assembly, id: &str, lang: Lang) -> Vec<String> {
    let Some(c) = library.clause(id) else {
        return Vec::new();
    };
    c.when
        .vars()
        .into_iter()
        .filter_map(|v| {
            let q = library.question(v)?;
            let value = assembly.value(v)?;
            let sep = if lang == Lang::Ja { "：" } else { ": " };
            Some(format!(
                "{}{sep}{}",
                q.prompt.get(lang),
                q.describe(value, lang)
            ))
        })
        .collect()
}

/// Questions asked under these answers but not answered: the draft uses their defaults.
pub fn assumptions<'l>(library: &'l Library, answers: &Answers) -> Vec<&'l str> {
    let asked = answers.asked_questions(library);
    library
        .questions
        .iter()
        .zip(asked)
        .filter(|(q, asked)| *asked && q.default.is_some() && !answers.given.contains_key(&q.id))
        .map(|(q, _)| q.id.as_str())
        .collect()
}

fn amount(assembly: &Assembly, name: &str) -> Option<i64> {
    assembly.computed_value(name).and_then(Value::as_int)
}

pub fn blocks(
    library: &Library,
    answers: &Answers,
    assembly: &Assembly,
    doc: &Document,
    lang: Lang,
) -> Vec<Block> {
    let w = words(lang);
    let list_sep = if lang == Lang::Ja { "、" } else { "; " };
    let mut out = vec![
        Block::Heading(1, w.title.into()),
        para(format!(
            "{} / {} / {}",
            doc.parties.project.get(lang),
            doc.parties.customer.get(lang),
            doc.parties.vendor.get(lang)
        )),
        Block::Heading(2, w.articles.into()),
    ];
    for a in &doc.articles {
        let title = match lang {
            Lang::Ja => format!("{}（{}）", a.label.ja, a.title.ja),
            Lang::En => format!("{} ({})", a.label.en, a.title.en),
        };
        out.push(Block::Heading(3, title));
        out.push(Block::Field(w.does.into(), a.rationale.get(lang).clone()));
        out.push(Block::Field(w.why.into(), a.reason.get(lang).clone()));
        let behind = answers_behind(library, assembly, &a.id, lang);
        if !behind.is_empty() {
            out.push(Block::Field(w.answers.into(), behind.join(list_sep)));
        }
        if !a.sources.is_empty() {
            let cites: Vec<&str> = a
                .sources
                .iter()
                .map(|s| s.citation.get(lang).as_str())
                .collect();
            out.push(Block::Field(w.sources.into(), cites.join(list_sep)));
        }
        let o = answers.overrides.clauses.get(&a.id);
        if o.is_some_and(|o| !o.text.is_empty()) {
            out.push(Block::Field(w.wording.into(), w.by_counsel.into()));
        }
        let custom_note = answers
            .overrides
            .custom
            .iter()
            .find(|c| c.id == a.id)
            .and_then(|c| c.note.as_ref());
        if let Some(n) = o.and_then(|o| o.note.as_ref()).or(custom_note) {
            out.push(Block::Field(w.note.into(), n.clone()));
        }
        if let Some(ladder) = library.ladder(&a.id) {
            out.push(Block::Field(
                w.positions.into(),
                ladder.title.get(lang).clone(),
            ));
            let sep = if lang == Lang::Ja { "：" } else { ": " };
            for p in &ladder.positions {
                let current = if p.clause == a.id { w.current } else { "" };
                out.push(Block::Item(format!(
                    "{}{current}{sep}{}",
                    p.name.get(lang),
                    p.note.get(lang)
                )));
            }
        }
    }
    out.push(Block::Heading(2, w.excluded.into()));
    if doc.excluded.is_empty() {
        out.push(para(w.none));
    }
    for e in &doc.excluded {
        let sep = if lang == Lang::Ja { "：" } else { ": " };
        let note = answers
            .overrides
            .clauses
            .get(&e.id)
            .and_then(|o| o.note.as_ref())
            .map(|n| format!(" ({}{sep}{n})", w.note))
            .unwrap_or_default();
        out.push(Block::Item(format!(
            "{}{sep}{}{note}",
            e.title.get(lang),
            e.reason.get(lang)
        )));
    }
    out.push(Block::Heading(2, w.warnings.into()));
    if doc.warnings.is_empty() {
        out.push(para(w.none));
    }
    out.extend(
        doc.warnings
            .iter()
            .map(|x| Block::Item(x.message.get(lang).clone())),
    );
    out.push(Block::Heading(2, w.exposure.into()));
    for (label, name) in [
        (w.estimate, "exposure_estimate_jpy"),
        (w.cap, "liability_cap_jpy"),
        (w.super_cap, "super_cap_jpy"),
    ] {
        if let Some(n) = amount(assembly, name) {
            out.push(Block::Field(label.into(), yen(n, lang)));
        }
    }
    out.push(Block::Heading(2, w.assumptions.into()));
    let assumed = assumptions(library, answers);
    if assumed.is_empty() {
        out.push(para(w.none));
    } else {
        out.push(para(w.assumptions_lead));
    }
    for id in assumed {
        if let (Some(q), Some(v)) = (library.question(id), assembly.value(id)) {
            out.push(Block::Field(
                q.prompt.get(lang).clone(),
                q.describe(v, lang),
            ));
        }
    }
    out.push(Block::Heading(2, w.overrides.into()));
    let o = &answers.overrides;
    if o.is_empty() {
        out.push(para(w.none));
    }
    for (id, ov) in &o.clauses {
        let title = library
            .clause(id)
            .map_or(id.as_str(), |c| c.title.get(lang).as_str());
        let what = match (&ov.exclude, &ov.variant, ov.text.is_empty(), lang) {
            (Some(r), _, _, Lang::Ja) => format!("除外（{r}）"),
            (Some(r), _, _, Lang::En) => format!("excluded ({r})"),
            (_, Some(v), _, _) => {
                let t = library.clause(v).map_or(v.as_str(), |c| c.title.get(lang));
                match lang {
                    Lang::Ja => format!("「{t}」を採用"),
                    Lang::En => format!("uses \"{t}\""),
                }
            }
            (_, _, false, _) => w.by_counsel.into(),
            (.., Lang::Ja) => "メモのみ".into(),
            (.., Lang::En) => "note only".into(),
        };
        out.push(Block::Field(title.into(), what));
    }
    for c in &o.custom {
        let title = c.title.get(lang).or(c.title.ja.as_deref()).unwrap_or(&c.id);
        let what = match lang {
            Lang::Ja => "法務担当者が追加した条項".to_string(),
            Lang::En => "an article added by counsel".to_string(),
        };
        out.push(Block::Field(title.into(), what));
    }
    out
}

pub fn report(
    library: &Library,
    answers: &Answers,
    assembly: &Assembly,
    doc: &Document,
    format: ReportFormat,
    lang: Lang,
) -> String {
    let blocks = blocks(library, answers, assembly, doc, lang);
    write(&blocks, format, lang, Some(words(lang).mark))
}

/// The memo as a Word file, marked 社内限り / INTERNAL in the header of every page and above
/// its title; `package` is the rider's Word package with a page header.
pub fn docx(
    library: &Library,
    answers: &Answers,
    assembly: &Assembly,
    doc: &Document,
    lang: Lang,
    package: &[u8],
    created: Option<&str>,
) -> Result<Vec<u8>, String> {
    let blocks = blocks(library, answers, assembly, doc, lang);
    crate::report::docx::report(package, &blocks, lang, words(lang).mark, created)
}
