//! Counsel's texts put into the rendered document: the wording that replaces the
//! library's, the articles counsel added, and the warnings they call for (no English,
//! articles cited by number, overrides that wait for their clause).

use super::{Entry, LangText, Overrides, Plan};
use crate::document::{Article, DocWarning, Document, article_label, parse_body};
use crate::labels::{self, OverrideWords, fill};
use crate::lang::{Bilingual, Lang};

/// A text of the catalogue's overrides section in both languages.
fn words(text: impl Fn(&'static OverrideWords) -> &'static String) -> Bilingual<String> {
    Bilingual::from_fn(|l| text(&labels::get(l).overrides).clone())
}

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
    let code = match what {
        About::CitesNumber => "override_cites_number",
        About::Untranslated => "override_untranslated",
    };
    DocWarning {
        code: code.into(),
        message: Bilingual::from_fn(|l| {
            let w = &labels::get(l).overrides;
            let message = match what {
                About::CitesNumber => &w.cites_number,
                About::Untranslated => &w.untranslated,
            };
            fill(message, &[("article", &article_label(number, l))])
        }),
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
        a.reason = a
            .reason
            .map(|l, r| fill(&labels::get(l).overrides.wording, &[("reason", r)]));
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
                rationale: words(|w| &w.added_rationale),
                sources: Vec::new(),
                reason: words(|w| &w.added),
            },
        );
    }
    for id in &plan.idle {
        doc.warnings.push(DocWarning {
            code: "override_idle".into(),
            message: Bilingual::from_fn(|l| fill(&labels::get(l).overrides.idle, &[("id", id)])),
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
