"""Reading what the reader typed: words, "quoted phrases" and, in the live box, a last-word prefix.

Everything the database sees is built from folded, stemmed words of letters and digits only, so no
FTS5 or tsquery syntax typed by a reader (``NEAR(``, ``*``, ``" OR 1=1 --``, unbalanced quotes)
reaches the query parser; it is plain text to look for.
"""

import re
from dataclasses import dataclass, field

from .normalize import stem_words, words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MIN_PREFIX_LENGTH = 3
PHRASE = re.compile(r'"([^"]*)"')


@dataclass
class SearchQuery:
    """Groups of terms that must all match; a group of several terms is a phrase."""

    groups: list[list[str]] = field(default_factory=list)
    prefix: str = ""  # the unstemmed last word, matched as a prefix (live box)

    def __bool__(self):
        return bool(self.groups or self.prefix)


def clean(raw: str | None) -> str:
    """The query as shown back to the reader: no control characters, at most 200 characters."""
    text = "".join(
        " " if char.isspace() else char for char in (raw or "") if char.isprintable() or char.isspace()
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def parse(text: str, language: str, *, prefix: bool = False) -> SearchQuery:
    """Words and quoted phrases of ``text``. With ``prefix`` the last bare word also matches
    longer words ("Bak" finds "Bakıda") when it has at least three letters."""
    query = SearchQuery()
    budget = MAX_TERMS
    phrases = PHRASE.findall(text)
    bare = words(PHRASE.sub(" ", text).replace('"', " "))
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
        query.prefix = last
    return query
