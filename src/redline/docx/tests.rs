use super::parse::parse_para;
use super::*;

fn doc(body: &str) -> String {
    format!("<w:document><w:body>{body}<w:sectPr></w:sectPr></w:body></w:document>")
}

fn p(style: &str, text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"
    )
}

const REV: Revision = Revision {
    author: "secdraft",
    date: "2026-04-01T00:00:00Z",
};

#[test]
fn a_changed_word_is_tracked_inside_its_paragraph() {
    let old = doc(&p("Clause", "乙は、甲の書面による承諾を得た場合に限る。"));
    let new = doc(&p(
        "Clause",
        "乙は、甲の事前の書面による承諾を得た場合に限る。",
    ));
    let out = tracked(&old, &new, &REV).unwrap();
    assert!(out.contains(
        "<w:ins w:id=\"1\" w:author=\"secdraft\" w:date=\"2026-04-01T00:00:00Z\"><w:r><w:t xml:space=\"preserve\">事前の</w:t></w:r></w:ins>"
    ), "{out}");
    assert!(!out.contains("w:del"), "{out}");
    assert!(
        !out.contains("<w:rPr><w:ins"),
        "the paragraph itself is kept: {out}"
    );
}

#[test]
fn whole_paragraphs_carry_their_mark_and_deleted_text() {
    let old = doc(&format!(
        "{}{}",
        p("Heading1", "第1条（目的）"),
        p("Heading1", "第2条（監査 &amp; 報告）")
    ));
    let new = doc(&format!(
        "{}{}{}",
        p("Heading1", "第1条（目的）"),
        p("Heading1", "第2条（定義）"),
        p("Heading1", "第3条（監査 &amp; 報告）")
    ));
    let out = tracked(&old, &new, &REV).unwrap();
    assert!(
        out.contains("<w:pStyle w:val=\"Heading1\"/><w:rPr><w:ins w:id=\"1\""),
        "{out}"
    );
    assert!(
        out.contains("<w:delText xml:space=\"preserve\">2</w:delText>"),
        "{out}"
    );
    assert!(out.contains("監査 &amp; 報告"), "{out}");
    assert!(
        !out.contains("<w:rPr><w:del"),
        "renumbered, not deleted: {out}"
    );
}

#[test]
fn a_stretch_past_the_limit_is_deleted_and_inserted_whole() {
    let src = p("Clause", "同じ文");
    let items = |n: usize| -> Vec<Item> {
        (0..n)
            .map(|_| Item::Para(parse_para(&src).unwrap()))
            .collect()
    };
    let (old, new) = (items(1025), items(1025));
    let steps = align(&old, &new);
    assert_eq!(steps.len(), 2050);
    assert!(steps[..1025].iter().all(|s| matches!(s, Step::Del(_))));
    assert!(matches!(align(&old[..2], &new[..2])[0], Step::Pair(0, 0)));
}

#[test]
fn what_is_not_ours_is_refused_in_words() {
    let e = tracked(&doc("<w:sdt/>"), &doc(""), &REV).unwrap_err();
    assert!(e.contains("unexpected content"), "{e}");
}
