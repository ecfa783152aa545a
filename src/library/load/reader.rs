//! What every file of a library is read with: positions in the TOML text, the two
//! languages of a text, conditions, and the file's shape, each problem a diagnostic.

use serde::Deserialize;
use toml::Spanned;

use super::LibraryFile;
use crate::condition::Expr;
use crate::error::{Diagnostic, LineIndex};
use crate::lang::Bilingual;
use crate::library::model::Origin;
use crate::value::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::library) struct RawText {
    ja: Option<Spanned<String>>,
    en: Option<Spanned<String>>,
}

pub(in crate::library) struct Reader<'a> {
    file: &'a LibraryFile,
    lines: LineIndex<'a>,
    pub(super) diags: &'a mut Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    pub(in crate::library) fn new(file: &'a LibraryFile, diags: &'a mut Vec<Diagnostic>) -> Self {
        Reader {
            file,
            lines: LineIndex::new(&file.text),
            diags,
        }
    }

    pub(in crate::library) fn pos(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(offset)
    }

    /// The position where the text of a string value starts (after its opening quotes and
    /// the newline TOML trims after `"""`).
    fn content_pos<T>(&self, s: &Spanned<T>) -> (usize, usize) {
        let text = &self.file.text;
        let start = s.span().start;
        let rest = &text[start.min(text.len())..];
        let skip = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
            let after = &rest[3..];
            3 + if after.starts_with("\r\n") {
                2
            } else if after.starts_with('\n') {
                1
            } else {
                0
            }
        } else if rest.starts_with('"') || rest.starts_with('\'') {
            1
        } else {
            0
        };
        self.pos(start + skip)
    }

    pub(in crate::library) fn origin(&self, start: usize) -> Origin {
        Origin {
            file: self.file.name.clone(),
            pos: Some(self.pos(start)),
            fields: Vec::new(),
        }
    }

    /// Reads `key.ja` / `key.en`; a missing or blank text is reported, never silently empty.
    pub(in crate::library) fn text(
        &mut self,
        raw: RawText,
        key: &str,
        id: &str,
        origin: &mut Origin,
    ) -> Bilingual<String> {
        let mut get = |t: Option<Spanned<String>>, lang: &str| -> String {
            let field = format!("{key}.{lang}");
            match t {
                Some(s) if !s.get_ref().trim().is_empty() => {
                    origin.fields.push((field, self.content_pos(&s)));
                    s.into_inner()
                }
                _ => {
                    self.diags.push(
                        origin
                            .diag(id, None, format!("missing {lang} text"))
                            .key(&field),
                    );
                    String::new()
                }
            }
        };
        let ja = get(raw.ja, "ja");
        let en = get(raw.en, "en");
        Bilingual::new(ja, en)
    }

    /// The positions of `sources` and `stance`, which a clause and an annex both carry.
    pub(in crate::library) fn selection_fields(
        &self,
        origin: &mut Origin,
        sources: usize,
        stance: Option<usize>,
    ) {
        origin.fields.push(("sources".into(), self.pos(sources)));
        if let Some(at) = stance {
            origin.fields.push(("stance".into(), self.pos(at)));
        }
    }

    /// A clause's or an annex's `when`, checked; absent, it always holds.
    pub(in crate::library) fn when(
        &mut self,
        when: Option<Spanned<String>>,
        id: &str,
        origin: &mut Origin,
    ) -> (Expr, String) {
        match when {
            Some(w) => (self.condition(&w, id, origin), w.into_inner()),
            None => (Expr::Lit(Value::Bool(true), 0), "true".to_string()),
        }
    }

    pub(in crate::library) fn condition(
        &mut self,
        src: &Spanned<String>,
        id: &str,
        origin: &mut Origin,
    ) -> Expr {
        origin.fields.push(("when".into(), self.content_pos(src)));
        match Expr::parse(src.get_ref()) {
            Ok(e) => e,
            Err(e) => {
                let col = src.get_ref()[..e.offset.min(src.get_ref().len())]
                    .chars()
                    .count()
                    + 1;
                self.diags.push(
                    Diagnostic::new(&self.file.name, format!("condition: {}", e.message))
                        .at(origin.inside("when", 1, col))
                        .id(id)
                        .key("when"),
                );
                Expr::Lit(Value::Bool(false), 0)
            }
        }
    }

    pub(in crate::library) fn deserialize<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        match toml::from_str::<T>(&self.file.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let one = |e: &toml::de::Error| {
                    let pos = e.span().map(|s| self.pos(s.start));
                    let msg = e.message().trim().replace('\n', " ");
                    Diagnostic::new(&self.file.name, msg).at(pos)
                };
                let diags =
                    crate::error::toml_diagnostics(e, &self.file.text, &self.file.name, one);
                self.diags.extend(diags);
                None
            }
        }
    }
}
