# Sourced by generate.sh and check.sh: installs the pinned client generators when missing or
# when their pins changed. Node tools come from the root package-lock.json (npm ci), Python tools
# from clients/python/requirements.txt into a git-ignored venv. Each install records the hash of
# its pin file, so an unchanged tree installs nothing.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="${CLIENTS_VENV:-$root/.venv-clients}"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

ensure_node_tools() {
    local want stamp="$root/node_modules/.clients-lock.sha256"
    want="$(sha_of "$root/package-lock.json")"
    if [[ ! -x "$root/node_modules/.bin/openapi-typescript" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
        echo "== npm ci (package-lock.json changed or node_modules missing)" >&2
        (cd "$root" && npm ci --no-audit --no-fund >&2)
        echo "$want" >"$stamp"
    fi
}

ensure_python_tools() {
    local want stamp="$venv/.requirements.sha256"
    want="$(sha_of "$root/clients/python/requirements.txt")"
    if [[ ! -x "$venv/bin/openapi-python-client" || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
        echo "== creating $venv from clients/python/requirements.txt" >&2
        rm -rf "$venv"
        "${PYTHON:-python3}" -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check \
            -r "$root/clients/python/requirements.txt" >&2
        echo "$want" >"$stamp"
    fi
}
