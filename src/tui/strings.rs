//! Every text of the interface, in Japanese and English. Questions, choices and help come
//! from the clause library; these are the words around them.

use super::action::SaveError;
use crate::answers::MetaKey;
use crate::lang::Lang;

mod counsel;
pub use counsel::{Counsel, Done, get as counsel};
pub(crate) use counsel::{
    custom_text_title, done, editor_failed, exclude_title, note_title, refused_citing, text_title,
};

pub struct Strings {
    pub title: &'static str,
    pub sections: &'static str,
    pub help_pane: &'static str,
    pub meta_section: &'static str,
    pub question: &'static str,
    pub affects: &'static str,
    pub sources: &'static str,
    pub enter_value: &'static str,
    pub blank_only: &'static str,
    pub paste_refused: &'static str,
    pub quit_typing: &'static str,
    pub quit_unsaved: &'static str,
    pub quit_keys: &'static str,
    pub quit_title: &'static str,
    pub assumptions: &'static str,
    pub assumptions_keys: &'static str,
    pub optional: &'static str,
    pub unanswered: &'static str,
    pub review: &'static str,
    pub preview: &'static str,
    pub warnings: &'static str,
    pub included: &'static str,
    pub excluded: &'static str,
    pub rationale: &'static str,
    pub reason: &'static str,
    pub cap: &'static str,
    pub exposure: &'static str,
    pub export: &'static str,
    pub format: &'static str,
    pub language: &'static str,
    pub document: &'static str,
    pub memo_one_lang: &'static str,
    pub memo_no_json: &'static str,
    pub path: &'static str,
    pub overwrite: &'static str,
    pub path_required: &'static str,
    pub lang_names: [&'static str; 3],
    /// The rider, the memo.
    pub documents: [&'static str; 2],
    pub all_answered: &'static str,
    pub too_small: &'static str,
    pub too_small_quit: &'static str,
    pub keys: &'static str,
    pub keys_close: &'static str,
}

pub fn get(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

const JA: Strings = Strings {
    title: "secdraft",
    sections: "セクション",
    help_pane: "解説",
    meta_section: "当事者・案件",
    question: "質問",
    affects: "この回答で決まる条項",
    sources: "出典",
    enter_value: "入力してください。",
    blank_only: "空白だけの値は保存できません。空欄にするか、値を入力してください。",
    paste_refused: "改行又は制御文字を含む貼り付けは入力していません（1行の欄です）。",
    quit_typing: "入力中の回答はまだ決定していません（Enter で決定されます）。このまま終了すると、この入力は失われます。",
    quit_unsaved: "回答ファイルに保存できていない回答があります。このまま終了すると失われます。",
    quit_keys: "y: 終了する  n: 戻る",
    quit_title: "終了の確認",
    assumptions: "次の質問は回答されておらず、既定値で起案されます。このまま出力しますか？",
    assumptions_keys: "y: 既定値のまま出力  n: 戻って回答する  Esc: やめる",
    optional: "（任意）",
    unanswered: "未回答",
    review: "回答の確認",
    preview: "プレビュー",
    warnings: "警告",
    included: "採用された条項",
    excluded: "採用されなかった条項",
    rationale: "趣旨",
    reason: "採用理由",
    cap: "責任上限額",
    exposure: "想定損害額（試算）",
    export: "出力",
    format: "形式",
    language: "言語",
    document: "文書",
    memo_one_lang: "社内メモは日本語又は英語のどちらかで出力します。",
    memo_no_json: "社内メモに JSON 形式はありません（md・html・txt・docx）。",
    path: "保存先",
    overwrite: "ファイルが既にあります。上書きしますか？ y: 上書き  n: やめる",
    path_required: "保存先のファイル名を入力してください。",
    lang_names: ["日本語", "英語", "日英併記"],
    documents: ["特約（送付用）", "社内メモ（社内限り）"],
    all_answered: "すべて回答しました（p プレビュー、e 出力）",
    too_small: "画面が小さすぎます",
    too_small_quit: "Ctrl-C 終了",
    keys: "キー一覧",
    keys_close: "どのキーでも閉じます",
};

const EN: Strings = Strings {
    title: "secdraft",
    sections: "Sections",
    help_pane: "Why it matters",
    meta_section: "Parties and project",
    question: "Question",
    affects: "Clauses this answer decides",
    sources: "Sources",
    enter_value: "Please enter a value.",
    blank_only: "Spaces alone cannot be saved: clear the field or enter a value.",
    paste_refused: "A paste with a line break or control character was not entered (the field is one line).",
    quit_typing: "The answer being typed is not confirmed yet (Enter confirms it); quitting now loses it.",
    quit_unsaved: "Some answers could not be saved to the answers file; quitting now loses them.",
    quit_keys: "y: quit  n: go back",
    quit_title: "Quit?",
    assumptions: "These questions are not answered; the draft uses their defaults. Export as it is?",
    assumptions_keys: "y: export on the defaults  n: go back and answer  Esc: cancel",
    optional: " (optional)",
    unanswered: "not answered",
    review: "Review",
    preview: "Preview",
    warnings: "Warnings",
    included: "Clauses included",
    excluded: "Clauses not included",
    rationale: "Rationale",
    reason: "Included because",
    cap: "Liability cap",
    exposure: "Exposure estimate",
    export: "Export",
    format: "Format",
    language: "Language",
    document: "Document",
    memo_one_lang: "The internal memo is in Japanese or in English, one at a time.",
    memo_no_json: "The internal memo has no JSON (md, html, txt, docx).",
    path: "Save as",
    overwrite: "The file exists. Replace it? y: replace  n: cancel",
    path_required: "Enter the name of the file to write.",
    lang_names: ["Japanese", "English", "Both"],
    documents: ["Rider (to send)", "Internal memo"],
    all_answered: "All answered (p preview, e export)",
    too_small: "Window too small",
    too_small_quit: "Ctrl-C quits",
    keys: "Keys",
    keys_close: "Any key closes this",
};

pub fn meta_prompt(key: MetaKey, lang: Lang) -> &'static str {
    use MetaKey::*;
    match (key, lang) {
        (ProjectName, Lang::Ja) => "案件名（本件業務の名称）を入力してください。",
        (ProjectName, Lang::En) => "What is the project called?",
        (Customer, Lang::Ja) => "発注者（甲）の名称を入力してください。",
        (Customer, Lang::En) => "Who is the customer (甲)?",
        (Vendor, Lang::Ja) => "受託者（乙）の名称を入力してください。",
        (Vendor, Lang::En) => "Who is the vendor (乙)?",
        (Date, Lang::Ja) => "本特約の締結日を入力してください（例：2026-04-01、令和8年4月1日）。",
        (Date, Lang::En) => "What is the date of this rider (e.g. 2026-04-01 or 2026/4/1)?",
        (MainContract, Lang::Ja) => "原契約の名称を入力してください（例：システム開発基本契約）。",
        (MainContract, Lang::En) => {
            "What is the main contract called (e.g. Master System Development Agreement)?"
        }
        (MainContractDate, Lang::Ja) => {
            "原契約の締結日を入力してください（例：2026-04-01、令和8年4月1日）。"
        }
        (MainContractDate, Lang::En) => {
            "When was the main contract signed (e.g. 2026-04-01 or 2026/4/1)?"
        }
        (CustomerAddress, Lang::Ja) => "甲の所在地を入力してください。",
        (CustomerAddress, Lang::En) => "What is the customer's address?",
        (CustomerSignatory, Lang::Ja) => "甲の代表者（役職及び氏名）を入力してください。",
        (CustomerSignatory, Lang::En) => "Who signs for the customer (title and name)?",
        (VendorAddress, Lang::Ja) => "乙の所在地を入力してください。",
        (VendorAddress, Lang::En) => "What is the vendor's address?",
        (VendorSignatory, Lang::Ja) => "乙の代表者（役職及び氏名）を入力してください。",
        (VendorSignatory, Lang::En) => "Who signs for the vendor (title and name)?",
    }
}

pub fn meta_help(key: MetaKey, lang: Lang) -> &'static str {
    use MetaKey::*;
    match (key, lang) {
        (ProjectName, Lang::Ja) => {
            "案件名は特約の前文で原契約を特定するために使われます。原契約の件名と同じにしてください。"
        }
        (ProjectName, Lang::En) => {
            "The rider's preamble names the main contract by this project name: use the title of the main contract."
        }
        (Customer | Vendor, Lang::Ja) => {
            "当事者の名称は前文と署名欄に記載され、本文では甲・乙と呼ばれます。登記上の正式名称を入力してください。"
        }
        (Customer | Vendor, Lang::En) => {
            "The parties are named in the preamble and the signature block and called 甲 (the Customer) and 乙 (the Vendor) in the clauses. Use the registered names."
        }
        (Date | MainContractDate, Lang::Ja) => {
            "日付は前文と締結欄に記載されます。空欄なら「　　年　　月　　日」の記入欄を残して出力します。"
        }
        (Date | MainContractDate, Lang::En) => {
            "The date is printed in the preamble and the execution block; left empty, a blank date line is printed to fill in by hand."
        }
        (MainContract, Lang::Ja) => {
            "前文で本特約が付帯する契約を特定します。空欄なら「原契約」の名称欄を空けて出力します。"
        }
        (MainContract, Lang::En) => {
            "The preamble names the contract this rider supplements; left empty, a blank is printed for its title."
        }
        (CustomerAddress | VendorAddress | CustomerSignatory | VendorSignatory, Lang::Ja) => {
            "署名欄（記名押印欄）に記載されます。空欄なら記入欄を残して出力します。"
        }
        (CustomerAddress | VendorAddress | CustomerSignatory | VendorSignatory, Lang::En) => {
            "Printed in the signature block; left empty, a line is left to fill in by hand."
        }
    }
}

pub fn range(min: Option<i64>, max: Option<i64>, lang: Lang) -> String {
    let n = crate::format::thousands;
    match (min, max, lang) {
        (Some(a), Some(b), Lang::Ja) => format!("{} 以上 {} 以下で入力してください。", n(a), n(b)),
        (Some(a), Some(b), Lang::En) => format!("Enter {} to {}.", n(a), n(b)),
        (Some(a), None, Lang::Ja) => format!("{} 以上で入力してください。", n(a)),
        (Some(a), None, Lang::En) => format!("Enter at least {}.", n(a)),
        (None, Some(b), Lang::Ja) => format!("{} 以下で入力してください。", n(b)),
        (None, Some(b), Lang::En) => format!("Enter at most {}.", n(b)),
        (None, None, _) => String::new(),
    }
}

pub fn saved(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("保存しました: {path}"),
        Lang::En => format!("Saved: {path}"),
    }
}

/// Why a file could not be written, in words.
fn why_not_written(e: SaveError, lang: Lang) -> &'static str {
    match (e, lang) {
        (SaveError::Changed, Lang::Ja) => "他のプログラム又は別のセッションで変更されています",
        (SaveError::Changed, Lang::En) => "another program or session changed it",
        (SaveError::NoFolder, Lang::Ja) => "保存先のフォルダがありません",
        (SaveError::NoFolder, Lang::En) => "its folder does not exist",
        (SaveError::Denied, Lang::Ja) => "書き込む権限がありません",
        (SaveError::Denied, Lang::En) => "no permission to write it",
        (SaveError::NotRegular, Lang::Ja) => "通常のファイルではありません",
        (SaveError::NotRegular, Lang::En) => "it is not a regular file",
        (SaveError::DiskFull, Lang::Ja) => "ディスクに空きがありません",
        (SaveError::DiskFull, Lang::En) => "the disk is full",
        (SaveError::Other, Lang::Ja) => "書き込めませんでした",
        (SaveError::Other, Lang::En) => "it could not be written",
    }
}

pub fn save_failed(e: SaveError, file: &str, lang: Lang) -> String {
    if e == SaveError::Changed {
        return changed_elsewhere(lang);
    }
    let why = why_not_written(e, lang);
    match lang {
        Lang::Ja => format!(
            "{file} に保存できません（{why}）。回答はこの画面に残っています。直してから Ctrl-S で保存してください。"
        ),
        Lang::En => format!(
            "Cannot save {file}: {why}. The answers stay on screen; fix it, then Ctrl-S saves."
        ),
    }
}

/// Printed after the questionnaire ends with answers it could not save.
pub fn ended_unsaved(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "回答を {file} に保存できないまま終了しました。最後の回答は保存されていません。"
        ),
        Lang::En => {
            format!("ended without saving the answers to {file}: the last answers are lost")
        }
    }
}

/// The end of a list cut to the window.
pub fn more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("…ほか {n} 問（回答の確認 r で一覧できます）"),
        Lang::En => format!("… and {n} more (r reviews them all)"),
    }
}

pub fn revealed(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("この回答で質問が {n} 問増えました。続けて回答してください。"),
        Lang::En => format!("This answer brings {n} more questions: please answer them."),
    }
}

/// The value a number or date will be saved as, shown before Enter.
pub fn will_save(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("→ {value} として保存します"),
        Lang::En => format!("→ saved as {value}"),
    }
}

fn changed_elsewhere(lang: Lang) -> String {
    match lang {
        Lang::Ja => "保存していません: 回答ファイルが他のプログラム又は別のセッションで変更されています。この画面を終了し、ファイルを確認してから再開してください。".into(),
        Lang::En => "Not saved: another program or session changed the answers file. Quit, check the file, then resume.".into(),
    }
}

pub fn exported(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("出力しました: {path}"),
        Lang::En => format!("Exported: {path}"),
    }
}

pub fn export_failed(e: &crate::workspace::WriteError, file: &str, lang: Lang) -> String {
    let why = why_not_written(SaveError::of(e), lang);
    match lang {
        Lang::Ja => format!("{file} に出力できません（{why}）。"),
        Lang::En => format!("Cannot export {file}: {why}."),
    }
}

pub fn unanswered_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("未回答の質問が {n} 問あります（既定値か空の値で組み立てています）。"),
        Lang::En => {
            format!("{n} questions are not answered yet (drafted with defaults or empty values).")
        }
    }
}

pub fn minimum(w: u16, h: u16, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{w}x{h} 以上に"),
        Lang::En => format!("needs {w}x{h}"),
    }
}

pub fn progress(answered: usize, left: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("回答済 {answered}・残り {left}"),
        Lang::En => format!("{answered} answered, {left} to go"),
    }
}

pub fn missing_answers(n: usize, first: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            format!("必須の質問 {n} 問が未回答です（最初は「{first}」）。r で確認してください。")
        }
        Lang::En => {
            format!("{n} required questions are not answered (first: \"{first}\"); r reviews them.")
        }
    }
}
