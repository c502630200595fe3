#!/usr/bin/env bash
# The one test command (README and .ci/run call it). Restores and builds the solution once, runs every test project
# with `dotnet test --no-build` and a TRX logger, and ends with "N passed, N failed" computed from the TRX files.
# Exits non-zero on a build error, a failed, skipped or not-run test, or a test project that produced no results.
# OMNIBOT_LIVE=1 also runs tests/Live.Tests (tests that need outside servers or credentials).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
results="$repo/tests/.results"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Debian's python3 with its own packages (the python3 first on PATH may be another one).
python=/usr/bin/python3
[ -x "$python" ] || python=python3

echo "== restore and build (once)"
dotnet restore Omnichannel.Bots.sln
dotnet build Omnichannel.Bots.sln --no-restore -nologo -clp:ErrorsOnly\;Summary

projects=()
for csproj in tests/*/*.Tests.csproj; do
  name="$(basename "$csproj" .csproj)"
  if [ "$name" = "Live.Tests" ] && [ "${OMNIBOT_LIVE:-}" != "1" ]; then
    echo "tests/Live.Tests not run: they need outside servers or credentials (set OMNIBOT_LIVE=1 and see its README)."
    continue
  fi
  projects+=("$csproj")
done

status=0
for csproj in "${projects[@]}"; do
  name="$(basename "$csproj" .csproj)"
  echo "== $name"
  # A hung test is reported as a failure after 10 minutes instead of eating CI's time.
  if ! timeout 25m dotnet test "$csproj" --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      --blame-hang-timeout 10m; then
    status=1
  fi
done

"$python" "$repo/tests/tools/trx_summary.py" "$results" "${projects[@]}" || status=1
exit "$status"
