//! Tokens of the `when` language.

use super::{CondError, err};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    Ident(String),
    Str(String),
    Int(i64),
    Op(&'static str),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
}

pub(super) fn lex(src: &str) -> Result<Vec<(Tok, usize)>, CondError> {
    let mut out = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' | '[' | ']' | ',' | '+' | '-' | '*' => {
                chars.next();
                let tok = match c {
                    '(' => Tok::LParen,
                    ')' => Tok::RParen,
                    '[' => Tok::LBracket,
                    ']' => Tok::RBracket,
                    ',' => Tok::Comma,
                    '+' => Tok::Op("+"),
                    '-' => Tok::Op("-"),
                    _ => Tok::Op("*"),
                };
                out.push((tok, i));
            }
            '=' | '!' | '<' | '>' => {
                chars.next();
                let eq = chars.next_if(|&(_, n)| n == '=').is_some();
                let op = match (c, eq) {
                    ('=', true) => "==",
                    ('!', true) => "!=",
                    ('<', true) => "<=",
                    ('>', true) => ">=",
                    ('<', false) => "<",
                    ('>', false) => ">",
                    _ => return err(i, format!("unexpected `{c}` (use `==` or `!=`)")),
                };
                out.push((Tok::Op(op), i));
            }
            '"' | '\'' => {
                chars.next();
                let mut s = String::new();
                loop {
                    match chars.next() {
                        Some((_, q)) if q == c => break,
                        Some((_, ch)) => s.push(ch),
                        None => return err(i, "unterminated string"),
                    }
                }
                out.push((Tok::Str(s), i));
            }
            c if c.is_ascii_digit() => {
                let mut end = i;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_ascii_digit() || d == '_' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let digits: String = src[i..end].chars().filter(|&d| d != '_').collect();
                match digits.parse() {
                    Ok(n) => out.push((Tok::Int(n), i)),
                    Err(_) => return err(i, "number too large"),
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut end = i;
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '_' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push((Tok::Ident(src[i..end].to_string()), i));
            }
            other => return err(i, format!("unexpected character `{other}`")),
        }
    }
    Ok(out)
}
