"""Counts test results in the TRX files tests/run.sh wrote and prints "N passed, N failed" as the last line.

Usage: trx_summary.py RESULTS_DIR (PROJECT.csproj | NAME.junit.xml)...
A .csproj is read from RESULTS_DIR/<project name>.trx; a .junit.xml file (the widget's `node --test` run) is read as
JUnit XML from RESULTS_DIR. A skipped or not-executed test counts as failed (CI treats a skip as a failure), and so does a test project that
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
        if project.endswith(".junit.xml"):
            junit_passed, junit_failed, junit_problems = count_junit(os.path.join(results_dir, project))
            passed += junit_passed
            failed += junit_failed
            problems.extend(junit_problems)
            continue
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


def count_junit(path):
    """Passed and failed test cases of a JUnit XML file; a skipped case, or no file or no case, is a failure."""
    name = os.path.basename(path)
    if not os.path.exists(path):
        return 0, 1, [f"{name}: no JUnit file (the run crashed before writing it)"]
    cases = ET.parse(path).getroot().iter("testcase")
    passed = failed = 0
    problems = []
    for case in cases:
        outcome = next((child.tag for child in case if child.tag in ("failure", "error", "skipped")), None)
        if outcome is None:
            passed += 1
        else:
            failed += 1
            problems.append(f"{name}: {case.get('name')}: {outcome}")
    if passed + failed == 0:
        return 0, 1, [f"{name}: ran no test"]
    return passed, failed, problems


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
