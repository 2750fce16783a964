"""A throw-away Varnish for tests: ``deploy/varnish.vcl`` in front of a given backend, on a free port.

``VarnishServer(backend_port).start()`` writes the project's VCL with its backend pointed at
``127.0.0.1:<backend_port>`` into a temporary working directory, runs ``varnishd`` in the foreground
(``TEST_VARNISHD``, else ``/usr/sbin/varnishd``) with ``-n`` that directory and ``-a 127.0.0.1:<port>``,
and waits until it answers. ``stop()`` terminates it and removes the directory. Without varnishd the
calling test fails (it is not skipped) with a clear message, as the Redis tests do without redis-server.
Starting, waiting and stopping are ``tests.servers.ServerProcess``'s.
"""

import os
import re
import shutil
import tempfile
from pathlib import Path

from tests.servers import ServerProcess, accepts_connections, free_port
from tests.servers import executable as find_executable

VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish.vcl"


def executable() -> str:
    return find_executable(
        "TEST_VARNISHD",
        "varnishd",
        "/usr/sbin/varnishd",
        needed_by="The Varnish tests",
        install="apt-get install varnish",
    )


class VarnishServer(ServerProcess):
    name = "varnishd"
    start_timeout = 20.0
    new_session = True

    def __init__(self, backend_port: int, port: int | None = None):
        self.path = executable()
        self.backend_port = backend_port
        super().__init__(port)
        self.workdir: str | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        self.workdir = tempfile.mkdtemp(prefix="newsroom-varnish-")
        os.chmod(self.workdir, 0o755)  # noqa: S103 (varnishd's worker runs as its own user)
        vcl = re.sub(r'\.port = "\d+";', f'.port = "{self.backend_port}";', VCL.read_text(), count=1)
        vcl_path = Path(self.workdir) / "varnish.vcl"
        vcl_path.write_text(vcl)
        os.chmod(vcl_path, 0o644)
        return [
            self.path, "-F",
            "-n", str(Path(self.workdir) / "state"),
            "-a", f"127.0.0.1:{self.port}",
            "-T", f"127.0.0.1:{free_port()}",
            "-f", str(vcl_path),
            "-s", "malloc,32m",
            "-p", "ban_lurker_sleep=0.05",
        ]  # fmt: skip

    def answers(self) -> bool:
        return accepts_connections(self.port)

    def stop(self) -> None:
        super().stop()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None
