//! Rendering clause bodies through Tera 2. The clause templates are compiled once per
//! library; answers and the parties' names go in as data only, never as template source,
//! so `{{ x }}` typed by a user comes out as those characters.

mod budget;
mod diag;
mod filters;
mod frame;
pub mod watch;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;

use tera::{Context, Tera};

use crate::answers::Meta;
use crate::document::{
    Annex, Article, DocWarning, Document, ExcludedClause, SourceRef, annex_label, article_label,
    parse_body,
};
use crate::engine::Assembly;
use crate::error::{Diagnostic, Diagnostics};
use crate::lang::{Bilingual, Lang, bi};
use crate::library::model::{COMPUTED, Origin};
use crate::library::{Clause, Library, WarningRule, annex};

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

/// A text as its errors name it (`file:line:col: [id] key.lang`), for the guard's message.
struct Named<'a>(&'a Templated<'a>, Lang);

impl std::fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Named(t, lang) = self;
        write!(f, "{}", t.origin.file)?;
        if let Some((line, col)) = t.origin.field(t.key).or(t.origin.pos) {
            write!(f, ":{line}:{col}")?;
        }
        write!(f, ": [{}] {}", t.id, t.key(*lang))
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

/// Texts compiled together into one Tera instance: enough that an instance's fixed cost
/// is spread, few enough that `check` holds a small part of the library compiled.
const BATCH: usize = 512;

/// The most texts a renderer keeps compiled for the next document (a library's few
/// hundred clauses in two languages); a larger document compiles what it needs anew.
const KEEP: usize = 4096;

/// Tags that reach outside a text (another template, or a component that other texts or
/// itself could call): a library text is compiled alone, in whichever batch it falls.
const OUTSIDE_TAGS: &[&str] = &["component", "include", "extends"];

/// The offset and word of the first tag of [`OUTSIDE_TAGS`] in a text.
fn outside_tag(text: &str) -> Option<(usize, &'static str)> {
    let mut from = 0;
    while let Some(at) = text[from..].find("{%").map(|i| i + from) {
        from = at + 2;
        let tag = text[from..].trim_start_matches('-').trim_start();
        let word = tag
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
            .unwrap_or_default();
        if let Some(t) = OUTSIDE_TAGS.iter().find(|t| **t == word) {
            return Some((at, t));
        }
    }
    None
}

/// Tera's name for the whole context of a render.
const WHOLE_CONTEXT: &str = "__tera_context";

/// The labels of every choice value, shared by every Tera instance's `choice` filter.
pub(crate) type ChoiceLabels = std::sync::Arc<HashMap<String, Bilingual<String>>>;

/// The texts compiled so far: each text is compiled the first time a document uses it,
/// in batches on every core, each batch its own Tera instance.
struct Compiled {
    /// The frame's instance first, then one per batch.
    teras: Vec<Tera>,
    /// The instance that holds each compiled text.
    at: HashMap<String, usize>,
    /// Texts that compiled but whose variables were refused: reported again, never rendered.
    refused: HashMap<String, Vec<Diagnostic>>,
}

impl Compiled {
    fn tera(&self, template: &str) -> &Tera {
        self.at
            .get(template)
            .map_or(&self.teras[0], |&i| &self.teras[i])
    }
}

pub struct Renderer {
    compiled: Mutex<Compiled>,
    frame: Frame,
    labels: ChoiceLabels,
    /// The variables a text may read: question ids, computed values, built-ins.
    known: HashSet<String>,
}

/// The problems of a batch of texts compiled together: syntax errors (each text compiled
/// alone to find them), else the variables each compiled text may not read.
#[derive(Default)]
struct Problems {
    syntax: Vec<Diagnostic>,
    variables: Vec<(String, Diagnostic)>,
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
            compiled: Mutex::new(Compiled {
                teras: vec![tera],
                at: HashMap::new(),
                refused: HashMap::new(),
            }),
            frame,
            labels,
            known,
        })
    }

    /// Compiles every clause body, annex and warning message, on every core, and reports
    /// every syntax error (or, when none, every refused variable) at once. The compiled
    /// texts are not kept: a document compiles the texts it uses.
    pub fn check_all(&self, library: &Library) -> Result<(), Diagnostics> {
        let items = all_items(library);
        let texts: Vec<(&Templated, Lang)> = items
            .iter()
            .flat_map(|i| Lang::ALL.map(|l| (i, l)))
            .collect();
        // Each batch is dropped once checked.
        let shards: Vec<Problems> = self.in_batches(&texts, |_, problems| problems);
        let syntax: Vec<Diagnostic> = shards.iter().flat_map(|p| p.syntax.clone()).collect();
        let diags = if syntax.is_empty() {
            shards
                .into_iter()
                .flat_map(|p| p.variables)
                .map(|(_, d)| d)
                .collect()
        } else {
            syntax
        };
        if diags.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(diags))
        }
    }

    /// Compiles `texts` in batches taken in turn by one thread per core, each batch into
    /// its own Tera instance, and gives each instance and its problems to `keep`; the
    /// results in the order of the texts.
    fn in_batches<R: Send>(
        &self,
        texts: &[(&Templated, Lang)],
        keep: impl Fn(Tera, Problems) -> R + Sync,
    ) -> Vec<R> {
        let batches: Vec<&[(&Templated, Lang)]> = texts.chunks(BATCH).collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let done: Mutex<Vec<(usize, R)>> = Mutex::new(Vec::new());
        let work = || {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(batch) = batches.get(i) else { break };
                let mut tera = new_tera(&self.labels);
                let problems = self.compile(&mut tera, batch);
                let kept = keep(tera, problems);
                done.lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, kept));
            }
        };
        if batches.len() > 1 {
            std::thread::scope(|s| {
                for _ in 0..cores.min(batches.len()) {
                    s.spawn(work);
                }
            });
        } else {
            // One batch (a document of the default library): no thread to start.
            work();
        }
        let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
        done.sort_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, r)| r).collect()
    }

    /// Compiles `texts` into `tera` in one batch (compiling them one by one into a shared
    /// instance would cost quadratic time) and checks what each may read.
    fn compile(&self, tera: &mut Tera, texts: &[(&Templated, Lang)]) -> Problems {
        let mut problems = Problems::default();
        if tera
            .add_raw_templates(texts.iter().map(|(i, l)| (i.template(*l), &i.text[*l])))
            .is_err()
        {
            for (i, l) in texts {
                if let Err(e) = new_tera(&self.labels).add_raw_template("t", &i.text[*l]) {
                    problems.syntax.push(i.diag(&e, *l));
                }
            }
            return problems;
        }
        for (i, l) in texts {
            for d in self.check_variables(tera, i, *l) {
                problems.variables.push((i.template(*l), d));
            }
        }
        problems
    }

    /// What a compiled text reads: never Tera's whole context, never an unknown variable;
    /// and that it stands alone.
    fn check_variables(&self, tera: &Tera, i: &Templated, l: Lang) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let text = &i.text[l];
        let key = i.key(l);
        let mut refuse = |at: usize, message: String| {
            let (line, col) = crate::error::line_col(text, at);
            let pos = i.origin.inside(&key, line, col);
            diags.push(
                i.origin
                    .diag(i.id, Some(&key), message)
                    .at(pos.or(i.origin.field(&key))),
            );
        };
        // Tera's whole context: every answer and computed value, into the contract.
        if let Some(at) = text.find(WHOLE_CONTEXT) {
            refuse(
                at,
                format!(
                    "template: `{WHOLE_CONTEXT}` would print every answer and computed \
                     value; name the variables the text needs"
                ),
            );
        }
        if let Some((at, tag)) = outside_tag(text) {
            refuse(
                at,
                format!(
                    "template: `{{% {tag} %}}` is not allowed in a library text: each text is \
                     compiled on its own, and a component that calls itself could fan out \
                     without bound"
                ),
            );
        }
        let vars = tera
            .get_template_variables(&i.template(l))
            .unwrap_or_default();
        let mut unknown: Vec<&str> = vars
            .into_iter()
            .filter(|v| !self.known.contains(*v))
            .collect();
        if unknown.is_empty() {
            return diags;
        }
        unknown.sort_unstable();
        let words = TagWords::new(text);
        for v in unknown {
            let pos = words
                .position(v)
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
        diags
    }

    /// Renders every text of `items` in both languages, by template name. The texts not
    /// compiled yet are compiled a group of batches at a time (one batch per core) and
    /// rendered; a group is kept for the next document while the compiled texts number at
    /// most [`KEEP`], else dropped once rendered, so that a document of thousands of
    /// articles never holds them all compiled. Nothing is rendered from a text that does
    /// not compile or reads what it may not.
    fn render_texts(
        &self,
        compiled: &mut Compiled,
        items: &[Templated],
        contexts: &Bilingual<Context>,
    ) -> Result<HashMap<String, String>, Diagnostics> {
        let texts: Vec<(&Templated, Lang)> = items
            .iter()
            .flat_map(|i| Lang::ALL.map(|l| (i, l)))
            .collect();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut rendered = HashMap::with_capacity(texts.len());
        let mut syntax = Vec::new();
        let mut failed = Vec::new();
        for group in texts.chunks(BATCH * cores) {
            let missing: Vec<(&Templated, Lang)> = group
                .iter()
                .filter(|(i, l)| !compiled.at.contains_key(&i.template(*l)))
                .copied()
                .collect();
            let mut fresh = Vec::new();
            let mut fresh_at = HashMap::new();
            let batches = self.in_batches(&missing, |tera, problems| (tera, problems));
            for ((tera, problems), chunk) in batches.into_iter().zip(missing.chunks(BATCH)) {
                syntax.extend(problems.syntax);
                for (name, d) in problems.variables {
                    compiled.refused.entry(name).or_default().push(d);
                }
                for (i, l) in chunk {
                    fresh_at.insert(i.template(*l), fresh.len());
                }
                fresh.push((tera, chunk));
            }
            // After a syntax error the rest is compiled only to report every one.
            if !syntax.is_empty() {
                continue;
            }
            for (i, l) in group {
                let name = i.template(*l);
                if compiled.refused.contains_key(&name) {
                    continue;
                }
                let tera = fresh_at
                    .get(&name)
                    .map_or_else(|| compiled.tera(&name), |&n| &fresh[n].0);
                let text = i.render(tera, &contexts[*l], *l, &mut failed);
                rendered.insert(name, text);
            }
            for (tera, chunk) in fresh {
                if compiled.at.len() + chunk.len() > KEEP {
                    continue;
                }
                let at = compiled.teras.len();
                compiled.teras.push(tera);
                for (i, l) in chunk {
                    compiled.at.insert(i.template(*l), at);
                }
            }
        }
        if !syntax.is_empty() {
            return Err(Diagnostics(syntax));
        }
        let refused: Vec<Diagnostic> = texts
            .iter()
            .filter_map(|(i, l)| compiled.refused.get(&i.template(*l)))
            .flatten()
            .cloned()
            .collect();
        if !refused.is_empty() {
            return Err(Diagnostics(refused));
        }
        if !failed.is_empty() {
            return Err(Diagnostics(failed));
        }
        Ok(rendered)
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
        let framed = self.frame.render(&compiled.teras[0], meta, &contexts)?;
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
