""" "Did you mean": for a query that finds nothing, the closest indexed words.

Each typed word whose term is not in the vocabulary (``SearchWord``) is replaced by the indexed word
most similar to it, by trigram similarity (the measure of PostgreSQL's ``pg_trgm``: shared
three-letter pieces of the padded words over all pieces), computed here in Python so that SQLite and
PostgreSQL suggest the same word. Candidates share the word's first two letters (one index range) and
differ in length by two letters at most. A suggestion is only offered when it finds something.
"""

from .models import SearchWord
from .normalize import stem_words

MIN_SIMILARITY = 0.3
MIN_LENGTH = 4


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    first, second = trigrams(a), trigrams(b)
    return len(first & second) / len(first | second)


def closest(word: str, language: str):
    """The (folded word, as written) of the vocabulary closest to ``word``, or None."""
    candidates = SearchWord.objects.filter(language=language, head=word[:2]).values_list("word", "shown")
    best, best_score = None, MIN_SIMILARITY
    for candidate, written in candidates.iterator(chunk_size=2000):
        if candidate == word or abs(len(candidate) - len(word)) > 2:
            continue
        score = similarity(word, candidate)
        if score > best_score or (score == best_score and best and candidate < best[0]):
            best, best_score = (candidate, written), score
    return best


def suggestion(typed: list[str], language: str) -> str | None:
    """The query with each unknown word replaced by its closest indexed word; None when no word
    could be corrected."""
    if not typed:
        return None
    terms = stem_words(typed, language)
    known = set(
        SearchWord.objects.filter(language=language, term__in=set(terms)).values_list("term", flat=True)
    )
    out, changed = [], False
    for word, found in zip(typed, terms, strict=True):
        if found in known or len(word) < MIN_LENGTH or not word.isalpha():
            out.append(word)
            continue
        best = closest(word, language)
        if best is None:
            out.append(word)
            continue
        out.append(best[1])
        changed = True
    return " ".join(out) if changed else None
