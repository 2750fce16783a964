"""A throw-away ``redis-server`` for tests: its own process on a free 127.0.0.1 port, nothing saved.

``RedisServer().start()`` runs ``redis-server`` (``TEST_REDIS_SERVER``, else the one on ``PATH``, else
``/usr/bin/redis-server``) and waits until it answers PING. ``kill()`` terminates it (connections are
refused), ``restart()`` starts it again, empty, on the same port, ``freeze()``/``thaw()`` send SIGSTOP/SIGCONT
(the kernel still accepts connections, nothing ever answers), ``frozen()`` is a context manager that always
thaws, ``stop()`` thaws and kills it for good. Without redis-server the calling test fails (it is not
skipped) with a clear message, as the browser tests do without Chromium. Starting, waiting and stopping are
``tests.servers.ServerProcess``'s.
"""

import os
import signal
import socket
import tempfile
from contextlib import contextmanager

from tests.servers import ServerProcess, free_port
from tests.servers import executable as find_executable

__all__ = ["RedisServer", "executable", "free_port"]


def executable() -> str:
    return find_executable(
        "TEST_REDIS_SERVER",
        "redis-server",
        "/usr/bin/redis-server",
        needed_by="The Redis outage tests",
        install="apt-get install redis-server",
    )


def _answers_ping(port: int, timeout: float = 0.2) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
            conn.settimeout(timeout)
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer(ServerProcess):
    name = "redis-server"
    poll_seconds = 0.02

    def __init__(self, port: int | None = None):
        self.path = executable()
        super().__init__(port)
        self.is_frozen = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def command(self) -> list[str]:
        # --dir: redis-server writes nothing with --save "" and no AOF, but keep it out of the working tree.
        return [
            self.path,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--daemonize", "no",
            "--dir", tempfile.gettempdir(),
            "--loglevel", "warning",
        ]  # fmt: skip

    def answers(self) -> bool:
        return _answers_ping(self.port)

    def flush(self) -> None:
        """Empty it (FLUSHALL), so that each test starts with nothing cached."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as conn:
            conn.sendall(b"FLUSHALL\r\n")
            assert conn.recv(16).startswith(b"+OK"), "redis-server refused FLUSHALL"

    def kill(self) -> None:
        """Terminate the server (a crash or a stopped service: connections are refused)."""
        self.thaw()
        super().stop()

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
