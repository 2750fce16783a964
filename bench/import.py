# ruff: noqa: E501 - XML templates read best one element per line
"""How fast the WordPress import is: a generated Polylang export, imported into a fresh database.

    .venv/bin/python bench/import.py [--posts 10000] [--keep DIR]

Writes a WXR file with ``--posts`` posts in three languages (groups of en/az/ru translations, block-editor
content with headings, lists, quotes, an inline image and a link to an earlier post; nested categories
and tags in three languages; five authors; twenty attachments with small JPEG files), migrates a new
SQLite database in a temporary folder, makes the home page, then runs ``manage.py import_wordpress`` in a
child process and prints posts per second, the time and the child's peak memory (renditions are not
made: nobody views the pages). A second run of the same file shows the cost of an unchanged re-import.
"""

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://bench.example.org"
LANGUAGES = ("en", "az", "ru")
SECTIONS = [
    ("news", "xeberler", "novosti"),
    ("economy", "iqtisadiyyat", "ekonomika"),
    ("culture", "medeniyyet", "kultura"),
]


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def php_map(mapping: dict) -> str:
    return f"a:{len(mapping)}:{{" + "".join(f's:{len(k)}:"{k}";i:{v};' for k, v in mapping.items()) + "}"


def sentences(language: str) -> list[str]:
    if language == "en":
        return [
            f"The delegation discussed trade, energy and transport corridor number {n}." for n in range(40)
        ]
    path = ROOT / "tests" / "data" / f"{language}-sentences.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_export(path: Path, posts: int, rng: random.Random) -> int:
    groups = posts // len(LANGUAGES)
    text = {code: sentences(code) for code in LANGUAGES}
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Bench</title><link>{SITE}</link><wp:wxr_version>1.2</wp:wxr_version>"
            f"<wp:base_site_url>{SITE}</wp:base_site_url><wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for number in range(5):
            out.write(
                f"<wp:author><wp:author_id>{number + 1}</wp:author_id><wp:author_login>{cdata(f'author{number}')}"
                f"</wp:author_login><wp:author_display_name>{cdata(f'Author {number}')}</wp:author_display_name></wp:author>\n"
            )
        for position, code in enumerate(LANGUAGES):
            out.write(
                f"<wp:term><wp:term_id>{position + 1}</wp:term_id><wp:term_taxonomy>language</wp:term_taxonomy>"
                f"<wp:term_slug>{code}</wp:term_slug><wp:term_name>{code}</wp:term_name></wp:term>\n"
            )
        term = 100
        for number, slugs in enumerate(SECTIONS):
            ids = {}
            for code, slug in zip(LANGUAGES, slugs, strict=True):
                term += 1
                ids[code] = term
                parent = SECTIONS[0][LANGUAGES.index(code)] if number else ""
                out.write(
                    f"<wp:category><wp:term_id>{term}</wp:term_id><wp:category_nicename>{slug}</wp:category_nicename>"
                    f"<wp:category_parent>{parent}</wp:category_parent><wp:cat_name>{cdata(slug.title())}</wp:cat_name></wp:category>\n"
                )
            out.write(
                f"<wp:term><wp:term_id>{900 + number}</wp:term_id><wp:term_taxonomy>term_translations</wp:term_taxonomy>"
                f"<wp:term_slug>pll_cat{number}</wp:term_slug><wp:term_description>{cdata(php_map(ids))}</wp:term_description></wp:term>\n"
            )
        for number in range(50):
            ids = {}
            for code in LANGUAGES:
                term += 1
                ids[code] = term
                out.write(
                    f"<wp:tag><wp:term_id>{term}</wp:term_id><wp:tag_slug>tag{number}-{code}</wp:tag_slug>"
                    f"<wp:tag_name>{cdata(f'Tag {number} {code}')}</wp:tag_name></wp:tag>\n"
                )
            out.write(
                f"<wp:term><wp:term_id>{2000 + number}</wp:term_id><wp:term_taxonomy>term_translations</wp:term_taxonomy>"
                f"<wp:term_slug>pll_tag{number}</wp:term_slug><wp:term_description>{cdata(php_map(ids))}</wp:term_description></wp:term>\n"
            )
        for number in range(20):
            post_id = 10 + number
            out.write(
                f"<item><title>Photo {number}</title><link>{SITE}/photo-{number}/</link><wp:post_id>{post_id}</wp:post_id>"
                f"<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
                f"<wp:attachment_url>{SITE}/wp-content/uploads/2024/01/photo-{number}.jpg</wp:attachment_url>"
                f"<excerpt:encoded>{cdata(f'Caption {number}')}</excerpt:encoded>"
                f"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{cdata(f'2024/01/photo-{number}.jpg')}</wp:meta_value></wp:postmeta>"
                f"<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>{cdata(f'Alt {number}')}</wp:meta_value></wp:postmeta>"
                "</item>\n"
            )
        post_id = 1000
        for group in range(groups):
            ids = {code: post_id + i for i, code in enumerate(LANGUAGES)}
            post_id += len(LANGUAGES)
            out.write(
                f"<wp:term><wp:term_id>{10000 + group}</wp:term_id><wp:term_taxonomy>post_translations</wp:term_taxonomy>"
                f"<wp:term_slug>pll_p{group}</wp:term_slug><wp:term_description>{cdata(php_map(ids))}</wp:term_description></wp:term>\n"
            )
            section = rng.randrange(len(SECTIONS))
            tag = rng.randrange(50)
            photo = 10 + rng.randrange(20)
            for index, code in enumerate(LANGUAGES):
                lines = rng.sample(text[code], 6)
                slug = f"story-{group}-{code}"
                prefix = "" if code == "en" else f"/{code}"
                earlier = f"{SITE}{prefix}/2024/01/story-{max(group - 1, 0)}-{code}/"
                body = (
                    f'<!-- wp:paragraph --><p>{lines[0]} <a href="{earlier}">{lines[1][:30]}</a></p><!-- /wp:paragraph -->'
                    f"<!-- wp:heading --><h2>{lines[2][:80]}</h2><!-- /wp:heading -->"
                    f"<!-- wp:paragraph --><p>{lines[3]}</p><!-- /wp:paragraph -->"
                    f'<!-- wp:image {{"id":{photo}}} --><figure class="wp-block-image"><img src="{SITE}/wp-content/uploads/2024/01/photo-{photo - 10}.jpg" class="wp-image-{photo}" alt=""/><figcaption>{lines[4][:60]}</figcaption></figure><!-- /wp:image -->'
                    f"<!-- wp:list --><ul><li>{lines[4][:60]}</li><li>{lines[5][:60]}</li></ul><!-- /wp:list -->"
                    f'<!-- wp:quote --><blockquote class="wp-block-quote"><p>{lines[5]}</p><cite>Author</cite></blockquote><!-- /wp:quote -->'
                )
                out.write(
                    f"<item><title>{cdata(f'{group} ' + lines[0][:70])}</title><link>{SITE}{prefix}/2024/01/{slug}/</link>"
                    f"<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate><dc:creator>author{group % 5}</dc:creator>"
                    f'<guid isPermaLink="false">{SITE}/?p={ids[code]}</guid>'
                    f"<content:encoded>{cdata(body)}</content:encoded><excerpt:encoded>{cdata(lines[1])}</excerpt:encoded>"
                    f"<wp:post_id>{ids[code]}</wp:post_id><wp:post_date_gmt>2024-01-01 10:{index:02d}:00</wp:post_date_gmt>"
                    f"<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                    f'<category domain="category" nicename="{SECTIONS[section][index]}">{cdata("x")}</category>'
                    f'<category domain="post_tag" nicename="tag{tag}-{code}">{cdata("x")}</category>'
                    f'<category domain="language" nicename="{code}">{cdata(code)}</category>'
                    f'<category domain="post_translations" nicename="pll_p{group}">{cdata("pll")}</category>'
                    f"<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>{photo}</wp:meta_value></wp:postmeta>"
                    "</item>\n"
                )
        out.write("</channel>\n</rss>\n")
    return groups * len(LANGUAGES)


def write_media(folder: Path) -> None:
    from PIL import Image

    target = folder / "2024" / "01"
    target.mkdir(parents=True, exist_ok=True)
    for number in range(20):
        buffer = BytesIO()
        Image.new("RGB", (320, 200), (number * 12, 80, 200 - number * 8)).save(buffer, "JPEG")
        (target / f"photo-{number}.jpg").write_bytes(buffer.getvalue())


def manage(env, *args, check=True):
    return subprocess.run(  # noqa: S603 - our own manage.py, no shell
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000, help="WordPress posts (three languages a group)")
    parser.add_argument(
        "--keep", help="write the export, media and database here instead of a temporary folder"
    )
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="wp-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    export, media = folder / "export.xml", folder / "uploads"
    started = time.monotonic()
    posts = write_export(export, args.posts, random.Random(1))
    write_media(media)
    print(
        f"export: {posts} posts, {export.stat().st_size / 1e6:.1f} MB, written in {time.monotonic() - started:.1f} s"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.test",
        "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "TEST_MEDIA_ROOT": str(folder / "media"),
    }
    manage(env, "migrate", "--noinput")
    manage(env, "shell", "-c", "from demo.pages import ensure_home; ensure_home()")
    for run in ("first import", "re-import (unchanged)"):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.monotonic()
        result = manage(env, "import_wordpress", str(export), "--media", str(media), check=False)
        seconds = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if result.returncode:
            print(result.stdout[-2000:], result.stderr[-2000:])
            raise SystemExit(f"{run}: exit status {result.returncode}")
        print(
            f"\n{run}: {seconds:.1f} s, {posts / seconds:.1f} posts/s, peak memory {max(peak, before) / 1024:.0f} MB"
        )
        print(result.stdout.strip())


if __name__ == "__main__":
    main()
