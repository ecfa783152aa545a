//! Clause families and questionnaire sections, read from `families.toml` so that an
//! organisation adds one with TOML alone. The eight families of the interface contract
//! must be there.

use crate::lang::{Bilingual, Lang};

/// The family ids fixed by the interface contract.
pub const CONTRACT_FAMILIES: &[&str] = &[
    "security_spec",
    "acceptance",
    "liability",
    "subcontracting",
    "personal_data",
    "incident",
    "maintenance",
    "ai",
];

/// A clause family: clauses of the family sit in `<id>.toml`.
#[derive(Debug, Clone)]
pub struct Family {
    pub id: String,
    pub name: Bilingual<String>,
    pub order: i64,
}

impl Family {
    pub fn title(&self, lang: Lang) -> &str {
        &self.name[lang]
    }
}

/// A section of the questionnaire; sections are asked in their order.
#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub name: Bilingual<String>,
    pub order: i64,
}

impl Section {
    pub fn title(&self, lang: Lang) -> &str {
        &self.name[lang]
    }
}
