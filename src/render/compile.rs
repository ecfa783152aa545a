//! Compiling the library's texts: in batches on every core, each batch its own Tera
//! instance, each text checked for what it may read; and rendering a document's texts
//! from them. A text without any template syntax is not compiled at all.

use std::collections::HashMap;
use std::sync::Mutex;

use memchr::memmem;
use tera::{Context, Tera};

use super::budget::TEXT_LIMIT;
use super::{Renderer, TagWords, Templated, all_items, new_tera};
use crate::error::{Diagnostic, Diagnostics};
use crate::lang::{Bilingual, Lang};
use crate::library::Library;

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
    for at in memmem::find_iter(text.as_bytes(), "{%") {
        let tag = text[at + 2..].trim_start_matches('-').trim_start();
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

/// Whether a text has no template syntax at all (no `{{`, `{%` or `{#`): Tera would
/// render it as itself, so it is neither compiled nor rendered. A text longer than a text
/// may write still goes through Tera, which refuses it as it refuses any other.
pub(super) fn literal(text: &str) -> bool {
    text.len() <= TEXT_LIMIT
        && !text
            .match_indices('{')
            .any(|(i, _)| matches!(text.as_bytes().get(i + 1), Some(b'{' | b'%' | b'#')))
}

/// Tera's name for the whole context of a render.
const WHOLE_CONTEXT: &str = "__tera_context";

/// The texts compiled so far: each text is compiled the first time a document uses it,
/// in batches on every core, each batch its own Tera instance.
pub(super) struct Compiled {
    /// The frame's instance first, then one per batch.
    teras: Vec<Tera>,
    /// The instance that holds each compiled text.
    at: HashMap<String, usize>,
    /// Texts that compiled but whose variables were refused: reported again, never rendered.
    refused: HashMap<String, Vec<Diagnostic>>,
}

impl Compiled {
    pub(super) fn new(frame: Tera) -> Compiled {
        Compiled {
            teras: vec![frame],
            at: HashMap::new(),
            refused: HashMap::new(),
        }
    }

    /// The instance that holds the document frame.
    pub(super) fn frame(&self) -> &Tera {
        &self.teras[0]
    }

    fn tera(&self, template: &str) -> &Tera {
        self.at
            .get(template)
            .map_or(&self.teras[0], |&i| &self.teras[i])
    }
}

/// The problems of a batch of texts compiled together: syntax errors (each text compiled
/// alone to find them), else the variables each compiled text may not read.
#[derive(Default)]
struct Problems {
    syntax: Vec<Diagnostic>,
    variables: Vec<(String, Diagnostic)>,
}

impl Renderer {
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
        let templated = || texts.iter().filter(|(i, l)| !literal(&i.text[*l]));
        if tera
            .add_raw_templates(templated().map(|(i, l)| (i.template(*l), &i.text[*l])))
            .is_err()
        {
            for (i, l) in templated() {
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
        if let Some(at) = memmem::find(text.as_bytes(), WHOLE_CONTEXT.as_bytes()) {
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
        // A literal text reads nothing; it was not compiled.
        let vars = if literal(text) {
            Default::default()
        } else {
            tera.get_template_variables(&i.template(l))
                .unwrap_or_default()
        };
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
    pub(super) fn render_texts(
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_text_without_any_tag_is_literal() {
        assert!(literal("甲は、乙に{通知}する。}} %} #}"));
        assert!(literal(""));
        for tagged in ["{{ x }}", "a{%- if x %}b{% endif %}", "{# note #}", "{{"] {
            assert!(!literal(tagged), "{tagged}");
        }
        // Longer than a text may write: Tera refuses it, as it refuses any other.
        assert!(!literal(&"あ".repeat(TEXT_LIMIT / 3 + 1)));
    }
}
