"""Body text for the demo: English sentences written for it, Azerbaijani and Russian from Wikipedia.

All choices go through a ``random.Random`` seeded per article, so the demo is the same on every run.
"""

from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

ENGLISH_SENTENCES = [
    "Officials in Baku said the plan would be reviewed again before the end of the year.",
    "The figures were published on Monday and immediately drew questions from independent economists.",
    "Residents we spoke to were cautious, saying they had heard similar promises before.",
    "Much depends on funding that has been announced but not yet approved.",
    "Neighbouring countries are watching closely, since the outcome affects them as well.",
    "A spokesperson for the ministry declined to give a timetable.",
    "The numbers tell only part of the story; the rest is in the details of how the work is done.",
    "Experts note that the region has seen several such initiatives over the past decade.",
    "Some of the earlier projects were completed on time, while others stalled for years.",
    "Local businesses say they need clear rules more than they need subsidies.",
    "The debate has moved from whether to act to how quickly it can be done.",
    "Critics argue that the benefits will reach the capital long before the regions.",
    "Supporters reply that every large change starts somewhere.",
    "International partners have offered technical help and, in some cases, loans.",
    "The first results are expected within eighteen months.",
    "Data from the statistics committee show a steady trend since 2021.",
    "For families outside Baku, the practical effects are likely to be modest at first.",
    "Journalists were allowed to visit the site for the first time last week.",
    "The work has been slowed by weather, supply problems and a shortage of specialists.",
    "Universities have started new courses to train the people the sector will need.",
    "Several villages along the route have already seen new roads and water pipes.",
    "An independent review is due to be published in the spring.",
    "Not everyone agrees with the government's estimate of the costs.",
    "The story is far from over, and we will keep following it.",
    "Young people in particular say they want to see the results for themselves.",
    "The agreement leaves several sensitive questions for later talks.",
    "Comparable projects in Georgia and Kazakhstan offer useful lessons.",
    "Prices have risen, but more slowly than many had feared.",
    "Those involved describe the atmosphere as businesslike and constructive.",
    "Questions about transparency and public oversight remain open.",
]

SECTION_SENTENCES = {
    "energy": [
        "Gas from the Caspian now reaches markets as far away as Italy.",
        "Renewable projects still make up a small share of total generation.",
    ],
    "economy": [
        "The manat has been stable against the dollar for several years.",
        "Non-oil exports are growing, though from a low base.",
    ],
    "ecology": [
        "Water levels in the Caspian have been falling for more than two decades.",
        "Air quality in Baku worsens on windless summer days.",
    ],
    "karabakh": [
        "Whole towns are being rebuilt from the ground up.",
        "Mine clearance remains the first step before any construction.",
    ],
    "logistics-transport": [
        "Freight between China and Europe increasingly crosses the Caspian.",
        "Ferries and railways must work to the same timetable for the route to pay off.",
    ],
    "culture": [
        "Concert halls and galleries report larger audiences than before the pandemic.",
        "Traditional crafts are finding new buyers online.",
    ],
    "science": [
        "Research funding has increased, but remains below the regional average.",
        "Young scientists say equipment matters as much as salaries.",
    ],
    "history": [
        "Archives opened in recent years have changed what historians know.",
        "Much of this history was written down only in family letters.",
    ],
}

HEADINGS = {
    "en": ["Key points", "Background", "What changes", "The numbers", "What comes next", "Reactions"],
    "az": ["Əsas məqamlar", "Kontekst", "Nə dəyişir", "Rəqəmlər", "Sonrakı addımlar", "Reaksiyalar"],
    "ru": ["Главное", "Контекст", "Что меняется", "Цифры", "Что дальше", "Реакция"],
}

QUOTES_EN = [
    "We are not asking for miracles, only for the work to be finished.",
    "The region has everything it needs except patience.",
    "This is the beginning of a long process, not the end of one.",
    "People will judge us by what they see in their own street.",
]

LABELS = {
    "caption": {
        "en": "Illustration for the {section} section",
        "az": "{section} bölməsi üçün illüstrasiya",
        "ru": "Иллюстрация к разделу «{section}»",
    },
    "alt": {
        "en": "Abstract graphic in the colours of the {section} section with the words “{label}”",
        "az": "{section} bölməsinin rənglərində “{label}” sözləri yazılmış mücərrəd qrafika",
        "ru": "Абстрактная графика в цветах раздела «{section}» с надписью «{label}»",
    },
    "gallery": {"en": "In pictures", "az": "Fotolarda", "ru": "В фотографиях"},
    # The related-link block prints its own "Read also" label: the link text is the title alone.
    "read_also": {"en": "{title}", "az": "{title}", "ru": "{title}"},
    "watch": {"en": "Watch", "az": "İzləyin", "ru": "Смотрите"},
}

# The table shown in Economy and Energy stories (illustrative figures): caption, header row, rows.
OUTPUT_TABLE = {
    "en": ("Oil and gas output", ["", "2023", "2024", "2025"],
           [["Oil, million tonnes", "30.2", "29.4", "28.7"], ["Gas, billion m³", "46.3", "48.1", "49.6"]]),
    "az": ("Neft və qaz hasilatı", ["", "2023", "2024", "2025"],
           [["Neft, milyon ton", "30,2", "29,4", "28,7"], ["Qaz, milyard m³", "46,3", "48,1", "49,6"]]),
    "ru": ("Добыча нефти и газа", ["", "2023", "2024", "2025"],
           [["Нефть, млн тонн", "30,2", "29,4", "28,7"], ["Газ, млрд м³", "46,3", "48,1", "49,6"]]),
}  # fmt: skip


@cache
def sentences(language: str) -> tuple[str, ...]:
    """The Azerbaijani or Russian Wikipedia sentences shipped in demo/data/."""
    path = DATA_DIR / f"{language}-sentences.txt"
    return tuple(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


def pick_sentences(rng, language: str, section_key: str, words: int) -> list[str]:
    """Sentences in ``language`` adding up to about ``words`` words."""
    if language == "en":
        pool = ENGLISH_SENTENCES + SECTION_SENTENCES.get(section_key, []) * 2
    else:
        pool = list(sentences(language))
    chosen, count = [], 0
    while count < words:
        sentence = rng.choice(pool)
        chosen.append(sentence)
        count += len(sentence.split())
    return chosen


def paragraphs(rng, language: str, section_key: str, words: int) -> list[str]:
    """About ``words`` words as paragraphs of two to five sentences."""
    remaining = pick_sentences(rng, language, section_key, words)
    result = []
    while remaining:
        size = rng.randint(2, 5)
        result.append(" ".join(remaining[:size]))
        remaining = remaining[size:]
    return result


def one_sentence(rng, language: str, section_key: str = "") -> str:
    return pick_sentences(rng, language, section_key, 1)[0]


@cache
def headlines() -> tuple[tuple, ...]:
    """The demo articles from demo/data/articles.tsv: (section, en, standfirst, az, ru, [tag slugs])."""
    rows = []
    for line in (DATA_DIR / "articles.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        section, en, intro, az, ru, tags = line.split("\t")
        rows.append((section, en, intro, az, ru, [tag for tag in tags.split(",") if tag]))
    return tuple(rows)
