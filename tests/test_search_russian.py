"""Russian search through dictionary forms (pymorphy3, OpenCorpora), with Snowball for unknown words:
verb forms and irregular stems find each other (the examples of issue 14)."""

import pytest

from search.normalize import document, russian_term
from tests.search_corpus import article_in, result_titles


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("начнем", "Строители начали работу"),
        ("скажет", "Министр обещал сказать правду"),
        ("едут", "Туристы ехали на автобусе"),
        ("зайти", "Президент зашел в музей"),
        ("ураган", "Город накрыло ураганом"),
        ("имя", "Улица названа именем поэта"),
        ("список", "Новые имена добавлены к спискам"),
        ("ЁЛКА", "На площади поставили ёлки"),
    ],
)
def test_other_forms_find_the_article(client, site_tree, make_article, query, text):
    article_in(make_article, site_tree.news, "ru", text, "Подробности позже.")
    article_in(make_article, site_tree.news, "ru", "Погода на выходные", "Тепло.")
    assert result_titles(client, "ru", query) == [text]


def test_dictionary_forms_and_the_snowball_fallback():
    assert document("начнем", "ru") == document("начал", "ru") == " начать "
    assert document("ураганом", "ru") == document("ураган", "ru")
    # A word the dictionary does not know is stemmed: its forms still meet.
    assert russian_term("зюзюкиной") == russian_term("зюзюкина")


def test_terms_are_cached_per_word():
    russian_term.cache_clear()
    for _ in range(3):
        russian_term("переговорах")
    assert russian_term.cache_info().hits == 2
