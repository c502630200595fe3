"""Sums up `tests/run.sh --repeat N`: which tests failed in which runs, and why.

Usage: flake_summary.py [--filtered] --runs RUN_DIR... -- (PROJECT.csproj | NAME.junit.xml)...
Prints each run's totals, then every test that failed at least once with its pass/fail count and each distinct first
line of its failures, and last "N passed, N failed" over all runs. With --filtered (a run with --filter), a test
project with no matching test is not a failure, but a run in which no test matched at all is. Exits 1 when anything
failed.
"""
import collections
import sys

from trx_summary import collect


def main(argv):
    filtered = "--filtered" in argv
    runs = argv[argv.index("--runs") + 1:argv.index("--")]
    projects = argv[argv.index("--") + 1:]
    outcomes = collections.defaultdict(lambda: [0, 0, []])  # test -> [passed, failed, distinct reasons]
    for number, run in enumerate(runs, start=1):
        results = collect(run, projects, allow_empty=filtered)
        if not results:
            results = [(f"run {number}", False, "no test matched the filter")]
        failed = 0
        for test, ok, why in results:
            counts = outcomes[test]
            if ok:
                counts[0] += 1
            else:
                counts[1] += 1
                failed += 1
                if why not in counts[2]:
                    counts[2].append(why)
        print(f"run {number}: {len(results) - failed} passed, {failed} failed")

    flaky = sorted(((test, counts) for test, counts in outcomes.items() if counts[1]), key=lambda item: -item[1][1])
    print(f"{len(outcomes)} tests over {len(runs)} runs; {len(flaky)} failed at least once")
    for test, (passed, failed, reasons) in flaky:
        print(f"  {test}: failed {failed} of {passed + failed}")
        for why in reasons:
            print(f"      {why}")
    total_passed = sum(counts[0] for counts in outcomes.values())
    total_failed = sum(counts[1] for counts in outcomes.values())
    print(f"{total_passed} passed, {total_failed} failed")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
