"""Reading what the reader typed: words, "quoted phrases" and a last word that may be unfinished.

Everything the database sees is built from folded, stemmed words of letters and digits only, so no
FTS5 or tsquery syntax typed by a reader (``NEAR(``, ``*``, ``" OR 1=1 --``, unbalanced quotes)
reaches the query parser; it is plain text to look for.

The live box and the results page read a query the same way, so that "View all results" lists what
the box showed and more: the last bare word (three letters or more) matches its own term, any term
beginning with it, and the terms of the indexed words it begins (``respublikas`` → the term of
``respublikasının``; see ``search.models.SearchWord``).
"""

import re
from dataclasses import dataclass, field

from .models import SearchWord
from .normalize import MAX_WORD_LENGTH, stem_words, words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MIN_PREFIX_LENGTH = 3
MAX_COMPLETIONS = 30
RANKED_COMPLETIONS = 3
PHRASE = re.compile(r'"([^"]*)"')


@dataclass
class SearchQuery:
    """Groups of terms that must all match; a group of several terms is a phrase. The prefix group
    matches ``prefix`` as the start of a term, or any of ``prefix_terms``."""

    groups: list[list[str]] = field(default_factory=list)
    prefix: str = ""  # the folded, unstemmed last word
    prefix_terms: list[str] = field(default_factory=list)  # its own term first, then completions
    typed: list[str] = field(default_factory=list)  # the folded words, as typed

    def __bool__(self):
        return bool(self.groups or self.prefix)

    @property
    def ranked_terms(self) -> list[str]:
        """The terms that score: every group's, the last word's own term and its first completions
        (so that "hazır" ranks an article with "hazırlıq" among those with "hazır")."""
        found = [term for group in self.groups for term in group]
        found += self.prefix_terms[: 1 + RANKED_COMPLETIONS]
        return list(dict.fromkeys(found))

    @property
    def highlight_terms(self) -> set[str]:
        return {term for group in self.groups for term in group} | set(self.prefix_terms)


def clean(raw: str | None) -> str:
    """The query as shown back to the reader: no control characters, at most 200 characters."""
    text = "".join(
        " " if char.isspace() else char for char in (raw or "") if char.isprintable() or char.isspace()
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def completions(prefix: str, language: str) -> list[str]:
    """Terms of the indexed words that begin with ``prefix`` (shortest words first)."""
    if len(prefix) < MIN_PREFIX_LENGTH or not prefix.isalpha():
        return []
    rows = (
        SearchWord.objects.filter(language=language, head=prefix[:2], word__startswith=prefix)
        .order_by("word")
        .values_list("word", "term")[:500]
    )
    ordered = sorted(rows, key=lambda row: (len(row[0]), row[0]))
    return list(dict.fromkeys(found for _word, found in ordered))[:MAX_COMPLETIONS]


def parse(text: str, language: str, *, prefix: bool = True) -> SearchQuery:
    """Words and quoted phrases of ``text``. With ``prefix`` the last bare word of three letters or
    more also matches longer words ("Bak" finds "Bakıda")."""
    query = SearchQuery()
    budget = MAX_TERMS
    phrases = PHRASE.findall(text)
    bare = words(PHRASE.sub(" ", text).replace('"', " "))
    query.typed = [*bare]
    for phrase in phrases:
        stems = stem_words(words(phrase), language)[:budget]
        budget -= len(stems)
        if stems:
            query.groups.append(stems)
    last = None
    if prefix and bare and len(bare[-1]) >= MIN_PREFIX_LENGTH and not text.rstrip().endswith('"'):
        last = bare.pop()
    for stem in stem_words(bare, language)[: max(budget, 0)]:
        if [stem] not in query.groups:
            query.groups.append([stem])
    if last is not None:
        last = last[:MAX_WORD_LENGTH]
        query.prefix = last
        own = stem_words([last], language)[0]
        query.prefix_terms = list(dict.fromkeys([own, *completions(last, language)]))
    return query
