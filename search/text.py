"""A visitor's query as search terms, and the excerpt that shows where they matched."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from home.arabic_script import fold, fold_with_positions
from home.text import cut_at_word

# What a search term may contain: letters and digits of any script.
_NOT_A_WORD = re.compile(r"[^\w]+|_")


def search_terms(query, limit=10):
    """The words of a visitor's query, folded; punctuation, markup and operators
    are dropped, so nothing they type reaches the search engine as syntax."""
    words = _NOT_A_WORD.sub(" ", fold(query)).split()
    return words[:limit]


def highlighted_excerpt(text, terms, length=240):
    """About `length` characters of `text` around the first match of `terms`, HTML
    escaped, with every match wrapped in <mark>. Matches are found on the folded
    text, so the highlight works whichever keyboard typed the query."""
    folded, positions = fold_with_positions(text)
    spans = []
    for term in terms:
        for match in re.finditer(r"(?<!\w)" + re.escape(term), folded):
            spans.append((positions[match.start()], positions[match.end() - 1] + 1))
    if not spans:
        return format_html("{}", cut_at_word(text, length))
    spans.sort()
    start = max(0, spans[0][0] - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + length)
    if end < len(text):  # end between words, after the first match
        space = text.rfind(" ", spans[0][1], end + 1)
        end = space if space > 0 else end
    pieces, cursor = [], start
    for span_start, span_end in spans:
        if span_start < cursor or span_start >= end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(format_html("<mark>{}</mark>", text[span_start:span_end]))
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    before = "…" if start > 0 else ""
    after = "…" if end < len(text) else ""
    return mark_safe(before + "".join(pieces) + after)  # noqa: S308 (pieces are escaped)
