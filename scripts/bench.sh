#!/usr/bin/env bash
# The speed figures of docs/benchmarks.md, as whole processes: a scenario's Word build
# against pandoc's Markdown-to-Word conversion of the same text, and `check` and a build
# on libraries of 1,000 and 10,000 real-size clauses (time and peak memory).
#
#   bash scripts/bench.sh            wall and CPU time (best of 5) and peak memory
#   CALLGRIND=1 bash scripts/bench.sh  also instruction counts (valgrind; a few minutes),
#                                    which do not depend on what else the machine runs
#
# Needs pandoc, GNU time (/usr/bin/time) and, for CALLGRIND=1, valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin secdraft --example bench
bin=target/release/secdraft
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
answers=docs/examples/education-network.toml

# Best of five runs of a command: wall seconds, CPU seconds (user + system), peak KB.
best() {
  local out="" line
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$@" >/dev/null 2>&1
    line=$(awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$tmp/t")
    out+="$line"$'\n'
  done
  printf '%s' "$out" | sort -n | head -1
}

instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$@" 2>&1 >/dev/null |
    awk '/Collected/ {print $4}'
}

"$bin" build --answers "$answers" --format md --lang both -o "$tmp/doc.md" 2>/dev/null
read -r sw sc _ < <(best "$bin" build --answers "$answers" --format docx --lang both -o "$tmp/a.docx" --force)
read -r pw pc _ < <(best pandoc -f markdown -t docx -o "$tmp/p.docx" "$tmp/doc.md")
echo "scenario (education-network, ja+en) to Word:"
echo "  secdraft build --format docx: ${sw} s wall, ${sc} s CPU"
echo "  pandoc md -> docx of the same text: ${pw} s wall, ${pc} s CPU"
# GNU time counts CPU time in hundredths of a second: too coarse for secdraft's build.
awk -v a="$sw" -v b="$pw" \
  'BEGIN {printf "  ratio: %.3f of pandoc by wall time\n", a / b}'
if [ -n "${CALLGRIND:-}" ]; then
  si=$(instructions "$bin" build --answers "$answers" --format docx --lang both -o "$tmp/a.docx" --force)
  pi=$(instructions pandoc -f markdown -t docx -o "$tmp/p.docx" "$tmp/doc.md")
  awk -v a="$si" -v b="$pi" \
    'BEGIN {gsub(",", "", a); gsub(",", "", b); printf "  instructions: %.1f M against %.1f M, ratio %.3f\n", a / 1e6, b / 1e6, a / b}'
fi

echo "libraries of real-size clauses (the default clauses copied under new ids):"
for n in 1000 10000; do
  lib="$tmp/lib$n"
  target/release/examples/bench write "$lib" "$n"
  size=$(du -sb "$lib" | cut -f1)
  read -r cw cc cm < <(best "$bin" check --library "$lib")
  read -r bw bc bm < <(best "$bin" build --library "$lib" --answers "$answers" --format docx --lang both -o "$tmp/b.docx" --force)
  awk -v n="$n" -v s="$size" -v cw="$cw" -v cc="$cc" -v cm="$cm" -v bw="$bw" -v bc="$bc" -v bm="$bm" 'BEGIN {
    printf "  %5d clauses, %.1f MB: check %s s wall (%s s CPU), peak %.0f MB (%.1fx the library)\n", n, s / 1e6, cw, cc, cm / 1024, cm * 1024 / s
    printf "  %5s                   build docx %s s wall (%s s CPU), peak %.0f MB (%.1fx the library)\n", "", bw, bc, bm / 1024, bm * 1024 / s
  }'
  if [ -n "${CALLGRIND:-}" ]; then
    ci=$(instructions "$bin" check --library "$lib")
    bi=$(instructions "$bin" build --library "$lib" --answers "$answers" --format docx --lang both -o "$tmp/b.docx" --force)
    echo "$n $ci $bi" >>"$tmp/counts"
    awk -v c="$ci" -v b="$bi" 'BEGIN {gsub(",", "", c); gsub(",", "", b); printf "    instructions: check %.0f M, build %.0f M\n", c / 1e6, b / 1e6}'
  fi
done
if [ -n "${CALLGRIND:-}" ]; then
  tr -d , <"$tmp/counts" | awk 'NR == 1 {c = $2; b = $3} NR == 2 {
    printf "  10,000 / 1,000 clauses by instructions: check %.1fx, build %.1fx\n", $2 / c, $3 / b}'
fi
