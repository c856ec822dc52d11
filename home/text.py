"""Shortening text for excerpts and headlines without cutting a word in two."""


def cut_at_word(text, limit, ellipsis="…"):
    """`text` if it fits in `limit` characters; else its words up to the last space
    that fits, with `ellipsis` (which counts towards the limit). A single word longer
    than the limit is cut, as nothing else fits."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = limit - len(ellipsis)
    cut = text[: room + 1].rsplit(" ", 1)[0] if " " in text[: room + 1] else text[:room]
    return cut.rstrip(" ,;:.–-") + ellipsis
