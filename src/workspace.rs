//! The edge where files are read and written: a loaded library with its compiled
//! templates, shared by the command line and the questionnaire.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answers::Answers;
use crate::document::Document;
use crate::engine::{Assembly, assemble};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::export::{ExportOptions, Exporter, Format, TemplateFile};
use crate::library::{Library, LibraryFile, parse_library};
use crate::render::Renderer;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A library ready to draft from.
pub struct Workspace {
    pub library: Library,
    renderer: Renderer,
    exporter: Exporter,
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
        if !name.ends_with(ext) || !path.is_file() {
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push((path.display().to_string(), text)),
            Err(e) => diags.push(Diagnostic::new(
                &path.display().to_string(),
                format!("cannot read: {e}"),
            )),
        }
    }
    files.sort();
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
    /// Loads a library (the embedded one unless `library_dir`) and the document templates
    /// (the embedded ones, overridden file by file from `templates_dir`).
    pub fn load(
        library_dir: Option<&Path>,
        templates_dir: Option<&Path>,
    ) -> Result<Workspace, Error> {
        let files = match library_dir {
            Some(dir) => read_dir(dir, ".toml")
                .map_err(Error::Library)?
                .into_iter()
                .map(|(n, t)| LibraryFile::new(n, t))
                .collect(),
            None => default_library(),
        };
        let mut templates = Vec::new();
        if let Some(dir) = templates_dir {
            for (path, text) in read_dir(dir, ".tera").map_err(Error::Library)? {
                templates.push(TemplateFile { name: path, text });
            }
        }
        Workspace::new(&files, &templates)
    }

    /// Builds a workspace from files in memory: the library, and the user's document
    /// templates (named by path; they replace the embedded template of the same file name).
    pub fn new(files: &[LibraryFile], user_templates: &[TemplateFile]) -> Result<Workspace, Error> {
        let library = parse_library(files).map_err(Error::Library)?;
        let base = |path: &str| {
            Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        };
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
        let renderer = Renderer::new(&library).map_err(Error::Library)?;
        let exporter = Exporter::new(&templates, &library).map_err(|Diagnostics(diags)| {
            // Name the user's file where the problem is in one of theirs.
            let rename = |mut d: Diagnostic| {
                if let Some(t) = user_templates.iter().find(|t| base(&t.name) == d.file) {
                    d.file = t.name.clone();
                }
                d
            };
            Error::Library(Diagnostics(diags.into_iter().map(rename).collect()))
        })?;
        Ok(Workspace {
            library,
            renderer,
            exporter,
        })
    }

    pub fn read_answers(&self, path: &Path) -> Result<Answers, Error> {
        let (text, shown) = read_text(path)?;
        Answers::parse(&text, &shown, &self.library).map_err(Error::Answers)
    }

    /// The questionnaire's saved session: `None` when the file does not exist yet (a new
    /// session starts there); required answers may still be missing.
    pub fn read_session(&self, path: &Path) -> Result<Option<Answers>, Error> {
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
            .map_err(Error::Render)
    }
}

fn read_text(path: &Path) -> Result<(String, String), Error> {
    let shown = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => Ok((text, shown)),
        Err(e) => Err(Error::Answers(Diagnostics(vec![Diagnostic::new(
            &shown,
            format!("cannot read: {e}"),
        )]))),
    }
}

/// The time a document is made: `SOURCE_DATE_EPOCH` where set (reproducible builds), else
/// the clock.
pub fn document_time() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0}: the file exists; use --force to replace it")]
    Exists(PathBuf),
    #[error("{0}: cannot write: {1}")]
    Io(PathBuf, std::io::Error),
}

/// Writes a file atomically: a temporary file beside it, then a rename, so that a reader
/// never sees half a file and a crash leaves the old one intact. Without `force` an
/// existing file is never replaced (the check and the rename are one step).
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    let io = |e: std::io::Error| WriteError::Io(path.to_path_buf(), e);
    if !force && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".secdraft-");
    // A temporary file is private (0600); the document is an ordinary file (umask applies).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    let persisted = if force {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    persisted.map(drop).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            WriteError::Exists(path.to_path_buf())
        } else {
            io(e.error)
        }
    })
}
