#!/usr/bin/env bash
# The whole test suite: installs missing prerequisites, restores tools, builds and runs every test,
# and ends with a plain "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")"

bash scripts/install-test-deps.sh || exit 1
dotnet tool restore >/dev/null || exit 1

results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test ImsLab.sln --nologo --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" "$@"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
exit 0
