//! Where a template's problem is: the first use of a name inside its tags, and a Tera
//! error turned into a diagnostic that points into the clause's text.

use std::collections::HashMap;

use crate::error::Diagnostic;
use crate::library::model::Origin;

/// The (line, column) of the first use of `name` inside a template tag.
pub(crate) fn position_of(text: &str, name: &str) -> Option<(usize, usize)> {
    TagWords::new(text).position(name)
}

/// The names inside a template's tags (`{{ }}` and `{% %}`, string literals left out),
/// each at its first offset: one pass over the text, so that a text with thousands of
/// unknown names is reported in linear time.
pub(crate) struct TagWords<'a> {
    first: HashMap<&'a str, usize>,
    index: crate::error::LineIndex<'a>,
}

impl<'a> TagWords<'a> {
    pub(crate) fn new(text: &'a str) -> TagWords<'a> {
        let word = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
        let mut first = HashMap::new();
        let mut rest = 0;
        while let Some(open) = text[rest..].find('{').map(|i| i + rest) {
            let close = match text.get(open..open + 2) {
                Some("{{") => "}}",
                Some("{%") => "%}",
                _ => {
                    rest = open + 1;
                    continue;
                }
            };
            let start = open + 2;
            let end = text[start..].find(close).map_or(text.len(), |i| i + start);
            let tag = &text[start..end];
            let mut quote: Option<char> = None;
            let mut run: Option<usize> = None;
            for (i, c) in tag.char_indices().chain(std::iter::once((tag.len(), ' '))) {
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None if c == '"' || c == '\'' => {
                        run = None;
                        quote = Some(c);
                    }
                    None if word(c) => {
                        run.get_or_insert(i);
                    }
                    None => {
                        if let Some(r) = run.take() {
                            first.entry(&tag[r..i]).or_insert(start + r);
                        }
                    }
                }
            }
            rest = end;
        }
        TagWords {
            first,
            index: crate::error::LineIndex::new(text),
        }
    }

    pub(crate) fn position(&self, name: &str) -> Option<(usize, usize)> {
        self.first.get(name).map(|&at| self.index.line_col(at))
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
