//! The preview as a model, outside the view: the drafted clause set as rows of text, each
//! with its kind (the view picks the style) and the article or excluded clause it belongs
//! to (what counsel acts on from the preview), wrapped to the window once per change.

use crate::answers::Answers;
use crate::document::{Document, plain_text};
use crate::engine::Assembly;
use crate::lang::Lang;
use crate::library::Library;
use crate::overrides::Overrides;
use crate::tui::strings;
use crate::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Questions still unanswered.
    Notice,
    Plain,
    WarningHeading,
    Warning,
    Title,
    Heading,
    /// An article's heading: 第N条（見出し）.
    Article,
    Body,
    /// Rationale, reason, sources, position: the lines under an article.
    Aside,
    /// Counsel's internal note: shown here, never in a sendable document.
    Note,
}

pub struct Row {
    pub kind: Kind,
    pub text: String,
    /// The index in [`Preview::targets`] of what the row belongs to.
    pub target: Option<usize>,
}

/// What counsel can act on in the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An article. `key` is the id its overrides are filed under: the selected clause,
    /// also when counsel chose another position for it; `id` is the clause that stands
    /// there now. A custom article is filed under its own id.
    Article {
        number: usize,
        id: String,
        key: String,
        custom: bool,
    },
    /// A clause counsel excluded: it can be put back.
    Excluded { key: String },
}

impl Target {
    pub fn key(&self) -> &str {
        match self {
            Target::Article { key, .. } | Target::Excluded { key } => key,
        }
    }
}

/// The drafted document as shown, built when the preview opens and after each change
/// counsel makes from it.
pub struct Preview {
    /// The answers (and overrides) it was drafted from.
    pub answers: Answers,
    pub doc: Document,
    pub targets: Vec<Target>,
    pub rows: Vec<Row>,
    /// The rows wrapped to the window, as (row, text): kept, so that a keystroke does not
    /// wrap the whole document again.
    pub wrapped: Vec<(usize, String)>,
    pub scroll: usize,
    /// The selected target.
    pub cursor: usize,
}

impl Preview {
    pub fn new(
        library: &Library,
        answers: Answers,
        assembly: &Assembly,
        doc: Document,
        lang: Lang,
        unanswered: usize,
    ) -> Preview {
        let targets = targets(library, &answers.overrides, assembly, &doc);
        let mut p = Preview {
            answers,
            doc,
            targets,
            rows: Vec::new(),
            wrapped: Vec::new(),
            scroll: 0,
            cursor: 0,
        };
        p.relabel(library, lang, unanswered);
        p
    }

    /// Builds the rows again, in `lang` (the caller wraps them).
    pub(crate) fn relabel(&mut self, library: &Library, lang: Lang, unanswered: usize) {
        self.rows = rows(self, library, lang, unanswered);
    }

    pub fn rewrap(&mut self, width: usize) {
        self.wrapped = self
            .rows
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                crate::wrap::wrap_plain(&r.text, width)
                    .into_iter()
                    .map(move |t| (i, t))
            })
            .collect();
    }

    pub fn target(&self) -> Option<&Target> {
        self.targets.get(self.cursor)
    }

    /// The first wrapped line of a target.
    fn line_of(&self, target: usize) -> Option<usize> {
        self.wrapped
            .iter()
            .position(|(r, _)| self.rows[*r].target == Some(target))
    }

    /// Selects the target `by` steps away and scrolls its first line into a page of
    /// `page` lines (at most `max` down).
    pub fn select(&mut self, by: isize, page: usize, max: usize) {
        if self.targets.is_empty() {
            return;
        }
        self.cursor = self
            .cursor
            .saturating_add_signed(by)
            .min(self.targets.len() - 1);
        self.show(page, max);
    }

    /// Selects the target filed under `key` (after a redraft), else the nearest one.
    pub(crate) fn reselect(&mut self, key: &str, near: usize, page: usize, max: usize) {
        self.cursor = self
            .targets
            .iter()
            .position(|t| t.key() == key)
            .unwrap_or(near.min(self.targets.len().saturating_sub(1)));
        self.show(page, max);
    }

    /// Scrolls so that the selected target's first line is on the page.
    fn show(&mut self, page: usize, max: usize) {
        if let Some(line) = self.line_of(self.cursor)
            && (line < self.scroll || line >= self.scroll + page)
        {
            self.scroll = line.saturating_sub(1).min(max);
        }
    }

    /// After scrolling: a selection that left the page moves to the first target on it,
    /// so that a key always acts on something counsel can see.
    pub fn follow(&mut self, page: usize) {
        let on_page = |line: Option<usize>| {
            line.is_some_and(|l| (self.scroll..self.scroll + page).contains(&l))
        };
        if on_page(self.line_of(self.cursor)) {
            return;
        }
        let visible = self.wrapped[self.scroll.min(self.wrapped.len())..]
            .iter()
            .take(page)
            .find_map(|(r, _)| self.rows[*r].target);
        if let Some(t) = visible {
            self.cursor = t;
        }
    }
}

/// The articles in order, then the clauses counsel excluded.
fn targets(
    library: &Library,
    overrides: &Overrides,
    assembly: &Assembly,
    doc: &Document,
) -> Vec<Target> {
    let mut out: Vec<Target> = doc
        .articles
        .iter()
        .map(|a| {
            let key = assembly
                .included
                .iter()
                .find(|i| i.number == a.number)
                .map(|i| library.clauses[i.stands_for.unwrap_or(i.clause)].id.clone());
            Target::Article {
                number: a.number,
                id: a.id.clone(),
                custom: key.is_none(),
                key: key.unwrap_or_else(|| a.id.clone()),
            }
        })
        .collect();
    out.extend(
        doc.excluded
            .iter()
            .filter(|e| {
                overrides
                    .clauses
                    .get(&e.id)
                    .is_some_and(|o| o.exclude.is_some())
            })
            .map(|e| Target::Excluded { key: e.id.clone() }),
    );
    out
}

fn rows(p: &Preview, library: &Library, lang: Lang, unanswered: usize) -> Vec<Row> {
    let s = strings::get(lang);
    let c = strings::counsel(lang);
    let doc = &p.doc;
    let mut rows = Vec::new();
    let mut push =
        |kind: Kind, text: String, target: Option<usize>| rows.push(Row { kind, text, target });
    if unanswered > 0 {
        push(
            Kind::Notice,
            strings::unanswered_count(unanswered, lang),
            None,
        );
    }
    for (name, label) in [
        ("liability_cap_jpy", s.cap.as_str()),
        ("exposure_estimate_jpy", s.exposure.as_str()),
    ] {
        if let Some((_, Value::Int(n))) = doc.computed.iter().find(|(k, _)| k == name) {
            push(
                Kind::Plain,
                format!("{label}: {}", crate::format::yen(*n, lang)),
                None,
            );
        }
    }
    if !doc.warnings.is_empty() {
        push(Kind::Plain, String::new(), None);
        push(
            Kind::WarningHeading,
            format!("{} ({})", s.warnings, doc.warnings.len()),
            None,
        );
        for w in &doc.warnings {
            push(Kind::Warning, format!("⚠ {}", w.message[lang]), None);
        }
    }
    push(Kind::Plain, String::new(), None);
    push(Kind::Title, doc.title[lang].clone(), None);
    push(Kind::Plain, doc.preamble[lang].clone(), None);
    push(Kind::Plain, String::new(), None);
    push(
        Kind::Heading,
        format!("{} ({})", s.included, doc.articles.len()),
        None,
    );
    let overrides = &p.answers.overrides;
    for (n, a) in doc.articles.iter().enumerate() {
        let t = Some(n);
        let key = p.targets.get(n).map_or(a.id.as_str(), Target::key);
        push(Kind::Plain, String::new(), None);
        push(
            Kind::Article,
            format!("{} {}", a.label[lang], a.title[lang]),
            t,
        );
        for l in plain_text(&a.paragraphs[lang], lang).lines() {
            push(Kind::Body, l.to_string(), t);
        }
        push(
            Kind::Aside,
            format!("  {}: {}", s.rationale, a.rationale[lang]),
            t,
        );
        push(
            Kind::Aside,
            format!("  {}: {}", s.reason, a.reason[lang]),
            t,
        );
        if !a.sources.is_empty() {
            let cites: Vec<&str> = a
                .sources
                .iter()
                .map(|r| r.citation[lang].as_str())
                .collect();
            push(
                Kind::Aside,
                format!("  {}: {}", s.sources, cites.join(" / ")),
                t,
            );
        }
        if let Some(l) = library.ladder(key) {
            let names: Vec<String> = l
                .positions
                .iter()
                .map(|pos| {
                    let name = &pos.name[lang];
                    if pos.clause == a.id {
                        format!("[{name}]")
                    } else {
                        name.clone()
                    }
                })
                .collect();
            push(
                Kind::Aside,
                format!("  {}: {}", c.position, names.join(" / ")),
                t,
            );
        }
        let note = overrides
            .clauses
            .get(key)
            .and_then(|o| o.note.as_deref())
            .or_else(|| {
                overrides
                    .custom
                    .iter()
                    .find(|cc| cc.id == key)
                    .and_then(|cc| cc.note.as_deref())
            });
        if let Some(note) = note {
            for (i, l) in note.lines().enumerate() {
                let text = match i {
                    0 => format!("  {}: {l}", c.note),
                    _ => format!("    {l}"),
                };
                push(Kind::Note, text, t);
            }
        }
    }
    push(Kind::Plain, String::new(), None);
    push(
        Kind::Heading,
        format!("{} ({})", s.excluded, doc.excluded.len()),
        None,
    );
    for e in &doc.excluded {
        let t = p
            .targets
            .iter()
            .position(|t| matches!(t, Target::Excluded { key } if *key == e.id));
        push(
            Kind::Plain,
            format!("・{}: {}", e.title[lang], e.reason[lang]),
            t,
        );
    }
    rows
}
