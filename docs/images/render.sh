#!/usr/bin/env bash
# Renders the pictures in docs/user-guide.md ("Exported documents") from the
# education-network example: the DOCX through LibreOffice and pdftoppm, the HTML through
# headless Chromium. Needs libreoffice-writer-nogui, fonts-noto-cjk, fonts-liberation2,
# poppler-utils, chromium; no font configuration: the Word file names faces that
# LibreOffice on Linux replaces with a Mincho and a Gothic by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=target/release/secdraft
[ -x "$bin" ] || cargo build --release
export SOURCE_DATE_EPOCH=1795000000
answers=docs/examples/education-network.toml
"$bin" build --answers "$answers" --format docx -o "$tmp/rider.docx" 2>/dev/null
"$bin" build --answers "$answers" --format docx --lang both --layout parallel \
  -o "$tmp/parallel.docx" 2>/dev/null
"$bin" build --answers "$answers" --format html -o "$tmp/rider.html" 2>/dev/null
soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" \
  "$tmp/rider.docx" "$tmp/parallel.docx" >/dev/null
# The page of a heading found in the PDF's text.
page_of() {
  local pages
  pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  for p in $(seq 1 "$pages"); do
    if pdftotext -f "$p" -l "$p" "$1" - | tr -d ' ' | grep -q "$2"; then echo "$p"; return; fi
  done
}
shot() { pdftoppm -r 64 -f "$2" -l "$2" -png -singlefile "$1" "$out/$3"; }
shot "$tmp/rider.pdf" 1 docx-page-1
shot "$tmp/rider.pdf" "$(page_of "$tmp/rider.pdf" 本特約の成立を証するため)" docx-execution
shot "$tmp/rider.pdf" "$(page_of "$tmp/rider.pdf" '別紙2（')" docx-landscape-annex
shot "$tmp/parallel.pdf" 1 docx-parallel
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1250 \
  "--user-data-dir=$tmp/chromium" --screenshot="$out/html-page.png" "file://$tmp/rider.html" 2>/dev/null
