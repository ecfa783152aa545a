//! Splitting text into the words a redline marks. Japanese has no spaces, so a word is a
//! run of one script: kanji, hiragana, katakana, or Latin letters and digits (with the
//! separators inside numbers, so 104,800,500 changes as one); spaces stay with the word
//! before them, and every other character is a word of its own.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Kanji,
    Hiragana,
    Katakana,
    Latin,
    Space,
    Other,
}

fn class(c: char) -> Class {
    match c {
        '々'
        | '〆'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' => Class::Kanji,
        '\u{3041}'..='\u{309F}' => Class::Hiragana,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | 'ｦ'..='ﾟ' => Class::Katakana,
        c if c.is_alphanumeric() => Class::Latin,
        ' ' | '\t' => Class::Space,
        _ => Class::Other,
    }
}

/// The words of `text`; concatenated, they give `text` back.
pub fn split(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = 0;
    // The class of the word being read; `Space` once its trailing spaces began.
    let mut cur: Option<Class> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut k = class(c);
        // A separator between digits belongs to the number: 1,000 or 3.5.
        if matches!(c, ',' | '.' | '，')
            && cur == Some(Class::Latin)
            && chars.peek().is_some_and(|&(_, n)| n.is_ascii_digit())
        {
            k = Class::Latin;
        }
        let joins = match cur {
            None => false,
            Some(Class::Space) => k == Class::Space,
            Some(p) => k == Class::Space || (p == k && k != Class::Other),
        };
        if !joins && i > start {
            words.push(&text[start..i]);
            start = i;
        }
        cur = Some(k);
    }
    if start < text.len() {
        words.push(&text[start..]);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn scripts_split_and_rejoin() {
        let t = "乙は、IPAの「安全なウェブサイトの作り方」に従い104,800,500円を上限とする。";
        let w = split(t);
        assert_eq!(w.concat(), t);
        assert!(w.contains(&"104,800,500"), "{w:?}");
        assert!(w.contains(&"IPA"), "{w:?}");
        assert!(w.contains(&"ウェブサイト"), "{w:?}");
        assert!(w.contains(&"、"), "{w:?}");
    }

    #[test]
    fn spaces_stay_with_the_word_before() {
        assert_eq!(
            split("the Vendor  shall."),
            ["the ", "Vendor  ", "shall", "."]
        );
    }
}
