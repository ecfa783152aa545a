//! Rendering clause bodies through Tera 2. The clause templates are compiled once per
//! library; answers and the parties' names go in as data only, never as template source,
//! so `{{ x }}` typed by a user comes out as those characters.

mod budget;
mod compile;
mod diag;
mod filters;
mod frame;
pub(crate) mod watch;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;

use tera::{Context, Tera};

use crate::answers::Meta;
use crate::document::{
    Annex, Article, DocWarning, Document, ExcludedClause, SourceRef, annex_label, article_label,
    parse_body,
};
use crate::engine::Assembly;
use crate::error::{Diagnostic, Diagnostics, Place};
use crate::lang::{Bilingual, Lang, bi};
use crate::library::model::{COMPUTED, Origin};
use crate::library::{Clause, Library, WarningRule, annex};

use compile::Compiled;
pub(crate) use diag::{TagWords, position_of, tera_diag};
pub(crate) use filters::{choice_labels, register as register_filters};
pub use frame::{FILE as FRAME_FILE, Frame};

/// Variables a clause template may read besides question ids and computed values.
const BUILTIN_VARS: &[&str] = &["meta", "lang", "articles", "annexes"];

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
        let text = &self.text[lang];
        if compile::literal(text) {
            return text.clone();
        }
        let mut out = budget::Capped::default();
        let _watch = watch::rendering(Named(self, lang), watch::TEXT_TIME);
        match tera.render_to(&self.template(lang), ctx, &mut out) {
            // Tera writes what the template produces, and templates produce UTF-8.
            Ok(()) => String::from_utf8(out.0).unwrap_or_default(),
            Err(e) => {
                diags.push(self.diag(&e, lang));
                String::new()
            }
        }
    }
}

/// A text as its errors name it (`file:line:col: [id] key.lang:`), for the guard's message.
struct Named<'a>(&'a Templated<'a>, Lang);

impl std::fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Named(t, lang) = self;
        let place = Place {
            file: &t.origin.file,
            pos: t.origin.field(t.key).or(t.origin.pos),
            id: Some(t.id),
            key: Some(&t.key(*lang)),
        };
        write!(f, "{place}")
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

fn annex_item(a: &annex::Annex) -> Templated<'_> {
    Templated {
        name: format!("annex:{}", a.id),
        id: &a.id,
        origin: &a.origin,
        key: "body",
        text: &a.body,
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

/// Every templated text of the library, in library order.
fn all_items(library: &Library) -> Vec<Templated<'_>> {
    library
        .clauses
        .iter()
        .map(clause_item)
        .chain(library.annexes.iter().map(annex_item))
        .chain(library.warnings.iter().map(warning_item))
        .collect()
}

fn new_tera(labels: &ChoiceLabels) -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(Vec::<&str>::new());
    register_filters(&mut tera, labels.clone());
    tera
}

/// The labels of every choice value, shared by every Tera instance's `choice` filter.
pub(crate) type ChoiceLabels = std::sync::Arc<HashMap<String, Bilingual<String>>>;

pub struct Renderer {
    compiled: Mutex<Compiled>,
    frame: Frame,
    labels: ChoiceLabels,
    /// The variables a text may read: question ids, computed values, built-ins.
    known: HashSet<String>,
}

impl Renderer {
    /// Compiles the document frame; the library's texts are compiled as documents use them
    /// ([`Renderer::check_all`] compiles and checks every one at once).
    pub fn new(library: &Library, frame: Frame) -> Result<Renderer, Diagnostics> {
        let labels = choice_labels(library);
        let mut tera = new_tera(&labels);
        let frame_templates = frame.templates();
        if tera
            .add_raw_templates(frame_templates.iter().map(|(n, t)| (n, t)))
            .is_err()
        {
            let diags = frame_templates
                .iter()
                .filter_map(|(n, t)| {
                    let e = new_tera(&labels).add_raw_template(n, t).err()?;
                    Some(frame.diag(n, &e))
                })
                .collect();
            return Err(Diagnostics(diags));
        }
        let known = library
            .questions
            .iter()
            .map(|q| q.id.clone())
            .chain(COMPUTED.iter().map(|(n, _, _)| n.to_string()))
            .chain(BUILTIN_VARS.iter().map(|v| v.to_string()))
            .collect();
        Ok(Renderer {
            compiled: Mutex::new(Compiled::new(tera)),
            frame,
            labels,
            known,
        })
    }

    fn context(
        library: &Library,
        assembly: &Assembly,
        annexes: &[(usize, usize)],
        meta: &Meta,
        lang: Lang,
    ) -> Context {
        let mut ctx = Context::new();
        for (k, v) in &assembly.values {
            ctx.insert(k.clone(), v);
        }
        ctx.insert("meta", meta);
        ctx.insert("lang", lang.code());
        let id = |i: usize| library.clauses[i].id.as_str();
        let articles: BTreeMap<&str, usize> = assembly
            .included
            .iter()
            .flat_map(|i| {
                let stands_for = i.stands_for.map(|r| (id(r), i.number));
                std::iter::once((id(i.clause), i.number)).chain(stands_for)
            })
            .collect();
        ctx.insert("articles", &articles);
        let annexes: BTreeMap<&str, usize> = annexes
            .iter()
            .map(|&(i, n)| (library.annexes[i].id.as_str(), n))
            .collect();
        ctx.insert("annexes", &annexes);
        ctx
    }

    /// Renders the selected clauses in both languages into a document.
    pub fn render(
        &self,
        library: &Library,
        assembly: &Assembly,
        meta: &Meta,
    ) -> Result<Document, Diagnostics> {
        budget::reset();
        let included_annexes = annex::included(&library.annexes, &assembly.values);
        let used: Vec<Templated> = assembly
            .included
            .iter()
            .map(|inc| clause_item(&library.clauses[inc.clause]))
            .chain(
                included_annexes
                    .iter()
                    .map(|&(i, _)| annex_item(&library.annexes[i])),
            )
            .chain(
                assembly
                    .warnings
                    .iter()
                    .filter_map(|w| w.rule)
                    .map(|r| warning_item(&library.warnings[r])),
            )
            .collect();
        let contexts = Bilingual::new(
            Self::context(library, assembly, &included_annexes, meta, Lang::Ja),
            Self::context(library, assembly, &included_annexes, meta, Lang::En),
        );
        // A poisoned lock only means a render panicked; what was compiled stays sound.
        let mut compiled = self.compiled.lock().unwrap_or_else(|e| e.into_inner());
        let mut rendered = self.render_texts(&mut compiled, &used, &contexts)?;
        let mut text =
            |item: &Templated, l: Lang| rendered.remove(&item.template(l)).unwrap_or_default();
        let source_refs = |ids: &[String]| -> Vec<SourceRef> {
            ids.iter()
                .map(|id| SourceRef {
                    id: id.clone(),
                    citation: library
                        .source(id)
                        .map_or_else(|| bi(id, id), |s| s.citation.clone()),
                })
                .collect()
        };
        let mut articles = Vec::with_capacity(assembly.included.len());
        for inc in &assembly.included {
            let c = &library.clauses[inc.clause];
            let item = clause_item(c);
            let body = Bilingual::new(Lang::Ja, Lang::En).map(|_, &l| text(&item, l));
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
                sources: source_refs(&c.sources),
                reason: inc.reason.words(library),
            });
        }
        let mut annexes = Vec::with_capacity(included_annexes.len());
        for &(i, number) in &included_annexes {
            let a = &library.annexes[i];
            let item = annex_item(a);
            let body = Bilingual::new(Lang::Ja, Lang::En).map(|_, &l| text(&item, l));
            annexes.push(Annex {
                id: a.id.clone(),
                number,
                label: Bilingual::new(Lang::Ja, Lang::En).map(|_, &l| annex_label(number, l)),
                title: a.title.clone(),
                paragraphs: body.map(|l, text| parse_body(text, l)),
                rationale: a.rationale.clone(),
                sources: source_refs(&a.sources),
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
                        Bilingual::new(Lang::Ja, Lang::En).map(|_, &l| text(&item, l))
                    }
                    None => w.message.clone(),
                },
            })
            .collect();
        let framed = self.frame.render(compiled.frame(), meta, &contexts)?;
        let name = |value: &str| {
            Bilingual::new(Lang::Ja, Lang::En).map(|_, &l| {
                if value.is_empty() {
                    self.frame.blank(l).to_string()
                } else {
                    value.to_string()
                }
            })
        };
        Ok(Document {
            title: framed.title,
            meta: meta.clone(),
            preamble: framed.preamble,
            parties: crate::document::Parties {
                customer: name(&meta.customer),
                vendor: name(&meta.vendor),
                project: name(&meta.project_name),
            },
            articles,
            closing: framed.closing,
            date_line: framed.date_line,
            signatures: framed.signatures,
            annexes,
            excluded: assembly
                .excluded
                .iter()
                .map(|e| {
                    let c = &library.clauses[e.clause];
                    ExcludedClause {
                        id: c.id.clone(),
                        title: c.title.clone(),
                        reason: e.reason.words(library),
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
