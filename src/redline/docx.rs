//! The redline as a Word file: the new rider exactly as `build --format docx` writes it,
//! with every difference from the old rider as a tracked change (`w:ins` / `w:del`), so
//! that Word's Review → Accept All gives the new rider and Reject All the old one.
//!
//! The two riders' document parts are compared paragraph by paragraph: identical ones
//! first, then, between them, paragraphs of the same style and mostly the same words are
//! paired and compared word by word. A paragraph or table without a partner is inserted or
//! deleted whole, its paragraph marks (and table rows) included.

mod parse;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use parse::{Item, Para, Row, parse};

use crate::export::docx::xml::esc;
use crate::report::docx::{part, repackage};

/// Who made the changes and when (a W3C date-time), as Word shows them.
pub struct Revision<'a> {
    pub author: &'a str,
    pub date: &'a str,
}

/// The words of a paragraph, each with the properties of its run.
fn words<'p>(p: &'p Para) -> Vec<(&'p str, &'p str)> {
    p.runs
        .iter()
        .flat_map(|r| {
            super::tokens::split(&r.text)
                .into_iter()
                .map(|w| (r.rpr, w))
        })
        .collect()
}

/// What pairing compares of an item: for a paragraph its properties, its words sorted,
/// and for an article heading its text without the numbers.
struct Profile<'x> {
    ppr: &'x str,
    sorted: Vec<&'x str>,
    heading: Option<String>,
}

fn profile<'x>(item: &'x Item) -> Option<Profile<'x>> {
    let Item::Para(p) = item else {
        return None;
    };
    let mut sorted: Vec<&str> = words(p).into_iter().map(|(_, w)| w).collect();
    sorted.sort_unstable();
    let heading = p.ppr.contains("w:val=\"Heading1\"").then(|| {
        p.runs
            .iter()
            .flat_map(|r| r.text.chars())
            .filter(|c| !c.is_ascii_digit())
            .collect()
    });
    Some(Profile {
        ppr: p.ppr,
        sorted,
        heading,
    })
}

/// How much two paragraphs share: twice the words in common over the words of both.
fn similarity(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0u32);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, common) = (i + 1, j + 1, common + 1),
        }
    }
    2.0 * f64::from(common) / (a.len() + b.len()) as f64
}

/// Paragraphs are compared word by word where they have the same style and share most
/// of their words. An article heading pairs only with the same heading renumbered: a
/// heading of another article marks that article inserted, not a retitled one.
fn pairing(a: &Profile, b: &Profile) -> Option<f64> {
    if a.ppr != b.ppr {
        return None;
    }
    if a.heading.is_some() {
        return (a.heading == b.heading).then_some(1.0);
    }
    Some(similarity(&a.sorted, &b.sorted)).filter(|&s| s >= 0.5)
}

/// The largest stretch of differing items that is paired (old × new): two riders with
/// nothing in common are a few hundred paragraphs each; beyond this, as from a hostile
/// library, every item is deleted and inserted whole, in bounded time and memory.
const PAIRING_LIMIT: usize = 1 << 20;

enum Step {
    Pair(usize, usize),
    Del(usize),
    Ins(usize),
}

/// The pairing of two runs of differing items that shares the most: a longest common
/// subsequence weighted by similarity. Between pairs, deletions come before insertions.
fn align(old: &[Item], new: &[Item]) -> Vec<Step> {
    let (n, m) = (old.len(), new.len());
    if n.saturating_mul(m) > PAIRING_LIMIT {
        return (0..n).map(Step::Del).chain((0..m).map(Step::Ins)).collect();
    }
    let (a, b): (Vec<_>, Vec<_>) = (
        old.iter().map(profile).collect(),
        new.iter().map(profile).collect(),
    );
    let score: Vec<Vec<Option<f64>>> = a
        .iter()
        .map(|a| {
            b.iter()
                .map(|b| pairing(a.as_ref()?, b.as_ref()?))
                .collect()
        })
        .collect();
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for i in 1..=n {
        for j in 1..=m {
            let mut v = best[i - 1][j].max(best[i][j - 1]);
            if let Some(s) = score[i - 1][j - 1] {
                v = v.max(best[i - 1][j - 1] + s);
            }
            best[i][j] = v;
        }
    }
    let (mut i, mut j) = (n, m);
    let mut steps = Vec::new();
    while i > 0 || j > 0 {
        let paired = i > 0
            && j > 0
            && score[i - 1][j - 1].is_some_and(|s| best[i][j] == best[i - 1][j - 1] + s);
        if paired {
            steps.push(Step::Pair(i - 1, j - 1));
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && (j == 0 || best[i][j] == best[i - 1][j]) {
            steps.push(Step::Del(i - 1));
            i -= 1;
        } else {
            steps.push(Step::Ins(j - 1));
            j -= 1;
        }
    }
    steps.reverse();
    // Within each stretch between pairs, deletions first (a stable sort keeps each order).
    for stretch in steps.split_mut(|s| matches!(s, Step::Pair(..))) {
        stretch.sort_by_key(|s| matches!(s, Step::Ins(_)));
    }
    steps
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Ins,
    Del,
}

impl Mark {
    fn tag(self) -> &'static str {
        match self {
            Mark::Ins => "w:ins",
            Mark::Del => "w:del",
        }
    }
}

struct Writer<'a> {
    out: String,
    rev: &'a Revision<'a>,
    /// The last revision id given: each change has its own.
    id: u32,
}

impl Writer<'_> {
    /// The opening of a change's element, without its end: `<w:ins w:id=… w:date=…`.
    fn open(&mut self, mark: Mark) -> String {
        self.id += 1;
        format!(
            "<{} w:id=\"{}\" w:author=\"{}\" w:date=\"{}\"",
            mark.tag(),
            self.id,
            esc(self.rev.author),
            esc(self.rev.date)
        )
    }

    /// Runs of text; deleted text is `w:delText`, as Word requires.
    fn runs(&mut self, mark: Option<Mark>, runs: &[(&str, &str)]) {
        if runs.iter().all(|(_, t)| t.is_empty()) {
            return;
        }
        if let Some(m) = mark {
            let open = self.open(m);
            self.out.push_str(&open);
            self.out.push('>');
        }
        let t = if mark == Some(Mark::Del) {
            "w:delText"
        } else {
            "w:t"
        };
        for (rpr, text) in runs.iter().filter(|(_, t)| !t.is_empty()) {
            self.out.push_str("<w:r>");
            self.out.push_str(rpr);
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.out.push_str("<w:br/>");
                }
                for (k, piece) in line.split('\t').enumerate() {
                    if k > 0 {
                        self.out.push_str("<w:tab/>");
                    }
                    if !piece.is_empty() {
                        self.out
                            .push_str(&format!("<{t} xml:space=\"preserve\">{}</{t}>", esc(piece)));
                    }
                }
            }
            self.out.push_str("</w:r>");
        }
        if let Some(m) = mark {
            self.out.push_str(&format!("</{}>", m.tag()));
        }
    }

    /// A paragraph inserted or deleted whole: its mark too, inside the mark's run
    /// properties (`w:pPr/w:rPr/w:ins`), where the schema puts it first.
    fn whole(&mut self, p: &Para, mark: Mark) {
        let change = format!("{}/>", self.open(mark));
        let ppr = if p.ppr.is_empty() {
            format!("<w:pPr><w:rPr>{change}</w:rPr></w:pPr>")
        } else if let Some(at) = p.ppr.find("<w:rPr>") {
            let at = at + "<w:rPr>".len();
            format!("{}{change}{}", &p.ppr[..at], &p.ppr[at..])
        } else {
            let at = p
                .ppr
                .find("<w:sectPr")
                .unwrap_or(p.ppr.len() - "</w:pPr>".len());
            format!("{}<w:rPr>{change}</w:rPr>{}", &p.ppr[..at], &p.ppr[at..])
        };
        self.out.push_str("<w:p>");
        self.out.push_str(&ppr);
        let runs: Vec<(&str, &str)> = p.runs.iter().map(|r| (r.rpr, r.text.as_str())).collect();
        self.runs(Some(mark), &runs);
        self.out.push_str("</w:p>");
    }

    /// A pair of paragraphs of one style: the new one, its words inserted and the old
    /// one's deleted where they differ.
    fn pair(&mut self, old: &Para, new: &Para) {
        let (a, b) = (words(old), words(new));
        self.out.push_str("<w:p>");
        self.out.push_str(new.ppr);
        for piece in super::pieces(&a, &b) {
            match piece {
                super::Piece::Kept(w) => self.words(None, w),
                super::Piece::Deleted(w) => self.words(Some(Mark::Del), w),
                super::Piece::Inserted(w) => self.words(Some(Mark::Ins), w),
            }
        }
        self.out.push_str("</w:p>");
    }

    /// Words as runs, one run for each stretch of words with the same properties.
    fn words(&mut self, mark: Option<Mark>, words: &[(&str, &str)]) {
        let mut runs: Vec<(&str, String)> = Vec::new();
        for &(rpr, w) in words {
            match runs.last_mut() {
                Some((r, text)) if *r == rpr => text.push_str(w),
                _ => runs.push((rpr, w.to_string())),
            }
        }
        let runs: Vec<(&str, &str)> = runs.iter().map(|(r, t)| (*r, t.as_str())).collect();
        self.runs(mark, &runs);
    }

    /// A table inserted or deleted whole: every row marked, and its text.
    fn table(&mut self, head: &str, rows: &[Row], mark: Mark) {
        self.out.push_str("<w:tbl>");
        self.out.push_str(head);
        for row in rows {
            // The row's change comes last in `w:trPr`, after cantSplit and tblHeader.
            let change = format!("{}/>", self.open(mark));
            self.out
                .push_str(&format!("<w:tr><w:trPr>{}{change}</w:trPr>", row.trpr));
            for (tcpr, paras) in &row.cells {
                self.out.push_str("<w:tc>");
                self.out.push_str(tcpr);
                for p in paras {
                    self.whole(p, mark);
                }
                self.out.push_str("</w:tc>");
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
    }

    fn item(&mut self, item: &Item, mark: Mark) {
        match item {
            Item::Para(p) => self.whole(p, mark),
            Item::Table { head, rows, .. } => self.table(head, rows, mark),
        }
    }

    /// The items that differ between two identical stretches.
    fn gap(&mut self, old: &[Item], new: &[Item]) {
        for step in align(old, new) {
            match step {
                Step::Pair(i, j) => match (&old[i], &new[j]) {
                    (Item::Para(a), Item::Para(b)) => self.pair(a, b),
                    (a, b) => {
                        self.item(a, Mark::Del);
                        self.item(b, Mark::Ins);
                    }
                },
                Step::Del(i) => self.item(&old[i], Mark::Del),
                Step::Ins(j) => self.item(&new[j], Mark::Ins),
            }
        }
    }

    fn body(&mut self, old: &[Item], new: &[Item]) {
        let a: Vec<&str> = old.iter().map(Item::src).collect();
        let b: Vec<&str> = new.iter().map(Item::src).collect();
        // The stretch of differing items since the last identical one.
        let (mut from_old, mut from_new) = (0, 0);
        for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
            if let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                self.gap(&old[from_old..old_index], &new[from_new..new_index]);
                for s in &b[new_index..new_index + len] {
                    self.out.push_str(s);
                }
                (from_old, from_new) = (old_index + len, new_index + len);
            }
        }
        self.gap(&old[from_old..], &new[from_new..]);
    }
}

/// The document part of the new rider with the changes from the old one tracked.
fn tracked(old: &str, new: &str, rev: &Revision) -> Result<String, String> {
    let (_, old_items, _) = parse(old)?;
    let (head, new_items, tail) = parse(new)?;
    let mut w = Writer {
        out: String::from(head),
        rev,
        id: 0,
    };
    w.body(&old_items, &new_items);
    w.out.push_str(tail);
    Ok(w.out)
}

/// The redline package: the new rider's package (as the Word export writes it) with its
/// text tracked against the old rider's.
pub fn export(old: &[u8], new: &[u8], rev: &Revision) -> Result<Vec<u8>, String> {
    const DOCUMENT: &str = "word/document.xml";
    let text = tracked(&part(old, DOCUMENT)?, &part(new, DOCUMENT)?, rev)?;
    repackage(new, &[(DOCUMENT, text)])
}

#[cfg(test)]
mod tests;
