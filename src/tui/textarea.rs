//! A multi-line text editor for counsel's wording and notes, where no `$EDITOR` is set:
//! lines and a cursor counted in characters (Japanese is never cut inside a character),
//! and a layout that wraps long lines to the window as the view draws them.

use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextArea {
    lines: Vec<String>,
    row: usize,
    /// In characters from the start of the line.
    col: usize,
}

fn byte(line: &str, chars: usize) -> usize {
    line.char_indices()
        .nth(chars)
        .map_or(line.len(), |(i, _)| i)
}

fn chars(line: &str) -> usize {
    line.chars().count()
}

impl TextArea {
    /// The text to edit, with the cursor at its start (counsel reads before they change).
    pub fn new(text: &str) -> TextArea {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        TextArea {
            lines,
            row: 0,
            col: 0,
        }
    }

    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// Inserts typed or pasted text at the cursor; line breaks split the line (`\r\n` as
    /// one). A paste carrying another control character is refused whole (false): the
    /// text is counsel's and is never cleaned behind their back.
    pub fn insert(&mut self, s: &str) -> bool {
        let s = s.replace("\r\n", "\n");
        if s.chars().any(|c| c.is_control() && c != '\n') {
            return false;
        }
        for (i, piece) in s.split('\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            let line = &mut self.lines[self.row];
            line.insert_str(byte(line, self.col), piece);
            self.col += chars(piece);
        }
        true
    }

    pub fn newline(&mut self) {
        let line = &mut self.lines[self.row];
        let rest = line.split_off(byte(line, self.col));
        self.row += 1;
        self.lines.insert(self.row, rest);
        self.col = 0;
    }

    /// Deletes the character before the cursor, joining the line to the one above at its
    /// start; false at the very start.
    pub(crate) fn delete_back(&mut self) -> bool {
        if self.col > 0 {
            self.col -= 1;
            let line = &mut self.lines[self.row];
            line.remove(byte(line, self.col));
            return true;
        }
        if self.row == 0 {
            return false;
        }
        let line = self.lines.remove(self.row);
        self.row -= 1;
        self.col = chars(&self.lines[self.row]);
        self.lines[self.row].push_str(&line);
        true
    }

    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = chars(&self.lines[self.row]);
        }
    }

    pub fn right(&mut self) {
        if self.col < chars(&self.lines[self.row]) {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// Up or down `by` lines, keeping the column where the line is long enough.
    pub(crate) fn vertical(&mut self, by: isize) {
        self.row = self.row.saturating_add_signed(by).min(self.lines.len() - 1);
        self.col = self.col.min(chars(&self.lines[self.row]));
    }

    pub fn home(&mut self) {
        self.col = 0;
    }

    pub fn end(&mut self) {
        self.col = chars(&self.lines[self.row]);
    }

    /// The text wrapped to `width` columns as the lines to draw, and the cursor's place
    /// among them as (line, column).
    pub fn layout(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let mut out = Vec::new();
        let mut cursor = (0, 0);
        for (r, line) in self.lines.iter().enumerate() {
            let ranges = crate::wrap::breaks(line, width, width, crate::wrap::Overflow::Cut);
            let at = byte(line, self.col);
            let here =
                (r == self.row).then(|| ranges.iter().rposition(|g| g.start <= at).unwrap_or(0));
            for (i, g) in ranges.iter().enumerate() {
                if here == Some(i) {
                    cursor = (out.len(), line[g.start..at.max(g.start)].width());
                }
                out.push(line[g.clone()].to_string());
            }
        }
        (out, cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_pasting_and_deleting_across_lines() {
        let mut t = TextArea::new("甲は、\n乙に");
        t.end();
        assert!(t.insert("通知する。"));
        assert_eq!(t.text(), "甲は、通知する。\n乙に");
        assert!(t.insert("\r\n- 一号\n- 二号"));
        assert_eq!(t.text(), "甲は、通知する。\n- 一号\n- 二号\n乙に");
        assert!(!t.insert("a\u{7}b"), "a bell is refused, not dropped");
        t.home();
        assert!(t.delete_back());
        assert_eq!(t.text(), "甲は、通知する。\n- 一号- 二号\n乙に");
        t.vertical(-5);
        t.home();
        assert!(!t.delete_back());
        t.vertical(5);
        t.end();
        t.right();
        assert_eq!(t.text().lines().count(), 3);
    }

    #[test]
    fn the_cursor_is_found_in_a_wrapped_line() {
        let mut t = TextArea::new("あいうえおかきくけこ\nabc");
        t.right();
        t.right();
        t.right();
        t.right();
        t.right();
        t.right();
        let (lines, cursor) = t.layout(8);
        assert_eq!(lines, ["あいうえ", "おかきく", "けこ", "abc"]);
        assert_eq!(cursor, (1, 4));
        t.vertical(1);
        assert_eq!(t.layout(8).1, (3, 3));
    }
}
