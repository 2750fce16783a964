"""A real SMTP server for tests: aiosmtpd on a free 127.0.0.1 port, in a thread of the test process.

``SMTPServer().start()`` listens; every message Django sends through its SMTP backend arrives over TCP
and is kept, parsed, in ``messages`` (``Received``: envelope sender, recipients, the parsed message).
``refuse(address)`` makes the server answer ``550`` to that recipient (a dead mailbox);
``credentials=("user", "secret")`` requires AUTH LOGIN/PLAIN (without TLS, on loopback);
``stop()`` closes it (connections are then refused, like a mail server that is down).

Fixtures: ``smtp`` starts a server for the test and points Django's e-mail settings at it (the SMTP
backend, EMAIL_HOST/EMAIL_PORT); ``smtp.messages`` is what was delivered.
"""

import email
import socket
import threading
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage

    @property
    def text(self) -> str:
        return self.message.get_body(("plain",)).get_content()

    @property
    def html(self) -> str:
        return self.message.get_body(("html",)).get_content()


class _Handler:
    def __init__(self, server: "SMTPServer"):
        self.server = server

    async def handle_RCPT(self, smtp, session, envelope, address, rcpt_options):
        if address.lower() in self.server.refused:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        with self.server.lock:
            self.server.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
            self.server.logins.append(session.authenticated)
        return "250 Message accepted for delivery"


class SMTPServer:
    def __init__(self, credentials: tuple[str, str] | None = None):
        self.host = "127.0.0.1"
        self.port = free_port()
        self.credentials = credentials
        self.messages: list[Received] = []
        self.logins: list[bool] = []
        self.refused: set[str] = set()
        self.lock = threading.Lock()
        self.controller: Controller | None = None

    def _authenticate(self, smtp, session, envelope, mechanism, auth_data):
        user, password = self.credentials
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    def start(self) -> "SMTPServer":
        options = {}
        if self.credentials:
            options = {"authenticator": self._authenticate, "auth_required": True, "auth_require_tls": False}
        self.controller = Controller(_Handler(self), hostname=self.host, port=self.port, **options)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def refuse(self, address: str) -> None:
        self.refused.add(address.lower())

    def to(self, address: str) -> list[Received]:
        """The messages delivered to ``address``."""
        with self.lock:
            return [item for item in self.messages if address in item.rcpt_tos]

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()
            self.logins.clear()


def use_smtp_server(settings, server: SMTPServer) -> None:
    """Point Django's e-mail at ``server`` for this test (as production's SMTP settings would)."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD = server.credentials or ("", "")


@pytest.fixture(name="smtp")
def smtp_fixture(settings):
    server = SMTPServer().start()
    use_smtp_server(settings, server)
    yield server
    server.stop()
