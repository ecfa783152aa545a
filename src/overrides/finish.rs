//! Counsel's texts put into the rendered document: the wording that replaces the
//! library's, the articles counsel added, and the warnings they call for (no English,
//! articles cited by number, overrides that wait for their clause).

use super::{Entry, LangText, Overrides, Plan};
use crate::document::{Article, DocWarning, Document, article_label, parse_body};
use crate::lang::{Bilingual, Lang, bi};

/// Whether counsel's text cites an article by its number (第8条, Article 8): literal text
/// keeps the number when articles are added or excluded and the numbering moves.
fn cites_by_number(text: &str) -> bool {
    let digits_after =
        |rest: &str| rest.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    text.match_indices('第').any(|(i, _)| {
        let rest = &text[i + '第'.len_utf8()..];
        digits_after(rest)
            && rest
                .trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
                .starts_with('条')
    }) || text
        .match_indices("Article ")
        .any(|(i, _)| digits_after(&text[i + 8..]))
}

/// The warnings about counsel's wording of one article.
#[derive(Clone, Copy)]
enum About {
    CitesNumber,
    Untranslated,
}

fn about(what: About, number: usize) -> DocWarning {
    let (ja, en) = (
        article_label(number, Lang::Ja),
        article_label(number, Lang::En),
    );
    let (code, message) = match what {
        About::CitesNumber => (
            "override_cites_number",
            Bilingual::new(
                format!(
                    "{ja}の法務担当者の文言は、他の条を番号で引用しています。条の追加又は除外により番号が変わったときは、引用先を確認してください。"
                ),
                format!(
                    "Counsel's wording of {en} cites other articles by number: check them whenever articles are added or excluded and the numbers move."
                ),
            ),
        ),
        About::Untranslated => (
            "override_untranslated",
            Bilingual::new(
                format!(
                    "{ja}の法務担当者の文言には英語がないため、英語版には日本語の文言を記載しています。"
                ),
                format!(
                    "Counsel's wording of {en} has no English: the English version shows the Japanese."
                ),
            ),
        ),
    };
    DocWarning {
        code: code.into(),
        message,
    }
}

/// A custom clause's text in both languages (the Japanese is required when it is read):
/// without English, the English version shows the Japanese, and a warning says so.
fn both(t: &LangText) -> (Bilingual<String>, bool) {
    let ja = t.ja.clone().unwrap_or_default();
    match &t.en {
        Some(en) => (Bilingual::new(ja, en.clone()), false),
        None => (Bilingual::new(ja.clone(), ja), true),
    }
}

/// Puts counsel's articles and wording into the rendered document.
pub fn finish(overrides: &Overrides, plan: &Plan, doc: &mut Document) {
    for a in &mut doc.articles {
        let Some(t) = overrides.clauses.get(&a.id).map(|o| &o.text) else {
            continue;
        };
        if t.is_empty() {
            continue;
        }
        // Counsel's Japanese replaces the library's; the English follows counsel's English,
        // or shows counsel's Japanese rather than keep wording counsel replaced.
        if let Some(ja) = &t.ja {
            a.paragraphs.ja = parse_body(ja, Lang::Ja);
        }
        if let Some(en) = t.en.as_ref().or(t.ja.as_ref()) {
            a.paragraphs.en = parse_body(en, Lang::En);
        }
        a.reason = a.reason.map(|l, r| match l {
            Lang::Ja => format!("{r}（文言は法務担当者による）"),
            Lang::En => format!("{r} (wording by counsel)"),
        });
        if t.en.is_none() {
            doc.warnings.push(about(About::Untranslated, a.number));
        }
        if [&t.ja, &t.en]
            .into_iter()
            .flatten()
            .any(|t| cites_by_number(t))
        {
            doc.warnings.push(about(About::CitesNumber, a.number));
        }
    }
    for (pos, e) in plan.entries.iter().enumerate() {
        let Entry::Custom(n) = *e else { continue };
        let c = &overrides.custom[n];
        let (title, _) = both(&c.title);
        let (text, partial) = both(&c.text);
        let number = pos + 1;
        if partial {
            doc.warnings.push(about(About::Untranslated, number));
        }
        if [&c.text.ja, &c.text.en]
            .into_iter()
            .flatten()
            .any(|t| cites_by_number(t))
        {
            doc.warnings.push(about(About::CitesNumber, number));
        }
        doc.articles.insert(
            pos.min(doc.articles.len()),
            Article {
                id: c.id.clone(),
                family: "custom".into(),
                number,
                label: Bilingual::new(
                    article_label(number, Lang::Ja),
                    article_label(number, Lang::En),
                ),
                title,
                paragraphs: text.map(|l, t| parse_body(t, l)),
                rationale: bi("法務担当者が追加した条項", "An article added by counsel"),
                sources: Vec::new(),
                reason: bi("法務担当者が追加", "Added by counsel"),
            },
        );
    }
    for id in &plan.idle {
        doc.warnings.push(DocWarning {
            code: "override_idle".into(),
            message: Bilingual::new(
                format!("「{id}」の指定は、この回答では同条項が採用されないため適用されていません（回答ファイルには残っています）。"),
                format!("The override of \"{id}\" has no effect: the clause is not in this set (it stays in the answers file)."),
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::cites_by_number;

    #[test]
    fn article_numbers_are_found_in_counsels_text() {
        assert!(cites_by_number("第8条及び第１７条による"));
        assert!(cites_by_number("under Article 12"));
        assert!(!cites_by_number("第三者に提供し、第1項の"));
        assert!(!cites_by_number("次条に定める"));
    }
}
