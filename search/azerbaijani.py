"""An Azerbaijani stemmer for search: inflectional suffixes stripped from folded words.

It works on words already folded by ``search.normalize.fold`` (``ə``→``e``, ``ı``→``i``, ``ğ``→``g``,
``ş``→``s``, ``ç``→``c``, ``ö``→``o``, ``ü``→``u``), so a query typed without Azerbaijani letters or on
a Turkish keyboard is stemmed exactly like the text. Folding merges the vowels that vowel harmony
chooses between (``ı/i``, ``u/ü``, ``o/ö``, ``ə/e``), so each suffix below stands for all its harmonic
variants: ``lar``/``ler`` (``-lar/-lər``), ``in``/``un`` (``-ın/-in/-un/-ün``), ``da``/``de`` ...

Suffixes are stripped from the end, longest first, as long as what remains is a plausible stem
(three letters or more with a vowel). Words are stripped
again after each suffix, so ``Respublikasının`` → ``respublikasi`` → ``respublika`` → ``respublik``,
and the bare word ``Respublika`` arrives at the same ``respublik``: what matters for search is that
every form of a word and its bare form meet, not that the stem is a dictionary word. The final
consonant alternations before a vowel (``uşaq``/``uşağı``, ``ürək``/``ürəyi``) and the buffer ``y``
(``Bakıya``) are undone by writing a final ``q`` as ``g`` and dropping a final ``k``/``y``/``s`` after a
vowel (``s``, ``n`` because ``-sı``, ``-nın`` after a vowel and ``-ı``, ``-ın`` after ``s``, ``n``
look alike: ``Respublika-sı``/``xilas-ı``, ``Bakı-nın``/``rayon-un``).

Covered: plural; the six cases (with the buffer consonants ``y``, ``n``, ``s``); possessives of all
persons; the ``-dakı``/``-ki`` relative; the copula ``-dır``; person endings; the common verb suffixes
(infinitive, past ``-dı``/``-mış``, present ``-ır``, future ``-acaq``, aorist, obligation ``-malı``,
conditional ``-sa``, participles ``-an``/``-dığ``, converbs ``-ıb``/``-araq``, negation ``-ma``).
Of the derivational suffixes the commonest go too (``-lıq``, ``-lı``, ``-çı``, ``-sal``, ``-dar``:
``yaşıllıq`` finds ``yaşıl``, ``Azərbaycanlı`` finds ``Azərbaycan``); ``kitabxana`` stays apart
from ``kitab``.
Evaluated against the PyPI stemmers and Snowball's Turkish in ``tests/test_search_azerbaijani.py``.
"""

from functools import lru_cache

VOWELS = frozenset("aeiou")

# Folded forms; harmonic variants fold together (see the module docstring). Endings in q, k are
# written as the stripping sees them after ``_canonical`` (-acaq → "acag", -ərək → "ere"). Longest first.
# fmt: off
SUFFIXES = sorted(
    {
        # plural, and plural + 3rd person possessive
        "lar", "ler", "lari", "leri",
        # genitive
        "in", "un", "nin", "nun",
        # dative
        "a", "e", "ya", "ye", "na", "ne",
        # accusative
        "i", "u", "ni", "nu", "yi", "yu",
        # locative, ablative
        "da", "de", "nda", "nde", "dan", "den", "ndan", "nden",
        # instrumental (-la/-lə, -yla/-ylə; ilə written together)
        "la", "le", "yla", "yle", "ile",
        # possessives: 1sg, 2sg, 3sg, 1pl, 2pl
        "im", "um", "m", "si", "su", "imiz", "umuz", "miz", "muz", "iniz", "unuz", "niz", "nuz",
        # relative -dakı (a bare -ki is too often part of the word: bitki, tarixi)
        "daki", "deki", "ndaki", "ndeki",
        # copula -dır, -dırlar, and "idi/imiş" written together
        "dir", "dur", "dirlar", "dirler", "durlar", "durler", "idi", "ydi", "imis", "ymis",
        # person endings
        "am", "em", "yam", "yem", "san", "sen", "ig", "yig", "siniz", "sunuz", "siz", "suz",
        # infinitive, verbal noun
        "mak", "mek", "maq", "mag", "ma", "me", "masi", "mesi",
        # past -dı (with person endings), -mış, converb -ıb; negative -ma + -dı/-mış/-ır
        "di", "du", "dim", "dum", "din", "dun", "dik", "duk", "diq", "duq", "diniz", "dunuz",
        "mis", "mus", "ib", "ub", "yib", "yub", "madi", "medi", "mamis", "memis", "mir", "mur",
        # present -ır, -yır
        "ir", "ur", "yir", "yur",
        # future -acaq / -əcək (before a vowel -acağ / -əcəy; a final k/y is dropped first)
        "acag", "ece", "yacag", "yece",
        # aorist
        "ar", "er",
        # obligation, conditional
        "mali", "meli", "sa", "se", "ysa", "yse",
        # participles -an, -dığ/-dik; converbs -araq, -madan
        "an", "en", "yan", "yen", "dig", "dug", "diy", "duy", "arag", "yarag",
        "madan", "meden",
        # the commonest derivations, which readers expect to find with the bare word: -lıq/-lik
        # (after _canonical "lig", "li"), -lı, -çı, -sal, -dar (measured: bench/search.py --split dev)
        "lig", "lug", "li", "lu", "ci", "cu", "sal", "sel", "dar",
    },
    key=len,
    reverse=True,
)
# fmt: on
MAX_PASSES = 6


def _plausible(stem: str) -> bool:
    """Three letters or more with a vowel. (Two-letter roots such as "ev", "ol", "et", "öl" would
    gather far too many words once folded; their forms still find each other through the live
    box's completions.)"""
    return len(stem) >= 3 and bool(VOWELS & set(stem))


def _canonical(word: str) -> str:
    """Final q/ğ and k/y alternate before vowels (uşaq/uşağı, ürək/ürəyi) and y is also the buffer
    after a vowel (Bakıya): write a final q as g and drop a final k or y after a vowel, so that
    "urek", "urey(i)" and "ure(ye)" meet. A final s or n after a vowel goes too: after a vowel
    the 3rd person possessive is -sı (Respublika-sı) and the genitive -nın (Bakı-nın), so
    "xilas-ı" and "rayon-un" read as "xila-sı" and "rayo-nun"; dropping the consonant keeps them
    with "xilas" and "rayon"."""
    if word.endswith("q"):
        return word[:-1] + "g"
    if len(word) > 3 and word[-1] in "kysn" and word[-2] in VOWELS:
        return word[:-1]
    return word


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The stem of a folded Azerbaijani word (see the module docstring)."""
    if not word.isalpha() or len(word) <= 2:
        return word
    for _ in range(MAX_PASSES):
        word = _canonical(word)
        for suffix in SUFFIXES:
            if word.endswith(suffix) and _plausible(word[: -len(suffix)]):
                word = word[: -len(suffix)]
                break
        else:
            break
    return _canonical(word)
