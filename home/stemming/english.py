"""English words for search: the Snowball English ("Porter2") stemmer of the
snowballstemmer package, so "bombing" finds "bombings" and "campaigns" "campaign".
With PyStemmer installed (pyproject.toml) the package returns PyStemmer's compiled
stemmer, the same algorithm, and never loads its own 30 languages."""

import re

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
# British and American spellings in one text (the seed documents have both):
# "organisations" and "organizations" are one word to a reader; Snowball does not
# join them. Only -isation: -ise would also catch "rise", "wise", "promise".
_BRITISH_SPELLING = re.compile(r"isation(s?)$")


def stem(word):
    return _STEMMER.stemWord(_BRITISH_SPELLING.sub(r"ization\1", word))


def variants(word):
    return [stem(word)]
