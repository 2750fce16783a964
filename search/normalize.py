"""Text normalisation shared by indexing and querying, identical on SQLite and PostgreSQL.

Readers type without Azerbaijani letters, in any grammatical form, in any case; the index and the
query go through the same steps so that they meet:

1. lower case, with the dotted and dotless i folded together (``İ``/``I``/``ı``/``i`` -> ``i``);
2. ``ё`` -> ``е`` and Latin letters stripped of their marks (``ş`` -> ``s``, ``ğ`` -> ``g``,
   ``ç`` -> ``c``, ``ö`` -> ``o``, ``ü`` -> ``u``) plus the schwa ``ə`` -> ``e``, which has no
   decomposition (neither SQLite's ``unicode61`` tokenizer nor PostgreSQL's ``unaccent`` folds it);
   Cyrillic keeps its marks (``й`` stays ``й``);
3. each word reduced to the term stored in the index:
   - Russian (any Cyrillic word, in every language): its dictionary form from pymorphy3's OpenCorpora
     dictionary (``начнем``/``начал`` → ``начать``, ``ураганом`` → ``ураган``, ``именем`` → ``имя``),
     or, for a word the dictionary does not know, its Snowball stem;
   - Azerbaijani: the stem of ``search.azerbaijani`` (case, possessive, plural and verb suffixes);
   - English: the Snowball (Porter 2) stem.

The analysers are loaded once per process and each word's term is cached (``lru_cache``): a word
seen once is never analysed again, which keeps indexing 30,000 articles to seconds.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import pymorphy3
import snowballstemmer

from . import azerbaijani, dictionary

STEMMERS = {"en": "english", "ru": "russian"}
WORD_CACHE = 100_000  # per function: about 20 MB at most each in a long-running worker
# Letters without a Unicode decomposition that readers type as plain Latin letters.
EXTRA_FOLDS = str.maketrans({"ə": "e", "ı": "i", "ё": "е", "ß": "ss", "ø": "o", "ł": "l", "đ": "d"})
WORD = re.compile(r"[^\W_]+")
MAX_WORD_LENGTH = 40


def _is_latin(char: str) -> bool:
    return char.isascii() or "\u00c0" <= char <= "\u024f"


def fold(text: str) -> str:
    """Lower-case ``text`` and fold the letters readers do not type (see the module docstring)."""
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))
    # Python lowers "İ" to "i" + combining dot above; the mark is dropped below.
    text = text.lower().translate(EXTRA_FOLDS)
    out = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and out and _is_latin(out[-1]):
            continue
        if char == "\u0307":  # the dot of a lowered "İ"
            continue
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


# Snowball stemmers keep the word being stemmed on the object, so one stemmer shared by a worker's
# threads (gunicorn runs two) mixes their words up ("string index out of range"): one per thread.
_per_thread = threading.local()


def _stemmer(language: str):
    stemmers = _per_thread.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        algorithm = STEMMERS.get(language)
        stemmers[language] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return stemmers[language]


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    dictionary.map_files()  # shared by the workers, not copied into each (search.dictionary)
    return pymorphy3.MorphAnalyzer(lang="ru")


def words(text: str) -> list[str]:
    """The folded words of ``text``, without punctuation."""
    return [word[:MAX_WORD_LENGTH] for word in WORD.findall(fold(text))]


@lru_cache(maxsize=WORD_CACHE)
def fold_word(word: str) -> str:
    return fold(word)[:MAX_WORD_LENGTH]


def tokens(text: str):
    """``(match, folded word)`` for each word of ``text`` as written: the match gives its place and
    spelling (snippets, the vocabulary), the folded word is what ``words`` gives."""
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))
    for match in WORD.finditer(text):
        folded = fold_word(match.group())
        if folded:
            yield match, folded


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in word)


@lru_cache(maxsize=WORD_CACHE)
def russian_term(word: str) -> str:
    """A folded Russian word's dictionary form; its Snowball stem when the dictionary lacks it."""
    parse = _morph().parse(word)[0]
    if parse.is_known:
        return parse.normal_form.replace("ё", "е")
    return _stemmer("ru").stemWord(word)


@lru_cache(maxsize=WORD_CACHE)
def english_term(word: str) -> str:
    return _stemmer("en").stemWord(word)


def term(word: str, language: str) -> str:
    """The index term of one folded word of a text in ``language``."""
    if _is_cyrillic(word):
        return russian_term(word)
    if language == "az":
        return azerbaijani.stem(word)
    if language == "en":
        return english_term(word)
    return word


def stem_words(items: list[str], language: str) -> list[str]:
    """Index terms of folded words. Cyrillic words are Russian in every language (an English
    article quoting a Russian name still matches its other forms); Latin words take the analysis of
    the text's language."""
    return [term(word, language) for word in items]


def terms(text: str, language: str) -> list[str]:
    """Index or query terms of ``text`` written in ``language``."""
    return stem_words(words(text), language)


def document(text: str, language: str) -> str:
    """``text`` as the terms stored in the search index: separated by one space, with one space
    before the first and after the last, so that every term is found as ``" term "``."""
    found = terms(text, language)
    return f" {' '.join(found)} " if found else ""
