//! The documents in the tools counsel use: every scenario converted to PDF by LibreOffice
//! in one batch and read with pdftotext, a project no other test uses read with
//! python-docx, the Word redline and memo opened in LibreOffice, and the HTML printed to
//! PDF by headless Chromium. Under `CI=true` a missing tool fails the test (.ci/run
//! installs them); elsewhere the test says what it skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

use secdraft::export::{ExportOptions, Format};
use secdraft::format::thousands;
use secdraft::lang::{Lang, LangSel};

use crate::common::{WS, answers_from, bin, root, scenarios};

fn available(tool: &str, args: &[&str]) -> bool {
    let found = Command::new(tool)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{tool} is required in CI (.ci/run installs it)"
        );
        eprintln!("note: {tool} is not installed; skipping this check");
    }
    found
}

/// Converts `files` with one headless LibreOffice run (starting it is the slow part), with
/// a profile of its own in `work`, writing the results into `out`.
fn soffice(work: &Path, target: &str, out: &Path, files: &[PathBuf]) {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        work.join("profile").display()
    );
    let run = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            target,
            "--outdir",
        ])
        .arg(out)
        .args(files)
        .output()
        .expect("soffice runs");
    assert!(
        run.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Text without the spaces and line breaks that PDF extraction puts between characters.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Line ends of the PDF text that split a number or a Latin word: the last token of a line
/// and the first of the next, joined without a space, are a word of the source text
/// (`201|8`, `第1|5条`, `IP|A`). A break at a space (`OWASP|Top`) joins to no such word.
fn broken_words(pdf: &str, source: &str) -> Vec<String> {
    let token = |c: char| c.is_ascii_alphanumeric() || c == ',' || c == '.';
    let lines: Vec<&str> = pdf
        .lines()
        .map(str::trim)
        // Page numbers (`3/12`, `3 / 12`) stand alone in the footer.
        .filter(|l| {
            !l.is_empty()
                && !l
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
        })
        .collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let tail = &pair[0][pair[0].trim_end_matches(token).len()..];
        let head = &pair[1][..pair[1].len() - pair[1].trim_start_matches(token).len()];
        if !tail.is_empty() && !head.is_empty() && source.contains(&format!("{tail}{head}")) {
            out.push(format!("{tail}|{head}"));
        }
    }
    out
}

/// The face that sets most of the Japanese text of a PDF, from poppler's XML of the text
/// runs (`<fontspec id=… family=…/>`, `<text font=…>`): the body, not the headings.
fn body_font(pdf: &Path) -> String {
    let out = Command::new("pdftohtml")
        .args(["-xml", "-i", "-q", "-stdout"])
        .arg(pdf)
        .output()
        .expect("pdftohtml runs");
    let xml = String::from_utf8_lossy(&out.stdout);
    let attr = |element: &str, name: &str| -> Option<String> {
        let (_, rest) = element.split_once(&format!(" {name}=\""))?;
        rest.split_once('"').map(|(v, _)| v.to_string())
    };
    let mut families = std::collections::HashMap::new();
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for element in xml.split('<').skip(1) {
        if element.starts_with("fontspec ") {
            if let (Some(id), Some(family)) = (attr(element, "id"), attr(element, "family")) {
                families.insert(id, family);
            }
        } else if element.starts_with("text ") {
            let Some(family) = attr(element, "font").and_then(|id| families.get(&id)) else {
                continue;
            };
            let text = element.split_once('>').map_or("", |(_, t)| t);
            *counts.entry(family.clone()).or_default() +=
                text.chars().filter(|c| !c.is_ascii()).count();
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(family, _)| family)
        .unwrap_or_default()
}

#[test]
fn every_scenario_converts_to_pdf_with_its_text() {
    if !available("soffice", &["--version"])
        || !available("pdftotext", &["-v"])
        || !available("pdftohtml", &["-v"])
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut expected = Vec::new();
    for s in scenarios() {
        let answers = answers_from(&s.answers, &s.name);
        let (assembly, doc) = WS.draft(&answers).unwrap();
        let opts = ExportOptions::new(LangSel::One(Lang::Ja));
        let bytes = WS.export(&doc, Format::Docx, &opts).unwrap();
        std::fs::write(dir.path().join(format!("{}.docx", s.name)), bytes).unwrap();
        let cap = assembly
            .computed_value("liability_cap_jpy")
            .and_then(|v| v.as_int())
            .map(|n| format!("{}円", thousands(n)));
        let body: String = doc
            .articles
            .iter()
            .map(|a| &a.paragraphs.ja)
            .chain(doc.annexes.iter().map(|a| &a.paragraphs.ja))
            .map(|p| secdraft::document::plain_text(p, Lang::Ja))
            .collect();
        // The cap amount is checked where the clause set states it.
        let cap = cap.filter(|c| body.contains(c.as_str()));
        expected.push((s.name, doc.meta.customer.clone(), cap, body));
    }
    assert!(
        expected.iter().filter(|e| e.2.is_some()).count() >= 5,
        "most scenarios state their cap"
    );
    let files: Vec<PathBuf> = expected
        .iter()
        .map(|(name, ..)| dir.path().join(format!("{name}.docx")))
        .collect();
    soffice(dir.path(), "pdf", dir.path(), &files);
    for (name, customer, cap, body) in &expected {
        let pdf = dir.path().join(format!("{name}.pdf"));
        assert!(pdf.exists(), "{name}: no PDF");
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        let lines = String::from_utf8_lossy(&text.stdout).into_owned();
        // A Mincho body, never a Gothic one by substitution (fonts-noto-cjk has both).
        let font = body_font(&pdf);
        assert!(
            ["Serif", "Mincho", "Min"].iter().any(|s| font.contains(s))
                && !["Sans", "Gothic", "Goth"].iter().any(|s| font.contains(s)),
            "{name}: the body is set in {font}, not a Mincho"
        );
        let broken = broken_words(&lines, body);
        assert!(
            broken.is_empty(),
            "{name}: lines break inside a number or a Latin word: {broken:?}"
        );
        let text = squeeze(&lines);
        let mut wants = vec![
            "情報セキュリティに関する特約",
            "第1条（",
            "第2条（",
            "故意又は重大な過失",
        ];
        if !customer.is_empty() {
            wants.push(customer);
        }
        if let Some(cap) = cap {
            wants.push(cap);
        }
        for want in wants {
            assert!(
                text.contains(&squeeze(want)),
                "{name}: the PDF has no {want}"
            );
        }
        assert!(text.contains("1/"), "{name}: no page numbers");
    }
}

/// The number of pages of a PDF.
fn pages(pdf: &Path) -> usize {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn the_parallel_layout_takes_about_the_pages_of_the_sequential_one() {
    if !available("soffice", &["--version"]) || !available("pdftotext", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = scenarios()
        .into_iter()
        .find(|s| s.name == "local-government-cloud")
        .unwrap();
    let (_, doc) = WS.draft(&answers_from(&s.answers, &s.name)).unwrap();
    for parallel in [false, true] {
        let opts = ExportOptions {
            parallel,
            ..ExportOptions::new(LangSel::Both)
        };
        let name = if parallel { "parallel" } else { "sequential" };
        let bytes = WS.export(&doc, Format::Docx, &opts).unwrap();
        std::fs::write(dir.path().join(format!("{name}.docx")), bytes).unwrap();
    }
    soffice(
        dir.path(),
        "pdf",
        dir.path(),
        &[
            dir.path().join("sequential.docx"),
            dir.path().join("parallel.docx"),
        ],
    );
    let (sequential, parallel) = (
        dir.path().join("sequential.pdf"),
        dir.path().join("parallel.pdf"),
    );
    // Rows that may run on to the next page: the two columns take about the pages of the two
    // texts one after the other (rows kept whole left pages part empty: 60 against 55).
    let (s, p) = (pages(&sequential), pages(&parallel));
    assert!(p * 100 <= s * 107, "parallel {p} pages, sequential {s}");
    // No page ends with an article's heading: the heading row stays with its row.
    for page in 1..=p {
        let n = page.to_string();
        let text = Command::new("pdftotext")
            .args(["-layout", "-f", &n, "-l", &n])
            .arg(&parallel)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        let last = text
            .lines()
            .map(str::trim)
            .rev()
            .find(|l| {
                // The last line of text above the page number.
                !l.is_empty() && !l.chars().all(|c| c.is_ascii_digit() || " /".contains(c))
            })
            .unwrap_or_default();
        assert!(
            !doc.articles
                .iter()
                .any(|a| squeeze(last).starts_with(&squeeze(&format!("{}（", a.label.ja)))),
            "page {page} ends with a heading: {last}"
        );
    }
}

#[test]
fn a_reference_docx_changes_the_fonts_libreoffice_prints() {
    if !available("soffice", &["--version"]) || !available("pdftohtml", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = scenarios()
        .into_iter()
        .find(|s| s.name == "brochure-site")
        .unwrap();
    let (_, doc) = WS.draft(&answers_from(&s.answers, &s.name)).unwrap();
    let plain = ExportOptions::new(LangSel::One(Lang::Ja));
    // A house style whose body is a Gothic: the rider's own file, its Mincho replaced.
    let rider = WS.export(&doc, Format::Docx, &plain).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in crate::docx::unzip(&rider) {
        let text = if name == "word/styles.xml" {
            text.replace("ＭＳ 明朝", "ＭＳ ゴシック")
        } else {
            text
        };
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    let house = zip.finish().unwrap().into_inner();
    let opts = ExportOptions {
        reference: Some(std::sync::Arc::new(
            secdraft::export::Reference::read(&house).unwrap(),
        )),
        ..plain
    };
    let styled = WS.export(&doc, Format::Docx, &opts).unwrap();
    std::fs::write(dir.path().join("house.docx"), styled).unwrap();
    soffice(
        dir.path(),
        "pdf",
        dir.path(),
        &[dir.path().join("house.docx")],
    );
    let font = body_font(&dir.path().join("house.pdf"));
    assert!(
        font.contains("Sans"),
        "the house style's Gothic body: {font}"
    );
}

#[test]
fn a_new_project_reads_back_with_python_docx() {
    if !available("python3", &["-c", "import docx"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.toml");
    std::fs::write(
        &answers,
        "[meta]\nproject_name = \"港湾物流管理システムの刷新\"\ncustomer = \"北浜港湾株式会社\"\n\
         vendor = \"西陣システムズ合同会社\"\ndate = \"2027-02-15\"\n\n[answers]\n\
         personal_data = true\npersonal_data_kinds = [\"basic\"]\ndata_subjects = 1200\n\
         dmz = true\nsubcontracting = false\nbudget_jpy = 73456000\nmaintenance = false\n\
         ai_use = false\nstance = \"balanced\"\n",
    )
    .unwrap();
    let out = dir.path().join("rider.docx");
    bin()
        .args(["build", "--format", "docx", "--answers"])
        .arg(&answers)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let check = |customer: &str, texts: &[&str]| {
        let mut cmd = Command::new("python3");
        cmd.arg(root().join("tests/docx_check.py"))
            .arg(&out)
            .args(["--customer", customer]);
        for t in texts {
            cmd.args(["--text", t]);
        }
        cmd.output().expect("python3 runs")
    };
    let ok = check(
        "北浜港湾株式会社",
        &[
            "73,456,000円",
            "故意又は重大な過失",
            "第1条（目的及び原契約との関係）",
        ],
    );
    assert!(
        ok.status.success(),
        "{}{}",
        String::from_utf8_lossy(&ok.stdout),
        String::from_utf8_lossy(&ok.stderr)
    );
    // The check itself can fail: a name the document does not carry.
    assert!(!check("南浜港湾株式会社", &[]).status.success());
    assert!(Path::new(&out).exists());
}

#[test]
fn the_html_prints_to_a4_in_chromium_with_no_browser_header() {
    if !available("chromium", &["--version"]) || !available("pdftotext", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let s = scenarios()
        .into_iter()
        .find(|s| s.name == "ec-site")
        .unwrap();
    let (_, doc) = WS.draft(&answers_from(&s.answers, &s.name)).unwrap();
    for parallel in [false, true] {
        let opts = ExportOptions {
            parallel,
            ..ExportOptions::new(LangSel::Both)
        };
        let html = WS.export(&doc, Format::Html, &opts).unwrap();
        let name = if parallel { "parallel" } else { "rider" };
        let page = dir.path().join(format!("{name}.html"));
        std::fs::write(&page, html).unwrap();
        let pdf = dir.path().join(format!("{name}.pdf"));
        // As the machine's probe starts it: no network, no first-run work, a fresh profile.
        let out = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap();
        assert!(pdf.exists(), "{}", String::from_utf8_lossy(&out.stderr));
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains("(A4)"), "{name}: {info}");
        let first = Command::new("pdftotext")
            .args(["-f", "1", "-l", "1", "-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let first = String::from_utf8_lossy(&first.stdout);
        let top = first
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        // The parallel page opens with its head row (正文 / Reference translation).
        let want = if parallel {
            "正文"
        } else {
            doc.title.ja.as_str()
        };
        assert!(
            top.trim().starts_with(want),
            "{name}: the page starts with the rider, not a browser header: {top}"
        );
        assert!(
            !first.contains("file://") && !first.contains(".html"),
            "{first}"
        );
        let bottom = first
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        assert!(
            bottom.trim().starts_with("1 / "),
            "{name}: our page number: {bottom}"
        );
        // The printed page carries the execution block and the annexes in both languages.
        let all = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let all = squeeze(&String::from_utf8_lossy(&all.stdout));
        let annex = doc.annexes.first().expect("ec-site has annexes");
        for want in [
            &doc.closing.ja,
            &doc.closing.en,
            &annex.title.ja,
            &annex.title.en,
        ] {
            assert!(
                all.contains(&squeeze(want)),
                "{name}: the PDF has no {want}"
            );
        }
    }
}

#[test]
fn libreoffice_opens_the_word_redline_and_keeps_its_changes() {
    if !available("soffice", &["--version"])
        || !available("pdftotext", &["-v"])
        || !available("python3", &["-c", "import docx"])
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let old_text =
        std::fs::read_to_string(root().join("docs/examples/education-network.toml")).unwrap();
    let new_text = old_text
        .replace("dmz = true", "dmz = false")
        .replace("budget_jpy = 104800500", "budget_jpy = 209601000");
    let mut files = Vec::new();
    for (name, text) in [("old", &old_text), ("new", &new_text)] {
        let answers = dir.path().join(format!("{name}.toml"));
        std::fs::write(&answers, text).unwrap();
        let docx = dir.path().join(format!("{name}.docx"));
        bin()
            .args(["build", "--format", "docx", "--answers"])
            .arg(&answers)
            .arg("-o")
            .arg(&docx)
            .assert()
            .success();
        files.push((answers, docx));
    }
    let redline = dir.path().join("redline.docx");
    bin()
        .args(["diff", "--format", "docx"])
        .arg(&files[0].0)
        .arg(&files[1].0)
        .arg("-o")
        .arg(&redline)
        .assert()
        .success();
    let saved = dir.path().join("saved");
    for target in ["pdf", "docx:MS Word 2007 XML"] {
        soffice(dir.path(), target, &saved, std::slice::from_ref(&redline));
    }
    // The PDF shows the changes: the old amount struck through beside the new one.
    let text = Command::new("pdftotext")
        .arg(saved.join("redline.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let text = squeeze(&String::from_utf8_lossy(&text.stdout));
    assert!(
        text.contains("104,800,500") && text.contains("209,601,000"),
        "{text}"
    );
    // Saved again by LibreOffice, the changes are still tracked and resolve to either rider.
    let saved_docx = saved.join("redline.docx");
    let xml = crate::docx::unzip(&std::fs::read(&saved_docx).unwrap())
        .into_iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap()
        .1;
    assert!(
        xml.contains("<w:ins ") && xml.contains("<w:del "),
        "changes kept"
    );
    let check = Command::new("python3")
        .arg(root().join("tests/redline_check.py"))
        .arg(&saved_docx)
        .args([&files[0].1, &files[1].1])
        .arg("--text-only")
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn every_page_of_the_word_memo_says_internal_in_libreoffice() {
    if !available("soffice", &["--version"]) || !available("pdfinfo", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let memo = dir.path().join("memo.docx");
    bin()
        .args(["memo", "--format", "docx", "--answers"])
        .arg(root().join("docs/examples/education-network.toml"))
        .arg("-o")
        .arg(&memo)
        .assert()
        .success();
    soffice(dir.path(), "pdf", dir.path(), std::slice::from_ref(&memo));
    let pdf = dir.path().join("memo.pdf");
    let pages = pages(&pdf);
    assert!(pages > 1, "the memo runs over several pages");
    for page in 1..=pages {
        let n = page.to_string();
        let text = Command::new("pdftotext")
            .args(["-f", &n, "-l", &n])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        let top = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or_default();
        assert_eq!(
            top.trim(),
            "社内限り",
            "page {page} starts with the mark: {text}"
        );
    }
}
