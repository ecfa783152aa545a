//! Numbers and dates as people write them in a Japanese office: 2億5000万円, 三千万, １２万,
//! 250,000,000, 令和8年4月1日, 2026/4/1. Each reads to one value or to the reason it cannot
//! be read; nothing is guessed (a stray letter, a sign, a fraction of a yen is refused).

use crate::lang::Lang;

/// Why a typed number or date was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotationError {
    Empty,
    /// Something that is not a digit, a separator, a unit or 円.
    NotNumber,
    Negative,
    /// Beyond the largest amount an answer can hold (the i64 range).
    TooLarge,
    /// A decimal that does not come to a whole number (1.23456万).
    Fraction,
    NotDate,
    /// A real-looking date that does not exist (2026-02-30, 平成32年).
    NoSuchDate,
}

impl NotationError {
    pub fn message(self, lang: Lang) -> &'static str {
        use NotationError::*;
        match (self, lang) {
            (Empty, Lang::Ja) => "入力してください。",
            (Empty, Lang::En) => "Please enter a value.",
            (NotNumber, Lang::Ja) => {
                "数として読めません。数字、桁区切り、億・万・千及び円で入力してください（例: 2億5000万円、250,000,000）。"
            }
            (NotNumber, Lang::En) => {
                "Not a number: use digits, separators, 億 / 万 / 千 and 円 (e.g. 250,000,000 or 2億5000万円)."
            }
            (Negative, Lang::Ja) => "負の数は入力できません。",
            (Negative, Lang::En) => "A negative number cannot be entered.",
            (TooLarge, Lang::Ja) => "大きすぎて記録できません。",
            (TooLarge, Lang::En) => "Too large to record.",
            (Fraction, Lang::Ja) => "整数になりません。端数のない値を入力してください。",
            (Fraction, Lang::En) => "Not a whole number: enter a value without a fraction.",
            (NotDate, Lang::Ja) => {
                "日付として読めません（例: 2026-04-01、2026/4/1、令和8年4月1日）。"
            }
            (NotDate, Lang::En) => "Not a date: write 2026-04-01, 2026/4/1 or 令和8年4月1日.",
            (NoSuchDate, Lang::Ja) => "その日付は存在しません。",
            (NoSuchDate, Lang::En) => "There is no such date.",
        }
    }
}

/// Kanji digits, in order from zero.
const KANJI_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Full-width and kanji digits and full-width signs as their ASCII twins; everything else
/// as it is.
fn narrow(c: char) -> char {
    if let Some(d) = KANJI_DIGITS.iter().position(|k| *k == c) {
        return char::from(b'0' + d as u8);
    }
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '，' => ',',
        '．' => '.',
        '／' => '/',
        '－' | '−' | 'ー' => '-',
        '＿' => '_',
        _ => c,
    }
}

/// Counters that may follow a count (12万人, 14日, 24時間): read and left out of the value,
/// which is shown before it is saved.
const COUNTERS: [&str; 9] = ["人", "名", "件", "日", "時間", "か月", "ヶ月", "カ月", "年"];

/// An amount of yen or a count: digits with separators (`,` `_` and spaces, full-width
/// too), the units 兆 億 万 (each at most once, largest first) and 千 百 十 within them, a
/// decimal point before a unit (1.5億), a leading ¥ and a trailing 円 where `yen`, a
/// counter (人, 日 …) where not.
pub fn amount(text: &str, yen: bool) -> Result<i64, NotationError> {
    let t: String = text.trim().chars().map(narrow).collect();
    if t.is_empty() {
        return Err(NotationError::Empty);
    }
    if t.starts_with('-') {
        return Err(NotationError::Negative);
    }
    let mut body = t.as_str();
    if yen {
        body = body.strip_prefix(['¥', '￥']).unwrap_or(body);
        body = body.strip_suffix('円').unwrap_or(body);
    } else if let Some(c) = COUNTERS.iter().find(|c| body.ends_with(*c)) {
        body = &body[..body.len() - c.len()];
    }
    let chars: Vec<char> = body
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{3000}'))
        .collect();
    if chars.is_empty() {
        return Err(NotationError::NotNumber);
    }
    read_units(&chars)
}

const BIG: [(char, i128); 3] = [
    ('兆', 1_000_000_000_000),
    ('億', 100_000_000),
    ('万', 10_000),
];
const SMALL: [(char, i128); 3] = [('千', 1000), ('百', 100), ('十', 10)];

/// The value of digits and units, exactly (in i128, then checked into i64).
fn read_units(chars: &[char]) -> Result<i64, NotationError> {
    let mut total: i128 = 0;
    let mut rest = chars;
    let mut any_unit = false;
    // Units taken largest first: one out of order (5万3億) or twice (1万1万) is left in a
    // later group, where it is not a digit.
    for (unit, scale) in BIG {
        if let Some(at) = rest.iter().position(|c| *c == unit) {
            any_unit = true;
            total += group(&rest[..at], scale)?;
            rest = &rest[at + 1..];
        }
    }
    if !rest.is_empty() {
        total += group(rest, 1)?;
    } else if !any_unit {
        return Err(NotationError::NotNumber);
    }
    i64::try_from(total).map_err(|_| NotationError::TooLarge)
}

/// One group before a large unit (or the last one): digits with 千 百 十, or a decimal
/// (1.5), times `scale`. An empty group before a unit is one (万 = 10,000).
fn group(chars: &[char], scale: i128) -> Result<i128, NotationError> {
    if chars.is_empty() {
        return if scale > 1 {
            Ok(scale)
        } else {
            Err(NotationError::NotNumber)
        };
    }
    if chars.iter().any(|c| SMALL.iter().any(|(u, _)| u == c)) {
        let mut sum: i128 = 0;
        let mut rest = chars;
        for (unit, small) in SMALL {
            if let Some(at) = rest.iter().position(|c| *c == unit) {
                let n = if at == 0 {
                    1
                } else {
                    decimal(&rest[..at], small)?
                };
                sum += if at == 0 { small } else { n };
                rest = &rest[at + 1..];
            }
        }
        if !rest.is_empty() {
            sum += decimal(rest, 1)?;
        }
        return sum.checked_mul(scale).ok_or(NotationError::TooLarge);
    }
    decimal(chars, scale)
}

/// Digits with at most one decimal point, times `scale`; a fraction left over is refused.
fn decimal(chars: &[char], scale: i128) -> Result<i128, NotationError> {
    let s: String = chars.iter().collect();
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(frac) {
        return Err(NotationError::NotNumber);
    }
    // More than 30 digits cannot fit anyway; the cut keeps the arithmetic in i128.
    if whole.len() > 30 || frac.len() > 30 {
        return Err(NotationError::TooLarge);
    }
    let w: i128 = whole.parse().map_err(|_| NotationError::TooLarge)?;
    let mut value = w.checked_mul(scale).ok_or(NotationError::TooLarge)?;
    if !frac.is_empty() {
        let denom = 10i128.pow(frac.len() as u32);
        let f: i128 = frac.parse().map_err(|_| NotationError::NotNumber)?;
        let scaled = f.checked_mul(scale).ok_or(NotationError::TooLarge)?;
        if scaled % denom != 0 {
            return Err(NotationError::Fraction);
        }
        value += scaled / denom;
    }
    Ok(value)
}

/// Japanese eras from their first day; a year of an era is valid until the next begins.
const ERAS: [(&str, (i32, u32, u32)); 3] = [
    ("令和", (2019, 5, 1)),
    ("平成", (1989, 1, 8)),
    ("昭和", (1926, 12, 25)),
];

/// A date as `YYYY-MM-DD`, read from 2026-04-01, 2026-4-1, 2026/4/1, 2026.4.1,
/// 2026年4月1日 or an era date (令和8年4月1日, 令和元年5月1日), digits full-width or not.
pub fn date(text: &str) -> Result<String, NotationError> {
    let t: String = text.trim().chars().map(narrow).collect();
    if t.is_empty() {
        return Err(NotationError::Empty);
    }
    let (era, rest) = match ERAS.iter().enumerate().find(|(_, (n, _))| t.starts_with(n)) {
        Some((i, (name, _))) => (Some(i), &t[name.len()..]),
        None => (None, t.as_str()),
    };
    let rest = rest.trim_start().replacen("元年", "1年", 1);
    let parts: Vec<&str> = rest
        .trim_end_matches('日')
        .split(['-', '/', '.', '年', '月'])
        .map(str::trim)
        .collect();
    let [y, m, d] = parts[..] else {
        return Err(NotationError::NotDate);
    };
    let number = |p: &str, max_len: usize| {
        (!p.is_empty() && p.len() <= max_len && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
            .ok_or(NotationError::NotDate)
    };
    let (m, d) = (number(m, 2)?, number(d, 2)?);
    let year = match era {
        None if y.len() == 4 => number(y, 4)? as i32,
        None => return Err(NotationError::NotDate),
        Some(i) => {
            let n = number(y, 2)? as i32;
            let (start, _, _) = ERAS[i].1;
            let year = start + n - 1;
            let date = (year, m, d);
            let next = i.checked_sub(1).map(|j| ERAS[j].1);
            if n == 0 || date < ERAS[i].1 || next.is_some_and(|next| date >= next) {
                return Err(NotationError::NoSuchDate);
            }
            year
        }
    };
    let iso = format!("{year:04}-{m:02}-{d:02}");
    crate::format::parse_date(&iso)
        .map(|_| iso)
        .ok_or(NotationError::NoSuchDate)
}

#[cfg(test)]
mod tests {
    use super::NotationError::*;
    use super::*;

    #[test]
    fn amounts_as_written_in_japanese_and_with_separators() {
        let yen = |s| amount(s, true);
        assert_eq!(yen("2億5000万円"), Ok(250_000_000));
        assert_eq!(yen("２億５０００万円"), Ok(250_000_000));
        assert_eq!(yen("２５０，０００，０００"), Ok(250_000_000));
        assert_eq!(yen("250,000,000円"), Ok(250_000_000));
        assert_eq!(yen("¥1,200,000"), Ok(1_200_000));
        assert_eq!(yen("1.5億円"), Ok(150_000_000));
        assert_eq!(yen("1億2千万円"), Ok(120_000_000));
        assert_eq!(yen("5千万"), Ok(50_000_000));
        assert_eq!(yen("三千万"), Ok(30_000_000));
        assert_eq!(yen("二億五千万円"), Ok(250_000_000));
        assert_eq!(yen("百二十万"), Ok(1_200_000));
        assert_eq!(yen("三十"), Ok(30));
        assert_eq!(yen("千千"), Err(NotNumber));
        assert_eq!(yen("3千"), Ok(3000));
        assert_eq!(yen("万"), Ok(10_000));
        assert_eq!(yen("1兆"), Ok(1_000_000_000_000));
        assert_eq!(yen("1_000"), Ok(1000));
        assert_eq!(amount("12万人", false), Ok(120_000));
        assert_eq!(amount("24時間", false), Ok(24));
        assert_eq!(amount("14", false), Ok(14));
    }

    #[test]
    fn what_cannot_be_read_is_refused_not_guessed() {
        let yen = |s| amount(s, true);
        assert_eq!(yen(""), Err(Empty));
        assert_eq!(yen("  "), Err(Empty));
        assert_eq!(yen("1000q"), Err(NotNumber));
        assert_eq!(yen("-5"), Err(Negative));
        assert_eq!(yen("－５"), Err(Negative));
        assert_eq!(yen("5万3億"), Err(NotNumber));
        assert_eq!(yen("1万1万"), Err(NotNumber));
        assert_eq!(yen("1.2.3"), Err(NotNumber));
        assert_eq!(yen("1.23456万"), Err(Fraction));
        assert_eq!(yen("0.5"), Err(Fraction));
        assert_eq!(yen("円"), Err(NotNumber));
        assert_eq!(yen("12人"), Err(NotNumber));
        assert_eq!(amount("5円", false), Err(NotNumber));
        assert_eq!(yen("9223372036854775808"), Err(TooLarge));
        assert_eq!(yen("9223372036854775807"), Ok(i64::MAX));
        assert_eq!(yen("99999999兆"), Err(TooLarge));
        assert_eq!(yen(&"9".repeat(10_000)), Err(TooLarge));
    }

    #[test]
    fn dates_in_iso_slashes_kanji_and_eras() {
        for s in [
            "2026-04-01",
            "2026-4-1",
            "2026/4/1",
            "２０２６／４／１",
            "2026.4.1",
            "2026年4月1日",
            "令和8年4月1日",
            "令和８年４月１日",
        ] {
            assert_eq!(date(s), Ok("2026-04-01".into()), "{s}");
        }
        assert_eq!(date("令和元年5月1日"), Ok("2019-05-01".into()));
        assert_eq!(date("令和八年四月一日"), Ok("2026-04-01".into()));
        assert_eq!(date("平成31年4月30日"), Ok("2019-04-30".into()));
        assert_eq!(date("平成元年1月8日"), Ok("1989-01-08".into()));
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert_eq!(date(""), Err(Empty));
        assert_eq!(date("4/1"), Err(NotDate));
        assert_eq!(date("26/4/1"), Err(NotDate));
        assert_eq!(date("tomorrow"), Err(NotDate));
        assert_eq!(date("2026-02-30"), Err(NoSuchDate));
        assert_eq!(date("2026-13-01"), Err(NoSuchDate));
        assert_eq!(date("令和元年4月30日"), Err(NoSuchDate));
        assert_eq!(date("平成31年5月1日"), Err(NoSuchDate));
        assert_eq!(date("平成32年1月1日"), Err(NoSuchDate));
        assert_eq!(date("令和0年5月1日"), Err(NoSuchDate));
    }
}
