//! The customer type a customer's name reads as: a city, a prefecture's bureau, a board of
//! education or a ministry is a public body, and public bodies draft differently (保有個人情報,
//! APPI Arts. 66 to 68, the public-sector terms). Used to warn when `customer_type` is left
//! at a private type, and by the questionnaire to preselect the likely type.

use crate::library::model::input::{EDUCATION, LOCAL_GOVERNMENT, NATIONAL_GOVERNMENT};

/// Forms of private bodies: a name with one of these is not read as public.
const PRIVATE_FORMS: &[&str] = &[
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "医療法人",
    "学校法人",
    "社会福祉法人",
    "(株)",
    "（株）",
];

/// Bodies formed by local governments together (Local Autonomy Act Art. 284) and local
/// incorporated administrative agencies: local government for APPI Art. 2(11).
const LOCAL_BODIES: &[&str] = &["広域連合", "一部事務組合", "地方独立行政法人"];

/// National bodies whose names end like a local one (内閣府 ends like 大阪府).
const NATIONAL_NAMES: &[&str] = &["内閣府", "内閣官房", "会計検査院", "人事院"];

/// The endings of a local government's name, and of its offices.
const LOCAL_ENDINGS: &[&str] = &[
    "市",
    "町",
    "村",
    "区",
    "都",
    "道",
    "府",
    "県",
    "市役所",
    "町役場",
    "村役場",
    "区役所",
    "県庁",
    "都庁",
    "道庁",
    "府庁",
];

/// Characters that show a local government inside a longer name (東京都水道局, 横浜市交通局).
const LOCAL_MARKS: &[char] = &['市', '町', '村', '区', '都', '道', '府', '県'];

/// The `customer_type` choice that `name` reads as, when it reads as a public body.
///
/// 独立行政法人 reads as `national_government`: APPI Art. 2(11) counts incorporated
/// administrative agencies among the 行政機関等 bound by Arts. 66 to 68, and the government
/// common standards cover them. A 国立大学法人 is left alone (most of the private-sector
/// rules apply to it since 2022), as is anything with a company form in its name.
pub(crate) fn likely_customer_type(name: &str) -> Option<&'static str> {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let name = name.as_str();
    if name.is_empty() || PRIVATE_FORMS.iter().any(|f| name.contains(f)) {
        return None;
    }
    if name.contains("教育委員会") {
        return Some(EDUCATION);
    }
    let public_school = [
        "市立", "町立", "村立", "区立", "都立", "道立", "府立", "県立",
    ]
    .iter()
    .any(|f| name.contains(f));
    if public_school && name.ends_with("学校") {
        return Some(EDUCATION);
    }
    if LOCAL_BODIES.iter().any(|b| name.contains(b)) {
        return Some(LOCAL_GOVERNMENT);
    }
    if name.contains("国立大学法人") {
        return None;
    }
    if name.contains("独立行政法人") || NATIONAL_NAMES.iter().any(|n| name.ends_with(n)) {
        return Some(NATIONAL_GOVERNMENT);
    }
    if LOCAL_ENDINGS.iter().any(|e| name.ends_with(e)) {
        return Some(LOCAL_GOVERNMENT);
    }
    // A bureau or agency belongs to a local government when one is named before it.
    let head = name.trim_end_matches(['局', '庁', '省']);
    if head.len() < name.len() && !head.is_empty() {
        return Some(if head.contains(LOCAL_MARKS) {
            LOCAL_GOVERNMENT
        } else {
            NATIONAL_GOVERNMENT
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_bodies_are_read_from_their_names() {
        let cases = [
            ("前橋市", Some(LOCAL_GOVERNMENT)),
            ("群馬県 嬬恋村", Some(LOCAL_GOVERNMENT)),
            ("東京都港区", Some(LOCAL_GOVERNMENT)),
            ("北海道", Some(LOCAL_GOVERNMENT)),
            ("大阪府", Some(LOCAL_GOVERNMENT)),
            ("横浜市役所", Some(LOCAL_GOVERNMENT)),
            ("東京都水道局", Some(LOCAL_GOVERNMENT)),
            ("後期高齢者医療広域連合", Some(LOCAL_GOVERNMENT)),
            ("〇〇衛生施設一部事務組合", Some(LOCAL_GOVERNMENT)),
            ("前橋市教育委員会", Some(EDUCATION)),
            ("市立第一中学校", Some(EDUCATION)),
            ("デジタル庁", Some(NATIONAL_GOVERNMENT)),
            ("総務省", Some(NATIONAL_GOVERNMENT)),
            ("関東財務局", Some(NATIONAL_GOVERNMENT)),
            ("内閣府", Some(NATIONAL_GOVERNMENT)),
            ("独立行政法人情報処理推進機構", Some(NATIONAL_GOVERNMENT)),
            ("株式会社みなと町", None),
            ("学校法人〇〇学園", None),
            ("国立大学法人〇〇大学", None),
            ("〇〇病院", None),
            ("", None),
        ];
        for (name, want) in cases {
            assert_eq!(likely_customer_type(name), want, "{name}");
        }
    }
}
