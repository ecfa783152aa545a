//! Values computed from the answers: the liability cap, the exposure estimate and flags.
//! The names and types are declared in `library::model::COMPUTED`.

use std::collections::BTreeMap;

use crate::value::Value;

/// Fixed costs of responding to a personal-data incident (forensics, a third-party
/// committee, a call centre), in yen: an order of magnitude taken from the MENET case.
pub const FIXED_RESPONSE_JPY: i64 = 10_000_000;
/// Response cost per data subject (notices, inquiries, monitoring). MENET: about ¥143M of
/// response costs for about 47,000 persons, some ¥3,000 a head including the fixed part.
pub const RESPONSE_PER_SUBJECT_JPY: i64 = 2_800;
/// Compensation per person from the Benesse awards: ¥1,000 (Osaka HC 2019) and ¥3,300
/// (Tokyo HC 2020) for more sensitive data.
pub const COMPENSATION_BASIC_JPY: i64 = 1_000;
pub const COMPENSATION_SENSITIVE_JPY: i64 = 3_300;

const SENSITIVE_KINDS: &[&str] = &[
    "sensitive",
    "children",
    "payment_card",
    "bank_account",
    "my_number",
];
// APPI Art. 26 and PPC Rules Art. 7: reportable even for one person. My Number leaks are
// reported under the My Number Act (Art. 29-4) on thresholds of their own.
const REPORTABLE_KINDS: &[&str] = &["sensitive", "payment_card", "bank_account"];
const PUBLIC_CUSTOMERS: &[&str] = &["national_government", "local_government", "education"];

fn int(values: &BTreeMap<String, Value>, id: &str) -> i64 {
    values.get(id).and_then(Value::as_int).unwrap_or(0)
}

fn flag(values: &BTreeMap<String, Value>, id: &str) -> bool {
    values.get(id).is_some_and(Value::truthy)
}

fn text<'a>(values: &'a BTreeMap<String, Value>, id: &str) -> &'a str {
    values.get(id).and_then(Value::as_str).unwrap_or("")
}

fn list<'a>(values: &'a BTreeMap<String, Value>, id: &str) -> &'a [String] {
    values.get(id).and_then(Value::as_list).unwrap_or(&[])
}

fn any_of(items: &[String], wanted: &[&str]) -> bool {
    items.iter().any(|i| wanted.contains(&i.as_str()))
}

/// Computes every value of `COMPUTED` from the resolved answers.
pub fn compute(values: &BTreeMap<String, Value>) -> Vec<(&'static str, Value)> {
    let budget = int(values, "budget_jpy");
    // `individual_contract` shows the whole contract amount: the fee of any one individual
    // contract is at most that. `annual_fees` shows its floor of twelve monthly fees and
    // `insurance` its floor, the greater of the fee and the minimum cover.
    let cap = match text(values, "cap_basis") {
        "multiple" => budget.saturating_mul(int(values, "cap_multiple").max(1)),
        "fixed" => int(values, "cap_fixed_jpy"),
        "annual_fees" => int(values, "monthly_fee_jpy").saturating_mul(12),
        "insurance" if flag(values, "cyber_insurance") => {
            budget.max(int(values, "insurance_min_jpy"))
        }
        _ => budget,
    };
    let personal = flag(values, "personal_data");
    let kinds = list(values, "personal_data_kinds");
    let subjects = int(values, "data_subjects");
    let exposure = if personal {
        let compensation = if any_of(kinds, SENSITIVE_KINDS) {
            COMPENSATION_SENSITIVE_JPY
        } else {
            COMPENSATION_BASIC_JPY
        };
        FIXED_RESPONSE_JPY
            .saturating_add(subjects.saturating_mul(RESPONSE_PER_SUBJECT_JPY + compensation))
    } else {
        0
    };
    let super_cap = if text(values, "stance") == "balanced" {
        cap.saturating_mul(2)
    } else {
        cap.saturating_mul(3).max(exposure)
    };
    let reportable = personal && (any_of(kinds, REPORTABLE_KINDS) || subjects > 1000);
    let public = PUBLIC_CUSTOMERS.contains(&text(values, "customer_type"));
    let card = (personal && kinds.iter().any(|k| k == "payment_card"))
        || list(values, "third_party_components")
            .iter()
            .any(|c| c == "payment_module");
    vec![
        ("liability_cap_jpy", Value::Int(cap)),
        ("exposure_estimate_jpy", Value::Int(exposure)),
        ("super_cap_jpy", Value::Int(super_cap)),
        ("reportable_breach", Value::Bool(reportable)),
        ("public_sector", Value::Bool(public)),
        ("card_data", Value::Bool(card)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn get(out: &[(&str, Value)], name: &str) -> Value {
        out.iter().find(|(n, _)| *n == name).unwrap().1.clone()
    }

    #[test]
    fn cap_follows_its_basis() {
        let base = [("budget_jpy", Value::Int(104_800_500))];
        assert_eq!(
            get(&compute(&values(&base)), "liability_cap_jpy"),
            Value::Int(104_800_500)
        );
        let multiple = [
            base[0].clone(),
            ("cap_basis", Value::Str("multiple".into())),
            ("cap_multiple", Value::Int(2)),
        ];
        assert_eq!(
            get(&compute(&values(&multiple)), "liability_cap_jpy"),
            Value::Int(209_601_000)
        );
        let fixed = [
            base[0].clone(),
            ("cap_basis", Value::Str("fixed".into())),
            ("cap_fixed_jpy", Value::Int(30_000_000)),
        ];
        assert_eq!(
            get(&compute(&values(&fixed)), "liability_cap_jpy"),
            Value::Int(30_000_000)
        );
    }

    #[test]
    fn annual_and_insurance_bases() {
        let annual = [
            ("budget_jpy", Value::Int(104_800_500)),
            ("cap_basis", Value::Str("annual_fees".into())),
            ("monthly_fee_jpy", Value::Int(1_000_000)),
        ];
        assert_eq!(
            get(&compute(&values(&annual)), "liability_cap_jpy"),
            Value::Int(12_000_000)
        );
        let insured = |cover: bool| {
            values(&[
                ("budget_jpy", Value::Int(50_000_000)),
                ("cap_basis", Value::Str("insurance".into())),
                ("cyber_insurance", Value::Bool(cover)),
                ("insurance_min_jpy", Value::Int(300_000_000)),
            ])
        };
        assert_eq!(
            get(&compute(&insured(true)), "liability_cap_jpy"),
            Value::Int(300_000_000)
        );
        // Without required cover the floor is the contract amount alone.
        assert_eq!(
            get(&compute(&insured(false)), "liability_cap_jpy"),
            Value::Int(50_000_000)
        );
        let individual = [
            ("budget_jpy", Value::Int(104_800_500)),
            ("cap_basis", Value::Str("individual_contract".into())),
        ];
        assert_eq!(
            get(&compute(&values(&individual)), "liability_cap_jpy"),
            Value::Int(104_800_500)
        );
    }

    #[test]
    fn exposure_and_super_cap_for_the_education_network() {
        let v = values(&[
            ("budget_jpy", Value::Int(104_800_500)),
            ("personal_data", Value::Bool(true)),
            (
                "personal_data_kinds",
                Value::List(vec!["basic".into(), "children".into()]),
            ),
            ("data_subjects", Value::Int(47_839)),
            ("stance", Value::Str("customer".into())),
            ("customer_type", Value::Str("education".into())),
        ]);
        let out = compute(&v);
        assert_eq!(
            get(&out, "exposure_estimate_jpy"),
            Value::Int(10_000_000 + 47_839 * 6_100)
        );
        assert_eq!(get(&out, "super_cap_jpy"), Value::Int(314_401_500));
        assert_eq!(get(&out, "reportable_breach"), Value::Bool(true));
        assert_eq!(get(&out, "public_sector"), Value::Bool(true));
        assert_eq!(get(&out, "card_data"), Value::Bool(false));
    }

    #[test]
    fn my_number_alone_is_not_reportable_under_appi_26() {
        let v = values(&[
            ("personal_data", Value::Bool(true)),
            (
                "personal_data_kinds",
                Value::List(vec!["basic".into(), "my_number".into()]),
            ),
            ("data_subjects", Value::Int(500)),
        ]);
        assert_eq!(get(&compute(&v), "reportable_breach"), Value::Bool(false));
    }

    #[test]
    fn no_personal_data_means_no_exposure() {
        let v = values(&[
            ("budget_jpy", Value::Int(2_500_000)),
            ("personal_data", Value::Bool(false)),
            ("data_subjects", Value::Int(5000)),
            ("stance", Value::Str("balanced".into())),
        ]);
        let out = compute(&v);
        assert_eq!(get(&out, "exposure_estimate_jpy"), Value::Int(0));
        assert_eq!(get(&out, "super_cap_jpy"), Value::Int(5_000_000));
        assert_eq!(get(&out, "reportable_breach"), Value::Bool(false));
    }
}
