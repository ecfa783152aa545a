//! A one-line text field: the text and a cursor counted in characters, so that Japanese
//! (two columns, several bytes) is never cut inside a character.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    text: String,
    /// The cursor, in characters from the start.
    cursor: usize,
}

impl Field {
    pub fn new(text: &str) -> Field {
        Field {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts text at the cursor. The field is one line: a paste that carries a line break
    /// or another control character inside it is refused whole (false), never cleaned; only
    /// the line break that copying a line leaves at its end is not taken.
    pub fn insert(&mut self, s: &str) -> bool {
        let s = s.strip_suffix('\n').unwrap_or(s);
        let s = s.strip_suffix('\r').unwrap_or(s);
        if s.chars().any(char::is_control) {
            return false;
        }
        let at = self.byte(self.cursor);
        self.text.insert_str(at, s);
        self.cursor += s.chars().count();
        true
    }

    /// Deletes the character before the cursor; false when there is none.
    pub(crate) fn delete_back(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        self.cursor -= 1;
        let at = self.byte(self.cursor);
        self.text.remove(at);
        true
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// The cursor's column on screen.
    fn cursor_column(&self) -> usize {
        self.text[..self.byte(self.cursor)].width()
    }

    /// The part of the text shown in `width` columns, scrolled so that the cursor stays in
    /// view, and the cursor's column within it.
    pub fn window(&self, width: usize) -> (String, usize) {
        let width = width.max(2);
        // One column is kept for the cursor after the last character.
        if self.text.width() < width {
            return (self.text.clone(), self.cursor_column());
        }
        let chars: Vec<char> = self.text.chars().collect();
        let w = |c: &char| c.width().unwrap_or(0);
        let mut start = self.cursor;
        let mut used = 0;
        while start > 0 && used + w(&chars[start - 1]) < width {
            start -= 1;
            used += w(&chars[start]);
        }
        let column = used;
        let mut end = self.cursor;
        while end < chars.len() && used + w(&chars[end]) < width {
            used += w(&chars[end]);
            end += 1;
        }
        (chars[start..end].iter().collect(), column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_character_and_measures_columns() {
        let mut f = Field::new("甲市");
        assert_eq!(f.cursor_column(), 4);
        f.left();
        assert!(f.insert("x\n"));
        assert_eq!(f.text(), "甲x市");
        assert!(!f.insert("a\nb"));
        assert!(!f.insert("\t"));
        assert_eq!(f.text(), "甲x市");
        assert_eq!(f.cursor_column(), 3);
        assert!(f.delete_back());
        assert!(f.delete_back());
        assert!(!f.delete_back());
        assert_eq!(f.text(), "市");
        f.end();
        f.right();
        assert_eq!(f.cursor_column(), 2);
        f.home();
        assert_eq!(f.cursor_column(), 0);
    }

    #[test]
    fn a_long_text_scrolls_to_keep_the_cursor_in_view() {
        let mut f = Field::new("情報セキュリティ特約");
        assert_eq!(f.window(30), ("情報セキュリティ特約".to_string(), 20));
        // The end, with the cursor after it.
        assert_eq!(f.window(9), ("ティ特約".to_string(), 8));
        f.home();
        assert_eq!(f.window(9), ("情報セキ".to_string(), 0));
        f.right();
        f.right();
        assert_eq!(f.window(5), ("情報".to_string(), 4));
    }
}
