"""What the throw-away servers of the tests share: a free 127.0.0.1 port, the program found or the test
failed (never skipped) with a clear message, start and wait until it answers, stop it.

A server is a :class:`ServerProcess` with its ``command()`` and ``answers()``; ``tests/redis_server.py``
and ``tests/varnish_server.py`` are the two.
"""

import os
import shutil
import socket
import subprocess
import time

import pytest


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def accepts_connections(port: int, timeout: float = 0.2) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def executable(variable: str, name: str, default: str, needed_by: str, install: str) -> str:
    """The program's path: ``$variable``, else ``name`` on ``PATH``, else ``default``; or the test fails."""
    path = os.environ.get(variable) or shutil.which(name) or default
    if not os.access(path, os.X_OK):
        pytest.fail(
            f"{needed_by} need {name} at {path} ({install}, or set {variable} to its path).", pytrace=False
        )
    return path


class ServerProcess:
    """One server process on ``port`` (a free one unless given), started by :meth:`start`."""

    name = "server"
    start_timeout = 10.0
    poll_seconds = 0.05
    new_session = False  # a session of its own: a program that starts children of its own (varnishd)

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        raise NotImplementedError

    def answers(self) -> bool:
        raise NotImplementedError

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 (the tests' own command line)
            self.command(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=self.new_session,
        )
        deadline = time.monotonic() + self.start_timeout
        while not self.answers():
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                self.stop()
                pytest.fail(f"{self.name} exited at start on port {self.port}: {error}", pytrace=False)
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"{self.name} did not answer on port {self.port} within {self.start_timeout}s")
            time.sleep(self.poll_seconds)
        return self

    def stop(self) -> None:
        """Terminate it (killed if it has not ended within a few seconds)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None
