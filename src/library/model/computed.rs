//! What the engine computes from the answers (the cap, the exposure, flags), and the
//! answers and choices it reads to do so: declared here so that the library is checked
//! against them at load.

use super::Kind;
use crate::value::Type;

/// Values the engine computes from the answers; conditions and templates read them like
/// answers. The engine (`engine::compute`) gives each its value. Each names the answers
/// it reads (in groups), so that the questionnaire can say which clauses an answer decides
/// through it.
pub const COMPUTED: &[(&str, Type, &[&[&str]])] = {
    use input::*;
    const CAP: &[&str] = &[
        BUDGET,
        CAP_BASIS,
        CAP_MULTIPLE,
        CAP_FIXED,
        MONTHLY_FEE,
        CYBER_INSURANCE,
        INSURANCE_MIN,
    ];
    const EXPOSURE: &[&str] = &[PERSONAL_DATA, PERSONAL_DATA_KINDS, DATA_SUBJECTS];
    &[
        ("liability_cap_jpy", Type::Int, &[CAP]),
        ("exposure_estimate_jpy", Type::Int, &[EXPOSURE]),
        ("super_cap_jpy", Type::Int, &[CAP, &[STANCE]]),
        ("reportable_breach", Type::Bool, &[EXPOSURE]),
        ("public_sector", Type::Bool, &[&[CUSTOMER_TYPE]]),
        (
            "card_data",
            Type::Bool,
            &[&[PERSONAL_DATA, PERSONAL_DATA_KINDS, COMPONENTS]],
        ),
        (
            "exposure_exceeds_caps",
            Type::Bool,
            &[CAP, EXPOSURE, &[STANCE, DATA_BREACH_CAP]],
        ),
        // `[meta] customer` reads as a public body (`engine::likely_customer_type`).
        ("customer_name_public", Type::Bool, &[]),
    ]
};

/// The answers `engine::compute` reads, by id, and the choices it names. A library that
/// renamed one would pass every other check and silently change a cap, so the library is
/// checked against `COMPUTE_INPUTS` as conditions are checked.
pub mod input {
    pub(crate) const BUDGET: &str = "budget_jpy";
    pub(crate) const CAP_BASIS: &str = "cap_basis";
    pub(crate) const CAP_MULTIPLE: &str = "cap_multiple";
    pub(crate) const CAP_FIXED: &str = "cap_fixed_jpy";
    pub(crate) const MONTHLY_FEE: &str = "monthly_fee_jpy";
    pub(crate) const CYBER_INSURANCE: &str = "cyber_insurance";
    pub(crate) const INSURANCE_MIN: &str = "insurance_min_jpy";
    pub(crate) const PERSONAL_DATA: &str = "personal_data";
    pub(crate) const PERSONAL_DATA_KINDS: &str = "personal_data_kinds";
    pub(crate) const DATA_SUBJECTS: &str = "data_subjects";
    pub(crate) const STANCE: &str = "stance";
    pub(crate) const CUSTOMER_TYPE: &str = "customer_type";
    pub(crate) const COMPONENTS: &str = "third_party_components";
    pub(crate) const DATA_BREACH_CAP: &str = "data_breach_cap";

    /// `cap_basis` choices with a rule of their own (the others cap at the contract amount).
    pub(crate) const BY_MULTIPLE: &str = "multiple";
    pub(crate) const BY_FIXED: &str = "fixed";
    pub(crate) const BY_ANNUAL_FEES: &str = "annual_fees";
    pub(crate) const BY_INSURANCE: &str = "insurance";
    pub(crate) const CAP_BASES: &[&str] = &[BY_MULTIPLE, BY_FIXED, BY_ANNUAL_FEES, BY_INSURANCE];
    pub(crate) const BALANCED: &[&str] = &["balanced"];
    /// `data_breach_cap` choices: no cap, or the general cap alone (else the super cap).
    pub(crate) const UNCAPPED: &str = "uncapped";
    pub(crate) const GENERAL_ONLY: &str = "general";
    pub(crate) const BREACH_CAPS: &[&str] = &[UNCAPPED, GENERAL_ONLY];
    /// Kinds compensated at the higher Benesse rate.
    pub(crate) const SENSITIVE_KINDS: &[&str] = &[
        "sensitive",
        "children",
        "payment_card",
        "bank_account",
        "my_number",
    ];
    // APPI Art. 26 and PPC Rules Art. 7: reportable even for one person. My Number leaks are
    // reported under the My Number Act (Art. 29-4) on thresholds of their own.
    pub(crate) const REPORTABLE_KINDS: &[&str] = &["sensitive", "payment_card", "bank_account"];
    pub(crate) const CARD_KINDS: &[&str] = &["payment_card"];
    pub(crate) const NATIONAL_GOVERNMENT: &str = "national_government";
    pub(crate) const LOCAL_GOVERNMENT: &str = "local_government";
    pub(crate) const EDUCATION: &str = "education";
    pub(crate) const PUBLIC_CUSTOMERS: &[&str] =
        &[NATIONAL_GOVERNMENT, LOCAL_GOVERNMENT, EDUCATION];
    pub(crate) const CARD_COMPONENTS: &[&str] = &["payment_module"];
}

/// One answer `engine::compute` reads: its kind and the choices it names.
pub struct ComputeInput {
    pub id: &'static str,
    pub kind: Kind,
    pub choices: &'static [&'static [&'static str]],
}

const fn read(
    id: &'static str,
    kind: Kind,
    choices: &'static [&'static [&'static str]],
) -> ComputeInput {
    ComputeInput { id, kind, choices }
}

pub const COMPUTE_INPUTS: &[ComputeInput] = {
    use input::*;
    &[
        read(BUDGET, Kind::Yen, &[]),
        read(CAP_BASIS, Kind::Choice, &[CAP_BASES]),
        read(CAP_MULTIPLE, Kind::Int, &[]),
        read(CAP_FIXED, Kind::Yen, &[]),
        read(MONTHLY_FEE, Kind::Yen, &[]),
        read(CYBER_INSURANCE, Kind::Bool, &[]),
        read(INSURANCE_MIN, Kind::Yen, &[]),
        read(PERSONAL_DATA, Kind::Bool, &[]),
        read(
            PERSONAL_DATA_KINDS,
            Kind::Multi,
            &[SENSITIVE_KINDS, REPORTABLE_KINDS, CARD_KINDS],
        ),
        read(DATA_SUBJECTS, Kind::Int, &[]),
        read(STANCE, Kind::Choice, &[BALANCED]),
        read(CUSTOMER_TYPE, Kind::Choice, &[PUBLIC_CUSTOMERS]),
        read(COMPONENTS, Kind::Multi, &[CARD_COMPONENTS]),
        read(DATA_BREACH_CAP, Kind::Choice, &[BREACH_CAPS]),
    ]
};
