//! Values computed from the answers: the liability cap, the exposure estimate and flags.
//! The names and types are declared in `library::model::COMPUTED`.

use std::collections::BTreeMap;

use super::customer::likely_customer_type;
use crate::library::model::input::*;
use crate::value::Value;

/// Fixed costs of responding to a personal-data incident (forensics, a third-party
/// committee, a call centre), in yen: an order of magnitude taken from the MENET case.
pub(crate) const FIXED_RESPONSE_JPY: i64 = 10_000_000;
/// Response cost per data subject (notices, inquiries, monitoring). MENET: about ¥143M of
/// response costs for about 47,000 persons, some ¥3,000 a head including the fixed part.
pub(crate) const RESPONSE_PER_SUBJECT_JPY: i64 = 2_800;
/// Compensation per person from the Benesse awards: ¥1,000 (Osaka HC 2019) and ¥3,300
/// (Tokyo HC 2020) for more sensitive data.
pub(crate) const COMPENSATION_BASIC_JPY: i64 = 1_000;
pub(crate) const COMPENSATION_SENSITIVE_JPY: i64 = 3_300;
/// The super cap is a multiple of the general cap (three times for the customer, twice
/// balanced), never above ten times the contract amount nor below the general cap: a sum
/// counsel can sign, not an estimate (a ¥40M contract once got a ¥15.26bn super cap from
/// the exposure estimate of a large data set).
pub(crate) const SUPER_CAP_MAX_MULTIPLE: i64 = 10;

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

/// Computes every value of `COMPUTED` from the resolved answers and the customer's name.
pub fn compute(values: &BTreeMap<String, Value>, customer: &str) -> Vec<(&'static str, Value)> {
    let budget = int(values, BUDGET);
    // `individual_contract` shows the whole contract amount: the fee of any one individual
    // contract is at most that. `annual_fees` shows its floor of twelve monthly fees and
    // `insurance` its floor, the greater of the fee and the minimum cover.
    let cap = match text(values, CAP_BASIS) {
        BY_MULTIPLE => budget.saturating_mul(int(values, CAP_MULTIPLE).max(1)),
        BY_FIXED => int(values, CAP_FIXED),
        BY_ANNUAL_FEES => int(values, MONTHLY_FEE).saturating_mul(12),
        BY_INSURANCE if flag(values, CYBER_INSURANCE) => budget.max(int(values, INSURANCE_MIN)),
        _ => budget,
    };
    let personal = flag(values, PERSONAL_DATA);
    let kinds = list(values, PERSONAL_DATA_KINDS);
    let subjects = int(values, DATA_SUBJECTS);
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
    let multiple = if BALANCED.contains(&text(values, STANCE)) {
        2
    } else {
        3
    };
    let super_cap = cap
        .saturating_mul(multiple)
        .min(budget.saturating_mul(SUPER_CAP_MAX_MULTIPLE))
        .max(cap);
    // The exposure informs a warning only: a cap is what counsel can sign.
    let breach_cap = match text(values, DATA_BREACH_CAP) {
        UNCAPPED => None,
        GENERAL_ONLY => Some(cap),
        _ => Some(super_cap),
    };
    let exceeds = personal && breach_cap.is_some_and(|c| exposure > c);
    let reportable = personal && (any_of(kinds, REPORTABLE_KINDS) || subjects > 1000);
    let public = PUBLIC_CUSTOMERS.contains(&text(values, CUSTOMER_TYPE));
    let card = (personal && any_of(kinds, CARD_KINDS))
        || any_of(list(values, COMPONENTS), CARD_COMPONENTS);
    vec![
        ("liability_cap_jpy", Value::Int(cap)),
        ("exposure_estimate_jpy", Value::Int(exposure)),
        ("super_cap_jpy", Value::Int(super_cap)),
        ("reportable_breach", Value::Bool(reportable)),
        ("public_sector", Value::Bool(public)),
        ("card_data", Value::Bool(card)),
        ("exposure_exceeds_caps", Value::Bool(exceeds)),
        (
            "customer_name_public",
            Value::Bool(likely_customer_type(customer).is_some()),
        ),
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
            get(&compute(&values(&base), ""), "liability_cap_jpy"),
            Value::Int(104_800_500)
        );
        let multiple = [
            base[0].clone(),
            ("cap_basis", Value::Str("multiple".into())),
            ("cap_multiple", Value::Int(2)),
        ];
        assert_eq!(
            get(&compute(&values(&multiple), ""), "liability_cap_jpy"),
            Value::Int(209_601_000)
        );
        let fixed = [
            base[0].clone(),
            ("cap_basis", Value::Str("fixed".into())),
            ("cap_fixed_jpy", Value::Int(30_000_000)),
        ];
        assert_eq!(
            get(&compute(&values(&fixed), ""), "liability_cap_jpy"),
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
            get(&compute(&values(&annual), ""), "liability_cap_jpy"),
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
            get(&compute(&insured(true), ""), "liability_cap_jpy"),
            Value::Int(300_000_000)
        );
        // Without required cover the floor is the contract amount alone.
        assert_eq!(
            get(&compute(&insured(false), ""), "liability_cap_jpy"),
            Value::Int(50_000_000)
        );
        let individual = [
            ("budget_jpy", Value::Int(104_800_500)),
            ("cap_basis", Value::Str("individual_contract".into())),
        ];
        assert_eq!(
            get(&compute(&values(&individual), ""), "liability_cap_jpy"),
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
        let out = compute(&v, "");
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
    fn the_super_cap_is_signable_and_the_exposure_only_warns() {
        // ¥40M, 2.5 million persons: the estimate (¥15.26bn) is no cap.
        let answers = |extra: &[(&str, Value)]| {
            let mut v = values(&[
                ("budget_jpy", Value::Int(40_000_000)),
                ("personal_data", Value::Bool(true)),
                ("personal_data_kinds", Value::List(vec!["sensitive".into()])),
                ("data_subjects", Value::Int(2_500_000)),
                ("stance", Value::Str("customer".into())),
                ("data_breach_cap", Value::Str("super_cap".into())),
            ]);
            v.extend(values(extra));
            compute(&v, "")
        };
        let out = answers(&[]);
        assert_eq!(
            get(&out, "exposure_estimate_jpy"),
            Value::Int(15_260_000_000)
        );
        assert_eq!(get(&out, "super_cap_jpy"), Value::Int(120_000_000));
        assert_eq!(get(&out, "exposure_exceeds_caps"), Value::Bool(true));
        // Five times the fee, tripled, stops at ten times the contract amount.
        let multiple = answers(&[
            ("cap_basis", Value::Str("multiple".into())),
            ("cap_multiple", Value::Int(5)),
        ]);
        assert_eq!(get(&multiple, "super_cap_jpy"), Value::Int(400_000_000));
        // A fixed general cap above that is kept: the super cap is never below it.
        let fixed = answers(&[
            ("cap_basis", Value::Str("fixed".into())),
            ("cap_fixed_jpy", Value::Int(1_000_000_000)),
        ]);
        assert_eq!(get(&fixed, "super_cap_jpy"), Value::Int(1_000_000_000));
        let uncapped = answers(&[("data_breach_cap", Value::Str("uncapped".into()))]);
        assert_eq!(get(&uncapped, "exposure_exceeds_caps"), Value::Bool(false));
        let general = answers(&[
            ("data_breach_cap", Value::Str("general".into())),
            ("data_subjects", Value::Int(4_000)),
        ]);
        // ¥10M + 4,000 × ¥6,100 = ¥34.4M: under the general cap of ¥40M.
        assert_eq!(get(&general, "exposure_exceeds_caps"), Value::Bool(false));
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
        assert_eq!(
            get(&compute(&v, ""), "reportable_breach"),
            Value::Bool(false)
        );
    }

    #[test]
    fn no_personal_data_means_no_exposure() {
        let v = values(&[
            ("budget_jpy", Value::Int(2_500_000)),
            ("personal_data", Value::Bool(false)),
            ("data_subjects", Value::Int(5000)),
            ("stance", Value::Str("balanced".into())),
        ]);
        let out = compute(&v, "");
        assert_eq!(get(&out, "exposure_estimate_jpy"), Value::Int(0));
        assert_eq!(get(&out, "super_cap_jpy"), Value::Int(5_000_000));
        assert_eq!(get(&out, "reportable_breach"), Value::Bool(false));
    }

    /// Each computed value names the answers it reads: an answer it does not name, changed
    /// to any value it can take, leaves the value as it is.
    #[test]
    fn each_computed_value_reads_only_what_it_declares() {
        use crate::library::Kind;
        use crate::library::model::{COMPUTE_INPUTS, COMPUTED};
        let base = values(&[
            ("budget_jpy", Value::Int(50_000_000)),
            ("cap_basis", Value::Str("multiple".into())),
            ("cap_multiple", Value::Int(2)),
            ("personal_data", Value::Bool(true)),
            ("personal_data_kinds", Value::List(vec!["basic".into()])),
            ("data_subjects", Value::Int(5000)),
            ("stance", Value::Str("customer".into())),
            ("customer_type", Value::Str("private".into())),
        ]);
        let before = compute(&base, "");
        for input in COMPUTE_INPUTS {
            let mut variants: Vec<Value> = match input.kind {
                Kind::Bool => vec![Value::Bool(true), Value::Bool(false)],
                Kind::Int | Kind::Yen => vec![Value::Int(1), Value::Int(7_000_000_000)],
                Kind::Multi => input
                    .choices
                    .iter()
                    .map(|c| Value::List(c.iter().map(|s| s.to_string()).collect()))
                    .collect(),
                _ => input
                    .choices
                    .iter()
                    .flat_map(|c| c.iter().map(|s| Value::Str(s.to_string())))
                    .collect(),
            };
            variants.push(Value::Str("other".into()));
            for v in variants {
                let mut changed = base.clone();
                changed.insert(input.id.to_string(), v.clone());
                let after = compute(&changed, "");
                for ((name, _, reads), (b, a)) in COMPUTED.iter().zip(before.iter().zip(&after)) {
                    assert_eq!(b.0, *name);
                    if !reads.iter().any(|r| r.contains(&input.id)) {
                        assert_eq!(b.1, a.1, "{name} changed with {} = {v:?}", input.id);
                    }
                }
            }
        }
    }
}
