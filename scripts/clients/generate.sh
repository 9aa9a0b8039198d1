#!/usr/bin/env bash
# Regenerates both API clients from openapi/openapi.json with the pinned generators:
#   clients/typescript/src/schema.d.ts      openapi-typescript (version in package-lock.json)
#   clients/python/budget_monitor_client/   openapi-python-client (clients/python/requirements.txt)
#   clients/python/pyproject.toml, README.md  its package metadata
# Everything else under clients/ is written by hand and left alone.
#
# Usage: scripts/clients/generate.sh [DEST]
#   DEST is the tree to write into, the repository root by default; check.sh passes a temp dir.
# Needs node/npm and python3 (with venv); builds no Rust.
set -euo pipefail
source "$(dirname "$0")/tools.sh"

dest="$(mkdir -p "${1:-$root}" && cd "${1:-$root}" && pwd)"
spec="$root/openapi/openapi.json"

ensure_node_tools
ensure_python_tools

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- TypeScript: types only; clients/typescript/src/index.ts binds openapi-fetch to them. Run
# from the scratch dir: with the repository's redocly.yaml in sight openapi-typescript would refuse
# to generate while the linter reports errors. Linting is `npm run lint:openapi`'s job; here its
# built-in minimal rules (unresolved $refs and the like) still stop a broken document.
mkdir -p "$dest/clients/typescript/src"
(cd "$work" && "$root/node_modules/.bin/openapi-typescript" "$spec" \
    --output "$dest/clients/typescript/src/schema.d.ts") >&2

# --- Python: generated into the scratch dir with uv metadata, so ruff (run by the generator's
# post-hooks) reads the generated pyproject.toml and not whatever config surrounds DEST.
log="$work/generator.log"
if ! (cd "$work" && PATH="$venv/bin:$PATH" RUFF_NO_CACHE=true \
    "$venv/bin/openapi-python-client" generate \
    --path "$spec" \
    --config "$root/clients/python/config.yaml" \
    --meta uv \
    --output-path "$work/out") >"$log" 2>&1; then
    cat "$log" >&2
    echo "generate.sh: openapi-python-client failed (output above)" >&2
    exit 1
fi
if grep -q "Warning" "$log"; then
    echo "== openapi-python-client warnings (listed in docs/OPENAPI_LINT.md):" >&2
    grep -v "please open an issue\|^Generating " "$log" | cat -s >&2
fi

py="$dest/clients/python"
mkdir -p "$py"
rm -rf "$py/budget_monitor_client"
cp -R "$work/out/budget_monitor_client" "$py/budget_monitor_client"
cp "$work/out/pyproject.toml" "$work/out/README.md" "$py/"
find "$py/budget_monitor_client" -name __pycache__ -type d -prune -exec rm -rf {} +

echo "generate.sh: clients written under $dest/clients" >&2
