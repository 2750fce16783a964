#!/usr/bin/env python
"""Fault benchmark: the production stack under load while Redis dies, Redis freezes and PostgreSQL restarts.

    .venv/bin/python bench/faults.py                                   # 20 clients, 60 s, 3 workers
    .venv/bin/python bench/faults.py --seconds 8 --clients 2            # a quick try

Everything runs on 127.0.0.1 in a temporary directory that is removed at the end: a throw-away
PostgreSQL (``/usr/lib/postgresql/*/bin``, trust auth, fsync off, as user ``postgres`` when run as root)
and ``redis-server`` on free ports, the database prepared with the project's own commands (``migrate``,
``update_translation_fields``, ``compile_translations``, ``collectstatic``, ``load_demo_content``,
``rebuild_search_documents``) and served by gunicorn (``gunicorn.conf.py``) with
``newsroom.settings.production``. ``collectstatic`` writes to the repository's ``staticfiles/`` (production
settings take STATIC_ROOT from no variable); it is removed afterwards when this run created it.

The URLs are collected once from ``/sitemap-pages.xml`` and the pages it lists: home, sections, articles,
About and plain pages, tag pages, search, live search, RSS/Atom, a section feed, the sitemaps and
robots.txt, in English, Azerbaijani and Russian. ``--clients`` threads request them for ``--seconds``
(one kind after the other, so every kind weighs the same) while an editor process publishes a trilingual
article through Wagtail's API every ``--publish-every`` seconds. Each new article is then looked for on the
home page, its section, the search results for its marker word and the RSS feed of every language.

Timeline (fractions of ``--seconds``): normal until 25 %, Redis killed (SIGKILL) until 40 %, then
restarted empty on the same port; frozen (SIGSTOP) from 50 to 65 %; PostgreSQL stopped at 75 % for
about 5 s, then started; normal to the end. Every request is labelled with the phase it started in.

Printed: per phase the requests, errors (4xx, 503, other 5xx, refused/reset connections, timeouts) and
p50/p99 latency, also as ratios to the normal phase's p50 of this run; per kind of URL the same; per
article the seconds until it showed in each place and language; the issue's targets with what the run
measured ("Targets": server errors and pages within 1 s while Redis is down, 503 and never 500 while
PostgreSQL is, errors once it is back, articles shown everywhere within 5 s); a summary of gunicorn's and
the editor's logs (tracebacks). A request is counted in the phase it started in; an error answer that
ended in another phase (a 503 for a request in flight when PostgreSQL stopped) says so. It is a
benchmark: it exits 0 once the run completed, whatever it measured, and non-zero with a one-line error
when the setup failed. Servers and processes it started are stopped in a ``finally`` block, on Ctrl-C as
well.
"""

import argparse
import glob
import html
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "az", "ru")
CHECKS = ("home", "section", "search", "feed")
HTTP_TIMEOUT = 10.0  # seconds per request
MAX_REQUESTS_PER_CLIENT = 200_000  # a bound besides the clock
START_TIMEOUT = 60.0  # seconds for a server to come up
PER_KIND = 6  # URLs kept per kind and language
DISCOVERY_LIMIT = 400  # pages fetched to classify them
DISCOVERY_TIMEOUT = 90.0  # seconds for one of them
VISIBILITY_POLL = 0.25  # seconds between rounds of looking for a new article
PG_DOWN_SECONDS = 5.0
PROD_ENV_DROP = ("SEARCH_URL", "SEARCH_BACKEND", "NEWSROOM_SEARCH_ENGINE", "STATIC_ROOT", "CONN_MAX_AGE")
BODY_CLASSES = {
    "page-home": "home",
    "page-section": "section",
    "page-article": "article",
    "page-about": "about",
    "page-content": "content",
}


class SetupError(Exception):
    """The stack could not be set up: the run ends with this message and a non-zero status."""


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def venv_tool(name: str) -> str:
    path = ROOT / ".venv" / "bin" / name
    if path.exists():
        return str(path)
    found = shutil.which(name) or (sys.executable if name == "python" else None)
    if not found:
        raise SetupError(f"{name} not found (create the venv: make install)")
    return found


def tail(path: Path, lines: int = 1) -> str:
    try:
        text = path.read_text(errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " | ".join(line.strip() for line in text[-lines:])


def run_logged(name, command, log_dir: Path, env=None, timeout=900, new_session=False):
    log = log_dir / f"{name}.log"
    with open(log, "ab") as out:
        try:
            result = subprocess.run(  # noqa: S603
                command,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=ROOT,
                timeout=timeout,
                start_new_session=new_session,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise SetupError(f"{name} took over {timeout} s") from error
    if result.returncode != 0:
        raise SetupError(f"{name} exited with {result.returncode}: {tail(log)}")


# --- HTTP ------------------------------------------------------------------------------------------------
class Http:
    def __init__(self, port: int):
        self.port = port
        self.host = f"127.0.0.1:{port}"

    def get(self, path: str, timeout: float = HTTP_TIMEOUT) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(
                "GET",
                quote(path, safe="/?=&%:+-._~"),
                headers={"Host": self.host, "Accept-Language": "en", "User-Agent": "bench-faults"},
            )
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()


def local_path(url: str) -> str:
    parts = urlsplit(html.unescape(url))
    return parts.path + (f"?{parts.query}" if parts.query else "")


# --- The servers ------------------------------------------------------------------------------------------
def as_postgres(command: list) -> list:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class Postgres:
    def __init__(self, tmp: Path, port: int):
        candidates = sorted(
            glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in re.findall(r"\d+", p)]
        )
        candidates = [path for path in candidates if os.access(f"{path}/initdb", os.X_OK)]
        if not candidates:
            raise SetupError("no PostgreSQL server in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
        preferred = [path for path in candidates if "/15/" in path]
        self.bin = Path((preferred or candidates)[-1])
        self.port = port
        self.home = tmp / "postgres"
        self.data = self.home / "data"
        self.log = self.home / "postgres.log"
        self.log_dir = tmp / "logs"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/newsroom"

    def init(self):
        self.data.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.home, "postgres", "postgres")
            shutil.chown(self.data, "postgres", "postgres")
        command = [str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust"]
        command += ["-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]
        run_logged("initdb", as_postgres(command), self.log_dir, timeout=120)
        self.start()
        createdb = [str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
        run_logged("createdb", [*createdb, "newsroom"], self.log_dir, timeout=60)

    def start(self):
        options = (
            f"-p {self.port} -k {self.home} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        command = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60"]
        command += ["-o", options, "start"]
        # A session of its own: Ctrl-C in the terminal reaches this script, which stops the server itself.
        run_logged("pg_ctl", as_postgres(command), self.log_dir, timeout=90, new_session=True)

    @property
    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def stop(self, mode: str = "fast"):
        if not self.running:
            return
        command = [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop"]
        run_logged("pg_ctl", as_postgres(command), self.log_dir, timeout=90)

    def kill(self):
        """Last resort when pg_ctl could not stop it: SIGKILL the postmaster named in postmaster.pid."""
        try:
            pid = int((self.data / "postmaster.pid").read_text().split()[0])
            os.kill(pid, signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            pass


class Redis:
    def __init__(self, tmp: Path, port: int):
        self.path = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not os.access(self.path, os.X_OK):
            raise SetupError("redis-server not found (apt-get install redis-server)")
        self.port = port
        self.dir = tmp / "redis"
        self.dir.mkdir()
        self.log = tmp / "logs" / "redis.log"
        self.process = None
        self.frozen = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                conn.settimeout(0.2)
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self):
        command = [self.path, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.dir), "--loglevel", "warning"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + START_TIMEOUT
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SetupError(f"redis-server did not start: {tail(self.log)}")
            time.sleep(0.05)

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
        self.frozen = False

    def freeze(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGSTOP)
            self.frozen = True

    def thaw(self):
        if self.frozen and self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
        self.frozen = False

    def stop(self):
        self.thaw()
        self.kill()


class Gunicorn:
    def __init__(self, tmp: Path, port: int, workers: int, env: dict):
        self.port = port
        self.log = tmp / "logs" / "gunicorn.log"
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)}
        self.process = None

    def start(self, web: Http):
        command = [venv_tool("gunicorn"), "-c", "gunicorn.conf.py", "newsroom.wsgi"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, stdout=log, stderr=subprocess.STDOUT, env=self.env, cwd=ROOT, start_new_session=True
            )
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                raise SetupError(f"gunicorn exited with {self.process.returncode}: {tail(self.log)}")
            try:
                status, _body = web.get("/robots.txt", timeout=5)
                if status == 200:
                    return
            except (OSError, http.client.HTTPException):
                pass
            if time.monotonic() > deadline:
                raise SetupError(f"gunicorn did not answer within {START_TIMEOUT:.0f} s: {tail(self.log)}")
            time.sleep(0.2)

    def stop(self):
        stop_process(self.process, graceful=35)


def stop_process(process, graceful: float = 10):
    """SIGTERM, then SIGKILL to the process group it leads (it was started in a session of its own)."""
    if process is None or process.poll() is not None:
        return
    try:
        process.terminate()
        process.wait(timeout=graceful)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            process.kill()
        process.wait(timeout=10)


# --- The editor (a separate process with Django set up) --------------------------------------------------
TITLES = {
    "en": "Faultbench {marker} harbour expansion approved in Baku, report {n}",
    "az": "Faultbench {marker} Bakı limanının genişləndirilməsi təsdiqləndi, hesabat {n}",
    "ru": "Faultbench {marker} расширение порта в Баку одобрено, отчёт {n}",
}
INTROS = {
    "en": "The port authority approved the second stage of the expansion.",
    "az": "Liman idarəsi genişləndirmənin ikinci mərhələsini təsdiqlədi.",
    "ru": "Управление порта одобрило второй этап расширения.",
}


def emit(kind: str, payload: dict):
    print(f"EDITOR {kind} {json.dumps(payload, ensure_ascii=False)}", flush=True)


def editor(args):
    """Publish a trilingual article every ``--publish-every`` s, from the start time read on stdin."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connections
    from django.utils import timezone, translation

    from news.models import ArticleAuthor, ArticlePage, Author, CategoryIndexPage
    from translations.links import page_url
    from translations.slugs import slug_from

    sections = [
        section.pk
        for section in CategoryIndexPage.objects.live().order_by("path")
        if ArticlePage.objects.child_of(section).live().exists()
    ]
    author = Author.objects.order_by("pk").first()
    if not sections or author is None:
        emit("ERROR", {"error": "no section with articles, or no author: is the demo content loaded?"})
        return
    connections.close_all()
    emit("READY", {"sections": len(sections)})
    line = sys.stdin.readline().strip()
    if not line:
        return
    start = float(line)
    rng = random.Random()
    count = int(args.seconds // args.publish_every) + 1
    for n in range(1, count + 1):
        slot = start + (n - 1) * args.publish_every + min(1.0, args.publish_every / 2)
        if slot >= start + args.seconds:
            break
        time.sleep(max(0.0, min(slot - time.time(), args.publish_every + 1)))
        marker = "zq" + "".join(rng.choice(string.ascii_lowercase) for _ in range(8))
        titles = {code: TITLES[code].format(marker=marker, n=n) for code in LANGUAGES}
        began = time.time()
        try:
            with translation.override("en"):
                section = CategoryIndexPage.objects.get(pk=sections[(n - 1) % len(sections)])
                hero = (
                    ArticlePage.objects.child_of(section)
                    .exclude(hero_image=None)
                    .values_list("hero_image", flat=True)
                    .first()
                )
                fields = {}
                for code in LANGUAGES:
                    fields[f"title_{code}"] = titles[code]
                    fields[f"slug_{code}"] = slug_from(titles[code])
                    fields[f"intro_{code}"] = INTROS[code]
                    fields[f"body_{code}"] = [{"type": "paragraph", "value": f"<p>{INTROS[code]}</p>"}]
                    fields[f"ready_{code}"] = True
                page = ArticlePage(
                    title=titles["en"],
                    slug=fields["slug_en"],
                    live=False,
                    date=timezone.now(),
                    hero_image_id=hero,
                    **fields,
                )
                page.article_authors = [ArticleAuthor(author=author, sort_order=0)]
                section.add_child(instance=page)
                page.save_revision().publish()
            published = time.time()
            emit(
                "PUBLISHED",
                {
                    "n": n,
                    "marker": marker,
                    "titles": titles,
                    "started": began,
                    "published": published,
                    "sections": {code: page_url(section, code) for code in LANGUAGES},
                    "section_title": section.title_en,
                },
            )
        except Exception as error:  # an editor's failed publish is a result, not a crash
            connections.close_all()
            message = (str(error).strip().splitlines() or [""])[0][:160]
            emit(
                "FAILED",
                {
                    "n": n,
                    "started": began,
                    "seconds": time.time() - began,
                    "error": f"{type(error).__name__}: {message}",
                },
            )


# --- The load ----------------------------------------------------------------------------------------------
class State:
    def __init__(self):
        self.phase = "normal"
        self.events = []  # (seconds since start, phase entered)
        self.abort = threading.Event()
        self.t0 = time.monotonic()
        self.wall0 = time.time()
        self.samples = []  # (t, phase, kind, path, status, error, latency s)
        self.articles = []  # the editor's PUBLISHED payloads, with "found"
        self.failed = []  # the editor's FAILED payloads
        self.watchers = []

    def enter(self, phase: str):
        self.phase = phase
        self.events.append((time.monotonic() - self.t0, phase))

    def phase_at(self, wall: float) -> str:
        offset = wall - self.wall0
        current = "normal"
        for at, phase in self.events:
            if at <= offset:
                current = phase
        return current


def discover(web: Http) -> dict:
    """{kind: [paths]} of every kind of URL in every language, from the sitemap and the pages it lists."""
    try:
        status, body = web.get("/sitemap-pages.xml", timeout=DISCOVERY_TIMEOUT)
    except (OSError, http.client.HTTPException) as error:
        raise SetupError(f"/sitemap-pages.xml: {type(error).__name__} {error}") from error
    if status != 200:
        raise SetupError(f"/sitemap-pages.xml answered {status}")
    locations = [local_path(loc) for loc in re.findall(r"<loc>([^<]+)</loc>", body.decode())]
    if not locations:
        raise SetupError("/sitemap-pages.xml lists no pages")
    kinds = defaultdict(list)
    words = defaultdict(list)
    extra = defaultdict(lambda: defaultdict(set))  # kind -> language -> paths
    per_kind = Counter()
    for path in locations[:DISCOVERY_LIMIT]:
        language = path.strip("/").split("/")[0]
        try:  # the first view of a page renders its images: give it time
            status, body = web.get(path, timeout=DISCOVERY_TIMEOUT)
        except (OSError, http.client.HTTPException):
            continue
        text = body.decode(errors="replace")
        match = re.search(r'<body class="([^"]*)"', text)
        kind = BODY_CLASSES.get(match.group(1).split()[0] if match and match.group(1) else "", "")
        if status != 200 or not kind:
            continue
        if per_kind[(kind, language)] < PER_KIND:
            per_kind[(kind, language)] += 1
            kinds[kind].append(path)
        if kind == "article":
            extra["tag"][language].update(re.findall(rf'href="(/{language}/tags/[^"]+)"', text))
            title = re.search(r'<meta property="og:title" content="([^"]+)"', text)
            if title:
                words[language] += [w for w in re.findall(r"\w{5,}", html.unescape(title.group(1)))][:2]
        if kind == "section":
            for href in re.findall(r'type="application/rss\+xml"[^>]*href="([^"]+)"', text):
                if re.search(r"/feed/.+/rss/$", local_path(href)):
                    extra["section feed"][language].add(local_path(href))
    for kind, by_language in extra.items():
        kinds[kind] = [path for paths in by_language.values() for path in sorted(paths)[:PER_KIND]]
    rng = random.Random(7)
    for language in LANGUAGES:
        queries = rng.sample(words[language], min(4, len(words[language]))) or ["Baku"]
        kinds["search"] += [f"/{language}/search/?q={q}" for q in queries]
        kinds["live search"] += [f"/{language}/search/live/?q={q[:4]}" for q in queries]
        kinds["rss"].append(f"/{language}/feed/rss/")
        kinds["atom"].append(f"/{language}/feed/atom/")
        kinds["news sitemap"].append(f"/sitemap-news-{language}.xml")
    kinds["sitemap"] = ["/sitemap.xml", "/sitemap-pages.xml"]
    kinds["robots.txt"] = ["/robots.txt"]
    missing = [kind for kind in ("home", "section", "article", "tag", "section feed") if not kinds.get(kind)]
    if missing:
        raise SetupError(f"no URLs found for {', '.join(missing)}")
    return dict(kinds)


def client(number: int, web: Http, kinds: dict, state: State, stop_at: float):
    rng = random.Random(number)
    names = sorted(kinds)
    for step in range(MAX_REQUESTS_PER_CLIENT):
        if state.abort.is_set() or time.monotonic() >= stop_at:
            return
        kind = names[(number + step) % len(names)]
        path = rng.choice(kinds[kind])
        phase = state.phase
        started = time.monotonic()
        status, error = None, ""
        try:
            status, _body = web.get(path)
        except TimeoutError:
            error = "timeout"
        except (OSError, http.client.HTTPException):
            error = "conn"
        latency = time.monotonic() - started
        # The phase it ended in too: a request in flight when PostgreSQL stops gets its 503 there.
        state.samples.append((started - state.t0, phase, kind, path, status, error, latency, state.phase))


def watch(article: dict, check: str, language: str, path: str, web: Http, state: State, timeout: float):
    """Poll one place in one language for a new article's title, until it shows or ``timeout``."""
    needle = html.escape(article["titles"][language], quote=False).encode()
    deadline = article["published"] + timeout
    for _round in range(int(timeout / VISIBILITY_POLL) + 2):
        if state.abort.is_set() or time.time() > deadline:
            return
        started = time.time()
        try:
            status, body = web.get(path, timeout=min(HTTP_TIMEOUT, max(1.0, deadline - started)))
        except (OSError, http.client.HTTPException):
            status, body = None, b""
        article["polls"] += 1
        if status == 200 and needle in body:
            article["found"][(check, language)] = time.time() - article["published"]
            return
        if status == 200:  # answered, without the article: how long after publishing was it still missing?
            stale = started - article["published"]
            article["stale"] = max(article["stale"], stale)
        time.sleep(VISIBILITY_POLL)


def watch_article(article: dict, web: Http, state: State, timeout: float):
    """One poller per place and language, so each is looked at every VISIBILITY_POLL s."""
    for language in LANGUAGES:
        places = {
            "home": f"/{language}/",
            "section": local_path(article["sections"][language]),
            "search": f"/{language}/search/?q={article['marker']}",
            "feed": f"/{language}/feed/rss/",
        }
        for check, path in places.items():
            watcher = threading.Thread(
                target=watch, args=(article, check, language, path, web, state, timeout), daemon=True
            )
            state.watchers.append(watcher)
            watcher.start()


def read_editor(process, state: State, web: Http, timeout: float, ready: threading.Event, info: dict):
    try:
        for raw in process.stdout:
            if not raw.startswith("EDITOR "):
                continue
            _prefix, kind, payload = raw.rstrip("\n").split(" ", 2)
            data = json.loads(payload)
            if kind in ("READY", "ERROR"):
                info[kind] = data
                ready.set()
            elif kind == "PUBLISHED":
                data["found"], data["polls"], data["stale"] = {}, 0, 0.0
                data["phase"] = state.phase_at(data["published"])
                state.articles.append(data)
                watch_article(data, web, state, timeout)
            elif kind == "FAILED":
                data["phase"] = state.phase_at(data["started"])
                state.failed.append(data)
    finally:
        ready.set()  # the editor ended (or crashed) before saying READY: do not wait for it


# --- The report --------------------------------------------------------------------------------------------
def classify(status, error) -> str:
    if status is None:
        return error
    if status == 503:
        return "503"
    if status >= 500:
        return "5xx"
    if status >= 400:
        return "4xx"
    return "ok"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f}"


def table(title: str, groups: list, baseline: float, durations: dict | None = None):
    print(f"\n{title}")
    head = f"  {'':<16}{'requests':>9}"
    head += f"{'req/s':>7}" if durations else ""
    head += f"{'4xx':>6}{'503':>6}{'5xx':>6}{'conn':>6}{'t/out':>6}{'p50 ms':>8}{'p99 ms':>8}"
    head += f"{'p50×':>7}{'p99×':>7}"
    print(head)
    for name, rows in groups:
        if not rows:
            continue
        counts = Counter(classify(row[4], row[5]) for row in rows)
        latencies = [row[6] for row in rows if row[4] is not None] or [0.0]
        p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
        line = f"  {name:<16}{len(rows):>9}"
        if durations:
            line += f"{len(rows) / max(durations[name], 0.001):>7.1f}"
        line += "".join(f"{counts[key]:>6}" for key in ("4xx", "503", "5xx", "conn", "timeout"))
        line += f" {ms(p50)} {ms(p99)}{p50 / baseline:>7.1f}{p99 / baseline:>7.1f}"
        print(line)


def report(state: State, seconds: float, timeout: float):
    samples = state.samples
    normal = [row[6] for row in samples if row[1] == "normal" and row[4] is not None and row[0] < seconds / 4]
    baseline = percentile(normal, 50) if normal else 1.0
    events = [(0.0, "normal"), *state.events]
    order, durations = [], defaultdict(float)
    for index, (at, phase) in enumerate(events):
        end = events[index + 1][0] if index + 1 < len(events) else seconds
        durations[phase] += max(0.0, min(end, seconds) - at)
        if phase not in order:
            order.append(phase)
    print("\nTimeline (s): " + ", ".join(f"{at:.1f} {phase}" for at, phase in events))
    print(
        f"Baseline: normal phase p50 = {baseline * 1000:.0f} ms over {len(normal)} requests "
        "(× columns: latency divided by it)"
    )
    by_phase = defaultdict(list)
    by_kind = defaultdict(list)
    for row in samples:
        by_phase[row[1]].append(row)
        by_kind[row[2]].append(row)
    table("Per phase", [(phase, by_phase[phase]) for phase in order], baseline, durations)
    table("Per kind of URL (all phases)", sorted(by_kind.items()), baseline)

    odd = Counter(
        (row[1] if row[7] == row[1] else f"{row[1]} → {row[7]}", str(row[4] or row[5]), row[3])
        for row in samples
        if row[4] is None or row[4] >= 300
    )
    if odd:
        print("\nAnswers other than 2xx (phase it started in → ended in, status or error, URL: count):")
        for (phase, kind, path), count in odd.most_common(15):
            print(f"  {phase:<27} {kind:<8} {path}: {count}")

    print(f"\nNew articles: seconds from publish until the title shows (— = not within {timeout:.0f} s)")
    print("  (pub s: the publish call; polls: requests to find it; stale: latest start of a 200 answer")
    print("   that still lacked it, seconds after publishing)")
    head = f"  {'#':>3} {'at s':>6} {'phase':<14}{'pub s':>6}{'polls':>6}{'stale':>6} "
    head += " ".join(f"{check + ' ' + '/'.join(LANGUAGES):^17}" for check in CHECKS)
    print(head)
    columns = defaultdict(list)
    for article in sorted(state.articles, key=lambda a: a["n"]):
        cells = []
        for check in CHECKS:
            parts = []
            for language in LANGUAGES:
                delay = article["found"].get((check, language))
                parts.append(f"{delay:5.1f}" if delay is not None else f"{'—':>5}")
                columns[(check, language)].append(delay)
            cells.append(" ".join(parts))
        at = article["published"] - state.wall0
        took = article["published"] - article["started"]
        print(
            f"  {article['n']:>3} {at:6.1f} {article['phase']:<14}{took:6.2f}{article['polls']:>6}"
            f"{article['stale']:6.1f}  " + "  ".join(cells)
        )
    for failed in sorted(state.failed, key=lambda a: a["n"]):
        at = failed["started"] - state.wall0
        print(
            f"  {failed['n']:>3} {at:6.1f} {failed['phase']:<14}{failed['seconds']:6.2f}{'':>12}  "
            f"publish failed: {failed['error']}"
        )
    if state.articles:
        for label, pick in (("median", statistics.median), ("max", max)):
            cells = []
            for check in CHECKS:
                parts = []
                for language in LANGUAGES:
                    values = [v for v in columns[(check, language)] if v is not None]
                    parts.append(f"{pick(values):5.1f}" if values else f"{'—':>5}")
                cells.append(" ".join(parts))
            print(f"  {label:>43}  " + "  ".join(cells))
        print("  per place, all languages (median / max / not seen; × = median ÷ baseline p50):")
        for check in CHECKS:
            values = [v for language in LANGUAGES for v in columns[(check, language)]]
            seen = [v for v in values if v is not None]
            if seen:
                median = statistics.median(seen)
                print(
                    f"    {check:<8} {median:5.2f} s / {max(seen):5.2f} s / "
                    f"{len(values) - len(seen)} not seen   = {median / baseline:.0f}× baseline p50"
                )
            else:
                print(f"    {check:<8} never seen ({len(values)} checks)")
    print(f"  {len(state.articles)} published, {len(state.failed)} publishes failed")
    targets(state, seconds)


VISIBLE_WITHIN = 5.0  # seconds: the target for a new article in every place and language
PAGE_WITHIN = 1.0  # seconds: the target for a reader page while Redis is down
RECOVERED_WITHIN = 5.0  # seconds after PostgreSQL is back from which no request may fail


def targets(state: State, seconds: float):
    """The issue's targets, each with what this run measured."""
    samples = state.samples
    at = {phase: moment for moment, phase in state.events}
    pg_down, pg_back = at.get("pg down", seconds), at.get("pg back", seconds)

    def failed(row) -> bool:
        return row[4] is None or row[4] >= 400

    print("\nTargets")
    redis_phases = ("redis killed", "redis back", "redis frozen", "redis thawed")
    redis_rows = [row for row in samples if row[1] in redis_phases and row[7] in redis_phases]
    server_errors = sum(1 for row in redis_rows if row[4] is None or row[4] >= 500)
    print(
        f"  Redis killed or frozen: {server_errors} server errors or failed connections "
        f"in {len(redis_rows)} requests (target 0)"
    )
    for phase in ("normal", *redis_phases):
        rows = [row for row in samples if row[1] == phase and row[4] is not None]
        if rows:
            fast = sum(1 for row in rows if row[6] <= PAGE_WITHIN)
            print(
                f"    {phase:<13} {fast / len(rows):6.1%} of pages within {PAGE_WITHIN:.0f} s "
                f"(max {max(row[6] for row in rows):5.2f} s)"
            )
    down = [row for row in samples if pg_down <= row[0] + row[6] and row[0] < pg_back]
    statuses = Counter(classify(row[4], row[5]) for row in down)
    print(
        f"  PostgreSQL down: {statuses['503']} × 503, {statuses['5xx']} other 5xx, "
        f"{statuses['conn'] + statuses['timeout']} failed connections, {statuses['ok']} answered from the "
        "page cache (target: no 5xx but 503)"
    )
    soon = [row for row in samples if pg_back <= row[0] < pg_back + RECOVERED_WITHIN]
    late = [row for row in samples if row[0] >= pg_back + RECOVERED_WITHIN]
    print(
        f"  PostgreSQL back: {sum(map(failed, soon))} errors in the first {RECOVERED_WITHIN:.0f} s "
        f"({len(soon)} requests), {sum(map(failed, late))} after that ({len(late)} requests; target 0)"
    )
    on_time, late_articles, overlapped = 0, [], []
    for article in state.articles:
        published = article["published"] - state.wall0
        delays = [article["found"].get((check, language)) for check in CHECKS for language in LANGUAGES]
        worst = max((d if d is not None else float("inf")) for d in delays)
        if published < pg_back and published + VISIBLE_WITHIN > pg_down:
            overlapped.append(f"#{article['n']} {worst:.1f} s")
        elif worst <= VISIBLE_WITHIN:
            on_time += 1
        else:
            late_articles.append(f"#{article['n']} ({article['phase']}) {worst:.1f} s")
    counted = len(state.articles) - len(overlapped)
    print(
        f"  New articles in every place and language within {VISIBLE_WITHIN:.0f} s: {on_time} of {counted}"
        + (f"; late: {', '.join(late_articles)}" if late_articles else "")
    )
    if overlapped:
        print(
            f"    not counted, PostgreSQL went down within {VISIBLE_WITHIN:.0f} s of publishing "
            f"(nothing new can show while it is down): {', '.join(overlapped)}"
        )


CHAINED = ("The above exception was the direct cause", "During handling of the above exception")


def summarize_log(name: str, path: Path):
    """A log's tracebacks grouped by their final exception, each with the message logged before it (the
    URL for a request) and the project's own frames; then its other lines, most frequent first."""
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return
    groups = {}
    in_traceback = set()
    index = 0
    while index < len(lines):
        if not lines[index].startswith("Traceback (most recent call last)"):
            index += 1
            continue
        start = index
        while True:  # one chain: Traceback ... Error, "The above exception ...", Traceback ... Error
            end = index + 1
            while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
                end += 1
            after = end + 1  # past the exception's message, which may run over several lines
            while after < min(len(lines), end + 10) and not lines[after].startswith(("Traceback", *CHAINED)):
                after += 1
            if after < len(lines) and lines[after].startswith(CHAINED):
                index = after + 1
                while index < len(lines) and not lines[index].startswith("Traceback"):
                    index += 1
                if index < len(lines):
                    continue
            break
        last = lines[min(end, len(lines) - 1)].strip()[:200]
        chain = lines[start : end + 1]
        in_traceback.update(range(start - 1, end + 1))
        own = [
            line.strip()
            for line in chain
            if line.strip().startswith(f'File "{ROOT}/') and "/.venv/" not in line
        ]
        entry = groups.setdefault(last, {"count": 0, "before": Counter(), "frames": own})
        entry["count"] += 1
        entry["before"][re.sub(r"\?.*", "", lines[start - 1].strip())[:120] if start else ""] += 1
        index = end + 1
    access = re.compile(r'^\S+ - \S+ \[[^]]+\] "')  # gunicorn's access log lines
    other = [line for number, line in enumerate(lines) if line.strip() and number not in in_traceback]
    other = [line for line in other if not access.match(line)]
    print(
        f"\n{name} log: {len(lines)} lines, {sum(g['count'] for g in groups.values())} tracebacks "
        f"(chains counted once), {len(other)} other lines besides the access log"
    )
    for last, group in sorted(groups.items(), key=lambda item: -item[1]["count"])[:6]:
        print(f"  {group['count']} × {last}")
        before = ", ".join(f"{text} ({count})" for text, count in group["before"].most_common(4))
        print(f"      logged after: {before}")
        for frame in group["frames"][-3:]:
            print(f"      {frame[:150]}")
    messages = Counter(re.sub(r"\d+", "N", re.sub(r"id=\S+", "id=…", line.strip()))[:150] for line in other)
    for message, count in messages.most_common(6):
        print(f"  {count:>5} × {message}")


# --- Running it --------------------------------------------------------------------------------------------
def sleep_until(moment: float, state: State):
    while not state.abort.is_set():
        left = moment - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(left, 0.5))


def bench(args):
    tmp = Path(tempfile.mkdtemp(prefix="bench-faults-"))
    # The postgres user must reach its data directory inside: traverse only, no listing.
    os.chmod(tmp, 0o711)  # noqa: S103
    (tmp / "logs").mkdir()
    staticfiles = ROOT / "staticfiles"
    static_existed = staticfiles.exists()
    postgres = redis = gunicorn = editor_process = None
    state = State()
    completed = False
    try:
        ports = {"postgres": free_port(), "redis": free_port(), "http": free_port()}
        postgres = Postgres(tmp, ports["postgres"])
        redis = Redis(tmp, ports["redis"])
        web = Http(ports["http"])
        env = {key: value for key, value in os.environ.items() if not key.startswith("GUNICORN_")}
        for key in PROD_ENV_DROP:
            env.pop(key, None)
        env.update(
            DJANGO_SETTINGS_MODULE="newsroom.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=postgres.url,
            REDIS_URL=redis.url,
            SECURE_SSL_REDIRECT="false",
            MEDIA_ROOT=str(tmp / "media"),
            PAGE_CACHE_DIR=str(tmp / "pagecache"),
            SERVE_MEDIA="true",
            WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{ports['http']}",
            PYTHONDONTWRITEBYTECODE="1",
            LOG_LEVEL="INFO",
        )
        say(
            f"temp dir {tmp}; PostgreSQL {postgres.bin.parent.name} on :{ports['postgres']}, "
            f"redis on :{ports['redis']}, gunicorn on :{ports['http']}"
        )
        postgres.init()
        redis.start()
        python = venv_tool("python")
        logs = tmp / "logs"
        for name, command in (
            ("migrate", ["migrate", "--noinput"]),
            ("update_translation_fields", ["update_translation_fields"]),
            ("compile_translations", ["compile_translations"]),
            ("collectstatic", ["collectstatic", "--noinput", "-v", "0"]),
            ("load_demo_content", ["load_demo_content", "--if-empty"]),
            ("rebuild_search_documents", ["rebuild_search_documents"]),
        ):
            started = time.monotonic()
            run_logged(name, [python, "manage.py", *command], logs, env=env)
            say(f"{name}: {time.monotonic() - started:.1f} s  {tail(logs / f'{name}.log')[:100]}")
        gunicorn = Gunicorn(tmp, ports["http"], args.workers, env)
        gunicorn.start(web)
        kinds = discover(web)
        say(
            f"gunicorn up ({args.workers} workers); "
            f"{sum(map(len, kinds.values()))} URLs of {len(kinds)} kinds: "
            + ", ".join(f"{kind} {len(paths)}" for kind, paths in sorted(kinds.items()))
        )

        editor_command = [python, str(Path(__file__).resolve()), "--editor"]
        editor_command += ["--seconds", str(args.seconds), "--publish-every", str(args.publish_every)]
        with open(logs / "editor.log", "ab") as editor_log:
            editor_process = subprocess.Popen(  # noqa: S603
                editor_command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=editor_log,
                env=env,
                cwd=ROOT,
                text=True,
                encoding="utf-8",
                start_new_session=True,
            )
        ready, info = threading.Event(), {}
        reader = threading.Thread(
            target=read_editor,
            args=(editor_process, state, web, args.visibility_timeout, ready, info),
            daemon=True,
        )
        reader.start()
        if not ready.wait(START_TIMEOUT) or "READY" not in info:
            raise SetupError(f"the editor did not start: {info.get('ERROR') or tail(logs / 'editor.log')}")

        # --- the run ---
        seconds = args.seconds
        state.t0, state.wall0 = time.monotonic(), time.time()
        editor_process.stdin.write(f"{state.wall0}\n")
        editor_process.stdin.flush()
        stop_at = state.t0 + seconds
        clients = [
            threading.Thread(target=client, args=(i, web, kinds, state, stop_at), daemon=True)
            for i in range(args.clients)
        ]
        for thread in clients:
            thread.start()
        say(f"load: {args.clients} clients for {seconds:.0f} s, an article every {args.publish_every:.0f} s")
        down = min(PG_DOWN_SECONDS, max(1.0, seconds * 0.08))
        plan = [
            (0.25, "redis killed", redis.kill),
            (0.40, "redis back", redis.start),
            (0.50, "redis frozen", redis.freeze),
            (0.65, "redis thawed", redis.thaw),
            (0.75, "pg down", postgres.stop),
        ]
        for fraction, phase, action in plan:
            sleep_until(state.t0 + fraction * seconds, state)
            if phase == "redis back":
                action()
                state.enter(phase)
            else:
                state.enter(phase)
                action()
            say(f"{time.monotonic() - state.t0:5.1f} s  {phase}")
        sleep_until(time.monotonic() + down, state)
        postgres.start()
        state.enter("pg back")
        say(f"{time.monotonic() - state.t0:5.1f} s  pg back")
        sleep_until(stop_at, state)
        for thread in clients:
            thread.join(timeout=HTTP_TIMEOUT + 5)
        say(f"load done: {len(state.samples)} requests; waiting for the editor and the visibility checks")
        try:
            editor_process.wait(timeout=args.publish_every + 60)
        except subprocess.TimeoutExpired:
            say("the editor did not finish in time; stopping it")
        reader.join(timeout=5)
        watch_until = time.monotonic() + args.visibility_timeout + HTTP_TIMEOUT + 5
        for watcher in list(state.watchers):
            watcher.join(timeout=max(0.0, watch_until - time.monotonic()))
        completed = True
        report(state, seconds, args.visibility_timeout)
        summarize_log("gunicorn", logs / "gunicorn.log")
        summarize_log("editor", logs / "editor.log")
    finally:
        state.abort.set()
        for step in (
            lambda: stop_process(editor_process),
            lambda: gunicorn and gunicorn.stop(),
            lambda: redis and redis.stop(),
            lambda: postgres and postgres.stop(),
        ):
            try:
                step()
            except Exception as error:  # keep cleaning up
                say(f"cleanup: {error}")
        if postgres is not None and postgres.running:
            postgres.kill()
        if not static_existed and staticfiles.exists():
            shutil.rmtree(staticfiles, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return completed


def say(message: str):
    print(f"[faults] {message}", flush=True)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=60, help="length of the run (default 60)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent reader threads (default 20)")
    parser.add_argument(
        "--publish-every", type=float, default=5, help="seconds between the editor's articles (default 5)"
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument(
        "--visibility-timeout",
        type=float,
        default=30,
        help="seconds to look for a new article before giving up (default 30)",
    )
    parser.add_argument("--editor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seconds <= 0 or args.clients < 1 or args.publish_every <= 0 or args.workers < 1:
        parser.error("--seconds, --clients, --publish-every and --workers must be positive")
    if args.editor:
        editor(args)
        return

    def terminate(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    try:
        bench(args)
    except SetupError as error:
        print(f"faults.py: setup failed: {error}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("faults.py: interrupted; everything it started is stopped", file=sys.stderr)
        sys.exit(130)
    except Exception as error:  # one line, as for a failed setup
        print(f"faults.py: failed: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
