//! The edge where files are read and written: a loaded library with its compiled
//! templates, shared by the command line and the questionnaire.

use std::path::{Path, PathBuf};

use crate::answers::Answers;
use crate::document::Document;
use crate::engine::{Assembly, assemble};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::export::{ExportOptions, Exporter, Format, TemplateFile};
use crate::lang::{Lang, LangSel};
use crate::library::{Library, LibraryFile, parse_layered};
use crate::render::{FRAME_FILE, Frame, Renderer};

mod write;

pub use write::WriteError;
pub(crate) use write::write_atomic;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A library ready to draft from.
pub struct Workspace {
    pub library: Library,
    renderer: Renderer,
    exporter: Exporter,
    /// The user's document template files as named, for messages.
    user_templates: Vec<String>,
}

/// The largest answers file read: far above any real one (a few KB), low enough that a
/// hostile file cannot exhaust memory.
pub const ANSWERS_LIMIT: u64 = 16 << 20;
/// The largest library or template file read (10,000 real-size clauses fit in one).
pub(crate) const LIBRARY_FILE_LIMIT: u64 = 64 << 20;

/// Reads an input: a regular file only (a FIFO, a device or `/dev/zero` is refused before
/// it is opened, so nothing blocks or reads without end), at most `limit` bytes.
/// The problem is boxed: a diagnostic is large, and most reads succeed.
fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, Box<Diagnostic>> {
    let shown = path.display().to_string();
    let fail = |m: String| Box::new(Diagnostic::new(&shown, m));
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(fail(
            "not a regular file (a device, FIFO or folder is not read)".into(),
        ));
    }
    let too_big = || {
        fail(format!(
            "the file is larger than the limit of {} MiB",
            limit >> 20
        ))
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    // The file may grow between the check and the read: read one byte past the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limit + 1), &mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// Reads a text input as [`read_bytes`] does; UTF-8 only.
fn read_input(path: &Path, limit: u64) -> Result<String, Box<Diagnostic>> {
    String::from_utf8(read_bytes(path, limit)?).map_err(|e| {
        let (line, col) = crate::error::line_col(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        Box::new(
            Diagnostic::new(
                &path.display().to_string(),
                "stream did not contain valid UTF-8",
            )
            .at(Some((line, col))),
        )
    })
}

/// A reference document for the Word export's house style (`--reference-docx`).
pub(crate) fn read_reference(path: &Path) -> Result<crate::export::Reference, Box<Diagnostic>> {
    let bytes = read_bytes(path, LIBRARY_FILE_LIMIT)?;
    crate::export::Reference::read(&bytes)
        .map_err(|m| Box::new(Diagnostic::new(&path.display().to_string(), m)))
}

fn read_dir(dir: &Path, ext: &str) -> Result<Vec<(String, String)>, Diagnostics> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Diagnostics(vec![Diagnostic::new(
            &shown,
            format!("cannot read the folder: {e}"),
        )])
    })?;
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if !name.ends_with(ext) {
            continue;
        }
        match read_input(&path, LIBRARY_FILE_LIMIT) {
            Ok(text) => files.push((path.display().to_string(), text)),
            Err(d) => diags.push(*d),
        }
    }
    files.sort();
    diags.sort_by(|a, b| a.file.cmp(&b.file));
    if diags.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics(diags))
    }
}

/// The default library's files, as embedded in the binary.
pub fn default_library() -> Vec<LibraryFile> {
    embedded::LIBRARY
        .iter()
        .map(|(n, t)| LibraryFile::new(format!("clauses/{n}"), *t))
        .collect()
}

impl Workspace {
    /// Loads a library (the embedded one unless `library_dir`) with the organisation
    /// overlays of `overlay_dirs` laid over it in order, and the document templates (the
    /// embedded ones, overridden file by file from `templates_dir`).
    pub fn load(
        library_dir: Option<&Path>,
        overlay_dirs: &[PathBuf],
        templates_dir: Option<&Path>,
    ) -> Result<Workspace, Error> {
        let library_files = |dir: &Path| -> Result<Vec<LibraryFile>, Error> {
            Ok(read_dir(dir, ".toml")
                .map_err(Error::Library)?
                .into_iter()
                .map(|(n, t)| LibraryFile::new(n, t))
                .collect())
        };
        let files = match library_dir {
            Some(dir) => library_files(dir)?,
            None => default_library(),
        };
        let overlays = overlay_dirs
            .iter()
            .map(|d| library_files(d))
            .collect::<Result<Vec<_>, _>>()?;
        let mut templates = Vec::new();
        if let Some(dir) = templates_dir {
            // Document templates, and the frame and the document labels (TOML).
            let mut found = read_dir(dir, ".tera").map_err(Error::Library)?;
            found.extend(read_dir(dir, ".toml").map_err(Error::Library)?);
            for (path, text) in found {
                templates.push(TemplateFile { name: path, text });
            }
        }
        Workspace::layered(&files, &overlays, &templates)
    }

    /// Builds a workspace from files in memory: the library, and the user's document
    /// templates (named by path; they replace the embedded template of the same file name).
    pub fn new(files: &[LibraryFile], user_templates: &[TemplateFile]) -> Result<Workspace, Error> {
        Workspace::layered(files, &[], user_templates)
    }

    /// As `new`, with organisation overlays laid over the library in order.
    pub fn layered(
        files: &[LibraryFile],
        overlays: &[Vec<LibraryFile>],
        user_templates: &[TemplateFile],
    ) -> Result<Workspace, Error> {
        let library = parse_layered(files, overlays).map_err(Error::Library)?;
        let templates: Vec<TemplateFile> = embedded::TEMPLATES
            .iter()
            .map(|(n, t)| TemplateFile {
                name: n.to_string(),
                text: t.to_string(),
            })
            .chain(user_templates.iter().map(|t| TemplateFile {
                name: base(&t.name),
                text: t.text.clone(),
            }))
            .collect();
        let user_names: Vec<String> = user_templates.iter().map(|t| t.name.clone()).collect();
        let rename = |d| Error::Library(shown(&user_names, d));
        let frame = templates
            .iter()
            .rev()
            .find(|t| t.name == FRAME_FILE)
            .map_or_else(
                || {
                    Err(Diagnostics(vec![Diagnostic::new(
                        FRAME_FILE,
                        "the document frame is missing",
                    )]))
                },
                |t| Frame::parse(&t.text, &t.name),
            )
            .map_err(rename)?;
        let renderer = Renderer::new(&library, frame).map_err(Error::Library)?;
        let exporter = Exporter::new(&templates, &library).map_err(rename)?;
        Ok(Workspace {
            library,
            renderer,
            exporter,
            user_templates: user_names,
        })
    }

    /// Compiles and checks every template: each clause body, annex and warning message and
    /// each document template, which a build compiles only when it uses them.
    pub fn check_all(&self) -> Result<(), Error> {
        self.renderer
            .check_all(&self.library)
            .map_err(Error::Library)?;
        self.exporter
            .check_all()
            .map_err(|d| Error::Library(shown(&self.user_templates, d)))
    }

    pub fn read_answers(&self, path: &Path) -> Result<Answers, Error> {
        let (text, shown) = read_text(path)?;
        Answers::parse(&text, &shown, &self.library).map_err(Error::Answers)
    }

    /// The questionnaire's saved session: `None` when the file does not exist yet (a new
    /// session starts there); required answers may still be missing.
    pub(crate) fn read_session(&self, path: &Path) -> Result<Option<Answers>, Error> {
        if !path.exists() {
            return Ok(None);
        }
        let (text, shown) = read_text(path)?;
        Answers::parse_partial(&text, &shown, &self.library)
            .map(Some)
            .map_err(Error::Answers)
    }

    pub fn assemble(&self, answers: &Answers) -> Assembly {
        assemble(&self.library, answers)
    }

    pub fn draft(&self, answers: &Answers) -> Result<(Assembly, Document), Error> {
        let mut assembly = self.assemble(answers);
        let plan = crate::overrides::shape(&self.library, &answers.overrides, &mut assembly)
            .map_err(Error::Answers)?;
        let mut doc = self
            .renderer
            .render(&self.library, &assembly, &answers.meta)
            .map_err(Error::Render)?;
        crate::overrides::finish(&answers.overrides, &plan, &mut doc);
        Ok((assembly, doc))
    }

    pub fn export(
        &self,
        doc: &Document,
        format: Format,
        opts: &ExportOptions,
    ) -> Result<Vec<u8>, Error> {
        self.exporter
            .export(doc, format, opts)
            .map_err(|d| Error::Render(shown(&self.user_templates, d)))
    }
}

impl Workspace {
    /// The internal memo of `answers`: in a text format, or (`None`) as a Word file marked
    /// 社内限り / INTERNAL on every page, made at `now`.
    pub fn memo(
        &self,
        answers: &Answers,
        format: Option<crate::report::ReportFormat>,
        lang: Lang,
        now: i64,
    ) -> Result<Vec<u8>, Error> {
        let (assembly, doc) = self.draft(answers)?;
        let lib = &self.library;
        let Some(f) = format else {
            // The rider's package with a page header, which the memo's mark replaces.
            let opts = ExportOptions {
                created: Some(now),
                draft: Some(String::new()),
                ..ExportOptions::new(LangSel::One(lang))
            };
            let package = self.export(&doc, Format::Docx, &opts)?;
            let created = crate::export::docx::parts::w3c_datetime(now);
            return crate::memo::docx(
                lib,
                answers,
                &assembly,
                &doc,
                lang,
                &package,
                Some(&created),
            )
            .map_err(Error::Package);
        };
        Ok(crate::memo::report(lib, answers, &assembly, &doc, f, lang).into_bytes())
    }
}

/// A template file's name without its folder: what a user's file overrides.
fn base(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// The diagnostics with the user's file named where the problem is in one of theirs
/// (`user_templates` as named; the templates go by their file names).
fn shown(user_templates: &[String], Diagnostics(diags): Diagnostics) -> Diagnostics {
    let rename = |mut d: Diagnostic| {
        if let Some(t) = user_templates.iter().find(|t| base(t) == d.file) {
            d.file = t.clone();
        }
        d
    };
    Diagnostics(diags.into_iter().map(rename).collect())
}

fn read_text(path: &Path) -> Result<(String, String), Error> {
    let text =
        read_input(path, ANSWERS_LIMIT).map_err(|d| Error::Answers(Diagnostics(vec![*d])))?;
    Ok((text, path.display().to_string()))
}

/// The time a document is made: `SOURCE_DATE_EPOCH` where set (reproducible builds), else
/// the clock.
pub(crate) fn document_time() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}
