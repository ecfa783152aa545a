//! Number and date formats of contract text: `104,800,500円`, `JPY 104,800,500`,
//! `令和8年11月22日`, `22 November 2026`.

use crate::lang::Lang;

pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

pub fn yen(n: i64, lang: Lang) -> String {
    let amount = thousands(n);
    crate::labels::fill(
        &crate::labels::get(lang).numbers.yen,
        &[("amount", &amount)],
    )
}

/// Parses `YYYY-MM-DD` and checks that the day exists.
pub(crate) fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// A date in contract style: the Japanese era (令和 from 2019-05-01) or English words.
pub fn date(s: &str, lang: Lang) -> Option<String> {
    let (y, m, d) = parse_date(s)?;
    Some(match lang {
        Lang::Ja => {
            let (era, start) = if (y, m) >= (2019, 5) {
                ("令和", 2018)
            } else if (y, m, d) >= (1989, 1, 8) {
                ("平成", 1988)
            } else {
                return Some(format!("{y}年{m}月{d}日"));
            };
            let n = y - start;
            let year = if n == 1 {
                "元".to_string()
            } else {
                n.to_string()
            };
            format!("{era}{year}年{m}月{d}日")
        }
        Lang::En => {
            const MONTHS: [&str; 12] = [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ];
            format!("{d} {} {y}", MONTHS[m as usize - 1])
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_have_separators() {
        assert_eq!(yen(104_800_500, Lang::Ja), "104,800,500円");
        assert_eq!(yen(104_800_500, Lang::En), "JPY 104,800,500");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(-1_234_567), "-1,234,567");
    }

    #[test]
    fn dates_use_the_era() {
        assert_eq!(date("2026-11-22", Lang::Ja).unwrap(), "令和8年11月22日");
        assert_eq!(date("2019-05-01", Lang::Ja).unwrap(), "令和元年5月1日");
        assert_eq!(date("2019-04-30", Lang::Ja).unwrap(), "平成31年4月30日");
        assert_eq!(date("2026-11-22", Lang::En).unwrap(), "22 November 2026");
        assert_eq!(date("2024-02-29", Lang::En).unwrap(), "29 February 2024");
        for bad in ["2023-02-29", "2026-13-01", "26-11-22", "2026/11/22", "x"] {
            assert_eq!(date(bad, Lang::Ja), None, "{bad}");
        }
    }
}
