//! The words of counsel's own clause set in the preview: excluding, positions, wording,
//! notes, added articles and the changes since the last export.

use crate::lang::Lang;

pub struct Counsel {
    pub position: &'static str,
    pub note: &'static str,
    pub positions: &'static str,
    pub positions_keys: &'static str,
    pub editor_keys: &'static str,
    pub line_keys: &'static str,
    pub discard: &'static str,
    pub reason_required: &'static str,
    pub text_required: &'static str,
    pub no_ladder: &'static str,
    pub custom_no_ladder: &'static str,
    pub not_an_article: &'static str,
    pub nothing_to_restore: &'static str,
    pub custom_title: &'static str,
    pub unchanged: &'static str,
    pub remove_custom: &'static str,
    pub remove_title: &'static str,
    pub diff: &'static str,
    pub no_export: &'static str,
    pub no_changes: &'static str,
    pub diff_failed: &'static str,
}

pub fn get(lang: Lang) -> &'static Counsel {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}

const JA: Counsel = Counsel {
    position: "立場",
    note: "メモ（社内限り）",
    positions: "立場の選択",
    positions_keys: "↑↓: 選択  Enter: 決定  Esc: やめる",
    editor_keys: "Ctrl-S: 保存  Esc: やめる",
    line_keys: "Enter: 決定  Esc: やめる",
    discard: "編集した内容は保存されていません。破棄しますか？  y: 破棄する  n: 編集に戻る",
    reason_required: "除外の理由を入力してください（メモと記録に残ります）。",
    text_required: "空の文言は保存できません。条を除くには x、ライブラリの文言に戻すには o を押してください。",
    no_ladder: "この条には選べる立場がありません。",
    custom_no_ladder: "追加した条には立場がありません。",
    not_an_article: "除外した条項です。x で元に戻してから操作してください。",
    nothing_to_restore: "この条の文言はライブラリのままです。",
    custom_title: "追加する条の見出し（日本語）",
    unchanged: "変更はありません。",
    remove_custom: "追加した条を削除しますか？  y: 削除する  n: やめる",
    remove_title: "追加した条の削除",
    diff: "前回出力した版との差分",
    no_export: "まだ出力していません。出力すると、その版との差分をここで確認できます。",
    no_changes: "前回出力した版から変更はありません。",
    diff_failed: "前回出力した版を起案できません",
};

const EN: Counsel = Counsel {
    position: "Position",
    note: "Note (internal)",
    positions: "Choose a position",
    positions_keys: "↑↓: choose  Enter: confirm  Esc: cancel",
    editor_keys: "Ctrl-S: save  Esc: cancel",
    line_keys: "Enter: confirm  Esc: cancel",
    discard: "What you typed is not saved. Discard it?  y: discard  n: back to editing",
    reason_required: "Give the reason for excluding it (the memo and the trace keep it).",
    text_required: "An empty wording cannot be saved. Press x to exclude the article, o to restore the library's wording.",
    no_ladder: "This article has no other position to choose.",
    custom_no_ladder: "An article counsel added has no positions.",
    not_an_article: "An excluded clause: press x to put it back first.",
    nothing_to_restore: "This article has the library's wording.",
    custom_title: "Heading of the new article (Japanese)",
    unchanged: "Nothing changed.",
    remove_custom: "Remove the article counsel added?  y: remove  n: cancel",
    remove_title: "Remove an added article",
    diff: "Changes since the last export",
    no_export: "Nothing exported yet. Once you export, the changes since that version show here.",
    no_changes: "No changes since the last export.",
    diff_failed: "The last exported version cannot be drafted",
};

/// The title of the one-line prompt for the reason to exclude an article.
pub fn exclude_title(label: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{label}を除外する理由"),
        Lang::En => format!("Why {label} is excluded"),
    }
}

pub fn note_title(label: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{label}のメモ（社内限り。送付する文書には載りません）"),
        Lang::En => format!("Note on {label} (internal: never in a document sent out)"),
    }
}

/// The editor's title: whose wording, in which language.
pub fn text_title(label: &str, text_lang: Lang, lang: Lang) -> String {
    match (lang, text_lang) {
        (Lang::Ja, Lang::Ja) => format!("{label}の文言（日本語）"),
        (Lang::Ja, Lang::En) => format!("{label}の文言（英語）"),
        (Lang::En, Lang::Ja) => format!("Wording of {label} (Japanese)"),
        (Lang::En, Lang::En) => format!("Wording of {label} (English)"),
    }
}

pub fn custom_text_title(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("追加する条「{title}」の文言（日本語）"),
        Lang::En => format!("Wording of the new article \"{title}\" (Japanese)"),
    }
}

/// What the status line says after a change: the article and what was done.
pub fn done(what: Done, label: &str, lang: Lang) -> String {
    match (lang, what) {
        (Lang::Ja, Done::Excluded) => format!("{label}を除外しました"),
        (Lang::Ja, Done::Restored) => format!("「{label}」を元に戻しました"),
        (Lang::Ja, Done::Position) => format!("{label}の立場を変更しました"),
        (Lang::Ja, Done::Text) => format!("{label}の文言を保存しました"),
        (Lang::Ja, Done::Library) => format!("{label}をライブラリの文言に戻しました"),
        (Lang::Ja, Done::Note) => format!("{label}のメモを保存しました"),
        (Lang::Ja, Done::Added) => format!("{label}として追加しました"),
        (Lang::Ja, Done::Removed) => format!("追加した{label}を削除しました"),
        (Lang::En, Done::Excluded) => format!("{label} excluded"),
        (Lang::En, Done::Restored) => format!("\"{label}\" put back"),
        (Lang::En, Done::Position) => format!("{label}: position changed"),
        (Lang::En, Done::Text) => format!("{label}: wording saved"),
        (Lang::En, Done::Library) => format!("{label}: the library's wording again"),
        (Lang::En, Done::Note) => format!("{label}: note saved"),
        (Lang::En, Done::Added) => format!("Added as {label}"),
        (Lang::En, Done::Removed) => format!("{label} removed"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Excluded,
    Restored,
    Position,
    Text,
    Library,
    Note,
    Added,
    Removed,
}

/// The editor could not be run or read back.
pub fn editor_failed(editor: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("エディタ {editor} で編集できませんでした：{why}"),
        Lang::En => format!("Could not edit with {editor}: {why}"),
    }
}

/// A change refused because other articles cite the clause it takes out.
pub fn refused_citing(articles: &[String], lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "できません：{}が引用しています。先にその条の文言を直すか、その条を除外してください。",
            articles.join("、")
        ),
        Lang::En => format!(
            "Not done: it is cited by {}. Reword or exclude the citing article first.",
            articles.join(", ")
        ),
    }
}
