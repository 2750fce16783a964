"""The snippet under each result: the stretch of the text with most of the query's words, those
words marked.

A word is marked when it reduces to one of the query's terms (so ``Bakıda`` is marked for ``baki``
and ``начал`` for ``начнем``) or, for the last word typed, begins with it. Everything else is
HTML-escaped; the result is safe to print as it is.
"""

from itertools import islice

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .normalize import term, tokens
from .query import SearchQuery

WINDOW = 30  # words shown
MAX_WORDS = 5000  # words of a long article looked at


def snippet(text: str, query: SearchQuery, language: str, window: int = WINDOW, stored: str = "") -> str:
    """HTML: about ``window`` words of ``text`` around the best cluster of matches, matches in
    ``<mark>``; the text's beginning when nothing matches (a title-only match).

    ``stored`` is the document's ``body_terms``: the term of each word of ``text``, in order (both
    come from ``search.indexing``), so no word is analysed again here. Without it, or when it does
    not line up with the text, each word is reduced to its term as the index does."""
    if not text:
        return ""
    wanted = query.highlight_terms
    pairs = list(islice(tokens(text), MAX_WORDS))
    if not pairs:
        return ""
    known = stored.split()
    if len(known) != len(pairs) and not (len(pairs) == MAX_WORDS and len(known) > MAX_WORDS):
        known = [term(folded, language) for _match, folded in pairs]
    found = [
        (match, bool(query.prefix and folded.startswith(query.prefix)) or found_term in wanted)
        for (match, folded), found_term in zip(pairs, known, strict=False)
    ]
    hits = [index for index, (_match, hit) in enumerate(found) if hit]
    start = 0
    if hits:
        # The window that holds most matches (then the earliest), starting a few words before it.
        best, most, last = 0, 0, 0
        for first in range(len(hits)):
            while last < len(hits) and hits[last] < hits[first] + window - 3:
                last += 1
            if last - first > most:
                best, most = first, last - first
        start = max(0, hits[best] - 3)
    end = min(len(found), start + window)
    start = max(0, end - window)
    pieces = []
    position = found[start][0].start()
    for match, hit in found[start:end]:
        pieces.append(escape(text[position : match.start()]))
        word = escape(match.group())
        pieces.append(f"<mark>{word}</mark>" if hit else word)
        position = match.end()
    html = "".join(pieces)
    if start > 0:
        html = "… " + html
    if end < len(found):
        html += " …"
    return mark_safe(html)  # noqa: S308 - every piece of text above is escaped
