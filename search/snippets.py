"""The snippet under each result: the stretch of the text with most of the query's words, those
words marked.

A word is marked when it reduces to one of the query's terms (so ``Bakıda`` is marked for ``baki``
and ``начал`` for ``начнем``) or, for the last word typed, begins with it. Everything else is
HTML-escaped; the result is safe to print as it is.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .normalize import term, tokens
from .query import SearchQuery

WINDOW = 30  # words shown
MAX_WORDS = 5000  # words of a long article looked at


def _matches(folded: str, query: SearchQuery, terms: set[str], language: str) -> bool:
    if query.prefix and folded.startswith(query.prefix):
        return True
    return term(folded, language) in terms


def snippet(text: str, query: SearchQuery, language: str, window: int = WINDOW) -> str:
    """HTML: about ``window`` words of ``text`` around the best cluster of matches, matches in
    ``<mark>``; the text's beginning when nothing matches (a title-only match)."""
    if not text:
        return ""
    terms = query.highlight_terms
    found = []
    for count, (match, folded) in enumerate(tokens(text)):
        if count >= MAX_WORDS:
            break
        found.append((match, _matches(folded, query, terms, language)))
    if not found:
        return ""
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
