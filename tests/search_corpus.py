"""Articles built from the real Azerbaijani and Russian sentences in tests/data (see NOTICE.md), and the
helpers the search test modules share. The ``corpus`` fixture (conftest) is :func:`build`."""

from itertools import count
from pathlib import Path
from types import SimpleNamespace

from django.utils import translation
from modelsearch import index as wagtail_search_index

DATA = Path(__file__).parent / "data"
_versions = count(1)


def sentences(language: str) -> list[str]:
    return (DATA / f"{language}-sentences.txt").read_text(encoding="utf-8").splitlines()


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def url_in(page, language: str) -> str:
    """``page.get_url()`` with ``language`` active: the link a reader of that language is given."""
    with translation.override(language):
        return page.get_url()


def result_titles(client, language: str, query: str, **params) -> list[str]:
    """The titles on the results page ``/<language>/search/?q=<query>``, in order."""
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return [item["page"].title for item in response.context["results"].items]


def article_in(make_article, section, language: str, title: str, body: str, **kwargs):
    """An article readers of ``language`` can find (it also exists in English, the base language,
    which every page needs; the English text shares nothing with it)."""
    if language == "en":
        return make_article(section, title_en=title, languages=("en",), body=paragraph(body), **kwargs)
    return make_article(
        section,
        title_en=f"English version {next(_versions)}",
        languages=("en", language),
        body={"en": paragraph("The English version."), language: paragraph(body)},
        **{f"title_{language}": title},
        **kwargs,
    )


def build(tree, make_article) -> SimpleNamespace:
    """Four articles; the comments say which rule each one is there for."""
    ru, az = sentences("ru"), sentences("az")
    talks = make_article(
        tree.karabakh,
        # Russian forms ("переговорах", "азербайджанского"), Azerbaijani letters, English endings.
        title_en="Sides agree to new sanction talks",
        title_az="Tərəflər Qarabağ barədə danışıqlara razılaşdı",
        title_ru="Стороны договорились о новых переговорах",
        body={
            "en": paragraph("The sanction was lifted after a long night."),
            "az": paragraph(az[168]),  # "... müasir şəhər infrastrukturu quruldu."
            "ru": paragraph(ru[47]),
        },  # "... победил азербайджанского боксёра ..."
    )
    parade = make_article(
        tree.news,
        title_en="Heroes of the parade",
        title_az="Paradın qəhrəmanları",
        title_ru="Герои парада",
        body={
            "en": paragraph("Veterans marched through the square."),
            "az": paragraph(az[264]),  # "Radio ilk olaraq yalnız Bakı və Abşeron ..."
            "ru": paragraph(ru[96]),
        },  # "... несли знамёна прославленных частей ..."
    )
    russian_only = make_article(
        tree.news,
        title_en="A visit to the capital",
        title_ru="Визит в столицу Азербайджана",
        languages=("en", "ru"),  # no Azerbaijani version
        # ru: "Здесь обитает несколько десятков видов птиц."
        body={"en": paragraph("Birds of the capital."), "ru": paragraph(ru[4])},
    )
    islam = make_article(
        tree.opinion,
        title_en="Cities of the east",
        title_az="ŞƏRQİN ŞƏHƏRLƏRİ",
        languages=("en", "az"),
        body={
            "en": paragraph("A history of the region."),
            "az": paragraph(az[266]),
        },  # "... Zərəncə yerləşib İslamı yaymağa çalışdı."
    )
    corpus = SimpleNamespace(talks=talks, parade=parade, russian_only=russian_only, islam=islam)
    # The factories leave Wagtail's own search index out (tests.factories.without_wagtail_indexes); the
    # corpus is also searched through it (NEWSROOM_SEARCH_ENGINE="wagtail"), so index it as a save would.
    for page in vars(corpus).values():
        wagtail_search_index.insert_or_update_object(page)
    return corpus
