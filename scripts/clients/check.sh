#!/usr/bin/env bash
# Fails when the committed clients are not what scripts/clients/generate.sh makes from the
# committed openapi/openapi.json with the pinned generators, then type-checks the TypeScript
# client. For CI; builds no Rust.
set -euo pipefail
source "$(dirname "$0")/tools.sh"

generated=(
    clients/typescript/src/schema.d.ts
    clients/python/budget_monitor_client
    clients/python/pyproject.toml
    clients/python/README.md
)

fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT
"$root/scripts/clients/generate.sh" "$fresh"

stale=()
for path in "${generated[@]}"; do
    if ! diff -r -q -x __pycache__ "$root/$path" "$fresh/$path" >/dev/null 2>&1; then
        stale+=("$path")
    fi
done

if ((${#stale[@]})); then
    echo >&2
    echo "check.sh: the committed clients are out of date with openapi/openapi.json:" >&2
    for path in "${stale[@]}"; do
        echo "  $path" >&2
        diff -r -u -x __pycache__ "$root/$path" "$fresh/$path" 2>&1 | head -n 40 | sed 's/^/    /' >&2 || true
    done
    echo >&2
    echo "Run scripts/clients/generate.sh and commit the result." >&2
    exit 1
fi
echo "check.sh: generated clients match openapi/openapi.json"

echo "== tsc --noEmit (clients/typescript)"
(cd "$root/clients/typescript" && "$root/node_modules/.bin/tsc" --noEmit -p tsconfig.json)
echo "check.sh: TypeScript client type-checks"
