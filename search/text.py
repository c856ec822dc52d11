"""The excerpt of a search result: the words around the first match, with every
word that matched the query highlighted."""

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from home.stemming import words


def highlighted_excerpt(text, keys, language, length=240):
    """About `length` characters of `text` around its first word that matches one
    of the query's `keys`, cut between words, HTML escaped, each match in <mark>.
    A word matches when one of its keys is a key of the query (home/stemming/), so
    "bombings" is marked for "bombing" and بالحملة for حملة."""
    keys = set(keys)
    spans = list(words(text, language))
    matches = [(start, end) for start, end, word_keys in spans if keys.intersection(word_keys)]
    first = matches[0][0] if matches else 0
    # Start at a word about a third of the excerpt before the first match, end at
    # the last word that fits.
    start = next((s for s, _e, _k in spans if s >= first - length // 3), first)
    start = 0 if start <= length // 3 else start
    end = max((e for s, e, _k in spans if s >= start and e <= start + length), default=start)
    # ...and the punctuation attached to that word.
    space = text.find(" ", end)
    end = len(text) if space == -1 else space
    pieces, cursor = [], start
    for match_start, match_end in matches:
        if match_start < cursor or match_end > end:
            continue
        pieces.append(escape(text[cursor:match_start]))
        pieces.append(format_html("<mark>{}</mark>", text[match_start:match_end]))
        cursor = match_end
    pieces.append(escape(text[cursor:end]))
    before = "…" if start > 0 else ""
    after = "…" if end < len(text) else ""
    return mark_safe(before + "".join(pieces) + after)  # noqa: S308 (pieces are escaped)
