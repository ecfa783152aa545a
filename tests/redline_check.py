"""Reads a secdraft redline (DOCX with tracked changes) back with python-docx and resolves
its changes as Word's Review -> Accept All / Reject All do.

usage: python3 tests/redline_check.py REDLINE.docx OLD.docx NEW.docx [--author NAME]
       [--text-only]

Accepting every change must give the paragraphs (style and text, table cells included)
of NEW, rejecting every change those of OLD. Every change names the author and a date,
deleted text is w:delText inside w:del, and there is at least one insertion and one
deletion. With --text-only the styles are not compared: a file LibreOffice saved again keeps
the changes, but where a deleted paragraph is joined to the next one LibreOffice gives the
result the deleted paragraph's style (and may leave a line break at its end, or an empty paragraph at a section break:
neither is compared). Exits 1 with the reasons otherwise.
"""

import argparse
import copy
import sys

import docx
from docx.oxml.ns import qn


def resolve(body, keep, drop):
    """The body with the `keep` changes (w:ins or w:del) made and the `drop` ones undone."""
    body = copy.deepcopy(body)
    # Paragraphs and rows whose mark is dropped leave, with their content.
    for mark in list(body.iter(qn(drop))):
        holder = mark.getparent()
        if holder.tag == qn("w:rPr") and holder.getparent().tag == qn("w:pPr"):
            p = holder.getparent().getparent()
            p.getparent().remove(p)
        elif holder.tag == qn("w:trPr"):
            tr = holder.getparent()
            tr.getparent().remove(tr)
    for mark in list(body.iter(qn(drop))):
        if mark.getparent() is not None and mark.getparent().tag == qn("w:p"):
            mark.getparent().remove(mark)
    for mark in list(body.iter(qn(keep))):
        parent = mark.getparent()
        if parent.tag == qn("w:p"):
            i = parent.index(mark)
            for child in list(mark):
                parent.insert(i, child)
                i += 1
            parent.remove(mark)
    for t in body.iter(qn("w:delText")):
        t.tag = qn("w:t")
    for tbl in list(body.iter(qn("w:tbl"))):
        if not tbl.findall(qn("w:tr")):
            tbl.getparent().remove(tbl)
    return body


def paragraph(p):
    style = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
    text = []
    for e in p.iter():
        if e.tag == qn("w:t"):
            text.append(e.text or "")
        elif e.tag == qn("w:tab"):
            text.append("\t")
        elif e.tag == qn("w:br"):
            text.append("\n")
    # A paragraph without a style is in Normal, as LibreOffice writes it.
    return (style.get(qn("w:val")) if style is not None else "Normal", "".join(text))


def listing(body):
    out = []
    for child in body:
        if child.tag == qn("w:p"):
            out.append(paragraph(child))
        elif child.tag == qn("w:tbl"):
            for tr in child.findall(qn("w:tr")):
                for tc in tr.findall(qn("w:tc")):
                    out.extend(("cell " + s, t) for s, t in map(paragraph, tc.findall(qn("w:p"))))
    return out


def first_difference(got, want):
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return f"paragraph {i}: {g!r} instead of {w!r}"
    return f"{len(got)} paragraphs instead of {len(want)}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("redline")
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--author", default="secdraft")
    ap.add_argument("--text-only", action="store_true")
    args = ap.parse_args()

    body = docx.Document(args.redline).element.body
    problems = []
    changes = list(body.iter(qn("w:ins"))) + list(body.iter(qn("w:del")))
    kinds = {c.tag for c in changes}
    if kinds != {qn("w:ins"), qn("w:del")}:
        problems.append("not both insertions and deletions")
    for c in changes:
        if c.get(qn("w:author")) != args.author or not c.get(qn("w:date")):
            problems.append(f"a change without the author {args.author} or a date")
            break
    for t in body.iter(qn("w:delText")):
        if not any(a.tag == qn("w:del") for a in t.iterancestors()):
            problems.append("w:delText outside w:del")
            break
    for c in body.iter(qn("w:del")):
        if any(t.tag == qn("w:t") for t in c.iter()):
            problems.append("deleted text in w:t instead of w:delText")
            break

    for name, keep, drop, path in [
        ("accepted", "w:ins", "w:del", args.new),
        ("rejected", "w:del", "w:ins", args.old),
    ]:
        got = listing(resolve(body, keep, drop))
        want = listing(docx.Document(path).element.body)
        if args.text_only:
            # A line break LibreOffice leaves where it joined paragraphs, and the empty
            # paragraph it puts at a section break, do not show.
            def text(listed):
                return [t.rstrip("\n") for _, t in listed if t.strip()]

            got, want = text(got), text(want)
        if got != want:
            problems.append(f"all changes {name} is not {path}: {first_difference(got, want)}")

    for p in problems:
        print(f"redline_check: {args.redline}: {p}", file=sys.stderr)
    if not problems:
        print(f"redline_check: {args.redline}: {len(changes)} changes, ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
