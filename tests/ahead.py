"""Builds started ahead of the tests that need them.

A build fixture declared with ``@build_ahead`` is a session fixture whose
value is made in a background thread: as soon as the session starts, every
such fixture some selected test needs is built, one after the other, in the
order the tests first need them. The builds are subprocesses (MkDocs, pip,
Sphinx), so while the tests that need no build run on one core, the builds use
the other; a test that needs a build whose turn has not come waits for it.

The builds run one at a time: each site build already runs its two MkDocs
processes in parallel, and the first one fills the brotli cache
(node_modules/.cache) that every later build reads.

A builder is ``fn(ahead)``: it makes folders with ``ahead.tmp.mktemp``, runs
its commands with ``ahead.run`` (same arguments as subprocess.run; stopped
with the session), and may ask for another build's value with
``ahead.result(name)``. What it raises is raised again in every test that
needs it, as the fixture's error.
"""
from __future__ import annotations

import subprocess
import threading
from concurrent.futures import Future
from typing import Callable

import pytest

BUILDERS: dict[str, Callable] = {}


def build_ahead(fn: Callable) -> Callable:
    """Register ``fn`` as a builder and return the session fixture of the same name."""
    assert fn.__name__ not in BUILDERS, f"two builds are called {fn.__name__}"
    BUILDERS[fn.__name__] = fn

    @pytest.fixture(scope="session", name=fn.__name__)
    def fixture(_ahead):
        return _ahead.result(fn.__name__)

    fixture.__doc__ = fn.__doc__
    return fixture


def needed(items) -> list[str]:
    """The builders these test items need, in the order they first need them."""
    order: list[str] = []
    for item in items:
        for name in getattr(item, "fixturenames", ()):
            if name in BUILDERS and name not in order:
                order.append(name)
    return order


class Ahead:
    def __init__(self, tmp_path_factory):
        self.tmp = tmp_path_factory
        self._futures: dict[str, Future] = {}
        self._lock = threading.Lock()
        self._processes: set[subprocess.Popen] = set()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, names: list[str]) -> None:
        with self._lock:
            queue = [name for name in names if name not in self._futures]
            for name in queue:
                self._futures[name] = Future()
        self._thread = threading.Thread(target=self._work, args=(queue,), name="builds-ahead", daemon=True)
        self._thread.start()

    def _work(self, queue: list[str]) -> None:
        for name in queue:
            self._build(name)

    def _build(self, name: str) -> None:
        """Build ``name`` here unless another thread has started it."""
        with self._lock:
            future = self._futures[name]
            if future.running() or future.done():
                return
            future.set_running_or_notify_cancel()
        if self._stopped.is_set():
            future.set_exception(RuntimeError("the test session ended first"))
            return
        try:
            future.set_result(BUILDERS[name](self))
        except BaseException as error:      # noqa: BLE001 - handed to the tests that need it
            future.set_exception(error)

    def result(self, name: str):
        """The value of build ``name``, waiting for its turn in the queue. Built
        here and now if it is not queued (a fixture asked for at run time), or
        if another build needs it before its turn."""
        with self._lock:
            future = self._futures.get(name)
            if future is None:
                future = self._futures[name] = Future()
                queued = False
            else:
                queued = True
        if not queued or threading.current_thread() is self._thread:
            self._build(name)
        return future.result()

    def run(self, args, *, check: bool = False, **options) -> subprocess.CompletedProcess:
        """subprocess.run, stopped if the session ends while it runs."""
        if self._stopped.is_set():
            raise RuntimeError("the test session ended first")
        input_ = options.pop("input", None)
        if options.pop("capture_output", False):
            options.update(stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if input_ is not None:
            options["stdin"] = subprocess.PIPE
        with subprocess.Popen(args, **options) as process:
            self._processes.add(process)
            try:
                stdout, stderr = process.communicate(input_)
            finally:
                self._processes.discard(process)
        result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
        if check:
            result.check_returncode()
        return result

    def popen(self, args, **options) -> subprocess.Popen:
        """subprocess.Popen, killed if the session ends while it runs; the
        caller waits for it."""
        if self._stopped.is_set():
            raise RuntimeError("the test session ended first")
        process = subprocess.Popen(args, **options)
        self._processes.add(process)
        return process

    def stop(self) -> None:
        self._stopped.set()
        for process in list(self._processes):
            if process.poll() is None:
                process.kill()
        if self._thread is not None:
            self._thread.join(timeout=60)
