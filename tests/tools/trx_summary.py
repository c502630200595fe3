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


def collect(results_dir, projects, allow_empty=False):
    """Every test result of one run as (test, passed, first line of the failure), and the run's problems.

    A project with no result file, or (unless allow_empty, for a filtered run) with no result, is a problem that
    counts as one failure under the project's name.
    """
    results = []
    for project in projects:
        if project.endswith(".junit.xml"):
            results.extend(read_junit(os.path.join(results_dir, project)))
            continue
        name = os.path.splitext(os.path.basename(project))[0]
        path = os.path.join(results_dir, name + ".trx")
        if not os.path.exists(path):
            results.append((name, False, "no TRX file (the test host crashed or the project did not run)"))
            continue
        rows = ET.parse(path).getroot().findall(".//t:Results/t:UnitTestResult", NS)
        if not rows and not allow_empty:
            results.append((name, False, "ran no test"))
        for row in rows:
            outcome = row.get("outcome")
            message = row.find("t:Output/t:ErrorInfo/t:Message", NS)
            why = first_line(message.text if message is not None else None) or outcome
            results.append((f"{name}: {row.get('testName')}", outcome == "Passed", why))
    return results


def read_junit(path):
    """A JUnit XML file's cases; a skipped case, or no file or no case, is a failure."""
    name = os.path.basename(path)
    if not os.path.exists(path):
        return [(name, False, "no JUnit file (the run crashed before writing it)")]
    results = []
    for case in ET.parse(path).getroot().iter("testcase"):
        bad = next((child for child in case if child.tag in ("failure", "error", "skipped")), None)
        why = None if bad is None else first_line(bad.get("message")) or bad.tag
        results.append((f"{name}: {case.get('name')}", bad is None, why))
    return results or [(name, False, "ran no test")]


def first_line(text):
    return text.strip().splitlines()[0][:200] if text and text.strip() else None


def main(results_dir, projects):
    results = collect(results_dir, projects)
    passed = sum(1 for _, ok, _ in results if ok)
    failed = len(results) - passed
    for test, ok, why in results:
        if not ok:
            print(f"  {test}: {why}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
