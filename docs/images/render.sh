#!/usr/bin/env bash
# Renders the pictures in docs/user-guide.md ("Exported documents") from the
# education-network example: the DOCX through LibreOffice and pdftoppm, the HTML through
# headless Chromium. Needs libreoffice-writer-nogui, fonts-noto-cjk, poppler-utils, chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=target/release/secdraft
[ -x "$bin" ] || cargo build --release
export SOURCE_DATE_EPOCH=1795000000 FONTCONFIG_FILE="$PWD/docs/fonts/fonts.conf"
"$bin" build --answers docs/examples/education-network.toml --format docx -o "$tmp/rider.docx" 2>/dev/null
"$bin" build --answers docs/examples/education-network.toml --format html -o "$tmp/rider.html" 2>/dev/null
soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" "$tmp/rider.docx" >/dev/null
pdftoppm -r 80 -f 1 -l 1 -png -singlefile "$tmp/rider.pdf" "$out/docx-page-1"
pdftoppm -r 80 -f 3 -l 3 -png -singlefile "$tmp/rider.pdf" "$out/docx-page-3"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,1250 \
  --screenshot="$out/html-page.png" "file://$tmp/rider.html" 2>/dev/null
