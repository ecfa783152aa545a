//! A one-line text field: the text and a cursor counted in characters, so that Japanese
//! (two columns, several bytes) is never cut inside a character.

use unicode_width::UnicodeWidthStr;

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

    /// Inserts text at the cursor; line breaks and other control characters are dropped
    /// (the field is one line, and a paste may bring them).
    pub fn insert(&mut self, s: &str) {
        let clean: String = s.chars().filter(|c| !c.is_control()).collect();
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &clean);
        self.cursor += clean.chars().count();
    }

    /// Deletes the character before the cursor; false when there is none.
    pub fn delete_back(&mut self) -> bool {
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
    pub fn cursor_column(&self) -> usize {
        self.text[..self.byte(self.cursor)].width()
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
        f.insert("x\n");
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
}
