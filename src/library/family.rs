//! The built-in registry of clause families and questionnaire sections.

use crate::lang::{Bilingual, Lang};

pub struct Family {
    pub id: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
}

impl Family {
    pub fn title(&self, lang: Lang) -> &'static str {
        Bilingual::new(self.ja, self.en).get(lang)
    }
}

/// The first eight ids are fixed by the interface contract; the others serve the library.
pub const FAMILIES: &[Family] = &[
    Family {
        id: "security_spec",
        ja: "セキュリティ仕様",
        en: "Security specification",
    },
    Family {
        id: "acceptance",
        ja: "検収時の説明",
        en: "Acceptance explanation",
    },
    Family {
        id: "liability",
        ja: "損害賠償",
        en: "Liability",
    },
    Family {
        id: "subcontracting",
        ja: "再委託",
        en: "Subcontracting",
    },
    Family {
        id: "personal_data",
        ja: "個人データの取扱い",
        en: "Personal data",
    },
    Family {
        id: "incident",
        ja: "インシデント対応",
        en: "Incident response",
    },
    Family {
        id: "maintenance",
        ja: "保守",
        en: "Maintenance",
    },
    Family {
        id: "ai",
        ja: "AIの利用",
        en: "Use of AI",
    },
    Family {
        id: "general",
        ja: "総則",
        en: "General provisions",
    },
    Family {
        id: "confidentiality",
        ja: "秘密保持",
        en: "Confidentiality",
    },
    Family {
        id: "cloud",
        ja: "クラウドサービスの利用",
        en: "Cloud services",
    },
    Family {
        id: "public_sector",
        ja: "公的機関向け条項",
        en: "Public-sector terms",
    },
    Family {
        id: "audit",
        ja: "監査・報告",
        en: "Audit and reporting",
    },
    Family {
        id: "insurance",
        ja: "保険",
        en: "Insurance",
    },
];

pub fn family(id: &str) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.id == id)
}

pub struct Section {
    pub id: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
}

impl Section {
    pub fn title(&self, lang: Lang) -> &'static str {
        Bilingual::new(self.ja, self.en).get(lang)
    }
}

/// Questionnaire sections, in the order they are asked.
pub const SECTIONS: &[Section] = &[
    Section {
        id: "project",
        ja: "契約の概要",
        en: "The contract",
    },
    Section {
        id: "data",
        ja: "取り扱うデータ",
        en: "Data",
    },
    Section {
        id: "architecture",
        ja: "システム構成",
        en: "Architecture",
    },
    Section {
        id: "operation",
        ja: "運用・保守",
        en: "Operation and maintenance",
    },
    Section {
        id: "supply_chain",
        ja: "再委託・人員",
        en: "Subcontracting and staff",
    },
    Section {
        id: "ai",
        ja: "AI",
        en: "AI",
    },
    Section {
        id: "liability",
        ja: "責任・検収",
        en: "Liability and acceptance",
    },
];

pub fn section(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.id == id)
}
