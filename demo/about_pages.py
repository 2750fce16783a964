""" "Who we are" and "Donate": short texts written for the demo in each language."""

import random

from about.models import AboutPage, ContentPage

from .pages import LANGUAGES, block_id, translated, upsert

ABOUT = {
    "title": {"en": "Who we are", "az": "Biz kimik", "ru": "О нас"},
    "slug": {"en": "who-we-are", "az": "biz-kimik", "ru": "o-nas"},
    "intro": {
        "en": "An independent newsroom for Azerbaijan and the region, in three languages.",
        "az": "Azərbaycan və region üçün üç dildə işləyən müstəqil xəbər redaksiyası.",
        "ru": "Независимая редакция об Азербайджане и регионе на трёх языках.",
    },
    "body": {
        "en": [
            ("heading", "Our mission"),
            (
                "paragraph",
                "We report on politics, the economy, energy, culture and everyday life in "
                "Azerbaijan and its neighbours, and we publish in English, Azerbaijani and Russian.",
            ),
            (
                "paragraph",
                "Our editors and correspondents work from Baku, Tbilisi and Istanbul. We check "
                "every fact, name our sources and correct our mistakes in public.",
            ),
            ("quote", "Good journalism explains; it does not shout."),
            ("heading", "Contact"),
            ("paragraph", "Write to info@aze.media.example with tips, corrections and questions."),
        ],
        "az": [
            ("heading", "Missiyamız"),
            (
                "paragraph",
                "Biz Azərbaycan və qonşu ölkələrdə siyasət, iqtisadiyyat, enerji, mədəniyyət və "
                "gündəlik həyat haqqında yazırıq və ingilis, Azərbaycan və rus dillərində dərc edirik.",
            ),
            (
                "paragraph",
                "Redaktorlarımız və müxbirlərimiz Bakıda, Tbilisidə və İstanbulda çalışır. Hər faktı "
                "yoxlayır, mənbələrimizi göstərir və səhvlərimizi açıq şəkildə düzəldirik.",
            ),
            ("quote", "Yaxşı jurnalistika qışqırmır, izah edir."),
            ("heading", "Əlaqə"),
            ("paragraph", "Məlumat, düzəliş və suallarınızı info@aze.media.example ünvanına göndərin."),
        ],
        "ru": [
            ("heading", "Наша миссия"),
            (
                "paragraph",
                "Мы пишем о политике, экономике, энергетике, культуре и повседневной жизни "
                "Азербайджана и соседних стран и публикуемся на английском, азербайджанском и русском.",
            ),
            (
                "paragraph",
                "Наши редакторы и корреспонденты работают в Баку, Тбилиси и Стамбуле. Мы проверяем "
                "каждый факт, называем источники и публично исправляем ошибки.",
            ),
            ("quote", "Хорошая журналистика объясняет, а не кричит."),
            ("heading", "Контакты"),
            ("paragraph", "Пишите на info@aze.media.example: новости, исправления и вопросы."),
        ],
    },
}

DONATE = {
    "title": {"en": "Donate", "az": "İanə", "ru": "Поддержать"},
    "slug": {"en": "donate", "az": "iane", "ru": "podderzhat"},
    "intro": {
        "en": "Independent journalism depends on its readers.",
        "az": "Müstəqil jurnalistika oxucularından asılıdır.",
        "ru": "Независимая журналистика держится на читателях.",
    },
    "body": {
        "en": [
            (
                "paragraph",
                "We do not take money from governments or political parties. Your support pays "
                "for reporting trips, translation and fact-checking.",
            ),
            ("heading", "How to help"),
            (
                "paragraph",
                "This is a demo site: no payment is taken here. A real site would link to its "
                "payment provider on this page.",
            ),
        ],
        "az": [
            (
                "paragraph",
                "Biz hökumətlərdən və siyasi partiyalardan pul almırıq. Dəstəyiniz reportaj "
                "səfərlərini, tərcüməni və faktların yoxlanılmasını maliyyələşdirir.",
            ),
            ("heading", "Necə kömək etmək olar"),
            (
                "paragraph",
                "Bu, nümayiş saytıdır: burada ödəniş qəbul edilmir. Əsl saytda bu səhifədə ödəniş "
                "xidmətinə keçid olardı.",
            ),
        ],
        "ru": [
            (
                "paragraph",
                "Мы не берём денег у правительств и политических партий. Ваша поддержка "
                "оплачивает командировки, перевод и проверку фактов.",
            ),
            ("heading", "Как помочь"),
            (
                "paragraph",
                "Это демонстрационный сайт: платежи здесь не принимаются. На настоящем сайте "
                "здесь была бы ссылка на платёжный сервис.",
            ),
        ],
    },
}


def _stream(rng, items, attribution: str) -> list[dict]:
    blocks = []
    for kind, text in items:
        if kind == "heading":
            value = {"text": text, "level": "h2"}
        elif kind == "quote":
            value = {"text": text, "attribution": attribution}
        else:
            value = f"<p>{text}</p>"
        blocks.append({"type": kind, "value": value, "id": block_id(rng)})
    return blocks


def _fields(spec) -> dict:
    rng = random.Random(spec["slug"]["en"])
    return {
        **translated("title", spec["title"]),
        **translated("slug", spec["slug"]),
        **translated("intro", spec["intro"]),
        **{f"body_{code}": _stream(rng, spec["body"][code], "Aze.Media") for code in LANGUAGES},
    }


def build_about_pages(home):
    about = upsert(home, AboutPage, ABOUT["slug"]["en"], _fields(ABOUT))
    donate = upsert(home, ContentPage, DONATE["slug"]["en"], _fields(DONATE))
    return [about, donate]
