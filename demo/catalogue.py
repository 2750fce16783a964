"""The fixed parts of the demo: sections, authors, tags, sources and the site's own texts.

Every entry carries its text in each site language (en, az, ru). English is written for the demo;
Azerbaijani and Russian titles are short phrases written for it too. Article bodies in those two
languages come from real Wikipedia sentences (see demo/NOTICE.md and demo/text.py).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    key: str
    titles: dict
    slugs: dict
    intros: dict
    colour: tuple  # two RGB colours for the generated images
    parent: str | None = None
    children: list = field(default_factory=list)


def _section(key, titles, slugs, intros, colour, parent=None):
    return Section(
        key=key,
        titles=dict(zip(("en", "az", "ru"), titles, strict=True)),
        slugs=dict(zip(("en", "az", "ru"), slugs, strict=True)),
        intros=dict(zip(("en", "az", "ru"), intros, strict=True)),
        colour=colour,
        parent=parent,
    )


SECTIONS = [
    _section(
        "news",
        ("News", "Xəbərlər", "Новости"),
        ("news", "xeberler", "novosti"),
        (
            "The day's news from Azerbaijan, the South Caucasus and the wider region.",
            "Azərbaycan, Cənubi Qafqaz və regiondan günün xəbərləri.",
            "Главные новости дня из Азербайджана, Южного Кавказа и региона.",
        ),
        ((18, 52, 86), (52, 140, 200)),
    ),
    _section(
        "economy",
        ("Economy", "İqtisadiyyat", "Экономика"),
        ("economy", "iqtisadiyyat", "ekonomika"),
        (
            "Markets, budgets, trade and the people they affect.",
            "Bazarlar, büdcə, ticarət və onların insanlara təsiri.",
            "Рынки, бюджет, торговля и то, как они влияют на людей.",
        ),
        ((20, 70, 50), (90, 180, 120)),
        parent="news",
    ),
    _section(
        "energy",
        ("Energy", "Enerji", "Энергетика"),
        ("energy", "enerji", "energetika"),
        (
            "Oil, gas, pipelines and the shift to renewables.",
            "Neft, qaz, boru kəmərləri və bərpa olunan enerjiyə keçid.",
            "Нефть, газ, трубопроводы и переход к возобновляемой энергетике.",
        ),
        ((90, 40, 10), (230, 150, 40)),
        parent="news",
    ),
    _section(
        "ecology",
        ("Ecology", "Ekologiya", "Экология"),
        ("ecology", "ekologiya", "ekologiya"),
        (
            "The Caspian, water, air and climate.",
            "Xəzər, su, hava və iqlim.",
            "Каспий, вода, воздух и климат.",
        ),
        ((10, 60, 40), (120, 200, 90)),
        parent="news",
    ),
    _section(
        "opinion",
        ("Opinion", "Rəy", "Мнение"),
        ("opinion", "rey", "mnenie"),
        (
            "Columns and commentary from our writers and guests.",
            "Müəlliflərimizin və qonaqlarımızın köşə yazıları və şərhləri.",
            "Колонки и комментарии наших авторов и гостей.",
        ),
        ((70, 20, 60), (200, 90, 160)),
    ),
    _section(
        "culture",
        ("Culture", "Mədəniyyət", "Культура"),
        ("culture", "medeniyyet", "kultura"),
        (
            "Music, film, books, art and heritage.",
            "Musiqi, kino, kitablar, incəsənət və irs.",
            "Музыка, кино, книги, искусство и наследие.",
        ),
        ((80, 30, 20), (220, 110, 80)),
    ),
    _section(
        "diaspora",
        ("Diaspora", "Diaspor", "Диаспора"),
        ("diaspora", "diaspor", "diaspora"),
        (
            "Azerbaijanis abroad and the communities they build.",
            "Xaricdə yaşayan azərbaycanlılar və onların icmaları.",
            "Азербайджанцы за рубежом и их общины.",
        ),
        ((30, 30, 80), (120, 120, 220)),
    ),
    _section(
        "interview",
        ("Interview", "Müsahibə", "Интервью"),
        ("interview", "musahibe", "intervyu"),
        (
            "Conversations with the people shaping the region.",
            "Regionun gələcəyinə təsir edən insanlarla söhbətlər.",
            "Беседы с людьми, которые меняют регион.",
        ),
        ((40, 40, 40), (160, 160, 170)),
    ),
    _section(
        "science",
        ("Science", "Elm", "Наука"),
        ("science", "elm", "nauka"),
        (
            "Research, universities and discoveries.",
            "Tədqiqatlar, universitetlər və kəşflər.",
            "Исследования, университеты и открытия.",
        ),
        ((10, 40, 90), (60, 190, 220)),
    ),
    _section(
        "logistics-transport",
        ("Logistics & Transport", "Logistika və nəqliyyat", "Логистика и транспорт"),
        ("logistics-transport", "logistika-neqliyyat", "logistika-transport"),
        (
            "Corridors, ports, railways and the routes between Europe and Asia.",
            "Dəhlizlər, limanlar, dəmir yolları və Avropa ilə Asiya arasındakı yollar.",
            "Коридоры, порты, железные дороги и маршруты между Европой и Азией.",
        ),
        ((50, 50, 20), (200, 190, 70)),
    ),
    _section(
        "gender",
        ("Gender", "Gender", "Гендер"),
        ("gender", "gender", "gender"),
        (
            "Equality, rights and the lives of women and men.",
            "Bərabərlik, hüquqlar, qadınların və kişilərin həyatı.",
            "Равенство, права и жизнь женщин и мужчин.",
        ),
        ((90, 20, 50), (240, 120, 150)),
    ),
    _section(
        "history",
        ("History", "Tarix", "История"),
        ("history", "tarix", "istoriya"),
        (
            "The past that explains the present.",
            "Bu günü izah edən keçmiş.",
            "Прошлое, которое объясняет настоящее.",
        ),
        ((60, 45, 25), (190, 160, 110)),
    ),
    _section(
        "defense",
        ("Defense", "Müdafiə", "Оборона"),
        ("defense", "mudafie", "oborona"),
        (
            "Armed forces, security and regional alliances.",
            "Silahlı qüvvələr, təhlükəsizlik və regional ittifaqlar.",
            "Вооружённые силы, безопасность и региональные союзы.",
        ),
        ((25, 45, 25), (110, 140, 90)),
    ),
    _section(
        "karabakh",
        ("Karabakh", "Qarabağ", "Карабах"),
        ("karabakh", "qarabag", "karabakh"),
        (
            "Return, reconstruction and life in Karabakh.",
            "Qayıdış, bərpa və Qarabağda həyat.",
            "Возвращение, восстановление и жизнь в Карабахе.",
        ),
        ((20, 60, 70), (80, 200, 190)),
    ),
]
SECTIONS_BY_KEY = {section.key: section for section in SECTIONS}

# (key, names en/az/ru, role en/az/ru)
AUTHORS = [
    (
        "leyla",
        ("Leyla Aliyeva", "Leyla Əliyeva", "Лейла Алиева"),
        ("economics correspondent", "iqtisadiyyat müxbiri", "экономический корреспондент"),
    ),
    (
        "rashad",
        ("Rashad Mammadov", "Rəşad Məmmədov", "Рашад Мамедов"),
        ("energy editor", "enerji redaktoru", "редактор отдела энергетики"),
    ),
    (
        "nigar",
        ("Nigar Huseynova", "Nigar Hüseynova", "Нигяр Гусейнова"),
        ("culture writer", "mədəniyyət müəllifi", "обозреватель отдела культуры"),
    ),
    (
        "elvin",
        ("Elvin Guliyev", "Elvin Quliyev", "Эльвин Кулиев"),
        ("defence analyst", "hərbi analitik", "военный аналитик"),
    ),
    (
        "aysel",
        ("Aysel Karimova", "Aysel Kərimova", "Айсель Керимова"),
        ("science reporter", "elm müxbiri", "научный корреспондент"),
    ),
    (
        "tural",
        ("Tural Hasanli", "Tural Həsənli", "Турал Гасанлы"),
        ("transport correspondent", "nəqliyyat müxbiri", "корреспондент по транспорту"),
    ),
    (
        "anna",
        ("Anna Petrova", "Anna Petrova", "Анна Петрова"),
        ("contributing editor", "redaktor", "приглашённый редактор"),
    ),
    (
        "farid",
        ("Farid Ismayilov", "Fərid İsmayılov", "Фарид Исмаилов"),
        ("history columnist", "tarix köşə yazarı", "колумнист по истории"),
    ),
]


def author_bio(role: dict) -> dict:
    return {
        "en": f"Aze.Media {role['en']}, based in Baku.",
        "az": f"Aze.Media-nın {role['az']}, Bakıda yaşayır.",
        "ru": f"{role['ru'].capitalize()} Aze.Media, живёт в Баку.",
    }


# (slug, en, az, ru)
TAGS = [
    ("energy-security", "Energy security", "Enerji təhlükəsizliyi", "Энергетическая безопасность"),
    ("middle-corridor", "Middle Corridor", "Orta Dəhliz", "Средний коридор"),
    ("south-caucasus", "South Caucasus", "Cənubi Qafqaz", "Южный Кавказ"),
    ("peace-process", "Peace process", "Sülh prosesi", "Мирный процесс"),
    ("cop29", "COP29", "COP29", "COP29"),
    ("caspian-sea", "Caspian Sea", "Xəzər dənizi", "Каспийское море"),
    ("reconstruction", "Reconstruction", "Bərpa", "Восстановление"),
    ("oil-and-gas", "Oil and gas", "Neft və qaz", "Нефть и газ"),
    ("renewables", "Renewables", "Bərpa olunan enerji", "Возобновляемая энергетика"),
    ("women", "Women", "Qadınlar", "Женщины"),
    ("education", "Education", "Təhsil", "Образование"),
    ("railways", "Railways", "Dəmir yolları", "Железные дороги"),
    ("heritage", "Heritage", "İrs", "Наследие"),
    ("migration", "Migration", "Miqrasiya", "Миграция"),
    ("security", "Security", "Təhlükəsizlik", "Безопасность"),
]

SOURCES = [
    ("The Moscow Times", "https://www.themoscowtimes.com/"),
    ("Trend", "https://en.trend.az/"),
    ("Eurasianet", "https://eurasianet.org/"),
    ("OC Media", "https://oc-media.org/"),
]

SITE_SETTINGS = {
    "footer_about": {
        "en": "Aze.Media is an independent newsroom covering Azerbaijan, the South Caucasus and the "
        "Caspian region in English, Azerbaijani and Russian.",
        "az": "Aze.Media Azərbaycan, Cənubi Qafqaz və Xəzər regionu haqqında ingilis, Azərbaycan və "
        "rus dillərində yazan müstəqil xəbər redaksiyasıdır.",
        "ru": "Aze.Media — независимая редакция, которая пишет об Азербайджане, Южном Кавказе и "
        "Каспийском регионе на английском, азербайджанском и русском языках.",
    },
    "copyright_line": {
        "en": "© Aze.Media. All rights reserved.",
        "az": "© Aze.Media. Bütün hüquqlar qorunur.",
        "ru": "© Aze.Media. Все права защищены.",
    },
    "contact_email": "info@aze.media.example",
    "facebook_url": "https://www.facebook.com/aze.media.example",
    "x_url": "https://x.com/aze_media_example",
    "telegram_url": "https://t.me/aze_media_example",
    "youtube_url": "https://www.youtube.com/@aze-media-example",
    "instagram_url": "https://www.instagram.com/aze.media.example",
}

HOME = {
    "title": "Aze.Media",
    "tagline": {
        "en": "Independent news and analysis from Azerbaijan and the region",
        "az": "Azərbaycan və regiondan müstəqil xəbərlər və təhlillər",
        "ru": "Независимые новости и аналитика из Азербайджана и региона",
    },
}
