//! Hostile inputs: each gets exit 2 (or 1 where the fault is not the input) with a message
//! naming the file, the position and the key, quickly, with nothing clobbered. The
//! catalogue is docs/bad-inputs.md.

use std::path::{Path, PathBuf};

use crate::common::{bin, fixtures};

/// A copy of the minimal library in a temporary folder, with `extra` appended to its
/// liability file.
fn library_with(extra: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for e in std::fs::read_dir(fixtures().join("minimal")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, lib.join(p.file_name().unwrap())).unwrap();
    }
    let liability = lib.join("liability.toml");
    let mut text = std::fs::read_to_string(&liability).unwrap();
    text.push_str(extra);
    std::fs::write(&liability, text).unwrap();
    (tmp, lib)
}

/// The minimal library's liability clause again under another id and condition.
fn clause_when(when: &str) -> String {
    let text = std::fs::read_to_string(fixtures().join("minimal/liability.toml")).unwrap();
    let body = text.split_once("when = \"true\"\n").unwrap().1;
    format!(
        "\n[[clause]]\nid = \"liability.deep\"\nfamily = \"liability\"\norder = 900\n\
         title = {{ ja = \"深い\", en = \"Deep\" }}\nwhen = \"{when}\"\n{body}"
    )
}

fn check(lib: &Path) -> (Option<i32>, String) {
    let out = bin()
        .args(["check", "--library"])
        .arg(lib)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(out.stdout.is_empty());
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn deeply_nested_conditions_are_refused_with_their_clause() {
    let parens = format!("{}true{}", "(".repeat(10_000), ")".repeat(10_000));
    let chain = vec!["true"; 100_000].join(" and ");
    let nots = format!("{}true", "not ".repeat(100_000));
    for when in [parens, chain, nots] {
        let (_tmp, lib) = library_with(&clause_when(&when));
        let (code, stderr) = check(&lib);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains("liability.toml:")
                && stderr
                    .contains("[liability.deep] when: condition: the condition nests too deeply"),
            "{stderr}"
        );
    }
}

fn example() -> PathBuf {
    crate::common::root().join("docs/examples/ec-site.toml")
}

/// Runs `secdraft` with `args`; returns the exit code, stderr and the time it took.
fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, std::time::Duration) {
    let t = std::time::Instant::now();
    let out = bin()
        .args(args)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stderr).unwrap(),
        t.elapsed(),
    )
}

fn build(answers: &Path) -> (Option<i32>, String, std::time::Duration) {
    run(&["build".as_ref(), "--answers".as_ref(), answers.as_os_str()])
}

#[test]
fn check_refuses_what_a_template_would_leak_or_miss() {
    // Tera's whole context, and a reference to an article that no clause has.
    for (body, words) in [
        (
            "{{ __tera_context }}",
            "[liability.deep] body.ja: template: `__tera_context` would print every answer",
        ),
        ("{{ \"liability.nowhere\" | article }}", "[liability.deep]"),
    ] {
        let clause = clause_when("true").replacen(
            "body.ja = \"\"\"\n",
            &format!("body.ja = \"\"\"\n{body}"),
            1,
        );
        let (_tmp, lib) = library_with(&clause);
        let (code, stderr) = check(&lib);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains("liability.toml:") && stderr.contains(words),
            "{stderr}"
        );
        if body.contains("nowhere") {
            assert!(stderr.contains("liability.nowhere"), "{stderr}");
        }
    }
}

#[test]
fn validation_is_linear_in_choices_and_unknown_names() {
    // 100,000 choices of one question (their duplicates checked by a set).
    let choices: Vec<String> = (0..100_000)
        .map(|i| format!("{{ value = \"c{i}\", ja = \"選択{i}\", en = \"Choice {i}\" }}"))
        .collect();
    let (_tmp, lib) = library_with("");
    let questions = lib.join("questions.toml");
    let mut text = std::fs::read_to_string(&questions).unwrap();
    let section = text
        .lines()
        .find_map(|l| l.strip_prefix("section = "))
        .unwrap()
        .to_string();
    text.push_str(&format!(
        "\n[[question]]\nid = \"many\"\nsection = {section}\nkind = \"choice\"\n\
         prompt = {{ ja = \"多い\", en = \"Many\" }}\nhelp = {{ ja = \"多い\", en = \"Many\" }}\n\
         choices = [\n{}\n]\n",
        choices.join(",\n")
    ));
    std::fs::write(&questions, text).unwrap();
    let started = std::time::Instant::now();
    bin()
        .args(["check", "--library"])
        .arg(&lib)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success()
        .stdout(predicates::str::contains("ok:"));
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    // 30,000 distinct unknown names in one body, each reported at its position.
    let names: String = (0..30_000).map(|i| format!("{{{{ nope{i} }}}}")).collect();
    let clause = clause_when("true").replacen(
        "body.ja = \"\"\"\n",
        &format!("body.ja = \"\"\"\n{names}\n"),
        1,
    );
    let (_tmp, lib) = library_with(&clause);
    let started = std::time::Instant::now();
    let (code, stderr) = check(&lib);
    assert_eq!(code, Some(2));
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    assert_eq!(
        stderr.matches("template: unknown variable `nope").count(),
        30_000
    );
    assert!(
        stderr.contains("body.ja: template: unknown variable `nope1`"),
        "{}",
        &stderr[..500]
    );
}

/// A small project's answers in a file of their own: the library is what is tested.
fn small_project() -> tempfile::NamedTempFile {
    let answers = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        answers.path(),
        "[meta]\nproject_name = \"p\"\ncustomer = \"c\"\nvendor = \"v\"\n[answers]\n\
         personal_data = false\ndmz = false\nsubcontracting = false\nbudget_jpy = 1000000\n\
         maintenance = false\nai_use = false\n",
    )
    .unwrap();
    answers
}

#[test]
fn a_library_text_stands_alone_so_no_component_fans_out() {
    let answers = small_project();
    // A component calling itself ten times at each of Tera's 20 levels writes nothing
    // and would run 10^20 calls; an include reaches a text of another batch.
    let fan = "{{ <boom n={n - 1} /> }}".repeat(10);
    for (body, tag) in [
        (
            format!(
                "{{% component boom(n) %}}{{% if n > 0 %}}{fan}{{% endif %}}{{% endcomponent boom %}}{{{{ <boom n={{20}} /> }}}}"
            ),
            "component",
        ),
        (
            "{% include \"clause:liability.cap.ja\" %}".to_string(),
            "include",
        ),
    ] {
        let clause = clause_when("true").replacen(
            "body.ja = \"\"\"\n",
            &format!("body.ja = \"\"\"\n{body}\n"),
            1,
        );
        let (_tmp, lib) = library_with(&clause);
        let (code, stderr) = check(&lib);
        assert_eq!(code, Some(2), "{stderr}");
        let words = format!("[liability.deep] body.ja: template: `{{% {tag} %}}` is not allowed");
        assert!(stderr.contains(&words), "{stderr}");
        let (code, stderr, took) = run(&[
            "build".as_ref(),
            "--library".as_ref(),
            lib.as_os_str(),
            "--answers".as_ref(),
            answers.path().as_os_str(),
        ]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains("[liability.deep]"), "{stderr}");
        assert!(took.as_secs() < 5, "{took:?}");
    }
}

#[test]
fn templates_render_under_a_budget_of_loops_and_output() {
    let answers = small_project();
    for (body, words) in [
        // A billion iterations of nested loops.
        (
            "{% for a in range(end=1000) %}{% for b in range(end=1000) %}{% for c in range(end=1000) %}x{% endfor %}{% endfor %}{% endfor %}",
            "the template budget is spent: range()",
        ),
        // Two megabytes of one clause.
        (
            "{% for a in range(end=100000) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}",
            "the template budget is spent: the text would be longer than 1 MiB",
        ),
    ] {
        let clause = clause_when("true").replacen(
            "body.ja = \"\"\"\n",
            &format!("body.ja = \"\"\"\n{body}\n"),
            1,
        );
        let (_tmp, lib) = library_with(&clause);
        let (code, stderr, took) = run(&[
            "build".as_ref(),
            "--library".as_ref(),
            lib.as_os_str(),
            "--answers".as_ref(),
            answers.path().as_os_str(),
        ]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains("[liability.deep] body.ja: template:") && stderr.contains(words),
            "{stderr}"
        );
        assert!(took.as_secs() < 5, "{took:?}");
    }
}

/// What Tera cannot bound from inside a render, the binary's guard does from outside:
/// loops over literal lists that never call us, a string doubled in memory without output.
#[test]
fn a_render_that_runs_or_grows_without_end_is_stopped_naming_its_clause() {
    let answers = small_project();
    let list = "[1,2,3,4,5,6,7,8,9,10]";
    let loops = format!(
        "{}{}",
        format!("{{% for a in {list} %}}").repeat(9),
        "{% endfor %}".repeat(9)
    );
    let doubled = format!(
        "{{% set s = \"xxxxxxxx\" %}}{}{{{{ s | length }}}}",
        "{% set s = s ~ s %}".repeat(40)
    );
    for (body, words, secs) in [
        (loops, "its render ran longer than 5 s", 5..15),
        (
            doubled,
            "its render took more than 1024 MiB of memory",
            0..15,
        ),
    ] {
        let clause = clause_when("true").replacen(
            "body.ja = \"\"\"\n",
            &format!("body.ja = \"\"\"\n{body}\n"),
            1,
        );
        let (_tmp, lib) = library_with(&clause);
        // `check` compiles the text, which is sound: only rendering it runs without end.
        bin()
            .args(["check", "--library"])
            .arg(&lib)
            .assert()
            .success();
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("rider.docx");
        let (code, stderr, took) = run(&[
            "build".as_ref(),
            "--library".as_ref(),
            lib.as_os_str(),
            "--answers".as_ref(),
            answers.path().as_os_str(),
            "--format".as_ref(),
            "docx".as_ref(),
            "-o".as_ref(),
            target.as_os_str(),
        ]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains("liability.toml:"), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "[liability.deep] body.ja: template: the template budget is spent: {words}"
            )),
            "{stderr}"
        );
        assert!(secs.contains(&took.as_secs()), "{took:?}");
        // Nothing written, not even a temporary file.
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    }
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

#[test]
fn inputs_that_are_not_regular_files_are_refused_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("answers.toml");
    mkfifo(&fifo);
    for path in [fifo.as_path(), Path::new("/dev/zero"), tmp.path()] {
        let (code, stderr, took) = build(path);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.starts_with(&format!("{}: not a regular file", path.display())),
            "{stderr}"
        );
        assert!(took.as_secs() < 5, "{took:?}");
    }
    // A FIFO among the library's files is refused too, not skipped.
    let (_tmp, lib) = library_with("");
    mkfifo(&lib.join("general.toml"));
    let (code, stderr) = check(&lib);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("general.toml: not a regular file"),
        "{stderr}"
    );
}

#[test]
fn an_answers_file_over_the_size_limit_is_refused_unread() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("huge.toml");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(secdraft::workspace::ANSWERS_LIMIT + 1).unwrap();
    let (code, stderr, _) = build(&path);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("huge.toml: the file is larger than the limit of 16 MiB"),
        "{stderr}"
    );
}

#[test]
fn half_a_million_misspelt_keys_are_reported_in_seconds() {
    // Each near a question id: before, every one was compared with every question
    // (minutes), and the message went out in millions of writes.
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("keys.toml");
    let mut text = std::fs::read_to_string(example()).unwrap();
    for i in 0..500_000 {
        text.push_str(&format!("personal_dat{i} = true\n"));
    }
    std::fs::write(&path, text).unwrap();
    let (code, stderr, took) = build(&path);
    assert_eq!(code, Some(2));
    assert_eq!(stderr.lines().count(), 500_000);
    assert!(
        stderr.lines().all(|l| l.contains(": personal_dat")),
        "{stderr:.300}"
    );
    // The first names get their suggestion.
    assert!(
        stderr
            .lines()
            .next()
            .is_some_and(|l| l.contains("personal_data")),
        "{stderr:.300}"
    );
    assert!(took.as_secs() < 5, "{took:?}");
}

#[test]
fn a_ten_megabyte_key_is_cut_in_the_message() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("key.toml");
    let mut text = std::fs::read_to_string(example()).unwrap();
    text.push_str(&format!("{} = 1\n", "k".repeat(10_000_000)));
    std::fs::write(&path, text).unwrap();
    let (code, stderr, took) = build(&path);
    assert_eq!(code, Some(2));
    assert!(stderr.len() < 500, "{:.500}", stderr);
    assert!(stderr.contains(&format!(": {}…: unknown question id", "k".repeat(64))));
    assert!(took.as_secs() < 5, "{took:?}");
}

#[test]
fn every_toml_error_is_reported_one_per_line() {
    // An answers file: two broken lines and a duplicate, each at its line.
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.toml");
    std::fs::write(
        &path,
        "[answers]\ndmz = = true\nbudget_jpy = 1\nbudget_jpy = 2\nai_use = = false\n",
    )
    .unwrap();
    let (code, stderr, _) = build(&path);
    assert_eq!(code, Some(2), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    for (line, want) in lines.iter().zip([
        ":2:7: dmz: extra `=`",
        ":4:1: budget_jpy: duplicate key",
        ":5:10: ai_use: extra `=`",
    ]) {
        assert!(line.contains(want), "{stderr}");
    }
    // A library file: every broken line, the first 50 and a count of the rest.
    let broken: String = (0..1000).map(|i| format!("x{i} = = 1\n")).collect();
    let (_tmp, lib) = library_with(&broken);
    let (code, stderr) = check(&lib);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stderr.matches("extra `=`").count(), 50, "{stderr}");
    assert!(
        stderr.contains("950 more TOML errors (the first 50 are shown)"),
        "{stderr}"
    );
}

#[test]
fn overflowing_numbers_and_duplicates_name_the_key() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.toml");
    let cases = [
        (
            "[answers]\ncontract_amount = 99999999999999999999\n",
            ":2:19: contract_amount: the number does not fit in a 64-bit integer",
        ),
        (
            "[answers]\ncontract_amount = 1\ncontract_amount = 2\n",
            ":3:1: contract_amount: duplicate key",
        ),
        (
            "[meta]\ncustomer = \"a\"\ncustomer = \"b\"\n",
            ":3:1: meta.customer: duplicate key",
        ),
    ];
    for (text, want) in cases {
        std::fs::write(&path, text).unwrap();
        let (code, stderr, _) = build(&path);
        assert_eq!(code, Some(2));
        assert_eq!(stderr.trim(), format!("{}{want}", path.display()));
    }
}

#[test]
fn bidi_controls_in_meta_are_refused_naming_the_key() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.toml");
    for c in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
        let text = std::fs::read_to_string(example())
            .unwrap()
            .replace("customer = \"", &format!("customer = \"{c}"));
        std::fs::write(&path, text).unwrap();
        let (code, stderr, _) = build(&path);
        assert_eq!(code, Some(2));
        assert!(
            stderr.contains(&format!(
                "meta.customer: contains the bidirectional control character U+{:04X}",
                u32::from(c)
            )),
            "{stderr}"
        );
    }
}

fn build_to(out: &Path, force: bool) -> (Option<i32>, String, std::time::Duration) {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "build".as_ref(),
        "--answers".as_ref(),
        example().into_os_string().leak(),
        "-o".as_ref(),
        out.as_os_str(),
    ];
    if force {
        args.push("--force".as_ref());
    }
    run(&args)
}

#[test]
fn force_replaces_regular_files_only() {
    let (code, stderr, _) = build_to(Path::new("/dev/null"), true);
    assert_eq!(code, Some(2));
    assert!(
        stderr.ends_with("/dev/null: not a regular file; --force replaces regular files only\n"),
        "{stderr}"
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("out.md");
    mkfifo(&fifo);
    let (code, _, _) = build_to(&fifo, true);
    assert_eq!(code, Some(2));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let dir = tmp.path().join("folder.md");
    std::fs::create_dir(&dir).unwrap();
    assert_eq!(build_to(&dir, true).0, Some(2));
    let file = tmp.path().join("file.md");
    std::fs::write(&file, "old").unwrap();
    assert_eq!(build_to(&file, true).0, Some(0));
    assert!(std::fs::read_to_string(&file).unwrap().contains("第1条"));
}

#[test]
fn a_temporary_file_left_by_a_killed_run_is_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("rider.md");
    let stale = tmp.path().join(".rider.md.secdraft-AbC123.tmp");
    let fresh = tmp.path().join(".rider.md.secdraft-XyZ789.tmp");
    let other = tmp.path().join(".other.md.secdraft-AbC123.tmp");
    for p in [&stale, &fresh, &other] {
        std::fs::write(p, "half a file").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in [&stale, &other] {
        let f = std::fs::File::options().write(true).open(p).unwrap();
        f.set_modified(hour_ago).unwrap();
    }
    assert_eq!(build_to(&out, false).0, Some(0));
    assert!(!stale.exists(), "the stale temporary file is removed");
    assert!(fresh.exists(), "a run in progress keeps its temporary file");
    assert!(
        other.exists(),
        "only the temporary files of this target are touched"
    );
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(left.len(), 3, "no temporary file of this run is left");
}

#[test]
fn a_full_disk_is_exit_1() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_secdraft"))
        .args(["build", "--answers"])
        .arg(example())
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot write to standard output: No space left on device"));
}

#[test]
fn invalid_utf8_is_refused_at_its_position() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("a.toml");
    std::fs::write(&path, b"[meta]\ncustomer = \"\xff\"\n").unwrap();
    let (code, stderr, _) = build(&path);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr.trim(),
        format!(
            "{}:2:13: stream did not contain valid UTF-8",
            path.display()
        )
    );
}
