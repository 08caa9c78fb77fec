#!/usr/bin/env bash
# Installs what the test suite needs and a fresh Debian machine lacks: a PostgreSQL server (tests start a
# throwaway cluster from its binaries), Chromium (browser tests), SIPp (the independent SIP client) and
# docker-compose (validates docker-compose.yml without an engine). Does nothing when all are present.
set -euo pipefail

missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v runuser >/dev/null 2>&1 || missing+=(util-linux)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

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
