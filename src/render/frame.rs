//! The document frame (`templates/frame.toml`): title, preamble, closing words, date line
//! and signature block per language, as Tera templates rendered once per document. The
//! user's `[meta]` goes in as data; a value not given becomes the frame's blank.

use serde::Deserialize;
use tera::{Context, Tera};

use crate::answers::Meta;
use crate::document::Signature;
use crate::error::{Diagnostic, Diagnostics};
use crate::lang::{Bilingual, Lang};

pub const FILE: &str = "frame.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Roles {
    customer: String,
    vendor: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameLang {
    blank: String,
    blank_date: String,
    title: String,
    preamble: String,
    closing: String,
    date_line: String,
    roles: Roles,
    signature: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    ja: FrameLang,
    en: FrameLang,
    #[serde(skip)]
    file: String,
}

/// The rendered frame of one document.
pub struct Rendered {
    pub title: Bilingual<String>,
    pub preamble: Bilingual<String>,
    pub closing: Bilingual<String>,
    pub date_line: Bilingual<String>,
    pub signatures: Vec<Signature>,
}

const TEXTS: [&str; 4] = ["title", "preamble", "closing", "date_line"];

impl Frame {
    pub fn parse(text: &str, file: &str) -> Result<Frame, Diagnostics> {
        let mut frame: Frame = toml::from_str(text).map_err(|e| {
            let pos = e.span().map(|s| crate::error::line_col(text, s.start));
            Diagnostics(vec![
                Diagnostic::new(file, e.message().trim().replace('\n', " ")).at(pos),
            ])
        })?;
        frame.file = file.to_string();
        Ok(frame)
    }

    fn lang(&self, lang: Lang) -> &FrameLang {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    /// The blank that stands for a value not given.
    pub(crate) fn blank(&self, lang: Lang) -> &str {
        &self.lang(lang).blank
    }

    fn text(&self, lang: Lang, key: &str) -> &str {
        let f = self.lang(lang);
        match key {
            "title" => &f.title,
            "preamble" => &f.preamble,
            "closing" => &f.closing,
            _ => &f.date_line,
        }
    }

    /// `(template name, text)` of every template of the frame, to compile with the rest.
    pub fn templates(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for lang in Lang::ALL {
            for key in TEXTS {
                out.push((name(lang, key), self.text(lang, key).to_string()));
            }
            for (i, line) in self.lang(lang).signature.iter().enumerate() {
                out.push((name(lang, &format!("signature.{i}")), line.clone()));
            }
        }
        out
    }

    /// A diagnostic for a template of the frame, named by its key (`ja.preamble`).
    pub(crate) fn diag(&self, template: &str, e: &tera::Error) -> Diagnostic {
        let key = template.strip_prefix("frame:").unwrap_or(template);
        let mut message = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            message = format!("{message}: {s}");
            source = s.source();
        }
        let first = message.lines().next().unwrap_or_default().to_string();
        Diagnostic::new(&self.file, format!("template: {first}")).key(key)
    }

    /// Renders the frame; `ctx` holds the answers and computed values of one language.
    pub fn render(
        &self,
        tera: &Tera,
        meta: &Meta,
        contexts: &Bilingual<Context>,
    ) -> Result<Rendered, Diagnostics> {
        let mut diags = Vec::new();
        let mut render = |lang: Lang, key: &str, ctx: &Context| {
            let n = name(lang, key);
            let place = crate::error::Place {
                file: &self.file,
                pos: None,
                id: None,
                key: Some(&n),
            };
            let _watch = super::watch::rendering(place, super::watch::TEXT_TIME);
            tera.render(&n, ctx).unwrap_or_else(|e| {
                diags.push(self.diag(&n, &e));
                String::new()
            })
        };
        let ctxs = Bilingual::new(Lang::Ja, Lang::En)
            .map(|_, &l| frame_context(contexts[l].clone(), meta, self.lang(l), l));
        let text = |key: &str, render: &mut dyn FnMut(Lang, &str, &Context) -> String| {
            Bilingual::new(Lang::Ja, Lang::En).map(|_, &l| render(l, key, &ctxs[l]))
        };
        let title = text("title", &mut render);
        let preamble = text("preamble", &mut render);
        let closing = text("closing", &mut render);
        let date_line = text("date_line", &mut render);
        let parties = [
            (
                &meta.customer,
                &meta.customer_address,
                &meta.customer_signatory,
            ),
            (&meta.vendor, &meta.vendor_address, &meta.vendor_signatory),
        ];
        let mut signatures = Vec::new();
        for (i, (name, address, signatory)) in parties.into_iter().enumerate() {
            let per_lang = Bilingual::new(Lang::Ja, Lang::En).map(|_, &l| {
                let f = self.lang(l);
                let role = if i == 0 {
                    &f.roles.customer
                } else {
                    &f.roles.vendor
                };
                let mut ctx = ctxs[l].clone();
                ctx.insert("role", role);
                for (k, v) in [
                    ("name", name),
                    ("address", address),
                    ("signatory", signatory),
                ] {
                    ctx.insert(k, &or_blank(v, &f.blank));
                }
                let lines: Vec<String> = (0..f.signature.len())
                    .map(|j| render(l, &format!("signature.{j}"), &ctx))
                    .collect();
                (role.clone(), lines)
            });
            signatures.push(Signature {
                role: per_lang.map(|_, (r, _)| r.clone()),
                lines: per_lang.map(|_, (_, lines)| lines.clone()),
            });
        }
        if !diags.is_empty() {
            return Err(Diagnostics(diags));
        }
        Ok(Rendered {
            title,
            preamble,
            closing,
            date_line,
            signatures,
        })
    }
}

fn name(lang: Lang, key: &str) -> String {
    format!("frame:{}.{key}", lang.code())
}

fn or_blank(value: &str, blank: &str) -> String {
    if value.is_empty() {
        blank.to_string()
    } else {
        value.to_string()
    }
}

/// The prepared values: names, the main contract and dates in words, or blanks.
fn frame_context(mut ctx: Context, meta: &Meta, f: &FrameLang, lang: Lang) -> Context {
    let date = |d: &str| crate::format::date(d, lang).unwrap_or_else(|| f.blank_date.clone());
    ctx.insert("customer", &or_blank(&meta.customer, &f.blank));
    ctx.insert("vendor", &or_blank(&meta.vendor, &f.blank));
    ctx.insert("project", &or_blank(&meta.project_name, &f.blank));
    ctx.insert("main_contract", &or_blank(&meta.main_contract, &f.blank));
    ctx.insert("main_contract_date", &date(&meta.main_contract_date));
    ctx.insert("date", &date(&meta.date));
    ctx
}
