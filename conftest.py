"""nbval against the build's own run: one execution of each notebook serves both.

`make test` runs nbval with ``--nbval-from-build``.  nbval then compares each
notebook's stored outputs (book/*.ipynb as committed) with the outputs that
`make book` just got when it executed the same code, instead of executing
every notebook a second time.  The build's run comes from Jupyter Book's
execution cache, and only when ``tools/build_book.py`` vouches for it: the
cache was filled under the present hash of nnlib (and the other keyed paths)
and holds an execution of exactly the notebook's current code cells.  Any
notebook without such a run executes in a live kernel, as with plain nbval.
Everything else is nbval's own: its collection, cell tags, sanitizers and
comparison; only the kernel it talks to is replaced by ``ReplayKernel``.

Plain ``pytest book/05_sgd.ipynb --nbval ...`` (without the option) still
runs the notebook live.
"""
import queue
import sys
import uuid
from collections import deque
from pathlib import Path

import pytest
from nbval.plugin import IPyNbFile

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
import build_book  # noqa: E402

REPLAYED, LIVE = [], []          # notebooks answered from the build, or run in a kernel


def pytest_addoption(parser):
    parser.getgroup("nbval").addoption(
        "--nbval-from-build", action="store_true",
        help="compare stored outputs with the outputs of the build's execution of the "
             "same code (tools/build_book.py vouches for it) instead of executing again")


@pytest.hookimpl(hookwrapper=True)
def pytest_collect_file(file_path, parent):
    outcome = yield
    if parent.config.getoption("nbval_from_build"):
        outcome.force_result([BuiltNotebook.from_parent(parent, path=file_path)
                              if type(c) is IPyNbFile else c for c in outcome.get_result()])


def pytest_terminal_summary(terminalreporter, config):
    if config.getoption("nbval_from_build") and (REPLAYED or LIVE):
        terminalreporter.write_line(
            f"nbval: {len(REPLAYED)} notebooks compared with the build's execution, "
            f"{len(LIVE)} executed live" + (f" ({', '.join(LIVE)})" if LIVE else ""))


class BuiltNotebook(IPyNbFile):
    """nbval's notebook, answered by the build's execution of it when there is a current one."""

    def setup(self):
        executed = build_book.execution_of(self.path)
        if executed is None:
            LIVE.append(self.path.name)
            super().setup()                    # a live kernel, as plain nbval
            return
        REPLAYED.append(self.path.name)
        self.kernel = ReplayKernel(executed)
        self.setup_sanitize_files()


class ReplayKernel:
    """Stands in for nbval's RunningKernel: each cell gets the outputs the build's run gave it.

    nbval sends a cell's source and reads iopub messages until the kernel is
    idle; here the messages are made from the executed notebook's outputs.
    """

    language = "python"

    def __init__(self, executed):
        self.cells = [c for c in executed.cells if c.cell_type == "code"]
        self.next = 0                          # nbval skips some cells: match by source
        self.messages = deque()
        self.alive = True

    def execute_cell_input(self, cell_input, allow_stdin=None):
        while self.next < len(self.cells) and self.cells[self.next].source != cell_input:
            self.next += 1
        if self.next == len(self.cells):
            raise RuntimeError(f"the build's execution has no cell {cell_input[:60]!r}")
        msg_id = uuid.uuid4().hex
        for output in self.cells[self.next].outputs:
            self.messages.append(_message(msg_id, output))
        self.messages.append(_message(msg_id, {"output_type": "status", "execution_state": "idle"}))
        self.next += 1
        return msg_id

    def get_message(self, stream, timeout=None):
        if stream != "iopub" or not self.messages:
            raise queue.Empty
        return self.messages.popleft()

    def await_reply(self, msg_id, timeout=None):
        pass

    def await_idle(self, parent_id, timeout):
        while self.messages:
            msg = self.messages.popleft()
            if msg["msg_type"] == "status":
                return

    def is_alive(self):
        return self.alive

    def stop(self):
        self.alive = False

    def interrupt(self):
        pass


def _message(msg_id, output):
    """The iopub message a kernel sends for one notebook output."""
    content = {k: v for k, v in output.items() if k != "output_type"}
    return {"msg_type": output["output_type"], "parent_header": {"msg_id": msg_id},
            "content": content}
