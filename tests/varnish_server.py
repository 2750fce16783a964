"""A throw-away Varnish for tests: ``deploy/varnish.vcl`` in front of a given backend, on a free port.

``VarnishServer(backend_port).start()`` writes the project's VCL with its backend pointed at
``127.0.0.1:<backend_port>`` into a temporary working directory, runs ``varnishd`` in the foreground
(``TEST_VARNISHD``, else ``/usr/sbin/varnishd``) with ``-n`` that directory and ``-a 127.0.0.1:<port>``,
and waits until it answers. ``stop()`` terminates it and removes the directory. Without varnishd the
calling test fails (it is not skipped) with a clear message, as the Redis tests do without redis-server.
"""

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.redis_server import free_port

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish.vcl"
DEFAULT_PATH = "/usr/sbin/varnishd"
START_TIMEOUT = 20.0


def executable() -> str:
    path = os.environ.get("TEST_VARNISHD") or shutil.which("varnishd") or DEFAULT_PATH
    if not os.access(path, os.X_OK):
        pytest.fail(
            f"The Varnish tests need varnishd at {path} (apt-get install varnish, or set TEST_VARNISHD).",
            pytrace=False,
        )
    return path


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class VarnishServer:
    def __init__(self, backend_port: int, port: int | None = None):
        self.path = executable()
        self.backend_port = backend_port
        self.port = port or free_port()
        self.workdir: str | None = None
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "VarnishServer":
        self.workdir = tempfile.mkdtemp(prefix="newsroom-varnish-")
        os.chmod(self.workdir, 0o755)  # noqa: S103 (varnishd's worker runs as its own user)
        vcl = re.sub(r'\.port = "\d+";', f'.port = "{self.backend_port}";', VCL.read_text(), count=1)
        vcl_path = Path(self.workdir) / "varnish.vcl"
        vcl_path.write_text(vcl)
        os.chmod(vcl_path, 0o644)
        command = [
            self.path, "-F",
            "-n", str(Path(self.workdir) / "state"),
            "-a", f"127.0.0.1:{self.port}",
            "-T", f"127.0.0.1:{free_port()}",
            "-f", str(vcl_path),
            "-s", "malloc,32m",
            "-p", "ban_lurker_sleep=0.05",
        ]  # fmt: skip
        self.process = subprocess.Popen(  # noqa: S603
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
        )
        deadline = time.monotonic() + START_TIMEOUT
        while not _answers(self.port):
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                self.stop()
                pytest.fail(f"varnishd exited at start: {error}", pytrace=False)
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"varnishd did not answer on port {self.port} within {START_TIMEOUT}s")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        if self.process is not None:
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
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None
