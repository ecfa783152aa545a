//! The input of the current item: loaded from an answer (or default), and read back as a
//! value (text as typed; numbers and dates as people write them) or refused with a reason.

use super::{App, Field, Input, Item, strings};
use crate::library::{Kind, Question};
use crate::value::Value;

impl App<'_> {
    /// The input as a value, or why it is not one yet (validation as you type). Text is
    /// taken as typed; numbers and dates are read as people write them and shown as they
    /// will be saved, or refused.
    pub fn parsed(&self) -> Result<Value, String> {
        let s = strings::get(self.lang);
        let text = match &self.input {
            Input::Field(f) => f.text(),
            _ => "",
        };
        let blank = || {
            if text.is_empty() {
                s.enter_value.to_string()
            } else {
                s.blank_only.to_string()
            }
        };
        match (self.item(), &self.input) {
            (Item::Meta(k), _) if text.trim().is_empty() => {
                if k.required() || !text.is_empty() {
                    Err(blank())
                } else {
                    Ok(Value::Str(String::new()))
                }
            }
            (Item::Meta(k), _) if k.is_date() => crate::notation::date(text)
                .map(Value::Str)
                .map_err(|e| e.message(self.lang).to_string()),
            (Item::Meta(_), _) => Ok(Value::Str(text.to_string())),
            (Item::Question(q), input) => {
                let q = self.question(q);
                let v = match (q.kind, input) {
                    (Kind::Bool, Input::Choice { cursor }) => Value::Bool(*cursor == 0),
                    (_, Input::Choice { cursor }) => Value::Str(q.choices[*cursor].value.clone()),
                    (_, Input::Multi { checked, .. }) => Value::List(
                        q.choices
                            .iter()
                            .zip(checked)
                            .filter(|(_, c)| **c)
                            .map(|(c, _)| c.value.clone())
                            .collect(),
                    ),
                    (Kind::Text, Input::Field(_)) if !text.is_empty() && text.trim().is_empty() => {
                        return Err(blank());
                    }
                    (Kind::Text, Input::Field(_)) => Value::Str(text.to_string()),
                    (kind, Input::Field(_)) => Value::Int(
                        crate::notation::amount(text, kind == Kind::Yen)
                            .map_err(|e| e.message(self.lang).to_string())?,
                    ),
                };
                q.check(&v)
                    .map_err(|_| strings::range(q.min, q.max, self.lang))?;
                Ok(v)
            }
        }
    }
}

pub(super) fn initial_input(q: &Question, value: Option<&Value>) -> Input {
    let index = |v: &str| q.choices.iter().position(|c| c.value == v).unwrap_or(0);
    match (q.kind, value) {
        (Kind::Bool, v) => Input::Choice {
            cursor: usize::from(v == Some(&Value::Bool(false))),
        },
        (Kind::Choice, v) => Input::Choice {
            cursor: v.and_then(Value::as_str).map_or(0, index),
        },
        (Kind::Multi, v) => {
            let list = v.and_then(Value::as_list).unwrap_or_default();
            Input::Multi {
                cursor: 0,
                checked: q.choices.iter().map(|c| list.contains(&c.value)).collect(),
            }
        }
        (Kind::Int | Kind::Yen, v) => Input::Field(Field::new(
            &v.and_then(Value::as_int)
                .map(|n| n.to_string())
                .unwrap_or_default(),
        )),
        (Kind::Text, v) => Input::Field(Field::new(v.and_then(Value::as_str).unwrap_or_default())),
    }
}
