"""Counts test results in the TRX files tests/run.sh wrote and prints "N passed, N failed" as the last line.

Usage: trx_summary.py RESULTS_DIR PROJECT.csproj...
A skipped or not-executed test counts as failed (CI treats a skip as a failure), and so does a test project that
left no TRX file (its test host crashed before writing one). Exits 1 when anything failed.
"""
import os
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(results_dir, projects):
    passed = failed = 0
    problems = []
    for project in projects:
        name = os.path.splitext(os.path.basename(project))[0]
        path = os.path.join(results_dir, name + ".trx")
        if not os.path.exists(path):
            problems.append(f"{name}: no TRX file (the test host crashed or the project did not run)")
            failed += 1
            continue
        root = ET.parse(path).getroot()
        results = root.findall(".//t:Results/t:UnitTestResult", NS)
        if not results:
            problems.append(f"{name}: ran no test")
            failed += 1
            continue
        for result in results:
            outcome = result.get("outcome")
            if outcome == "Passed":
                passed += 1
            else:
                failed += 1
                problems.append(f"{name}: {result.get('testName')}: {outcome}")
    for problem in problems:
        print("  " + problem)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
