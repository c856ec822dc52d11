"""The words search looks for, in each language: what a page is indexed by and what
a query is looked up by. Both go through the same steps, so every search backend
(SQLite, PostgreSQL, OpenSearch) only has to match whole index words:

1. Arabic-script letters are folded as readers type them (home/arabic_script.py);
   lower case; an English possessive ('s) is dropped.
2. The text is cut into words: letters and digits of any script.
3. Each word becomes its stem ("key"): a number is its digits (2019ەوە is 2019);
   a word in Latin letters goes through the English stemmer (english.py), whatever
   the page's language, so "CPT-IK" or "Daesh" are found in every language; a word
   in Arabic script goes through the stemmer of the page's language (arabic.py,
   sorani.py). Words of one letter are left out.
4. A word of a page may have more than one key (an Arabic word with و or ب in
   front is also indexed without it); a query word has one, its stem as typed.

docs/translation.md "Search" describes this for editors, and how to add a language.
"""

import re

from home.arabic_script import fold_with_positions
from home.stemming import arabic, english, sorani

# The stemmer for Arabic-script words, by language; English has none (Arabic-script
# words on an English page are only folded).
ARABIC_SCRIPT_STEMMERS = {"ar": arabic, "ckb": sorani}

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")


def _keys(word, language, as_typed):
    number = _NUMBER.match(word)
    if number:
        return [number.group()]
    if _LATIN.match(word):
        stemmer = english
    else:
        stemmer = ARABIC_SCRIPT_STEMMERS.get(language)
        if stemmer is None:
            return [word]
    return [stemmer.stem(word)] if as_typed else stemmer.variants(word)


def words(text, language):
    """(start, end, keys) of each word of `text`: where it is in `text`, and the
    keys a page with this text is indexed by."""
    folded, positions = fold_with_positions(_POSSESSIVE.sub("  ", text))
    for match in _WORD.finditer(folded):
        word = match.group()
        if len(word) < 2 and not word.isdigit():
            continue
        start, end = positions[match.start()], positions[match.end() - 1] + 1
        yield start, end, _keys(word, language, as_typed=False)


def index_text(text, language):
    """The keys of every word of `text`, as one string for the search index."""
    return " ".join(key for _start, _end, keys in words(text, language) for key in keys)


def query_keys(query, language, limit=10):
    """The keys of a visitor's query, each once, at most `limit`: punctuation,
    markup and operators are dropped, so nothing typed reaches the search engine as
    syntax."""
    folded, _positions = fold_with_positions(_POSSESSIVE.sub("  ", query))
    keys = []
    for word in _WORD.findall(folded):
        if len(word) < 2 and not word.isdigit():
            continue
        keys.extend(_keys(word, language, as_typed=True))
    return list(dict.fromkeys(keys))[:limit]
