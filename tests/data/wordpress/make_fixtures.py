# ruff: noqa: E501 - XML templates read best one element per line
"""Writes the WordPress export fixtures of tests/test_wordpress*.py (run once; the output is committed).

``python tests/data/wordpress/make_fixtures.py`` writes, next to this file:

- ``export.xml``: a WXR 1.2 export of a small Polylang site (en default without prefix, az and ru under
  ``/az/`` and ``/ru/``): a trilingual block-editor post, a classic post, a draft, a scheduled, a private
  post, broken markup, invalid UTF-8 and control characters, a German post, a post with no language,
  nested categories and tags in three languages, three authors, attachments and pages;
- ``uploads/2024/05/*``: small generated JPEG and PNG files (``hero-copy.jpg`` repeats ``hero.jpg``);
- ``truncated.xml``: the export cut in the middle of a post; ``bomb.xml``: an entity expansion bomb.

Azerbaijani and Russian sentences come from Wikipedia (see NOTICE.md).
"""

from io import BytesIO
from pathlib import Path

from PIL import Image

HERE = Path(__file__).parent
SITE = "https://example.org"

AZ = [
    "A. Quliyev adına zavodun istehsalat sistemi tamamilə müasirləşdirildi.",
    "Həm sinxron həm də asinxron ötürülməsi bu standart tərəfindən dəstəklənir.",
    "Gümüş 3.8 faiz bahalaşdı.",
]
RU = [
    "5 июля германские войска атаковали советские войска в НОВУРе, но успеха не имели.",
    "За последние 150 лет здесь не было срублено ни одно дерево.",
    "Код КОАТУУ -- 6322682502.",
]


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def term(term_id, taxonomy, slug, name, description="", parent=""):
    return (
        f"<wp:term><wp:term_id>{term_id}</wp:term_id><wp:term_taxonomy>{taxonomy}</wp:term_taxonomy>"
        f"<wp:term_slug>{cdata(slug)}</wp:term_slug><wp:term_parent>{cdata(parent)}</wp:term_parent>"
        f"<wp:term_name>{cdata(name)}</wp:term_name><wp:term_description>{cdata(description)}</wp:term_description></wp:term>"
    )


def php_map(mapping: dict) -> str:
    parts = "".join(f's:{len(k.encode())}:"{k}";i:{v};' for k, v in mapping.items())
    return f"a:{len(mapping)}:{{{parts}}}"


def language(slug, locale, name, term_id):
    desc = f'a:3:{{s:6:"locale";s:{len(locale)}:"{locale}";s:3:"rtl";i:0;s:9:"flag_code";s:2:"{slug[:2]}";}}'
    return term(term_id, "language", slug, name, desc)


def item(
    post_id,
    title,
    *,
    lang=None,
    group=None,
    status="publish",
    post_type="post",
    name="",
    content="",
    excerpt="",
    link="",
    date="2024-05-10 08:00:00",
    creator="alice",
    categories=(),
    tags=(),
    meta=None,
    parent=0,
    sticky=0,
    attachment_url="",
):
    cats = "".join(
        f'<category domain="category" nicename="{c}">{cdata(c.title())}</category>' for c in categories
    )
    cats += "".join(f'<category domain="post_tag" nicename="{t}">{cdata(t.title())}</category>' for t in tags)
    if lang:
        cats += f'<category domain="language" nicename="{lang}">{cdata(lang)}</category>'
    if group:
        cats += f'<category domain="post_translations" nicename="{group}">{cdata(group)}</category>'
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{cdata(k)}</wp:meta_key><wp:meta_value>{cdata(str(v))}</wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    extra = f"<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>" if attachment_url else ""
    return f"""
	<item>
		<title>{cdata(title)}</title>
		<link>{link or SITE + "/?p=" + str(post_id)}</link>
		<pubDate>Fri, 10 May 2024 08:00:00 +0000</pubDate>
		<dc:creator>{cdata(creator)}</dc:creator>
		<guid isPermaLink="false">{SITE}/?p={post_id}</guid>
		<description></description>
		<content:encoded>{cdata(content)}</content:encoded>
		<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date>{cdata(date)}</wp:post_date>
		<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>
		<wp:post_modified_gmt>{cdata(date)}</wp:post_modified_gmt>
		<wp:comment_status>open</wp:comment_status>
		<wp:post_name>{cdata(name)}</wp:post_name>
		<wp:status>{cdata(status)}</wp:status>
		<wp:post_parent>{parent}</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata(post_type)}</wp:post_type>
		<wp:post_password>{cdata("")}</wp:post_password>
		<wp:is_sticky>{sticky}</wp:is_sticky>{extra}
		{cats}{metas}
	</item>"""


def attachment(post_id, file, title, *, lang=None, group=None, caption="", alt="", credit="", parent=0):
    meta = {"_wp_attached_file": file}
    if alt:
        meta["_wp_attachment_image_alt"] = alt
    if credit:
        meta["_media_credit"] = credit
    return item(
        post_id,
        title,
        lang=lang,
        group=group,
        status="inherit",
        post_type="attachment",
        name=title.lower(),
        excerpt=caption,
        link=f"{SITE}/2024/05/{title.lower()}/",
        parent=parent,
        meta=meta,
        attachment_url=f"{SITE}/wp-content/uploads/{file}",
    )


BLOCK_POST_EN = f"""<!-- wp:paragraph -->
<p>Oil prices rose in Baku on Friday. Read <a href="{SITE}/2024/05/classic-post/">the classic post</a> and <a href="https://other.example.com/x">another site</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Markets react</h2>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><!-- wp:list-item --><li>Brent up 2%</li><!-- /wp:list-item --><!-- wp:list-item --><li>Azeri Light up 3%</li><!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:image {{"id":103,"sizeSlug":"large"}} -->
<figure class="wp-block-image size-large"><img src="{SITE}/wp-content/uploads/2024/05/inline-1024x768.png" alt="A chart of prices" class="wp-image-103"/><figcaption class="wp-element-caption">Prices this week</figcaption></figure>
<!-- /wp:image -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph --><p>Demand is strong.</p><!-- /wp:paragraph --><cite>A trader</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:pullquote -->
<figure class="wp-block-pullquote"><blockquote><p>Prices will hold.</p><cite>An analyst</cite></blockquote></figure>
<!-- /wp:pullquote -->

<!-- wp:separator -->
<hr class="wp-block-separator has-alpha-channel-opacity"/>
<!-- /wp:separator -->

<!-- wp:embed {{"url":"https://www.youtube.com/watch?v=jNQXAC9IVRw","type":"video","providerNameSlug":"youtube"}} -->
<figure class="wp-block-embed is-type-video is-provider-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=jNQXAC9IVRw
</div></figure>
<!-- /wp:embed -->

<!-- wp:table -->
<figure class="wp-block-table"><table><tbody><tr><td>Brent</td><td>84</td></tr><tr><td>WTI</td><td>79</td></tr></tbody></table></figure>
<!-- /wp:table -->

<!-- wp:html -->
<p>Raw HTML <b>kept</b><script>alert("x")</script> <a href="javascript:alert(1)">bad link</a></p>
<!-- /wp:html -->

<!-- wp:gallery {{"linkTo":"none"}} -->
<figure class="wp-block-gallery has-nested-images"><!-- wp:image {{"id":104}} -->
<figure class="wp-block-image"><img src="{SITE}/wp-content/uploads/2024/05/gallery-1.jpg" alt="" class="wp-image-104"/></figure>
<!-- /wp:image --><!-- wp:image {{"id":105}} -->
<figure class="wp-block-image"><img src="{SITE}/wp-content/uploads/2024/05/gallery-2.jpg" alt="" class="wp-image-105"/></figure>
<!-- /wp:image --></figure>
<!-- /wp:gallery -->

<!-- wp:jetpack/rating-star {{"rating":4}} -->
<figure class="wp-block-jetpack-rating-star"><span>★★★★</span></figure>
<!-- /wp:jetpack/rating-star -->"""


def block_post(lang_text, sentences):
    return (
        f"<!-- wp:paragraph --><p>{sentences[0]}</p><!-- /wp:paragraph -->"
        f"<!-- wp:heading --><h2>{lang_text}</h2><!-- /wp:heading -->"
        f'<!-- wp:paragraph --><p>{sentences[1]} <a href="{SITE}/2024/05/oil-prices-rise-in-baku/">EN</a></p><!-- /wp:paragraph -->'
    )


CLASSIC = f"""The classic editor wrote this first paragraph.
It has a line break.

[caption id="attachment_103" align="alignnone" width="300"]<img class="size-medium wp-image-103" src="{SITE}/wp-content/uploads/2024/05/inline-300x225.png" alt="Chart" width="300" height="225" /> A captioned chart[/caption]

Second paragraph with a <a href="{SITE}/2024/05/oil-prices-rise-in-baku/">link to the oil story</a>.

[gallery ids="104,105"]

[embed]https://vimeo.com/76979871[/embed]

<img src="{SITE}/wp-content/uploads/2024/05/missing.jpg" class="wp-image-106" alt="gone" />

[contact-form-7 id="12" title="Contact form"]"""

BROKEN = """<p>Unclosed <b>bold and <i>italic
<div>Stray</span> closing tags</p></div></div>
<script>document.write("owned")</script>
<p><a href="javascript:alert('x')" onclick="evil()">click</a> <a href=" jav&#9;ascript:alert(1)">tab</a></p>
<iframe src="https://evil.example.com/frame"></iframe>
<table><tr><td>cell"""


def export(include_invalid=True) -> bytes:
    terms = [
        language("en", "en_US", "English", 2),
        language("az", "az", "Azərbaycan dili", 3),
        language("ru", "ru_RU", "Русский", 4),
        language("de", "de_DE", "Deutsch", 5),
        term(6, "post_translations", "pll_oil", "pll_oil", php_map({"en": 200, "az": 201, "ru": 202})),
        term(7, "post_translations", "pll_about", "pll_about", php_map({"en": 400, "az": 401, "ru": 402})),
        term(8, "post_translations", "pll_donate", "pll_donate", php_map({"en": 403, "ru": 404})),
        term(9, "post_translations", "pll_media", "pll_media", php_map({"en": 100, "az": 101, "ru": 102})),
        term(30, "term_translations", "pll_news", "pll_news", php_map({"en": 10, "az": 11, "ru": 12})),
        term(31, "term_translations", "pll_economy", "pll_economy", php_map({"en": 13, "az": 14, "ru": 15})),
        term(32, "term_translations", "pll_tag_oil", "pll_tag_oil", php_map({"en": 20, "az": 21, "ru": 22})),
    ]
    categories = [
        (1, "uncategorized", "Uncategorized", ""),
        (10, "news", "News", ""),
        (11, "xeberler", "Xəbərlər", ""),
        (12, "novosti", "Новости", ""),
        (13, "economy", "Economy", "news"),
        (14, "iqtisadiyyat", "İqtisadiyyat", "xeberler"),
        (15, "ekonomika", "Экономика", "novosti"),
        (16, "culture", "Culture &amp; Arts", ""),
    ]
    cat_xml = "".join(
        f"<wp:category><wp:term_id>{i}</wp:term_id><wp:category_nicename>{cdata(s)}</wp:category_nicename>"
        f"<wp:category_parent>{cdata(p)}</wp:category_parent><wp:cat_name>{cdata(n)}</wp:cat_name></wp:category>"
        for i, s, n, p in categories
    )
    tags = [(20, "oil", "Oil"), (21, "neft", "Neft"), (22, "neft-ru", "Нефть"), (23, "baku", "Baku")]
    tag_xml = "".join(
        f"<wp:tag><wp:term_id>{i}</wp:term_id><wp:tag_slug>{cdata(s)}</wp:tag_slug><wp:tag_name>{cdata(n)}</wp:tag_name></wp:tag>"
        for i, s, n in tags
    )
    authors = [(1, "alice", "Alice Example"), (2, "bob", "Bob Reporter"), (3, "leyla", "Leyla Məmmədova")]
    author_xml = "".join(
        f"<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
        f"<wp:author_email>{cdata(login + '@example.org')}</wp:author_email>"
        f"<wp:author_display_name>{cdata(name)}</wp:author_display_name><wp:author_first_name>{cdata('')}</wp:author_first_name>"
        f"<wp:author_last_name>{cdata('')}</wp:author_last_name></wp:author>"
        for i, login, name in authors
    )
    ru_slug = "%d1%86%d0%b5%d0%bd%d1%8b-%d0%bd%d0%b0-%d0%bd%d0%b5%d1%84%d1%82%d1%8c"
    items = [
        attachment(
            100,
            "2024/05/hero.jpg",
            "Hero",
            lang="en",
            group="pll_media",
            caption="Baku skyline at dusk",
            alt="The skyline of Baku",
            credit="Aze.Media / R. Aliyev",
            parent=200,
        ),
        attachment(
            101,
            "2024/05/hero.jpg",
            "Hero az",
            lang="az",
            group="pll_media",
            caption="Axşam Bakı",
            alt="Bakının siluеti",
            credit="Aze.Media / R. Aliyev",
            parent=201,
        ),
        attachment(
            102,
            "2024/05/hero.jpg",
            "Hero ru",
            lang="ru",
            group="pll_media",
            caption="Вечерний Баку",
            alt="Силуэт Баку",
            credit="Aze.Media / R. Aliyev",
            parent=202,
        ),
        attachment(103, "2024/05/inline.png", "Inline", lang="en", alt="A chart"),
        attachment(104, "2024/05/gallery-1.jpg", "Gallery 1", lang="en"),
        attachment(105, "2024/05/gallery-2.jpg", "Gallery 2", lang="en"),
        attachment(106, "2024/05/missing.jpg", "Missing", lang="en"),
        attachment(107, "2024/05/hero-copy.jpg", "Hero copy", lang="en"),
        item(
            200,
            "Oil prices rise in Baku",
            lang="en",
            group="pll_oil",
            name="oil-prices-rise-in-baku",
            content=BLOCK_POST_EN,
            excerpt="Brent and Azeri Light climbed on <b>Friday</b>.",
            link=f"{SITE}/2024/05/oil-prices-rise-in-baku/",
            categories=["economy"],
            tags=["oil", "baku"],
            meta={"_thumbnail_id": 100},
            sticky=1,
            date="2024-05-10 08:00:00",
        ),
        item(
            201,
            "Bakıda neftin qiyməti qalxdı",
            lang="az",
            group="pll_oil",
            name="bakida-neftin-qiymeti-qalxdi",
            content=block_post("Bazarlar", AZ),
            excerpt=AZ[2],
            creator="leyla",
            link=f"{SITE}/az/2024/05/bakida-neftin-qiymeti-qalxdi/",
            categories=["iqtisadiyyat"],
            tags=["neft"],
            meta={"_thumbnail_id": 101},
            date="2024-05-10 09:00:00",
        ),
        item(
            202,
            "Цены на нефть в Баку выросли",
            lang="ru",
            group="pll_oil",
            name=ru_slug,
            content=block_post("Рынки", RU),
            excerpt=RU[2],
            creator="bob",
            link=f"{SITE}/ru/2024/05/{ru_slug}/",
            categories=["ekonomika"],
            tags=["neft-ru"],
            meta={"_thumbnail_id": 102},
            date="2024-05-10 10:00:00",
        ),
        item(
            300,
            "Classic post",
            lang="en",
            name="classic-post",
            content=CLASSIC,
            creator="bob",
            link=f"{SITE}/2024/05/classic-post/",
            categories=["news"],
            meta={"_thumbnail_id": 107},
        ),
        item(
            301,
            "Черновик о культуре",
            lang="ru",
            name="chernovik",
            status="pending",
            content=RU[0],
            link=f"{SITE}/ru/?p=301",
            categories=["novosti"],
        ),
        item(
            302,
            "Scheduled for the future",
            lang="en",
            name="scheduled",
            status="future",
            content="Later.",
            link=f"{SITE}/?p=302",
            categories=["news"],
            date="2030-01-01 09:00:00",
        ),
        item(
            303,
            "Private note",
            lang="en",
            name="private-note",
            status="private",
            content="Editors only.",
            link=f"{SITE}/2024/05/private-note/",
            categories=["news"],
        ),
        item(
            304,
            "Broken markup",
            lang="en",
            name="broken-markup",
            content=BROKEN,
            link=f"{SITE}/2024/05/broken-markup/",
            categories=["culture"],
        ),
        item(
            305,
            "Invalid UTF8 TITLEMARK",
            lang="en",
            name="invalid-utf8",
            content="Before INVALIDMARK after.\n\nControl CONTROLMARK char.",
            link=f"{SITE}/2024/05/invalid-utf8/",
            categories=["news"],
        ),
        item(
            306,
            "Ein deutscher Beitrag",
            lang="de",
            name="deutsch",
            content="Hallo.",
            link=f"{SITE}/de/deutsch/",
        ),
        item(
            307, "No language at all", name="no-language", content="Plain text.", link=f"{SITE}/no-language/"
        ),
        item(308, "Trashed", lang="en", name="trashed", status="trash", content="Gone."),
        item(
            400,
            "Who we are",
            lang="en",
            group="pll_about",
            post_type="page",
            name="who-we-are",
            content="<!-- wp:paragraph --><p>An independent newsroom.</p><!-- /wp:paragraph -->",
            link=f"{SITE}/who-we-are/",
        ),
        item(
            401,
            "Biz kimik",
            lang="az",
            group="pll_about",
            post_type="page",
            name="biz-kimik",
            content=f"<!-- wp:paragraph --><p>{AZ[0]}</p><!-- /wp:paragraph -->",
            link=f"{SITE}/az/biz-kimik/",
        ),
        item(
            402,
            "О нас",
            lang="ru",
            group="pll_about",
            post_type="page",
            name="o-nas",
            content=f"<!-- wp:paragraph --><p>{RU[1]}</p><!-- /wp:paragraph -->",
            link=f"{SITE}/ru/o-nas/",
        ),
        item(
            403,
            "Donate",
            lang="en",
            group="pll_donate",
            post_type="page",
            name="donate",
            content="Support us.",
            link=f"{SITE}/donate/",
        ),
        item(
            404,
            "Поддержать",
            lang="ru",
            group="pll_donate",
            post_type="page",
            name="podderzhat",
            content=RU[0],
            link=f"{SITE}/ru/podderzhat/",
        ),
        item(
            405,
            "Contact",
            lang="en",
            post_type="page",
            name="contact",
            content="Write to us.",
            link=f"{SITE}/contact/",
            parent=400,
        ),
        item(500, "Menu item", post_type="nav_menu_item", name="menu-item"),
    ]
    text = f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Example News</title>
	<link>{SITE}</link>
	<description>News in three languages</description>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{SITE}</wp:base_site_url>
	<wp:base_blog_url>{SITE}</wp:base_blog_url>
	{author_xml}
	{cat_xml}
	{tag_xml}
	{"".join(terms)}
	{"".join(items)}
</channel>
</rss>
"""
    data = text.encode("utf-8")
    # Invalid UTF-8 (a Windows-1252 apostrophe, a lone continuation byte) and a control character.
    data = data.replace(b"TITLEMARK", b"caf\xe9").replace(b"INVALIDMARK", b"it\x92s \x80")
    return data.replace(b"CONTROLMARK", b"\x08\x1b")


def picture(size, colour, fmt) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


def main():
    data = export()
    (HERE / "export.xml").write_bytes(data)
    cut = data.index(b"<title><![CDATA[Classic post")
    (HERE / "truncated.xml").write_bytes(data[:cut])
    (HERE / "bomb.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        + "".join(
            f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
            for i in range(1, 10)
        )
        + ']>\n<rss version="2.0"><channel><title>&lol9;</title></channel></rss>\n',
        encoding="utf-8",
    )
    uploads = HERE / "uploads" / "2024" / "05"
    uploads.mkdir(parents=True, exist_ok=True)
    hero = picture((120, 80), (30, 90, 160), "JPEG")
    (uploads / "hero.jpg").write_bytes(hero)
    (uploads / "hero-copy.jpg").write_bytes(hero)
    (uploads / "inline.png").write_bytes(picture((64, 48), (200, 120, 40), "PNG"))
    (uploads / "gallery-1.jpg").write_bytes(picture((60, 40), (20, 140, 80), "JPEG"))
    (uploads / "gallery-2.jpg").write_bytes(picture((60, 40), (140, 20, 80), "JPEG"))


if __name__ == "__main__":
    main()
