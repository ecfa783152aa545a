//! WordprocessingML building blocks: escaping, cleaning user text, and paragraph and run
//! properties. Properties are typed structs serialised in the element order of the schema
//! (`pStyle` first, `rPr` last in `w:pPr`), because Word declares a file with another order
//! corrupt even where LibreOffice reads it.

use std::fmt::Write;

use crate::lang::Lang;

/// Escapes text for XML element content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// Removes what XML 1.0 cannot carry: the control characters U+0000–U+001F other than tab
/// and newline (a carriage return becomes a newline), and the non-characters U+FFFE/U+FFFF.
pub fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' => Some('\n'),
            '\t' | '\n' => Some(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => None,
            _ => Some(c),
        })
        .collect()
}

/// Run properties, in schema order: b, bCs, color, sz, szCs, lang.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RPr {
    pub bold: bool,
    pub color: Option<&'static str>,
    /// Half-points.
    pub size: Option<u32>,
    pub lang: Option<Lang>,
}

impl RPr {
    fn write(&self, out: &mut String) {
        let open = out.len();
        out.push_str("<w:rPr>");
        if self.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if let Some(c) = self.color {
            out.push_str("<w:color w:val=\"");
            out.push_str(c);
            out.push_str("\"/>");
        }
        if let Some(s) = self.size {
            let _ = write!(out, "<w:sz w:val=\"{s}\"/><w:szCs w:val=\"{s}\"/>");
        }
        if let Some(l) = self.lang {
            out.push_str("<w:lang w:val=\"");
            out.push_str(latin_tag(l));
            out.push_str("\" w:eastAsia=\"ja-JP\"/>");
        }
        close(out, open, "<w:rPr>", "</w:rPr>");
    }
}

/// Closes the element opened at `open`, or removes it when nothing was written inside.
fn close(out: &mut String, open: usize, start: &str, end: &str) {
    if out.len() == open + start.len() {
        out.truncate(open);
    } else {
        out.push_str(end);
    }
}

/// The language of a run's Latin script, as Word writes it: a Japanese document is
/// `w:val="en-US" w:eastAsia="ja-JP"`. Tagging the Latin script ja-JP makes LibreOffice
/// break lines inside Latin words and numbers (第1|5条, IP|A).
fn latin_tag(l: Lang) -> &'static str {
    match l {
        Lang::Ja => "en-US",
        Lang::En => "en-GB",
    }
}

/// The document's language, for its properties.
pub(crate) fn lang_tag(l: Lang) -> &'static str {
    match l {
        Lang::Ja => "ja-JP",
        Lang::En => "en-GB",
    }
}

/// Indentation in twips: `left` for every line, then either `hanging` (the first line
/// starts further left, where the label sits) or `first_line`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Ind {
    pub left: u32,
    pub hanging: u32,
    pub first_line: u32,
}

/// Paragraph properties, in schema order: pStyle, keepNext, pageBreakBefore, spacing, ind,
/// jc, rPr.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PPr {
    pub style: Option<&'static str>,
    pub keep_next: bool,
    /// Set, or cleared where the style sets it.
    pub page_break_before: Option<bool>,
    /// Space before and after, in twips.
    pub spacing: Option<(u32, u32)>,
    pub ind: Option<Ind>,
    pub jc: Option<&'static str>,
    /// The paragraph mark's run properties.
    pub rpr: Option<RPr>,
}

impl PPr {
    pub fn style(style: &'static str) -> PPr {
        PPr {
            style: Some(style),
            ..PPr::default()
        }
    }

    fn write(&self, out: &mut String) {
        let open = out.len();
        out.push_str("<w:pPr>");
        if let Some(s) = self.style {
            out.push_str("<w:pStyle w:val=\"");
            out.push_str(s);
            out.push_str("\"/>");
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        match self.page_break_before {
            Some(true) => out.push_str("<w:pageBreakBefore/>"),
            Some(false) => out.push_str("<w:pageBreakBefore w:val=\"0\"/>"),
            None => {}
        }
        if let Some((before, after)) = self.spacing {
            let _ = write!(
                out,
                "<w:spacing w:before=\"{before}\" w:after=\"{after}\"/>"
            );
        }
        if let Some(i) = self.ind {
            let _ = write!(out, "<w:ind w:left=\"{}\"", i.left);
            if i.hanging > 0 {
                let _ = write!(out, " w:hanging=\"{}\"", i.hanging);
            } else if i.first_line > 0 {
                let _ = write!(out, " w:firstLine=\"{}\"", i.first_line);
            }
            out.push_str("/>");
        }
        if let Some(j) = self.jc {
            out.push_str("<w:jc w:val=\"");
            out.push_str(j);
            out.push_str("\"/>");
        }
        if let Some(r) = self.rpr {
            r.write(out);
        }
        close(out, open, "<w:pPr>", "</w:pPr>");
    }
}

/// A run: cleaned text where newlines become line breaks and tabs become tab characters.
pub fn run(out: &mut String, rpr: &RPr, text: &str) {
    out.push_str("<w:r>");
    rpr.write(out);
    // One pass, writing as it goes: what `clean` removes is skipped, a line break or a tab
    // closes the text element, and a run of plain characters is copied at once.
    let mut open = false;
    let mut plain = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let special: Option<&str> = match c {
            '&' => Some("&amp;"),
            '<' => Some("&lt;"),
            '>' => Some("&gt;"),
            '"' => Some("&quot;"),
            '\'' => Some("&apos;"),
            '\r' | '\n' | '\t' | '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => Some(""),
            _ => None,
        };
        let Some(escaped) = special else {
            if !open {
                out.push_str("<w:t xml:space=\"preserve\">");
                open = true;
            }
            continue;
        };
        out.push_str(&text[plain..i]);
        plain = i + c.len_utf8();
        let brk = match c {
            // A carriage return before a newline is the same break.
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => continue,
            '\r' | '\n' => "<w:br/>",
            '\t' => "<w:tab/>",
            _ if !escaped.is_empty() => {
                if !open {
                    out.push_str("<w:t xml:space=\"preserve\">");
                    open = true;
                }
                out.push_str(escaped);
                continue;
            }
            _ => continue,
        };
        if open {
            out.push_str("</w:t>");
            open = false;
        }
        out.push_str(brk);
    }
    out.push_str(&text[plain..]);
    if open {
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

/// A paragraph of runs.
pub fn para(out: &mut String, ppr: &PPr, runs: &[(RPr, &str)]) {
    out.push_str("<w:p>");
    ppr.write(out);
    for (rpr, text) in runs {
        run(out, rpr, text);
    }
    out.push_str("</w:p>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_control_characters_and_keeps_breaks() {
        assert_eq!(clean("a\u{0}b\u{1b}c\td\r\ne\rf\u{ffff}"), "abc\td\ne\nf");
        let mut out = String::new();
        run(&mut out, &RPr::default(), "甲<&>\"\u{7}\n乙\tx");
        assert_eq!(
            out,
            "<w:r><w:t xml:space=\"preserve\">甲&lt;&amp;&gt;&quot;</w:t><w:br/>\
             <w:t xml:space=\"preserve\">乙</w:t><w:tab/><w:t xml:space=\"preserve\">x</w:t></w:r>"
        );
    }

    #[test]
    fn properties_follow_the_schema_order() {
        let mut out = String::new();
        let ppr = PPr {
            style: Some("Heading1"),
            keep_next: true,
            spacing: Some((0, 60)),
            ind: Some(Ind {
                left: 420,
                hanging: 210,
                first_line: 0,
            }),
            jc: Some("both"),
            rpr: Some(RPr {
                bold: true,
                size: Some(21),
                lang: Some(Lang::En),
                ..RPr::default()
            }),
            ..PPr::default()
        };
        para(&mut out, &ppr, &[]);
        assert_eq!(
            out,
            "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:keepNext/><w:spacing w:before=\"0\" w:after=\"60\"/>\
             <w:ind w:left=\"420\" w:hanging=\"210\"/><w:jc w:val=\"both\"/><w:rPr><w:b/><w:bCs/>\
             <w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-GB\" w:eastAsia=\"ja-JP\"/></w:rPr></w:pPr></w:p>"
        );
    }
}
