#!/usr/bin/env bash
# Build the one-folder Linux bundle dist/publisher/ and smoke-test it without a display.
#
# Usage (from anywhere):  packaging/build-linux.sh
# Uses $PYINSTALLER if set, else .venv/bin/pyinstaller if the repository has a venv, else pyinstaller on PATH.
# Exits non-zero if the build or any smoke test fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [[ -n "${PYINSTALLER:-}" ]]; then
    pyinstaller_cmd="$PYINSTALLER"
elif [[ -x .venv/bin/pyinstaller ]]; then
    pyinstaller_cmd=.venv/bin/pyinstaller
else
    pyinstaller_cmd=pyinstaller
fi

echo "==> Building with $pyinstaller_cmd"
start=$(date +%s)
"$pyinstaller_cmd" --noconfirm --distpath dist --workpath build packaging/publisher.spec
end=$(date +%s)
echo "==> Built dist/publisher in $((end - start)) s, $(du -sh dist/publisher | cut -f1)"

app="$ROOT/dist/publisher/publisher"
[[ -x "$app" ]] || { echo "error: $app is missing" >&2; exit 1; }

# Smoke test: everything in a throwaway folder; never the user's real data, keyring or display.
work="$(mktemp -d "${TMPDIR:-/tmp}/publisher-smoke-XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/feed"
export PUBLISHER_DATA_DIR="$work/data"
export QT_QPA_PLATFORM=offscreen
unset PUBLISHER_DB
db="sqlite:///$work/smoke.sqlite3"

step() {
    echo "--> $*" >&2
    "$@"
}

echo "==> Smoke test in $work"
version="$(step "$app" --version)"
echo "$version"
[[ "$version" == "publisher "* ]] || { echo "error: unexpected --version output: $version" >&2; exit 1; }
step "$app" --help >/dev/null
step "$app" channel add feed --db "$db" --name "Smoke feed" --path "$work/feed"
post_id="$(printf '# Smoke test\n\nHello from the **bundle**.\n' |
    step "$app" post create --db "$db" --channel "Smoke feed" --now --tz Europe/Berlin -)"
echo "created post $post_id"
step "$app" run --once --db "$db"
step "$app" post show "$post_id" --db "$db"
state="$("$app" post show "$post_id" --db "$db" --json | grep -c '"state": "published"' || true)"
[[ "$state" -ge 1 ]] || { echo "error: the post was not published" >&2; exit 1; }
[[ -s "$work/feed/feed.xml" ]] || { echo "error: the feed channel wrote no feed.xml" >&2; exit 1; }
ls -1 "$work/feed"

# The window, if this checkout has one: open it offscreen on the same database, quit after the first paint.
if [[ -f "$ROOT/ui/app.py" ]]; then
    PUBLISHER_EXIT_AFTER_PAINT=1 step timeout 60 "$app" --db "$db" ||
        { echo "error: the window did not open and close cleanly" >&2; exit 1; }
else
    echo "(ui/app.py not in this checkout: window start not tested)"
fi

echo "==> Smoke test passed"
