#!/usr/bin/env bash
# Installs what the test suite needs and a fresh Debian machine lacks: a PostgreSQL server (tests start a
# throwaway cluster from its binaries), Chromium (browser tests), SIPp (the independent SIP client) and
# docker-compose (validates docker-compose.yml without an engine), Node.js with the npm packages of ImsLab.Tests/Node
# (the SignalR client of the hub tests). Does nothing when all are present and node_modules matches its lock file.
set -euo pipefail

missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing test prerequisites: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "not root and no sudo: install ${missing[*]} by hand" >&2; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci only when node_modules was not installed from this very lock file (its hash is kept beside the packages).
node_dir="$(cd "$(dirname "$0")/.." && pwd)/ImsLab.Tests/Node"
lock_hash="$(sha256sum "$node_dir/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$node_dir/node_modules/.imslab-lock-sha256" 2>/dev/null)" != "$lock_hash" ]; then
  echo "installing npm packages of ImsLab.Tests/Node"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_hash" > "$node_dir/node_modules/.imslab-lock-sha256"
fi
