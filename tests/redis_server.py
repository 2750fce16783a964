"""A throw-away ``redis-server`` for tests: its own process on a free 127.0.0.1 port, nothing saved.

``RedisServer().start()`` runs ``redis-server`` (``TEST_REDIS_SERVER``, else the one on ``PATH``, else
``/usr/bin/redis-server``) and waits until it answers PING. ``kill()`` terminates it (connections are
refused), ``restart()`` starts it again, empty, on the same port, ``freeze()``/``thaw()`` send SIGSTOP/SIGCONT
(the kernel still accepts connections, nothing ever answers), ``frozen()`` is a context manager that always
thaws, ``stop()`` thaws and kills it for good. Without redis-server the calling test fails (it is not
skipped) with a clear message, as the browser tests do without Chromium.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager

import pytest

DEFAULT_PATH = "/usr/bin/redis-server"
START_TIMEOUT = 10.0


def executable() -> str:
    path = os.environ.get("TEST_REDIS_SERVER") or shutil.which("redis-server") or DEFAULT_PATH
    if not os.access(path, os.X_OK):
        pytest.fail(
            f"The Redis outage tests need redis-server at {path} (apt-get install redis-server, "
            "or set TEST_REDIS_SERVER to its path).",
            pytrace=False,
        )
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers_ping(port: int, timeout: float = 0.2) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
            conn.settimeout(timeout)
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    def __init__(self, port: int | None = None):
        self.path = executable()
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        self.is_frozen = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        # --dir: redis-server writes nothing with --save "" and no AOF, but keep it out of the working tree.
        command = [
            self.path,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--daemonize", "no",
            "--dir", tempfile.gettempdir(),
            "--loglevel", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers_ping(self.port):
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                pytest.fail(f"redis-server exited at start on port {self.port}: {error}", pytrace=False)
            if time.monotonic() > deadline:
                self.kill()
                pytest.fail(f"redis-server did not answer on port {self.port} within {START_TIMEOUT}s")
            time.sleep(0.02)
        return self

    def flush(self) -> None:
        """Empty it (FLUSHALL), so that each test starts with nothing cached."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as conn:
            conn.sendall(b"FLUSHALL\r\n")
            assert conn.recv(16).startswith(b"+OK"), "redis-server refused FLUSHALL"

    def kill(self) -> None:
        """Terminate the server (a crash or a stopped service: connections are refused)."""
        if self.process is None:
            return
        self.thaw()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def restart(self) -> "RedisServer":
        self.kill()
        return self.start()

    def freeze(self) -> None:
        """SIGSTOP: the port stays open, nothing is ever answered (a hung or swapping server)."""
        assert self.process is not None and self.process.poll() is None, "redis-server is not running"
        os.kill(self.process.pid, signal.SIGSTOP)
        self.is_frozen = True

    def thaw(self) -> None:
        if self.is_frozen and self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)
        self.is_frozen = False

    @contextmanager
    def frozen(self):
        self.freeze()
        try:
            yield self
        finally:
            self.thaw()

    def stop(self) -> None:
        self.kill()
