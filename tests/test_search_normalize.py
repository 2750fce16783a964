"""How queries and text are folded and stemmed (search.normalize, search.query): no database."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from search import normalize
from search.normalize import document, fold
from search.query import clean, parse


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Qarabağ", "qarabag"),
        ("şəhər", "seher"),
        ("Bakı", "baki"),
        ("BAKI", "baki"),
        ("İSLAM", "islam"),
        ("ıslam", "islam"),
        ("Gəncə Çay Ölkə Üzüm", "gence cay olke uzum"),
        ("Ёлка", "елка"),
        ("Йод", "йод"),  # Cyrillic keeps its marks
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_russian_forms_share_a_stem():
    assert document("переговоры", "ru") == document("переговорах", "ru")
    assert document("Азербайджан", "ru") == document("Азербайджана", "ru")


def test_english_endings_share_a_stem():
    assert document("sanctions", "en") == document("sanction", "en")


def test_query_syntax_is_plain_text():
    query = parse('" OR 1=1 -- NEAR( * x "y', "en")
    # The first two quotes make a phrase of the words between them; the unbalanced third is dropped.
    assert query.groups == [["or", "1", "1", "near", "x"], ["y"]]


@pytest.mark.django_db
def test_phrases_and_prefix():
    query = parse('"müasir şəhər" Bak', "az", prefix=True)
    assert query.groups == [[document("müasir", "az").strip(), document("şəhər", "az").strip()]]
    assert query.prefix == "bak"


def test_clean_drops_control_characters_and_truncates():
    assert clean("a\x00b\nc") == "ab c"
    assert len(clean("x" * 10_000)) == 200


def test_stemming_from_several_threads_gives_each_word_its_own_stem():
    # gunicorn serves with two threads per worker; a Snowball stemmer shared between them mixed words up.
    endings = {"en": ("", "s", "ing", "ed", "al", "ally"), "ru": ("", "ами", "ах", "ов", "ей")}
    stems = {"en": ("nation", "connect", "run", "general"), "ru": ("переговор", "город", "строител")}
    words = [(lang, stem + end) for lang in stems for stem in stems[lang] for end in endings[lang]]
    expected = {word: normalize._stemmer(lang).stemWord(word) for lang, word in words}

    def stem_all(_):
        return {word: normalize._stemmer(lang).stemWord(word) for lang, word in words * 200}

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(stem_all, range(8)))

    assert all(result == expected for result in results)
