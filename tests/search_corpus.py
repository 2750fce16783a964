"""Articles built from the real Azerbaijani and Russian sentences in tests/data (see NOTICE.md)."""

from pathlib import Path
from types import SimpleNamespace

DATA = Path(__file__).parent / "data"


def sentences(language: str) -> list[str]:
    return (DATA / f"{language}-sentences.txt").read_text(encoding="utf-8").splitlines()


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


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
    return SimpleNamespace(talks=talks, parade=parade, russian_only=russian_only, islam=islam)
