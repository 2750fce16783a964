#!/usr/bin/env python
"""Reader pages under gunicorn with production settings: worker CPU per request, throughput against
whitenoise serving the same bytes, at demo size and with a large archive, on SQLite and PostgreSQL.

    .venv/bin/python bench/pages.py                          # SQLite and PostgreSQL, demo and 30,000
    .venv/bin/python bench/pages.py --db sqlite --total 3000 --seconds 1     # a quick try
    .venv/bin/python bench/pages.py --redis     # the caches in a redis-server, as production has them

For each database: a throw-away database in a temporary directory (PostgreSQL started like
bench/faults.py does: trust auth, fsync off, loopback only), prepared with the project's commands
(``migrate``, ``update_translation_fields``, ``compile_translations``, ``collectstatic`` into the temporary
directory, ``load_demo_content``, ``rebuild_search_documents``), then served by gunicorn
(``gunicorn.conf.py`` with ``-k sync -w 2``: two sync workers on the two cores) with
``newsroom.settings.production``. The demo-size database is copied, then ``bench/archive.py`` adds
``--total`` articles to the original (search documents rebuilt), and both are served side by side (one
gunicorn each, its own page-cache directory): each URL is measured on the two in turns (``TURNS``), so
that the "archive against demo" ratios compare samples taken together, not minutes apart on a machine
whose speed drifts.

Each size is measured with the page cache off (``PAGE_CACHE=false``: every request builds the page,
the cached header, menus and footer fragments kept unless ``--fragments false``) and on (the default).
Per URL and size: ``--clients`` threads request it for ``--seconds`` in all, in ``TURNS`` slices
alternating with the other size, after three warm-up requests; the workers' CPU time is read from
``/proc/<pid>/stat`` before and after, so "CPU ms" is what the server spent per request. The same bytes
are served as a static file by whitenoise in the same server after each slice ("× static" = the page's
requests per second over the static file's; "static: CPU ms" = the workers' CPU per request for that
file: what gunicorn and the middleware in front of the page cache cost anyway). Worker memory (RSS) is
read at the end of each run. The first view of a new article is measured with the page cache off: an
article with a new image is published, ``run_scheduler --once`` makes its renditions and builds the
home page and the newest articles' pages (``warm_pages``: what the scheduler does every few seconds),
and its first request is timed against the median of five warm ones; three new articles, the medians
printed; then the same without the scheduler (the reader's request makes the renditions and the shared
parts). "not found" is a mistyped article address under a section (404), which must not cost more as
the section grows. The "against demo" table gives each page's bytes at both sizes: a page that lists more
at 30,000 (a sitemap file, the news sitemap's two days, an author's feed of 30 against the demo author's
few) costs more for that. The served searches repeat one query each, which the site keeps ranked
(``search.results.ranked_pages``); what a search never asked before costs is measured in a Django
process of each size, in turns, with nothing ranked kept (``first_search_cost``). EXPLAIN of the
listing queries on the large archive is printed too (EXPLAIN ANALYZE on PostgreSQL).

Loopback only; everything it started is stopped in a ``finally`` block and the temporary directory
removed. It exits 0 once the runs completed, whatever they measured.
"""

import argparse
import http.client
import io
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import faults  # noqa: E402  (bench/faults.py: the PostgreSQL server, ports, logged commands)

ROOT = faults.ROOT
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
KINDS = (
    "article en",
    "article ru",
    "home en",
    "home ru",
    "section p1",
    "section deep",
    "tag",
    "author",
    "search",
    "live search",
    "feed",
    "author feed",
    "news sitemap",
    "sitemap",
    "robots.txt",
    "not found",
)
# What each page answers (a mistyped article address under a section: 404).
EXPECTED = {"not found": 404}


def say(text: str):
    print(text, flush=True)


# --- Processes ------------------------------------------------------------------------------------------
class Server:
    """gunicorn with two sync workers; its workers' CPU and memory from /proc."""

    def __init__(self, tmp: Path, port: int, env: dict, workers: int, name: str = "gunicorn"):
        self.port = port
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        self.workers = workers
        self.log = tmp / "logs" / f"{name}.log"
        self.process = None

    def start(self):
        command = [faults.venv_tool("gunicorn"), "-c", "gunicorn.conf.py", "-k", "sync"]
        command += ["-w", str(self.workers), "--max-requests", "0", "--access-logfile", "/dev/null"]
        command += ["newsroom.wsgi"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, stdout=log, stderr=subprocess.STDOUT, env=self.env, cwd=ROOT, start_new_session=True
            )
        deadline = time.monotonic() + faults.START_TIMEOUT
        while True:
            if self.process.poll() is not None:
                raise faults.SetupError(f"gunicorn exited: {faults.tail(self.log)}")
            try:
                if get(self.port, "/robots.txt")[0] == 200 and len(self.worker_pids()) == self.workers:
                    return
            except (OSError, http.client.HTTPException):
                pass
            if time.monotonic() > deadline:
                raise faults.SetupError(f"gunicorn did not start: {faults.tail(self.log)}")
            time.sleep(0.2)

    def stop(self):
        faults.stop_process(self.process, graceful=20)
        self.process = None

    def worker_pids(self) -> list[int]:
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(entry.name))
        return pids

    def cpu_seconds(self) -> float:
        total = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / TICKS

    def rss_mb(self) -> list[float]:
        sizes = []
        for pid in self.worker_pids():
            try:
                pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            except OSError:
                continue
            sizes.append(pages * PAGE_SIZE / 2**20)
        return sizes


def get(port: int, path: str, timeout: float = 30.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(
            # The address readers use: SITE_URL, which the Site record and the warmed pages carry.
            "GET",
            path,
            headers={"Host": f"127.0.0.1:{port}", "Accept-Language": "en", "User-Agent": "bench"},
        )
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def hammer(port: int, path: str, seconds: float, clients: int, expected: int = 200) -> tuple[int, float, int]:
    """``clients`` threads requesting ``path`` for ``seconds``: (requests, elapsed, answers other than
    ``expected``)."""
    counts = [0] * clients
    errors = [0] * clients
    stop = time.monotonic() + seconds

    def client(index):
        while time.monotonic() < stop and counts[index] < 100_000:
            try:
                status, _body = get(port, path)
            except (OSError, http.client.HTTPException):
                status = 0
            counts[index] += 1
            errors[index] += status != expected

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts), time.monotonic() - started, sum(errors)


# --- Inside Django (this script run again with --django-task) --------------------------------------------
def django_task(task: str, total: int = 0):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if task == "archive":
        import archive

        archive.build(total)
    elif task == "urls":
        print(json.dumps(reader_urls()))
    elif task == "publish":
        print(json.dumps(publish_new_article()))
    elif task == "explain":
        print(json.dumps(explain_listings()))
    elif task == "first-search":
        print(json.dumps(first_search_cost()))


# Searches the bench requests; a common word matches the newest MAX_RANKED of thousands at 30,000.
FIRST_SEARCHES = {"search": "/en/search/?q=energy", "live search": "/en/search/live/?q=ener"}
FIRST_SEARCH_REQUESTS = 30


def first_search_cost() -> dict:
    """CPU ms per request, in this process, of the searches as if never asked before: the ranked pages
    of a query are kept once it matches many (search.results.ranked_pages), so the served bench
    measures the searches readers repeat; here nothing is kept (the figures and fragments still are)."""
    from types import SimpleNamespace

    from django.test import Client

    from pagecache import fragments
    from search import results

    def cached(request, language, name, vary, build, worth_keeping=None):
        if name == "search:ranked":  # neither read nor kept: ranked on every request
            return build()
        return fragments.cached(request, language, name, vary, build, worth_keeping)

    results.fragments = SimpleNamespace(cached=cached)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
    costs = {}
    for name, path in FIRST_SEARCHES.items():
        for _ in range(3):
            client.get(path)
        started = time.process_time()
        for _ in range(FIRST_SEARCH_REQUESTS):
            status = client.get(path).status_code
        costs[name] = {"ms": 1000 * (time.process_time() - started) / FIRST_SEARCH_REQUESTS, "status": status}
    return costs


def explain_listings() -> dict:
    """EXPLAIN of the listing queries as the views build them (Russian: the sparsest language)."""
    from django.db import connection
    from django.db.models import Subquery
    from wagtail.models import Page

    from news.listings import MAX_PAGES
    from news.models import ArticlePage, CategoryIndexPage, Tag
    from news.models.pages import ARTICLES_PER_PAGE

    section = CategoryIndexPage.objects.live().filter(depth=3).order_by("path").first()
    tag = Tag.objects.order_by("pk").first()
    articles = ArticlePage.objects.published_in("ru")
    in_section = articles.filter(top_section=section).card_rows()
    block = articles.filter(top_section=Subquery(Page.objects.filter(path=section.path).values("pk"))).values(
        "pk"
    )
    kept = MAX_PAGES * ARTICLES_PER_PAGE + 1  # news.listings.newest_ids: once per generation
    page_ids = list(articles.filter(top_section=section).values_list("pk", flat=True)[:ARTICLES_PER_PAGE])
    queries = {
        "home latest": articles.card_rows()[:7],
        "home section block": block[:4],
        "section ids (kept)": articles.filter(top_section=section).values("pk")[:kept],
        "section page rows by id": in_section.filter(pk__in=page_ids),
        "tag ids (kept)": articles.filter(tags=tag).values("pk")[:kept],
        "feed": articles.card_rows()[:30],
    }
    options = {"analyze": True} if connection.vendor == "postgresql" else {}
    return {name: queryset.explain(**options) for name, queryset in queries.items()}


def reader_urls() -> dict:
    from django.db.models import Count

    from news.listings import MAX_PAGES
    from news.models import ArticleAuthor, ArticlePage, CategoryIndexPage, Tag
    from news.models.pages import ARTICLES_PER_PAGE
    from translations.links import page_url

    article = (
        ArticlePage.objects.live()
        .exclude(hero_credit="Archive")
        .filter(title_ru__gt="")
        .order_by("pk")
        .first()
    )
    section = CategoryIndexPage.objects.live().filter(depth=3).order_by("path").first()
    count = ArticlePage.objects.published_in("en").filter(top_section=section).count()
    deep = max(1, min(MAX_PAGES, -(-count // ARTICLES_PER_PAGE)))
    tag = Tag.objects.annotate(n=Count("articles")).order_by("-n").first()
    bylines = (
        ArticleAuthor.objects.values("author__slug").annotate(n=Count("pk")).order_by("-n", "author__slug")
    )
    author = bylines.first()["author__slug"]
    section_url = page_url(section, "en")
    return {
        "article en": page_url(article, "en"),
        "article ru": page_url(article, "ru"),
        "home en": "/en/",
        "home ru": "/ru/",
        "section p1": section_url,
        "section deep": f"{section_url}?page={deep}" if deep > 1 else section_url,
        "tag": f"/en/tags/{tag.slug}/",
        "author": f"/en/authors/{author}/",
        "search": FIRST_SEARCHES["search"],
        "live search": FIRST_SEARCHES["live search"],
        "feed": "/en/feed/rss/",
        "author feed": f"/en/feed/authors/{author}/rss/",
        "news sitemap": "/sitemap-news-en.xml",
        "sitemap": "/sitemap-pages.xml",
        "robots.txt": "/robots.txt",
        "not found": f"{section_url}no-such-article/",
    }


def publish_new_article() -> dict:
    """A new article in English with a new image (no renditions yet) as its hero and in its body."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from news.models import ArticleAuthor, ArticlePage, Author, CategoryIndexPage
    from translations.links import page_url

    image_model = get_image_model()
    source = image_model.objects.order_by("pk").first()
    marker = secrets.token_hex(4)
    with source.file.open("rb") as handle:
        data = handle.read()
    image = image_model(
        title=f"Bench image {marker}", file=ImageFile(io.BytesIO(data), name=f"bench-{marker}.jpg")
    )
    image.save()
    section = CategoryIndexPage.objects.live().filter(depth=3).order_by("path").first()
    article = ArticlePage(
        title_en=f"Bench article {marker}",
        title=f"Bench article {marker}",
        slug=f"bench-article-{marker}",
        slug_en=f"bench-article-{marker}",
        intro_en="A new article for the first-view measurement.",
        hero_image=image,
        body_en=[("paragraph", "<p>First view.</p>"), ("image", {"image": image, "caption": "Bench"})],
    )
    article.article_authors = [ArticleAuthor(author=Author.objects.order_by("pk").first())]
    section.add_child(instance=article)
    article.save_revision().publish()
    return {"url": page_url(article, "en"), "image": image.pk}


# --- A run ------------------------------------------------------------------------------------------------
def manage(env, logs, name, *args, timeout=1800):
    started = time.monotonic()
    faults.run_logged(name, [faults.venv_tool("python"), "manage.py", *args], logs, env=env, timeout=timeout)
    return time.monotonic() - started


def this_script(env, task, *args, timeout=1800) -> str:
    command = [faults.venv_tool("python"), str(Path(__file__).resolve()), "--django-task", task, *args]
    result = subprocess.run(  # noqa: S603
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise faults.SetupError(f"{task} failed: {result.stderr.strip()[-500:]}")
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


TURNS = 4  # each size's share of a URL's time, in turns: demo, archive, archive, demo...


def measure(servers: dict, urls: dict, static: dict, args) -> dict:
    """Each page on every server (one per archive size), in turns, then the same bytes as a static
    file: the machine's speed drifts over minutes, and samples taken side by side share it."""
    rows = {size: {} for size in servers}
    for kind in KINDS:
        if any(kind not in urls[size] for size in servers):
            continue
        expected = EXPECTED.get(kind, 200)
        for size, server in servers.items():
            for _ in range(3):
                get(server.port, urls[size][kind])
        fields = ("cpu", "count", "elapsed", "errors", "scpu", "scount", "selapsed")
        sums = {size: dict.fromkeys(fields, 0) for size in servers}
        order = list(servers)
        for turn in range(TURNS):
            for size in order if turn % 2 == 0 else order[::-1]:
                server, total = servers[size], sums[size]
                cpu = server.cpu_seconds()
                count, elapsed, errors = hammer(
                    server.port, urls[size][kind], args.seconds / TURNS, args.clients, expected
                )
                total["cpu"] += server.cpu_seconds() - cpu
                cpu = server.cpu_seconds()
                static_count, static_elapsed, _e = hammer(
                    server.port, static[size][kind], args.seconds / 2 / TURNS, args.clients
                )
                total["scpu"] += server.cpu_seconds() - cpu
                total["count"] += count
                total["elapsed"] += elapsed
                total["errors"] += errors
                total["scount"] += static_count
                total["selapsed"] += static_elapsed
        for size, total in sums.items():
            rate = total["count"] / total["elapsed"]
            static_rate = total["scount"] / total["selapsed"]
            rows[size][kind] = {
                "cpu_ms": 1000 * total["cpu"] / max(total["count"], 1),
                "static_cpu_ms": 1000 * total["scpu"] / max(total["scount"], 1),
                "rps": rate,
                "x_static": rate / static_rate if static_rate else 0.0,
                "errors": total["errors"],
            }
    for size, server in servers.items():
        rows[size]["_rss"] = server.rss_mb()
    return rows


FIRST_VIEW_ROUNDS = 3  # a new article each: one first request is a single, noisy sample


def first_view(server: Server, env) -> dict:
    result = {}
    for label, scheduler in (("with scheduler", True), ("reader makes renditions", False)):
        firsts, warms, passes = [], [], []
        for _round in range(FIRST_VIEW_ROUNDS):
            published = json.loads(this_script(env, "publish"))
            if scheduler:
                passes.append(manage(env, server.log.parent, "run_scheduler", "run_scheduler", "--once"))
            started = time.monotonic()
            status, _body = get(server.port, published["url"])
            firsts.append(time.monotonic() - started)
            warm = []
            for _ in range(5):
                started = time.monotonic()
                get(server.port, published["url"])
                warm.append(time.monotonic() - started)
            warms.append(statistics.median(warm))
        result[label] = {
            "first": statistics.median(firsts),
            "warm": statistics.median(warms),
            "status": status,
            "scheduler": statistics.median(passes) if passes else 0.0,
        }
    return result


def run_database(kind: str, args) -> list[str]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    os.chmod(tmp, 0o711)  # noqa: S103 - the postgres user traverses it to its data directory
    logs = tmp / "logs"
    logs.mkdir()
    postgres = redis = None
    running = []  # servers to stop if anything fails
    report = []
    try:
        (tmp / "benchsettings.py").write_text(
            f"from newsroom.settings.production import *  # noqa\nSTATIC_ROOT = {str(tmp / 'static')!r}\n"
        )
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("GUNICORN_", "PAGE_CACHE", "FRAGMENT_CACHE"))
        }
        for key in (*faults.PROD_ENV_DROP, "REDIS_URL"):
            env.pop(key, None)
        port = faults.free_port()
        if kind == "postgres":
            postgres = faults.Postgres(tmp, faults.free_port())
            postgres.init()
            database = postgres.url
        else:
            database = f"sqlite:///{tmp / 'bench.sqlite3'}"
        env.update(
            DJANGO_SETTINGS_MODULE="benchsettings",
            PYTHONPATH=f"{tmp}:{ROOT}",
            SECRET_KEY=secrets.token_urlsafe(50),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=database,
            SECURE_SSL_REDIRECT="false",
            MEDIA_ROOT=str(tmp / "media"),
            PAGE_CACHE_DIR=str(tmp / "pagecache"),  # its own, not the checkout's shared one
            SERVE_MEDIA="true",
            WAGTAILADMIN_BASE_URL="http://localhost",
            SITE_URL=f"http://127.0.0.1:{port}",  # what `make serve` writes into the Site record
            PYTHONDONTWRITEBYTECODE="1",
            LOG_LEVEL="WARNING",
        )
        for name, command in (
            ("migrate", ["migrate", "--noinput"]),
            ("update_translation_fields", ["update_translation_fields"]),
            ("compile_translations", ["compile_translations"]),
            ("collectstatic", ["collectstatic", "--noinput", "-v", "0"]),
            ("load_demo_content", ["load_demo_content", "--if-empty", "--warm"]),
            ("set_site_url", ["set_site_url"]),
            ("rebuild_search_documents", ["rebuild_search_documents"]),
        ):
            say(f"[{kind}] {name}: {manage(env, logs, name, *command):.1f} s")
        # The demo-size database is kept, copied, before the archive is added: both sizes are then
        # served side by side and measured in turns (see measure()).
        big = f"{args.total:,}"
        if kind == "postgres":
            createdb = [str(postgres.bin / "createdb"), "-h", "127.0.0.1", "-p", str(postgres.port)]
            createdb += ["-U", "postgres", "-T", "newsroom", "demo"]
            faults.run_logged("createdb", createdb, logs, timeout=120)
            demo_database = postgres.url.rsplit("/", 1)[0] + "/demo"
        else:
            shutil.copyfile(tmp / "bench.sqlite3", tmp / "demo.sqlite3")
            demo_database = f"sqlite:///{tmp / 'demo.sqlite3'}"
        started = time.monotonic()
        this_script(env, "archive", "--total", str(args.total))
        say(f"[{kind}] archive of {args.total:,} articles: {time.monotonic() - started:.1f} s")
        seconds = manage(env, logs, "search", "rebuild_search_documents")
        say(f"[{kind}] rebuild_search_documents: {seconds:.1f} s")
        ports = {"demo": port, big: faults.free_port()}
        envs = {
            size: {
                **env,
                "DATABASE_URL": demo_database if size == "demo" else database,
                "SITE_URL": f"http://127.0.0.1:{ports[size]}",
                "PAGE_CACHE_DIR": str(tmp / f"pagecache-{size.replace(',', '')}"),
            }
            for size in ports
        }
        if args.redis:
            # As production runs: the shared cache and the page cache in Redis (a database each size).
            redis = faults.Redis(tmp, faults.free_port())
            redis.start()
            for index, size in enumerate(ports):
                envs[size]["REDIS_URL"] = f"{redis.url.rsplit('/', 1)[0]}/{index}"
            say(f"[{kind}] caches in redis-server on port {redis.port}")
        manage(envs[big], logs, "set_site_url", "set_site_url")
        urls = {size: json.loads(this_script(envs[size], "urls")) for size in ports}
        for name, plan in json.loads(this_script(envs[big], "explain")).items():
            report.append(f"EXPLAIN [{kind}] {name}:")
            report += [f"    {line}" for line in plan.splitlines()]
        (tmp / "static" / "bench").mkdir(parents=True, exist_ok=True)
        static = {size: {} for size in ports}
        results = {size: {} for size in ports}
        for cached in (False, True):
            flags = {"PAGE_CACHE": "true" if cached else "false", "FRAGMENT_CACHE": args.fragments}
            servers = {
                size: Server(tmp, ports[size], {**envs[size], **flags}, args.workers, f"gunicorn-{index}")
                for index, size in enumerate(ports)
            }
            running.extend(servers.values())
            if not cached:
                # The bytes of each page, served again as a static file by whitenoise (next start).
                for size, server in servers.items():
                    server.start()
                    for name, path in urls[size].items():
                        status, body = get(server.port, path)
                        if status != EXPECTED.get(name, 200):
                            say(f"[{kind}] {size}: {name} {path}: HTTP {status}")
                        file = f"{size.replace(',', '')}-{name.replace(' ', '-')}.html"
                        (tmp / "static" / "bench" / file).write_bytes(body)
                        static[size][name] = f"/static/bench/{file}"
                        results[size].setdefault("bytes", {})[name] = len(body)
                    server.stop()
            for server in servers.values():
                server.start()
            rows = measure(servers, urls, static, args)
            for size in ports:
                results[size][cached] = rows[size]
            if not cached:
                for size in ports:
                    results[size]["first search"] = {}
                for turn in range(TURNS):  # in turns, as above
                    for size in list(ports) if turn % 2 == 0 else list(ports)[::-1]:
                        costs = json.loads(this_script({**envs[size], **flags}, "first-search"))
                        for name, cost in costs.items():
                            results[size]["first search"].setdefault(name, []).append(cost["ms"])
                for size, server in servers.items():
                    try:
                        results[size]["first"] = first_view(server, {**envs[size], **flags})
                    except (faults.SetupError, OSError, http.client.HTTPException, ValueError) as error:
                        say(f"[{kind}] {size}: first view not measured: {str(error)[-300:]}")
                        results[size]["first"] = {}
            for server in servers.values():
                server.stop()
            running.clear()
        shown = []
        for size in ports:
            shown += table(kind, size, urls[size], results[size])
        shown += scaling(kind, big, results)
        print("\n".join(shown), flush=True)
        report += shown
    finally:
        for server in running:
            server.stop()
        if redis is not None:
            redis.stop()
        if postgres is not None:
            try:
                postgres.stop()
            except faults.SetupError:
                postgres.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    return report


def table(kind, size, urls, results) -> list[str]:
    lines = [
        f"== {kind}, {size} articles ==",
        f"{'page':<13} {'uncached: CPU ms':>16} {'req/s':>7} {'× static':>8}   "
        f"{'cached: CPU ms':>14} {'req/s':>7} {'× static':>8} {'static: CPU ms':>14}  URL",
    ]
    for name in KINDS:
        if name not in results[False]:
            continue
        u, c = results[False][name], results[True][name]
        errors = f"  ({u['errors'] + c['errors']} errors)" if u["errors"] + c["errors"] else ""
        lines.append(
            f"{name:<13} {u['cpu_ms']:16.1f} {u['rps']:7.0f} {u['x_static']:8.2f}   "
            f"{c['cpu_ms']:14.1f} {c['rps']:7.0f} {c['x_static']:8.2f} {c['static_cpu_ms']:14.1f}  "
            f"{urls[name]}{errors}"
        )
    rss = results[False]["_rss"] + results[True]["_rss"]
    lines.append(f"worker RSS: max {max(rss):.0f} MB ({', '.join(f'{value:.0f}' for value in rss)})")
    for label, first in results["first"].items():
        lines.append(
            f"new article, {label}: first view {1000 * first['first']:.0f} ms, "
            f"warm {1000 * first['warm']:.0f} ms "
            f"(× {first['first'] / first['warm']:.1f})"
            + (f", scheduler pass {first['scheduler']:.1f} s" if first["scheduler"] else "")
        )
    return lines


def scaling(kind, big, results) -> list[str]:
    """Uncached CPU per request at ``big`` over demo size, from samples taken in turns."""
    lines = [
        f"== {kind}: {big} articles against demo size, uncached, measured in turns ==",
        f"{'page':<13} {'demo: CPU ms':>12} {big + ': CPU ms':>16} {'ratio':>6}   "
        f"{'bytes: demo':>11} {big:>8}",
    ]
    for name in KINDS:
        demo, grown = results["demo"][False].get(name), results[big][False].get(name)
        if demo and grown:
            ratio = grown["cpu_ms"] / demo["cpu_ms"] if demo["cpu_ms"] else 0.0
            sizes = results["demo"]["bytes"][name], results[big]["bytes"][name]  # what the page shows
            lines.append(
                f"{name:<13} {demo['cpu_ms']:12.1f} {grown['cpu_ms']:16.1f} {ratio:6.2f}   "
                f"{sizes[0]:11,} {sizes[1]:8,}"
            )
    lines.append(
        f"A search never asked before (nothing kept), in process, "
        f"{FIRST_SEARCH_REQUESTS} requests x {TURNS} turns:"
    )
    for name in FIRST_SEARCHES:
        demo = statistics.mean(results["demo"]["first search"][name])
        grown = statistics.mean(results[big]["first search"][name])
        lines.append(f"{name:<13} {demo:12.1f} {grown:16.1f} {grown / demo:6.2f}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--total", type=int, default=30_000, help="articles the archive adds (30,000)")
    parser.add_argument("--seconds", type=float, default=2.0, help="per URL and page-cache setting")
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--redis",
        action="store_true",
        help="the caches in a redis-server of its own (REDIS_URL), as in production; default: one host's "
        "memory and file caches",
    )
    parser.add_argument(
        "--fragments",
        choices=["true", "false"],
        default="true",
        help="FRAGMENT_CACHE while the page cache is off (true: what a page-cache miss costs in production)",
    )
    parser.add_argument("--django-task", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.django_task:
        django_task(args.django_task, args.total)
        return
    started = time.monotonic()
    report = []
    try:
        for kind in ("sqlite", "postgres") if args.db == "both" else (args.db,):
            report += run_database(kind, args)
    except faults.SetupError as error:
        print(f"bench/pages.py: {error}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    print(f"\n--- summary ({time.monotonic() - started:.0f} s) ---")
    print("\n".join(report))


if __name__ == "__main__":
    main()
