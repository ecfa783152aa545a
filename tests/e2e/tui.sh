#!/usr/bin/env bash
# End-to-end test of the questionnaire: the release binary in tmux, driven with keys as a
# user would. A whole session in Japanese ending in an exported document, with a Japanese
# amount, a letter in a number and a held Backspace; a 20x5 window that takes no keys;
# Ctrl-Z and fg; Ctrl-C giving the terminal back; a save that fails and the exit code it
# leaves; kill -9 in the middle of a session leaving an answers file that builds, and the
# session resuming where it stopped.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v tmux >/dev/null 2>&1; then
  if [ -n "${CI:-}" ]; then
    echo "error: tmux is not installed: the end-to-end test of the questionnaire cannot run" >&2
    exit 1
  fi
  echo "skipped: tmux is not installed (CI installs it and runs this test)" >&2
  exit 0
fi

cargo build --release --quiet
BIN="$PWD/target/release/secdraft"
WORK="$(mktemp -d)"
SOCKET="secdraft-e2e-$$"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

T() { tmux -L "$SOCKET" -f /dev/null "$@"; }
cleanup() {
  T kill-server 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  echo "--- screen:" >&2
  T capture-pane -p -t e2e >&2 2>/dev/null || true
  exit 1
}
screen() { T capture-pane -p -t e2e; }
keys() { T send-keys -t e2e "$@"; }
# Waits until the screen shows a text (fixed string).
wait_for() {
  for _ in $(seq 150); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "timed out waiting for: $1"
}
# Presses Enter, one key at a time, until a screen appears (defaults accepted).
enter_until() {
  for _ in $(seq 60); do
    if screen | grep -qF -- "$1"; then return 0; fi
    keys Enter
    sleep 0.15
  done
  fail "never reached: $1"
}
check() { grep -qF -- "$2" "$1" || fail "$1 does not contain: $2"; }
# Waits until a file holds a text (fixed string).
wait_file() {
  for _ in $(seq 100); do
    if grep -qF -- "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  fail "$1 never held: $2"
}
# The answers file builds with the command line (its warnings are not the point here).
builds() {
  "$BIN" build --answers "$1" >/dev/null 2>"$WORK/build.err" || {
    cat "$WORK/build.err" >&2
    fail "$2"
  }
}

# ---------------------------------------------------------------- a whole session
# Counsel's editor: it adds a paragraph to the text it is given.
printf '#!/bin/sh\nprintf "\\n\\n%%s\\n" "乙は、本条の定めを誠実に遵守する。" >> "$1"\n' >"$WORK/ed.sh"
chmod +x "$WORK/ed.sh"
T new-session -d -s e2e -x 100 -y 30 -c "$WORK" "bash --norc --noprofile"
keys "cd '$WORK' && EDITOR='$WORK/ed.sh' '$BIN'; echo EXIT=\$?" Enter
wait_for "当事者・案件"
wait_for "案件名（本件業務の名称）を入力してください。"
keys "教育情報ネットワーク移管" Enter
for _ in $(seq 50); do [ -f "$WORK/secdraft-answers.toml" ] && break; sleep 0.1; done
[ -f "$WORK/secdraft-answers.toml" ] || fail "no answers file after the first answer"
check "$WORK/secdraft-answers.toml" 'project_name = "教育情報ネットワーク移管"'
wait_for "発注者（甲）の名称を入力"
keys "サンプル市" Enter
wait_for "受託者（乙）の名称を入力"
keys "受託者株式会社" Enter
# A date in the era calendar is saved as the ISO date shown before Enter.
wait_for "本特約の締結日を入力"
keys "令和8年4月1日"
wait_for "→ 2026-04-01 として保存します"
keys Enter
# The main contract and the signature block: one named, the rest left to fill by hand.
wait_for "原契約の名称を入力"
keys "システム開発基本契約" Enter
wait_for "原契約の締結日を入力"
keys Enter Enter Enter Enter Enter
wait_for "発注者（甲）の種別を選んで"
# サンプル市 reads as a local government: its type is preselected, Enter confirms it.
wait_for "● 地方公共団体"
keys Enter
wait_for "本件業務の契約類型を選んで"
check "$WORK/secdraft-answers.toml" 'customer_type = "local_government"'
check "$WORK/secdraft-answers.toml" 'main_contract = "システム開発基本契約"'
check "$WORK/secdraft-answers.toml" 'date = "2026-04-01"'
keys Enter
wait_for "本件業務の内容を選んで"
keys Enter
wait_for "本件業務の契約金額（円）を入力"
# A letter in a number is text, refused in words, not a command that quits.
keys 1000q
wait_for "数として読めません"
keys BSpace BSpace BSpace BSpace BSpace
# The amount as written in Japanese, with the value it will be saved as.
keys "1億480万500円"
wait_for "→ 104,800,500円 として保存します"
keys Enter
# What the main contract already settles: the defaults (yes) are kept.
wait_for "秘密保持の定めがありますか"
keys Enter
wait_for "損害賠償の上限の定めがありますか"
keys Enter
wait_for "検査（検収）の期間の定めがありますか"
keys Enter
wait_for "作成済み又は作成予定の文書"
keys Enter
wait_for "個人データを取り扱いますか"
keys Enter
wait_for "取り扱う個人データの種類"
# Space toggles: basic and sensitive data.
keys Space Down Space Enter
wait_for "個人データの本人の数"
keys 47839 Enter
wait_for "個人データを保管・処理する場所"
check "$WORK/secdraft-answers.toml" 'budget_jpy = 104800500'
# Backspace held down goes back one question and leaves the answer there whole.
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
wait_for "個人データの本人の数"
sleep 0.3
screen | grep -qF "> 47839" || fail "a held Backspace ate the previous answer"
keys Enter
wait_for "個人データを保管・処理する場所"

# A tiny window says so, takes no key, and the questionnaire comes back when it grows.
T resize-window -t e2e -x 20 -y 5
wait_for "画面が小さすぎます"
keys Enter
sleep 0.3
T resize-window -t e2e -x 100 -y 30
wait_for "個人データを保管・処理する場所"
grep -q "^data_location" "$WORK/secdraft-answers.toml" && fail "Enter answered a question while the window was too small"

# Ctrl-Z gives the terminal back to the shell; fg brings the whole screen back.
keys C-z
wait_for "Stopped"
[ "$(T display -p -t e2e '#{alternate_on}')" = "0" ] || fail "the alternate screen is on while stopped"
keys "clear; fg; echo EXIT=\$?" Enter
wait_for "個人データを保管・処理する場所"
wait_for "┌ セクション"

enter_until "┌ 回答の確認"
check "$WORK/secdraft-answers.toml" 'personal_data_kinds = ["basic", "sensitive"]'
builds "$WORK/secdraft-answers.toml" "the saved answers do not build"

keys p
wait_for "┌ プレビュー"
wait_for "第1条"
keys e
wait_for "┌ 出力"
keys Enter
wait_for "出力しました: secdraft-answers.md"
OUT="$WORK/secdraft-answers.md"
check "$OUT" "# 情報セキュリティに関する特約"
check "$OUT" "第1条"
check "$OUT" "サンプル市"
check "$OUT" "故意又は重大な過失"
check "$OUT" "104,800,500円"
# Exporting again asks before replacing the file.
keys e Enter
wait_for "上書きしますか"
keys n Escape
[ -f "$WORK/secdraft-answers.md.answers.toml" ] || fail "no copy of the answers of the exported rider"

# Counsel's own set from the preview: the last article excluded with a reason, the first
# reworded in $EDITOR, the changes since the export shown; all saved at once.
keys G
keys x
wait_for "除外する理由"
keys "原契約で手当て済み" Enter
wait_for "法務担当者により除外：原契約で手当て済み"
wait_file "$WORK/secdraft-answers.toml" 'exclude = "原契約で手当て済み"'
keys g t
wait_file "$WORK/secdraft-answers.toml" '乙は、本条の定めを誠実に遵守する。'
keys d
wait_for "┌ 前回出力した版との差分"
wait_for "乙は、本条の定めを誠実に遵守する。+}"
keys Escape
wait_for "┌ プレビュー"
builds "$WORK/secdraft-answers.toml" "the answers with counsel's changes do not build"

# Ctrl-C quits at once and gives the terminal back: no alternate screen, no raw mode.
keys C-c
wait_for "EXIT=0"
[ "$(T display -p -t e2e '#{alternate_on}')" = "0" ] || fail "the alternate screen is still on"
keys "stty -a | grep -qw -- -icanon && echo MODE=RAW || echo MODE=COOKED" Enter
wait_for "MODE="
screen | grep -qF "MODE=COOKED" || fail "the terminal was left in raw mode"
builds "$WORK/secdraft-answers.toml" "the answers file is not valid after Ctrl-C"

# SIGTERM also gives the terminal back.
# The questionnaire writes down its own process id (exec keeps it) for the signal.
keys "clear; sh -c 'echo \$\$ > pid; exec \"\$0\"' '$BIN'; echo EXIT=\$?" Enter
wait_for "┌ 回答の確認"
kill -TERM "$(cat "$WORK/pid")"
wait_for "EXIT="
[ "$(T display -p -t e2e '#{alternate_on}')" = "0" ] || fail "the alternate screen is on after SIGTERM"
keys "stty -a | grep -qw -- -icanon && echo MODE2=RAW || echo MODE2=COOKED" Enter
wait_for "MODE2="
screen | grep -qF "MODE2=COOKED" || fail "the terminal was left in raw mode after SIGTERM"
T kill-session -t e2e

# ---------------------------------------------------------------- a save that fails
# The folder of the answers file does not exist: the session stays open and says so in
# Japanese; quitting asks first, and the exit code is not 0.
T new-session -d -s e2e -x 100 -y 30 -c "$WORK" "bash --norc --noprofile"
keys "cd '$WORK' && '$BIN' --answers '$WORK/missing/answers.toml'; echo EXIT=\$?" Enter
wait_for "案件名（本件業務の名称）を入力してください。"
keys "案件" Enter
wait_for "保存先のフォルダがありません"
wait_for "発注者（甲）の名称を入力"
keys Escape
wait_for "┌ 終了の確認"
keys y
wait_for "EXIT=1"
wait_for "保存できないまま終了しました"
T kill-session -t e2e

# ---------------------------------------------------------------- two windows, one file
# Both open the same answers file; the first saves; the second's save finds the file
# changed and leaves it as it is, saying what to do.
SHARED="$WORK/shared.toml"
T new-session -d -s e2e -x 100 -y 30 -c "$WORK" "exec '$BIN' --answers '$SHARED'"
T new-session -d -s e2e2 -x 100 -y 30 -c "$WORK" "exec '$BIN' --answers '$SHARED'"
wait_for "案件名（本件業務の名称）を入力してください。"
T capture-pane -p -t e2e2 | grep -qF "案件名" || sleep 1
keys "一つ目の窓" Enter
wait_for "保存しました"
T send-keys -t e2e2 "二つ目の窓" Enter
for _ in $(seq 50); do
  T capture-pane -p -t e2e2 | grep -qF "別のセッションで変更されています" && break
  sleep 0.1
done
T capture-pane -p -t e2e2 | grep -qF "別のセッションで変更されています" ||
  fail "the second window overwrote the first one's answers without a word"
check "$SHARED" 'project_name = "一つ目の窓"'
T kill-session -t e2e2
T kill-session -t e2e

# ---------------------------------------------------------------- kill -9, then resume
SAVED="$WORK/killed.toml"
# exec: the pane's process is the questionnaire itself, so kill -9 hits it.
T new-session -d -s e2e -x 100 -y 30 -c "$WORK" "exec '$BIN' --answers '$SAVED'"
T set-option -t e2e remain-on-exit on
wait_for "当事者・案件"
keys "案件" Enter
wait_for "発注者（甲）の名称を入力"
keys "甲" Enter "乙" Enter Enter Enter Enter Enter Enter Enter Enter
wait_for "発注者（甲）の種別を選んで"
keys Enter Enter Enter 5000000 Enter Enter Enter Enter Enter
wait_for "個人データを取り扱いますか"
# No personal data: the data questions are skipped.
keys n
wait_for "DMZ又はインターネットに公開される"
enter_until "起案の立場を選んで"
# Half-way through the liability section, with a number typed but not confirmed.
keys Down
PID="$(T display -p -t e2e '#{pane_pid}')"
kill -9 "$PID"
for _ in $(seq 50); do [ "$(T display -p -t e2e '#{pane_dead}')" = "1" ] && break; sleep 0.1; done
builds "$SAVED" "kill -9 left an answers file that does not build"
check "$SAVED" "ai_use = true"
grep -q "^stance" "$SAVED" && fail "an answer not confirmed was saved"
grep -q "personal_data_kinds" "$SAVED" && fail "a skipped question was saved"
T kill-session -t e2e

# Resuming (in English) opens the first question not answered.
T new-session -d -s e2e -x 100 -y 30 -c "$WORK" "exec '$BIN' --ui-lang en --answers '$SAVED'"
T set-option -t e2e remain-on-exit on
wait_for "Which drafting position should the rider take?"
wait_for "Sections"
enter_until "┌ Review"
keys e
wait_for "┌ Export"
keys Right Enter
wait_for "Exported: $WORK/killed.html"
check "$WORK/killed.html" "<html"
check "$WORK/killed.html" "第1条"
check "$WORK/killed.html" "5,000,000円"
# q closes the review; Esc on the questions, with nothing unconfirmed, quits.
keys q
wait_for "┌ Question"
keys Escape
for _ in $(seq 50); do [ "$(T display -p -t e2e '#{pane_dead}')" = "1" ] && break; sleep 0.1; done
[ "$(T display -p -t e2e '#{pane_dead}')" = "1" ] || fail "Esc did not quit"
builds "$SAVED" "the resumed session's answers do not build"

# A hang-up (the window closed) ends the questionnaire instead of leaving it spinning.
T kill-session -t e2e
T new-session -d -s e2e -x 100 -y 30 -c "$WORK" "exec '$BIN' --ui-lang en --answers '$SAVED'"
wait_for "┌ Review"
PID="$(T display -p -t e2e '#{pane_pid}')"
T kill-session -t e2e
for _ in $(seq 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$PID" 2>/dev/null; then
  kill -9 "$PID"
  fail "the questionnaire kept running after its terminal hung up"
fi
builds "$SAVED" "the answers file does not build after a hang-up"

echo "ok: tui end-to-end (session, Japanese amount and date, 1000q, held Backspace, export, exclude and reword from the preview in \$EDITOR, the changes since the export, 20x5, Ctrl-Z/fg, Ctrl-C, SIGTERM, failed save, two windows on one file, kill -9, resume, hang-up)"
