#!/usr/bin/env bash
# Smoke test of the built bundle (python tools/build_bundle.py) as a machine without Python
# would run it: an empty environment (env -i), no virtual environment on PATH, a fresh HOME.
# Checks --version, demo, search (Vietnamese output), a PDF brief with embedded fonts (pdffonts,
# from poppler-utils), export and import back, and the window opened offscreen and closed
# (KETNOI_QUIT_AFTER_MS, ui/main.py). Usage: tools/smoke_bundle.sh [dist/ketnoi/ketnoi]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-dist/ketnoi/ketnoi}")
[ -x "$bin" ] || { echo "no bundle at $bin: run python tools/build_bundle.py" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
db="$home/k.db"
# run [VAR=value…] ARGS…: the bundle in the clean environment, plus the variables given
run() {
  local extra=()
  while [[ ${1:-} == *=* && ${1:-} != -* ]]; do extra+=("$1"); shift; done
  # (a time limit: a window held by an error box nobody closes would otherwise hang CI)
  (cd "$home" && timeout 180 env -i HOME="$home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "${extra[@]}" "$bin" "$@")
}
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
step() { printf 'smoke: %s\n' "$*"; }

out=$(run PATH=/nonexistent --version) && [[ $out == "Ketnoi "* ]] || fail "--version said: $out"
step "--version (with nothing on PATH): $out"
run demo --db "$db" >/dev/null || fail "demo"
step "demo: $(run info --db "$db" | grep -c '^ ') record kinds filled"
out=$(run search nguyen --db "$db") || fail "search"
grep -q "Nguyễn" <<<"$out" || fail "search nguyen printed no Nguyễn: $out"
step "search nguyen: $(grep -m1 Nguyễn <<<"$out")"
run brief org NIC --db "$db" -o "$home/nic.pdf" >/dev/null || fail "brief"
fonts=$(pdffonts "$home/nic.pdf")
grep -q "NotoSans-Regular" <<<"$fonts" || fail "brief without Noto Sans: $fonts"
if awk 'NR > 2 && $(NF-4) != "yes" {bad=1} END {exit !bad}' <<<"$fonts"; then fail "a font not embedded: $fonts"; fi
step "brief: $(awk 'NR > 2 {print $1}' <<<"$fonts" | paste -sd' ') — all embedded"
run export "$home/all.xlsx" --db "$db" >/dev/null || fail "export"
out=$(run import "$home/all.xlsx" --db "$home/copy.db") || fail "import of the export"
step "export + import into a new file: $(run info --db "$home/copy.db" | grep contacts | xargs)"
# A sheet big enough (40,000 rows and more) for the import to clean it in worker processes
# on three cores or more: in a bundle each is this executable started again (packaging/entry.py).
run demo --scale 45000 --db "$home/big.db" >/dev/null 2>&1 || fail "demo --scale 45000"
run export "$home/big.xlsx" --db "$home/big.db" >/dev/null || fail "export of 45,000 contacts"
out=$(run import "$home/big.xlsx" --db "$home/big-copy.db" 2>&1) || fail "import of 45,000 contacts: $out"
contacts=$(run info --db "$home/big-copy.db" | awk '/contacts/ {gsub(",", "", $1); print $1}')
(( contacts > 44000 )) || fail "45,000 contacts imported as $contacts: $out"
step "45,000 contacts exported and imported into a new file: $contacts contacts"
out=$(run KETNOI_QUIT_AFTER_MS=1500 --db "$db" 2>&1) || fail "window: $out"
grep -q "ketnoi: window opened" <<<"$out" || fail "window did not open: $out"
# ready: the dashboard filled with its data (a failed read — a data file missing from the
# bundle, say — shows an error box instead, and the window never says it)
grep -q "ketnoi: window ready" <<<"$out" || fail "window not ready: $out"
step "$(grep 'ketnoi: window' <<<"$out")"
data="$(dirname "$bin")/_internal"  # PyInstaller 6's one-folder layout
for f in docs/guide.md docs/guide.vi.md resources/licences.json resources/fonts/OFL.txt \
         resources/translations/ketnoi_vi.qm db/migrations/env.py; do
  [ -f "$data/$f" ] || fail "$f is not in the bundle"
done
grep -q '"PySide6_Essentials"' "$data/resources/licences.json" || fail "licences.json lists no PySide6"
step "guide (en, vi), licence list ($(grep -c '"name"' "$data/resources/licences.json") entries), fonts, translations, migrations bundled"
step "passed"
