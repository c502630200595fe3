#!/usr/bin/env bash
# The one test command (README and .ci/run call it). Restores and builds the solution once, runs every test project
# with `dotnet test --no-build` and a TRX logger, and ends with "N passed, N failed" computed from the TRX files.
# Exits non-zero on a build error, a failed, skipped or not-run test, or a test project that produced no results.
# OMNIBOT_LIVE=1 also runs tests/Live.Tests (tests that need outside servers or credentials).
# Installs Debian's chromium and python3-onnx and fetches the Web Chat bundle for the browser and ONNX tests when they are
# missing (see below).
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

# == Browser-test prerequisites (tests/Omnichannel.Bots.Web.Tests) ==
# The browser tests drive Debian's Chromium through Playwright and load Microsoft's Web Chat bundle. Playwright never
# downloads a browser of its own here (no `playwright install`), and the bundle is fetched once into tests/.cache/
# (git-ignored, never committed). Both steps are skipped when their file is already there, so a second run downloads
# nothing. The tests read the two paths from OMNIBOT_CHROMIUM and OMNIBOT_WEBCHAT_BUNDLE.
chromium=/usr/bin/chromium
# Debian packages the tests need, installed when missing: chromium (browser tests) and python3-onnx/python3-numpy
# (tests/tools/write_test_onnx_model.py writes the small ONNX models of tests/Omnichannel.Bots.Knowledge.Onnx.Tests).
missing=()
[ -x "$chromium" ] || missing+=(chromium)
"$python" -c 'import onnx, numpy' >/dev/null 2>&1 || missing+=(python3-onnx python3-numpy)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== install Debian's ${missing[*]} (for the browser and ONNX tests)"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "error: ${missing[*]} missing and this is not root and has no sudo to install it;" \
      "install Debian's packages (apt-get install ${missing[*]}) and run tests/run.sh again." >&2
    exit 1
  fi
  started=$SECONDS
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  echo "${missing[*]} installed in $((SECONDS - started)) s"
  if [ ! -x "$chromium" ]; then
    echo "error: apt-get installed chromium but $chromium is still missing." >&2
    exit 1
  fi
  if ! "$python" -c 'import onnx, numpy' >/dev/null 2>&1; then
    echo "error: apt-get installed python3-onnx but $python cannot import onnx." >&2
    exit 1
  fi
fi

webchat_version=4.18.1
webchat_dir="$repo/tests/.cache/botframework-webchat"
webchat_bundle="$webchat_dir/webchat.js"
if [ ! -s "$webchat_bundle" ]; then
  echo "== fetch botframework-webchat@$webchat_version (npm pack, for the browser tests)"
  mkdir -p "$webchat_dir"
  started=$SECONDS
  tarball="$(cd "$webchat_dir" && npm pack "botframework-webchat@$webchat_version" --silent | tail -n 1)"
  unpacked="$(mktemp -d "$webchat_dir/unpack.XXXXXX")"
  tar -xzf "$webchat_dir/$tarball" -C "$unpacked" package/dist/webchat.js
  # Renamed into place (same folder) only once complete, so an interrupted run never leaves a partial bundle that
  # looks fetched.
  mv "$unpacked/package/dist/webchat.js" "$webchat_bundle"
  rm -rf "$unpacked" "${webchat_dir:?}/$tarball"
  echo "botframework-webchat fetched in $((SECONDS - started)) s"
fi

export OMNIBOT_CHROMIUM="$chromium"
export OMNIBOT_WEBCHAT_BUNDLE="$webchat_bundle"

echo "== restore and build (once)"
dotnet restore Omnichannel.Bots.sln
dotnet build Omnichannel.Bots.sln --no-restore -nologo -clp:ErrorsOnly\;Summary

# Said on every run without OMNIBOT_LIVE=1, whether or not tests/Live.Tests exists yet.
if [ "${OMNIBOT_LIVE:-}" != "1" ]; then
  echo "tests/Live.Tests not run: they need outside servers or credentials (set OMNIBOT_LIVE=1 and see its README)."
fi

projects=()
for csproj in tests/*/*.Tests.csproj; do
  name="$(basename "$csproj" .csproj)"
  if [ "$name" = "Live.Tests" ] && [ "${OMNIBOT_LIVE:-}" != "1" ]; then
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

# The web chat widget's pure logic (Markdown escaping, dedupe, backoff), with Node's own test runner.
echo "== widget logic (node --test)"
widget_results=widget.junit.xml
if ! node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=junit --test-reporter-destination="$results/$widget_results" \
    adapters/Omnichannel.Bots.Adapters.WebChat/Widget/; then
  status=1
fi

"$python" "$repo/tests/tools/trx_summary.py" "$results" "${projects[@]}" "$widget_results" || status=1
exit "$status"
