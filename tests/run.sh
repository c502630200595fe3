#!/usr/bin/env bash
# The one test command (README and .ci/run call it). Restores and builds the solution once, runs every test project
# with `dotnet test --no-build` and a TRX logger, and ends with "N passed, N failed" computed from the TRX files.
# Exits non-zero on a build error, a failed, skipped or not-run test, or a test project that produced no results.
# OMNIBOT_LIVE=1 also runs tests/Live.Tests (tests that need outside servers or credentials).
#
# To chase a flaky test: tests/run.sh --repeat N [--filter EXPR]
#   --repeat N     runs the selected tests N times after the one build, each run in tests/.results/run-K/, then prints
#                  every test that failed at least once with its pass/fail count (and the first line of each distinct
#                  failure) before the closing "N passed, N failed" line (all runs added up).
#   --filter EXPR  a `dotnet test --filter` expression (FullyQualifiedName~WidgetBrowserTests, for example); only the
#                  test projects with a matching test count, and the widget's node tests are left out.
# Installs Debian's chromium and python3-onnx and fetches the Web Chat bundle for the browser and ONNX tests when they are
# missing, and installs the twilio npm package for the SMS signature tests (see below).
set -euo pipefail

repeat=1
filter=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --repeat)
      [ "$#" -ge 2 ] || { echo "error: --repeat needs a number of runs (tests/run.sh --repeat 10)." >&2; exit 2; }
      repeat="$2"; shift 2 ;;
    --filter)
      [ "$#" -ge 2 ] && [ -n "$2" ] || { echo "error: --filter needs a dotnet test filter expression (--filter FullyQualifiedName~Widget)." >&2; exit 2; }
      filter="$2"; shift 2 ;;
    -h|--help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *)
      echo "error: unknown argument '$1'; tests/run.sh takes --repeat N and --filter EXPR (see tests/run.sh --help)." >&2
      exit 2 ;;
  esac
done
case "$repeat" in
  ''|*[!0-9]*|0) echo "error: --repeat takes a whole number of runs from 1 up, not '$repeat'." >&2; exit 2 ;;
esac

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

# == SMS signature tests (tests/Omnichannel.Bots.Adapters.Sms.Tests) ==
# Twilio's signatures are computed by the official `twilio` npm package, installed once into tests/.cache/twilio
# (git-ignored, never committed); the tests find its node_modules through OMNIBOT_TWILIO_NODE_MODULES.
twilio_version=6.2.0
twilio_dir="$repo/tests/.cache/twilio"
twilio_installed="$(node -p "try { require('$twilio_dir/node_modules/twilio/package.json').version } catch { '' }" 2>/dev/null || true)"
if [ "$twilio_installed" != "$twilio_version" ]; then
  echo "== install twilio@$twilio_version (npm, for the SMS signature tests)"
  mkdir -p "$twilio_dir"
  started=$SECONDS
  npm install --prefix "$twilio_dir" "twilio@$twilio_version" --no-audit --no-fund --silent
  echo "twilio installed in $((SECONDS - started)) s"
fi

export OMNIBOT_CHROMIUM="$chromium"
export OMNIBOT_WEBCHAT_BUNDLE="$webchat_bundle"
export OMNIBOT_TWILIO_NODE_MODULES="$twilio_dir/node_modules"

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

# One pass over the selected test projects, writing TRX (and the widget's JUnit) files into $1.
run_tests() {
  local into="$1" pass_status=0 csproj name filter_args=()
  mkdir -p "$into"
  [ -z "$filter" ] || filter_args=(--filter "$filter")
  for csproj in "${projects[@]}"; do
    name="$(basename "$csproj" .csproj)"
    echo "== $name"
    # A hung test is reported as a failure after 10 minutes instead of eating CI's time.
    if ! timeout 25m dotnet test "$csproj" --no-build -nologo "${filter_args[@]}" \
        --logger "trx;LogFileName=$name.trx" --results-directory "$into" \
        --blame-hang-timeout 10m; then
      pass_status=1
    fi
  done

  if [ -z "$filter" ]; then
    # The web chat widget's pure logic (Markdown escaping, dedupe, backoff), with Node's own test runner.
    echo "== widget logic (node --test)"
    if ! node --test --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=junit --test-reporter-destination="$into/$widget_results" \
        adapters/Omnichannel.Bots.Adapters.WebChat/Widget/; then
      pass_status=1
    fi
  fi
  return "$pass_status"
}

widget_results=widget.junit.xml
summary_args=("${projects[@]}")
[ -n "$filter" ] || summary_args+=("$widget_results")

if [ "$repeat" -eq 1 ] && [ -z "$filter" ]; then
  status=0
  run_tests "$results" || status=1
  "$python" "$repo/tests/tools/trx_summary.py" "$results" "${summary_args[@]}" || status=1
  exit "$status"
fi

runs=()
for ((run = 1; run <= repeat; run++)); do
  echo "== run $run of $repeat$([ -z "$filter" ] || echo " (filter: $filter)")"
  started=$SECONDS
  run_tests "$results/run-$run" || true
  echo "run $run took $((SECONDS - started)) s"
  runs+=("$results/run-$run")
done
exec "$python" "$repo/tests/tools/flake_summary.py" ${filter:+--filtered} --runs "${runs[@]}" -- "${summary_args[@]}"
