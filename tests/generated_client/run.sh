#!/usr/bin/env bash
# CI: generate a Python client from openapi.yaml with openapi-python-client, then use it
# against the production server (`parley serve`) on a fresh, seeded SQLite database.
#
#   bash tests/generated_client/run.sh                 # from the repository root
#   PARLEY_BIN=/path/to/parley bash tests/generated_client/run.sh
#
# The generator runs in its own virtual environment, .venv-client: it pins its own
# dependencies, which must not mix with the project's .venv. The server runs from the
# project's venv (PARLEY_BIN, default .venv/bin/parley).
#
# The generator runs with --fail-on-warning: a spec construct it cannot type (and would
# skip or degrade in the client) fails this check, since the spec is meant to generate
# clean clients.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON="${PYTHON:-python3}"
PARLEY_BIN="${PARLEY_BIN:-.venv/bin/parley}"
VENV=.venv-client
GENERATOR_SERIES=0.29
READY_TIMEOUT=60
PIP=("$VENV/bin/pip" install --quiet --disable-pip-version-check)

[[ -x "$PARLEY_BIN" ]] || { echo "run.sh: no parley at $PARLEY_BIN (set PARLEY_BIN)" >&2; exit 1; }

# -- the generator's venv, reused while it holds the pinned series
if ! "$VENV/bin/openapi-python-client" --version 2>/dev/null \
        | grep -q "version: ${GENERATOR_SERIES//./\\.}\."; then
    echo "== creating $VENV with openapi-python-client==${GENERATOR_SERIES}.*"
    "$PYTHON" -m venv --clear "$VENV"
    "${PIP[@]}" "openapi-python-client==${GENERATOR_SERIES}.*"
fi
echo "== $("$VENV/bin/openapi-python-client" --version)"

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -- generate the client and install it into the generator's venv
echo "== generating the client from openapi.yaml"
# The venv's bin on PATH lets the generator's post-hooks find its own ruff.
if ! PATH="$PWD/$VENV/bin:$PATH" "$VENV/bin/openapi-python-client" generate \
        --path openapi.yaml --output-path "$tmp/client" --overwrite --fail-on-warning \
        >"$tmp/generate.log" 2>&1; then
    cat "$tmp/generate.log"
    echo "FAIL: openapi-python-client did not generate a clean client from openapi.yaml" >&2
    exit 1
fi
cat "$tmp/generate.log"
"${PIP[@]}" "$tmp/client"    # a local directory is always reinstalled, never reused

# -- the production server on a fresh database (migrated and seeded on start)
port="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base_url="http://127.0.0.1:$port"
echo "== starting $PARLEY_BIN serve on $base_url"
env -u DATABASE_URL PARLEY_DATABASE_URL="sqlite:///$tmp/client.sqlite3" \
    "$PARLEY_BIN" serve --host 127.0.0.1 --port "$port" --workers 1 >"$tmp/server.log" 2>&1 &
server_pid=$!

started=$SECONDS
until [[ "$("$PYTHON" - "$base_url/readyz" <<'EOF'
import sys, urllib.request
try:
    print(urllib.request.urlopen(sys.argv[1], timeout=2).status)
except Exception:
    print(0)
EOF
)" == 200 ]]; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        cat "$tmp/server.log" >&2
        echo "FAIL: the server exited before it was ready" >&2
        exit 1
    fi
    if ((SECONDS - started >= READY_TIMEOUT)); then
        cat "$tmp/server.log" >&2
        echo "FAIL: $base_url/readyz did not answer 200 within ${READY_TIMEOUT}s" >&2
        exit 1
    fi
    sleep 0.5
done
echo "== server ready after $((SECONDS - started))s"

# -- the checks, with nothing but the generated package
if ! "$VENV/bin/python" tests/generated_client/check_client.py "$base_url"; then
    echo "-- server log" >&2
    cat "$tmp/server.log" >&2
    exit 1
fi
