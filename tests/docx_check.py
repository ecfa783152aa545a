"""Reads a secdraft Word export back with python-docx, as counsel's tools would.

usage: python3 tests/docx_check.py FILE.docx --customer NAME --text TEXT [--text TEXT ...]

Checks that the articles are heading-styled paragraphs numbered 第1条, 第2条, ... in order,
that the document names the customer and contains every TEXT, that tables read back, and
that the document properties carry a title. Exits 1 with the reasons otherwise.
"""

import argparse
import re
import sys

import docx


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--customer", required=True)
    ap.add_argument("--text", action="append", default=[])
    args = ap.parse_args()

    d = docx.Document(args.file)
    problems = []
    headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    articles = [h for h in headings if h.startswith("第")]
    numbers = [int(m.group(1)) for h in articles if (m := re.match(r"第(\d+)条（.+）$", h))]
    if len(numbers) != len(articles) or not numbers:
        problems.append(f"article headings not of the form 第N条（title）: {articles[:5]}")
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"articles not numbered 1, 2, ...: {numbers[:10]}")

    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    text = "\n".join([p.text for p in d.paragraphs] + cells)
    for want in [args.customer] + args.text:
        if want not in text:
            problems.append(f"text not found: {want}")
    if not d.tables:
        problems.append("no tables")
    if not d.core_properties.title:
        problems.append("no title in the document properties")
    if d.styles["Normal"].type is None:
        problems.append("no Normal style")

    for p in problems:
        print(f"docx_check: {args.file}: {p}", file=sys.stderr)
    if not problems:
        print(f"docx_check: {args.file}: {len(numbers)} articles, {len(d.tables)} tables, ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
