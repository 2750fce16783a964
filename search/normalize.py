"""Text normalisation shared by indexing and querying, identical on SQLite and PostgreSQL.

Readers type without Azerbaijani letters, in any grammatical form, in any case; the index and the
query go through the same steps so that they meet:

1. lower case, with the dotted and dotless i folded together (``İ``/``I``/``ı``/``i`` -> ``i``);
2. ``ё`` -> ``е`` and Latin letters stripped of their marks (``ş`` -> ``s``, ``ğ`` -> ``g``,
   ``ç`` -> ``c``, ``ö`` -> ``o``, ``ü`` -> ``u``) plus the schwa ``ə`` -> ``e``, which has no
   decomposition (neither SQLite's ``unicode61`` tokenizer nor PostgreSQL's ``unaccent`` folds it);
   Cyrillic keeps its marks (``й`` stays ``й``);
3. words stemmed with the Snowball stemmer of the text's language (Russian, English). Azerbaijani
   has no Snowball stemmer: its words are only folded, and the live box matches the last word as a
   prefix.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

STEMMERS = {"en": "english", "ru": "russian"}
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


@lru_cache(maxsize=8)
def _stemmer(language: str):
    algorithm = STEMMERS.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def words(text: str) -> list[str]:
    """The folded words of ``text``, without punctuation."""
    return [word[:MAX_WORD_LENGTH] for word in WORD.findall(fold(text))]


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in word)


def stem_words(items: list[str], language: str) -> list[str]:
    """Stem folded words. Cyrillic words are stemmed as Russian in every language (an English
    article quoting a Russian name still matches its other forms) and Latin words as English in
    English text."""
    russian = _stemmer("ru")
    own = _stemmer(language)
    stemmed = []
    for word in items:
        if _is_cyrillic(word):
            stemmed.append(russian.stemWord(word))
        elif own is not None and language != "ru":
            stemmed.append(own.stemWord(word))
        else:
            stemmed.append(word)
    return stemmed


def terms(text: str, language: str) -> list[str]:
    """Index or query terms of ``text`` written in ``language``."""
    return stem_words(words(text), language)


def document(text: str, language: str) -> str:
    """``text`` as the space-separated terms stored in the search index."""
    return " ".join(terms(text, language))
