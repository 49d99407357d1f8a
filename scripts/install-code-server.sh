#!/usr/bin/env bash
# Installs code-server (a real VS Code served to a browser) for the end-to-end tests and
# `npm run demo`, offline from the npm registry, once per machine.
#
# Why not a plain `npm install code-server`: its postinstall (1) refuses to run as root without
# unsafe-perm, (2) installs VS Code's own dependencies from a shrinkwrap that pins a package to a
# git URL we cannot reach (without the shrinkwrap npm resolves it from the registry), and
# (3) lets @vscode/ripgrep download `rg` from the internet, unless a tarball is already in its
# cache; we put Debian's /usr/bin/rg there.
#
# Prints the path of the code-server executable on its last line.
# EOS_CACHE_DIR moves the cache (default: <repo>/.cache, git-ignored).
set -euo pipefail

VERSION=4.96.4
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${EOS_CACHE_DIR:-$ROOT/.cache}"
PREFIX="$CACHE/code-server-$VERSION"
BIN="$PREFIX/node_modules/code-server/out/node/entry.js"
MARKER="$PREFIX/.installed"

if [[ -f "$MARKER" && -f "$BIN" ]]; then
    echo "code-server $VERSION already installed in $PREFIX" >&2
    echo "$PREFIX/bin/code-server"
    exit 0
fi

# Debian packages the install needs: ripgrep (see above) and the Kerberos headers, without
# which VS Code's native `kerberos` addon does not build. Installed when missing and root.
missing=()
command -v rg >/dev/null || missing+=(ripgrep)
[[ -f /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
command -v g++ >/dev/null && command -v make >/dev/null || missing+=(build-essential)
if (( ${#missing[@]} )); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "install-code-server: please install these Debian packages first: ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing Debian packages: ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi
RG="$(command -v rg)"

echo "Installing code-server $VERSION into $PREFIX (takes a few minutes, ~340 MB)..." >&2
rm -rf "$PREFIX"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$PREFIX"

# The ripgrep cache @vscode/ripgrep looks in before downloading.
RG_CACHE="$WORK/tmp/vscode-ripgrep-cache-1.15.9"
mkdir -p "$RG_CACHE" "$WORK/rg"
cp "$RG" "$WORK/rg/rg"
tar -czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$WORK/rg" rg

(cd "$WORK" && npm pack --silent "code-server@$VERSION" >/dev/null)
mkdir -p "$PREFIX/pkg"
tar -xzf "$WORK"/code-server-"$VERSION".tgz -C "$PREFIX/pkg" --strip-components=1
rm -f "$PREFIX/pkg/lib/vscode/npm-shrinkwrap.json"

echo '{ "name": "eos-code-server", "private": true }' > "$PREFIX/package.json"
(cd "$PREFIX" && TMPDIR="$WORK/tmp" npm_config_unsafe_perm=true \
    npm install ./pkg --install-links --no-audit --no-fund --no-save --loglevel=error >&2)
rm -rf "$PREFIX/pkg"

mkdir -p "$PREFIX/bin"
cat > "$PREFIX/bin/code-server" <<'EOF'
#!/usr/bin/env bash
exec node "$(dirname "$0")/../node_modules/code-server/out/node/entry.js" "$@"
EOF
chmod +x "$PREFIX/bin/code-server"
# Temporary XDG folders: even --version writes a default config otherwise.
XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" "$PREFIX/bin/code-server" --version >&2
touch "$MARKER"
echo "$PREFIX/bin/code-server"
