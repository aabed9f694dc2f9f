"""Re-execute notebooks in place so their stored outputs match what nbval sees.

Usage: python tools/execute.py [NOTEBOOK ...]   (default: every book/*.ipynb)

Runs each notebook top to bottom in its own folder with the `python3` kernel
of the current environment (`make execute` uses the venv's), then saves it.
Cell timing metadata is not recorded, and the random ids of widget models are
renamed in a fixed order, so that a re-run changes only what really changed.
"""
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

os.environ.setdefault("PYTHONHASHSEED", "0")


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
REF = re.compile(r"IPY_MODEL_([0-9a-f]{32})")


def stable_widget_ids(nb, name: str):
    """Rename widget model ids to ids that depend only on the notebook's name
    and the order the models are reached in: from the outputs, cell by cell,
    then through the references between models."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    order, seen = [], set()

    def visit(model_id):
        if model_id in state and model_id not in seen:
            seen.add(model_id)
            order.append(model_id)
            for ref in REF.findall(json.dumps(state[model_id], sort_keys=True)):
                visit(ref)

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            visit(output.get("data", {}).get(WIDGET_VIEW, {}).get("model_id"))
    for model_id in sorted(state, key=lambda m: REF.sub("", json.dumps(state[m], sort_keys=True))):
        visit(model_id)
    text = json.dumps(nb)
    for i, old in enumerate(order):
        text = text.replace(old, hashlib.md5(f"{name}:{i}".encode()).hexdigest())
    return nbformat.from_dict(json.loads(text))


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            record_timing=False, coalesce_streams=True,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.write(stable_widget_ids(nb, path.stem), path)


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted(Path("book").glob("*.ipynb"))
    for path in paths:
        start = time.perf_counter()
        execute(path)
        print(f"executed {path} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
