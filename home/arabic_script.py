"""Arabic-script text as readers type it: one form for letters that Arabic, Persian
and Kurdish keyboards write differently, so a query finds the text whichever
keyboard typed either.

Applied to the text the search engine indexes (`SitePage.search_text`) and to every
query (search/text.py).

Equivalences, and why:

- Yeh: Arabic ي (U+064A), alef maksura ى (U+0649) and Persian/Kurdish ی (U+06CC)
  are one letter to a reader; Arabic keyboards type ي, Kurdish and Persian ones ی,
  and ى is often written for final ي in Iraq and Egypt.
- Kaf: Arabic ك (U+0643) and Persian/Kurdish ک (U+06A9), the same letter.
- Heh: ه (U+0647), Kurdish/Urdu ھ (U+06BE, "heh doachashmee", used for h in
  Sorani), ە (U+06D5, the Kurdish vowel e that Arabic keyboards can only write as ه),
  Persian ۀ (U+06C0) and taa marbuta ة (U+0629, pronounced and often typed as ه at
  the end of a word).
- Alef: أ إ آ ٱ (hamza above/below, madda, wasla) are written and typed without
  the hamza as often as with it: all become ا.
- Hamza on a seat: ؤ becomes و and ئ becomes ی for the same reason; a lone ء is kept.
- Diacritics (harakat U+064B–U+065F, superscript alef U+0670) and tatweel ـ
  (U+0640) are dropped: they are optional, and decorate rather than spell.
- Digits: Arabic-Indic ٠-٩ and Persian/Kurdish ۰-۹ become 0-9.
- Zero-width non-joiner (U+200C), used inside Persian and Kurdish words, is dropped.

Not merged, on purpose: the Kurdish letters ڕ ڵ ۆ ێ ڤ stay distinct from ر ل و ی ف.
They spell different Kurdish words (کەر "donkey", کەڕ "deaf"), and Kurdish readers
type them; merging them would find wrong words more often than it would help.
"""

import re

_LETTERS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ھ": "ه",
        "ە": "ه",
        "ۀ": "ه",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ی",
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)
_DROPPED = re.compile("[\u064b-\u065f\u0670\u0640\u200c]")


def fold_with_positions(text):
    """(folded text, positions): positions[i] is the index in `text` of the
    character that became folded[i], to map a match back to the original."""
    characters, positions = [], []
    for index, character in enumerate(text):
        if _DROPPED.match(character):
            continue
        for folded in character.translate(_LETTERS).lower():
            characters.append(folded)
            positions.append(index)
    return "".join(characters), positions


def fold(text):
    """`text` with the equivalences above applied, and lower-cased."""
    return fold_with_positions(text)[0]
