//! Exporters: each turns a rendered document into the bytes of one format. Markdown, text
//! and HTML go through Tera document templates (embedded defaults, overridable file by file
//! with `--templates DIR`); JSON and DOCX are built in code.

pub(crate) mod docx;
mod json;
mod labels;
mod layout;
mod table;

pub use docx::Reference;
pub use labels::Labels;

use tera::{Context, Tera};

use crate::document::Document;
use crate::error::{Diagnostic, Diagnostics};
use crate::lang::LangSel;
use crate::library::Library;

/// A Tera error in a document template, positioned in the template file.
fn template_diag(e: &tera::Error, file: &str) -> Diagnostic {
    let origin = crate::library::model::Origin {
        file: file.to_string(),
        pos: Some((1, 1)),
        fields: vec![("template".into(), (1, 1))],
    };
    let mut d = crate::render::tera_diag(e, &origin, file, "template");
    (d.id, d.key) = (None, None);
    d
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
    Txt,
    Json,
    Docx,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Html,
        Format::Txt,
        Format::Json,
        Format::Docx,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Txt => "txt",
            Format::Json => "json",
            Format::Docx => "docx",
        }
    }

    /// Text formats may go to standard output; a Word file must go to a file.
    pub(crate) fn is_text(self) -> bool {
        self != Format::Docx
    }

    fn template(self) -> Option<&'static str> {
        match self {
            Format::Md => Some("document.md.tera"),
            Format::Html => Some("document.html.tera"),
            Format::Txt => Some("document.txt.tera"),
            Format::Json | Format::Docx => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub lang: LangSel,
    /// When the document was made, in seconds since 1970 (the Word file's `created`
    /// property). The exporters read no clock: without it the contract date is used, and
    /// without that the property is left out.
    pub created: Option<i64>,
    /// Text export only: one line per paragraph instead of lines wrapped to the page width,
    /// for pasting into Word or an email.
    pub unwrapped: bool,
    /// Word only: mark the pages as a draft in the header (案 / DRAFT), with this version
    /// (may be empty) and the document's date.
    pub draft: Option<String>,
    /// Word only: the house style of a reference document (`--reference-docx`).
    pub reference: Option<std::sync::Arc<Reference>>,
    /// Word and HTML with both languages: the two texts side by side, article by article
    /// (`--layout parallel`), instead of the translation after the original.
    pub parallel: bool,
}

impl ExportOptions {
    pub fn new(lang: LangSel) -> ExportOptions {
        ExportOptions {
            lang,
            created: None,
            unwrapped: false,
            draft: None,
            reference: None,
            parallel: false,
        }
    }
}

/// A document template file: its name (e.g. `document.md.tera`) and text.
pub struct TemplateFile {
    pub name: String,
    pub text: String,
}

/// One Tera instance per templated format (escaping is a property of the format), each
/// compiled the first time its format is exported: a Word build compiles none of them.
pub(crate) struct Exporter {
    engines: Vec<Engine>,
    labels: Labels,
    choices: crate::render::ChoiceLabels,
}

struct Engine {
    format: Format,
    /// The file as the user named it, for messages.
    file: String,
    text: String,
    tera: std::sync::OnceLock<Result<Tera, Box<Diagnostic>>>,
}

impl Engine {
    fn tera(&self, choices: &crate::render::ChoiceLabels) -> Result<&Tera, &Diagnostic> {
        self.tera
            .get_or_init(|| {
                let mut tera = Tera::new();
                tera.autoescape_on(if self.format == Format::Html {
                    vec![".html.tera"]
                } else {
                    vec![]
                });
                crate::render::register_filters(&mut tera, choices.clone());
                table::register(&mut tera);
                let name = self.format.template().unwrap_or_default();
                tera.add_raw_template(name, &self.text)
                    .map(|()| tera)
                    .map_err(|e| Box::new(template_diag(&e, &self.file)))
            })
            .as_ref()
            .map_err(|d| &**d)
    }
}

impl Exporter {
    /// Reads the user's label file, if any, and finds the document templates. `files` are the
    /// defaults overlaid with the user's. The templates are compiled as they are used
    /// ([`Exporter::check_all`] compiles every one).
    pub fn new(files: &[TemplateFile], library: &Library) -> Result<Exporter, Diagnostics> {
        let mut diags = Vec::new();
        let known: Vec<&str> = Format::ALL
            .iter()
            .filter_map(|f| f.template())
            .chain([crate::render::FRAME_FILE, labels::FILE])
            .collect();
        for f in files.iter().filter(|f| !known.contains(&f.name.as_str())) {
            diags.push(Diagnostic::new(
                &f.name,
                format!(
                    "not a document template, frame or label catalogue (expected one of: {})",
                    known.join(", ")
                ),
            ));
        }
        // The catalogue's words, unless the user's templates bring their own.
        let labels = match files.iter().rev().find(|f| f.name == labels::FILE) {
            Some(f) => Labels::parse(&f.text, &f.name)
                .map_err(|Diagnostics(d)| diags.extend(d))
                .ok(),
            None => Some(Labels::catalogue()),
        };
        let mut engines = Vec::new();
        for format in Format::ALL {
            let Some(name) = format.template() else {
                continue;
            };
            match files.iter().rev().find(|f| f.name == name) {
                Some(file) => engines.push(Engine {
                    format,
                    file: file.name.clone(),
                    text: file.text.clone(),
                    tera: std::sync::OnceLock::new(),
                }),
                None => diags.push(Diagnostic::new(name, "the document template is missing")),
            }
        }
        match labels {
            Some(labels) if diags.is_empty() => Ok(Exporter {
                engines,
                labels,
                choices: crate::render::choice_labels(library),
            }),
            _ => Err(Diagnostics(diags)),
        }
    }

    /// Compiles every document template, reporting every error at once.
    pub fn check_all(&self) -> Result<(), Diagnostics> {
        let diags: Vec<Diagnostic> = self
            .engines
            .iter()
            .filter_map(|e| e.tera(&self.choices).err().cloned())
            .collect();
        if diags.is_empty() {
            Ok(())
        } else {
            Err(Diagnostics(diags))
        }
    }

    pub fn export(
        &self,
        doc: &Document,
        format: Format,
        opts: &ExportOptions,
    ) -> Result<Vec<u8>, Diagnostics> {
        match format {
            Format::Json => return Ok(json::export(doc, opts.lang)),
            Format::Docx => {
                return docx::export(doc, opts, &self.labels)
                    .map_err(|e| Diagnostics(vec![Diagnostic::new("docx", e)]));
            }
            _ => {}
        }
        let engine = self
            .engines
            .iter()
            .find(|e| e.format == format)
            .ok_or_else(|| {
                Diagnostics(vec![Diagnostic::new(
                    format.extension(),
                    "no template for this format",
                )])
            })?;
        let name = format.template().unwrap_or_default();
        let tera = engine
            .tera(&self.choices)
            .map_err(|d| Diagnostics(vec![d.clone()]))?;
        let mut ctx = Context::new();
        ctx.insert("doc", doc);
        ctx.insert(
            "langs",
            &opts
                .lang
                .langs()
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>(),
        );
        ctx.insert("lang", opts.lang.primary().code());
        ctx.insert("unwrapped", &opts.unwrapped);
        ctx.insert("labels", &self.labels);
        let wide: Vec<&str> = doc
            .annexes
            .iter()
            .filter(|a| layout::is_wide(a))
            .map(|a| a.id.as_str())
            .collect();
        ctx.insert("wide", &wide);
        ctx.insert("parallel", &opts.parallel);
        if opts.parallel {
            let rows: Vec<Vec<layout::Row>> = doc
                .articles
                .iter()
                .map(|a| layout::rows(&a.paragraphs.ja, &a.paragraphs.en))
                .collect();
            ctx.insert("rows", &rows);
        }
        let place = crate::error::Place {
            file: name,
            pos: None,
            id: None,
            key: None,
        };
        let _watch = crate::render::watch::rendering(place, crate::render::watch::DOCUMENT_TIME);
        tera.render(name, &ctx)
            .map(String::into_bytes)
            .map_err(|e| Diagnostics(vec![template_diag(&e, name)]))
    }
}
