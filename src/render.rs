//! Rendering clause bodies through Tera 2. The clause templates are compiled once per
//! library; answers and the parties' names go in as data only, never as template source,
//! so `{{ x }}` typed by a user comes out as those characters.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use tera::{Context, Kwargs, State, Tera};

use crate::answers::Meta;
use crate::document::{
    Article, DocWarning, Document, ExcludedClause, SourceRef, article_label, parse_body,
};
use crate::engine::Assembly;
use crate::error::{Diagnostic, Diagnostics};
use crate::lang::{Bilingual, Lang, bi};
use crate::library::model::{COMPUTED, Origin};
use crate::library::{Clause, Library, WarningRule};

/// Variables a clause template may read besides question ids and computed values.
const BUILTIN_VARS: &[&str] = &["meta", "lang", "articles"];

pub struct Renderer {
    tera: Tera,
}

/// The (line, column) of the first use of `name` inside a template tag.
pub(crate) fn position_of(text: &str, name: &str) -> Option<(usize, usize)> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || "_.\"'".contains(c));
    let mut from = 0;
    while let Some(i) = text[from..].find(name).map(|i| i + from) {
        let (before, after) = (&text[..i], &text[i + name.len()..]);
        let opened = before.rfind("{{").max(before.rfind("{%"));
        let closed = before.rfind("}}").max(before.rfind("%}"));
        if !word(before.chars().next_back()) && !word(after.chars().next()) && opened > closed {
            return Some(crate::error::line_col(text, i));
        }
        from = i + name.len();
    }
    None
}

fn lang_of(state: &State) -> Lang {
    match state.get::<String>("lang") {
        Ok(Some(l)) if l == "en" => Lang::En,
        _ => Lang::Ja,
    }
}

/// Turns a Tera error into a diagnostic pointing into the clause's `body.<lang>` text.
pub(crate) fn tera_diag(err: &tera::Error, origin: &Origin, id: &str, key: &str) -> Diagnostic {
    let (message, pos) = match err.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let s = r.span();
            (
                r.message().to_string(),
                origin.inside(key, s.start_line, s.start_col + 1),
            )
        }
        _ => {
            let mut message = err.to_string();
            let mut source = std::error::Error::source(err);
            while let Some(s) = source {
                message = format!("{message}: {s}");
                source = s.source();
            }
            (message, origin.field(key).or(origin.pos))
        }
    };
    let message = message.lines().next().unwrap_or_default().to_string();
    Diagnostic::new(&origin.file, format!("template: {message}"))
        .at(pos)
        .id(id)
        .key(key)
}

/// Registers the filters of clause and document templates: `yen`, `num`, `article`,
/// `choice`, `date`.
pub(crate) fn register_filters(tera: &mut Tera, labels: Arc<HashMap<String, Bilingual<String>>>) {
    tera.register_filter("yen", |n: i64, _: Kwargs, state: &State| {
        crate::format::yen(n, lang_of(state))
    });
    tera.register_filter("num", |n: i64, _: Kwargs, _: &State| {
        crate::format::thousands(n)
    });
    tera.register_filter("date", |s: &str, _: Kwargs, state: &State| {
        crate::format::date(s, lang_of(state)).unwrap_or_else(|| s.to_string())
    });
    tera.register_filter("article", |id: &str, _: Kwargs, state: &State| -> tera::TeraResult<String> {
        // A lookup, not a scan or a copy of the map: this runs once per reference.
        let articles = state.get::<tera::Value>("articles")?.unwrap_or_else(tera::Value::none);
        let number = articles
            .as_map()
            .and_then(|m| m.get(&tera::value::Key::from(id.to_string())))
            .and_then(|v| v.as_i64())
            .ok_or_else(|| {
                tera::Error::message(format!(
                    "clause \"{id}\" is not in this clause set; guard the reference with {{% if \"{id}\" in articles %}}"
                ))
            })?;
        Ok(article_label(number as usize, lang_of(state)))
    });
    tera.register_filter("choice", move |v: tera::Value, _: Kwargs, state: &State| {
        let lang = lang_of(state);
        let label = |s: &str| {
            labels
                .get(s)
                .map_or_else(|| s.to_string(), |l| l.get(lang).clone())
        };
        match v.as_array() {
            Some(items) => {
                let sep = if lang == Lang::Ja { "、" } else { ", " };
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(label))
                    .collect::<Vec<_>>()
                    .join(sep)
            }
            None => v.as_str().map(label).unwrap_or_default(),
        }
    });
}

pub(crate) fn choice_labels(library: &Library) -> Arc<HashMap<String, Bilingual<String>>> {
    let mut labels = HashMap::new();
    for q in &library.questions {
        for c in &q.choices {
            labels
                .entry(c.value.clone())
                .or_insert_with(|| c.label.clone());
        }
    }
    Arc::new(labels)
}

/// A templated text of the library: a clause body or a warning message.
struct Templated<'a> {
    /// Template name prefix: `clause:<id>` or `warning:<code>`.
    name: String,
    id: &'a str,
    origin: &'a Origin,
    key: &'static str,
    text: &'a Bilingual<String>,
}

impl Templated<'_> {
    fn template(&self, lang: Lang) -> String {
        format!("{}.{}", self.name, lang.code())
    }

    fn key(&self, lang: Lang) -> String {
        format!("{}.{}", self.key, lang.code())
    }

    fn diag(&self, e: &tera::Error, lang: Lang) -> Diagnostic {
        tera_diag(e, self.origin, self.id, &self.key(lang))
    }

    /// Renders in one language, or records the error and returns an empty text.
    fn render(
        &self,
        tera: &Tera,
        ctx: &Context,
        lang: Lang,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        tera.render(&self.template(lang), ctx).unwrap_or_else(|e| {
            diags.push(self.diag(&e, lang));
            String::new()
        })
    }
}

fn clause_item(c: &Clause) -> Templated<'_> {
    Templated {
        name: format!("clause:{}", c.id),
        id: &c.id,
        origin: &c.origin,
        key: "body",
        text: &c.body,
    }
}

fn warning_item(w: &WarningRule) -> Templated<'_> {
    Templated {
        name: format!("warning:{}", w.code),
        id: &w.code,
        origin: &w.origin,
        key: "message",
        text: &w.message,
    }
}

impl Renderer {
    /// Compiles every clause body and warning message; reports every syntax error and
    /// unknown variable at once.
    pub fn new(library: &Library) -> Result<Renderer, Diagnostics> {
        let labels = choice_labels(library);
        let new_tera = || {
            let mut tera = Tera::new();
            tera.autoescape_on(Vec::<&str>::new());
            register_filters(&mut tera, labels.clone());
            tera
        };
        let items: Vec<Templated> = library
            .clauses
            .iter()
            .map(clause_item)
            .chain(library.warnings.iter().map(warning_item))
            .collect();
        let templates: Vec<(String, &str)> = items
            .iter()
            .flat_map(|i| Lang::ALL.map(|l| (i.template(l), i.text.get(l).as_str())))
            .collect();
        let mut tera = new_tera();
        let mut diags = Vec::new();
        if tera
            .add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), *t)))
            .is_err()
        {
            // Find every broken text, each compiled alone (adding them one by one to a
            // shared instance would cost quadratic time on a large library).
            for i in &items {
                for l in Lang::ALL {
                    if let Err(e) = new_tera().add_raw_template("t", i.text.get(l)) {
                        diags.push(i.diag(&e, l));
                    }
                }
            }
            return Err(Diagnostics(diags));
        }
        let known: HashSet<&str> = library
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .chain(COMPUTED.iter().map(|(n, _)| *n))
            .chain(BUILTIN_VARS.iter().copied())
            .collect();
        for i in &items {
            for l in Lang::ALL {
                let vars = tera
                    .get_template_variables(&i.template(l))
                    .unwrap_or_default();
                let mut unknown: Vec<&str> =
                    vars.into_iter().filter(|v| !known.contains(v)).collect();
                unknown.sort_unstable();
                for v in unknown {
                    let key = i.key(l);
                    let pos = position_of(i.text.get(l), v)
                        .and_then(|(line, col)| i.origin.inside(&key, line, col));
                    diags.push(
                        i.origin
                            .diag(
                                i.id,
                                Some(&key),
                                format!("template: unknown variable `{v}`"),
                            )
                            .at(pos.or(i.origin.field(&key))),
                    );
                }
            }
        }
        if diags.is_empty() {
            Ok(Renderer { tera })
        } else {
            Err(Diagnostics(diags))
        }
    }

    fn context(library: &Library, assembly: &Assembly, meta: &Meta, lang: Lang) -> Context {
        let mut ctx = Context::new();
        for (k, v) in &assembly.values {
            ctx.insert(k.clone(), v);
        }
        ctx.insert("meta", meta);
        ctx.insert("lang", lang.code());
        let articles: BTreeMap<&str, usize> = assembly
            .included
            .iter()
            .map(|i| (library.clauses[i.clause].id.as_str(), i.number))
            .collect();
        ctx.insert("articles", &articles);
        ctx
    }

    /// Renders the selected clauses in both languages into a document.
    pub fn render(
        &self,
        library: &Library,
        assembly: &Assembly,
        meta: &Meta,
    ) -> Result<Document, Diagnostics> {
        let contexts = Bilingual::new(
            Self::context(library, assembly, meta, Lang::Ja),
            Self::context(library, assembly, meta, Lang::En),
        );
        let mut diags = Vec::new();
        let mut articles = Vec::with_capacity(assembly.included.len());
        for inc in &assembly.included {
            let c = &library.clauses[inc.clause];
            let item = clause_item(c);
            let body = Bilingual::new(Lang::Ja, Lang::En)
                .map(|_, &l| item.render(&self.tera, contexts.get(l), l, &mut diags));
            articles.push(Article {
                id: c.id.clone(),
                family: c.family.clone(),
                number: inc.number,
                label: Bilingual::new(
                    article_label(inc.number, Lang::Ja),
                    article_label(inc.number, Lang::En),
                ),
                title: c.title.clone(),
                paragraphs: body.map(|l, text| parse_body(text, l)),
                rationale: c.rationale.clone(),
                sources: c
                    .sources
                    .iter()
                    .map(|id| SourceRef {
                        id: id.clone(),
                        citation: library
                            .source(id)
                            .map_or_else(|| bi(id, id), |s| s.citation.clone()),
                    })
                    .collect(),
                reason: inc.reason.clone(),
            });
        }
        let warnings: Vec<DocWarning> = assembly
            .warnings
            .iter()
            .map(|w| DocWarning {
                code: w.code.clone(),
                message: match w.rule {
                    Some(r) => {
                        let item = warning_item(&library.warnings[r]);
                        Bilingual::new(Lang::Ja, Lang::En)
                            .map(|_, &l| item.render(&self.tera, contexts.get(l), l, &mut diags))
                    }
                    None => w.message.clone(),
                },
            })
            .collect();
        if !diags.is_empty() {
            return Err(Diagnostics(diags));
        }
        let project = if meta.project_name.is_empty() {
            bi("本件", "the Project")
        } else {
            Bilingual::new(meta.project_name.clone(), meta.project_name.clone())
        };
        let party = |name: &str, ja: &str, en: &str| {
            if name.is_empty() {
                bi(ja, en)
            } else {
                Bilingual::new(name.to_string(), name.to_string())
            }
        };
        let customer = party(&meta.customer, "（委託者名）", "[Customer name]");
        let vendor = party(&meta.vendor, "（受託者名）", "[Vendor name]");
        let preamble = Bilingual::new(
            format!(
                "{}（以下「甲」という。）と{}（以下「乙」という。）とは、「{}」に関して甲乙間で締結する契約（以下「原契約」という。）に付帯して、情報セキュリティに関し、次のとおり特約（以下「本特約」という。）を締結する。",
                customer.ja, vendor.ja, project.ja
            ),
            format!(
                "{} (the \"Customer\") and {} (the \"Vendor\") agree on the following terms on information security (this \"Rider\") as part of the contract between them for \"{}\" (the \"Main Contract\").",
                customer.en, vendor.en, project.en
            ),
        );
        Ok(Document {
            title: bi("情報セキュリティに関する特約", "Information Security Rider"),
            meta: meta.clone(),
            date: crate::format::parse_date(&meta.date).map(|_| {
                Bilingual::new(Lang::Ja, Lang::En)
                    .map(|_, &l| crate::format::date(&meta.date, l).unwrap_or_default())
            }),
            preamble,
            parties: crate::document::Parties {
                customer,
                vendor,
                project,
            },
            articles,
            excluded: assembly
                .excluded
                .iter()
                .map(|e| {
                    let c = &library.clauses[e.clause];
                    ExcludedClause {
                        id: c.id.clone(),
                        title: c.title.clone(),
                        reason: e.reason.clone(),
                    }
                })
                .collect(),
            warnings,
            computed: assembly
                .computed
                .iter()
                .map(|(n, v)| (n.to_string(), v.clone()))
                .collect(),
        })
    }
}
