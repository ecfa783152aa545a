//! Tests of the line breaker: the text export's and the questionnaire's cases.

use super::*;

#[test]
fn wraps_english_at_spaces() {
    let s = wrap(
        "The Vendor shall notify the Customer without delay.",
        20,
        "  ",
    );
    assert_eq!(
        s,
        "The Vendor shall\n  notify the\n  Customer without\n  delay."
    );
}

#[test]
fn punctuation_carries_the_word_before_it_down() {
    let s = wrap("open-source software (OSS), and more", 26, "");
    assert_eq!(s, "open-source software\n(OSS), and more");
}

#[test]
fn wraps_japanese_by_width_and_keeps_punctuation() {
    let s = wrap(
        "乙は、甲に対し、本件システムのセキュリティ設定を説明する。",
        10,
        "",
    );
    for line in s.lines() {
        assert!(line.width() <= 10, "{line}");
        assert!(!NO_START.contains(line.chars().next().unwrap()), "{s}");
    }
    assert_eq!(
        s.replace('\n', ""),
        "乙は、甲に対し、本件システムのセキュリティ設定を説明する。"
    );
}

fn texts(lines: &[Line]) -> Vec<String> {
    lines.iter().map(|l| l.to_string()).collect()
}

#[test]
fn japanese_breaks_anywhere_but_before_closing_marks() {
    let l = Line::raw("甲及び乙は、協議する。");
    assert_eq!(
        texts(&wrap_line(&l, 10)),
        ["甲及び乙", "は、協議す", "る。"]
    );
    assert_eq!(texts(&wrap_line(&l, 12)), ["甲及び乙は、", "協議する。"]);
    let l = Line::raw("規則7条）。");
    assert_eq!(texts(&wrap_line(&l, 8)), ["規則7", "条）。"]);
}

#[test]
fn english_breaks_at_spaces_and_long_words_anywhere() {
    let l = Line::raw("the Vendor shall notify");
    assert_eq!(texts(&wrap_line(&l, 12)), ["the Vendor", "shall notify"]);
    assert_eq!(
        texts(&wrap_line(&Line::raw("abcdefgh"), 5)),
        ["abcde", "fgh"]
    );
    assert_eq!(texts(&wrap_line(&Line::raw(""), 5)), [""]);
}

#[test]
fn list_items_hang_under_their_text() {
    let l = Line::raw("  [ ] Sensitive data (medical history)");
    assert_eq!(
        texts(&wrap_line(&l, 20)),
        ["  [ ] Sensitive data", "      (medical", "      history)"]
    );
    let l = Line::raw("・校務系情報の保護");
    assert_eq!(texts(&wrap_line(&l, 10)), ["・校務系情", "  報の保護"]);
}

#[test]
fn styles_survive_the_break() {
    let bold = ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD);
    let l = Line::from(vec![Span::styled("出典", bold), Span::raw(": 前橋地判")]);
    let w = wrap_line(&l, 6);
    assert_eq!(texts(&w), ["出典:", "前橋地", "判"]);
    assert_eq!(w[0].spans[0].style, bold);
}

#[test]
fn an_ideographic_space_counts_two_columns() {
    // Today's export wrapper counted U+3000 by its bytes when it began a line: its lines
    // drifted, and in a debug build it underflowed at width 8.
    let text = "甲及び乙は、　本件業務の遂行に当たり、　情報を適切に管理する。";
    for width in 4..=20 {
        let s = wrap(text, width, "");
        for line in s.lines() {
            assert!(line.width() <= width.max(4), "{width}: {s}");
        }
        assert_eq!(s.replace(['\n', '　'], ""), text.replace('　', ""));
    }
    assert_eq!(wrap("乙は丙　甲に対し", 8, ""), "乙は丙\n甲に対し");
}

#[test]
fn brackets_follow_the_kinsoku_rules() {
    let s = wrap("甲は、乙に対し（書面により）通知する。", 14, "");
    for line in s.lines() {
        assert!(!NO_START.contains(line.chars().next().unwrap()), "{s}");
        assert!(!line.ends_with('（'), "an opening bracket ends a line: {s}");
    }
}

#[test]
fn japanese_lines_fill_the_width() {
    // The export wrapper used to break one character early, before the last one that fit.
    assert_eq!(wrap("甲乙丙丁戊己庚", 6, ""), "甲乙丙\n丁戊己\n庚");
}

#[test]
fn cut_lines_never_exceed_the_width() {
    let lines = cut_lines("https://example.com/a-very-long-path 甲乙", 10);
    assert!(lines.iter().all(|l| l.width() <= 10), "{lines:?}");
    assert_eq!(
        lines.concat().replace(' ', ""),
        "https://example.com/a-very-long-path甲乙"
    );
}
