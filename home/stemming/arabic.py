"""An Arabic light stemmer for search: the attached article, conjunctions and
prepositions and the common suffixes come off, so حملة finds الحملة, بالحملة and
حملات, and إيران finds وإيران.

It works on text folded by home/arabic_script.py (ة is ه, ي and ى are ی, ك is ک,
hamza seats and diacritics are gone), so a query finds the text whichever keyboard
typed either.

The rules follow the "light10" stemmer of Larkey, Ballesteros and Connell, *Light
Stemming for Arabic Information Retrieval* (in: Arabic Computational Morphology,
Springer 2007), the light stemmer that did best in their retrieval tests and the
one Lucene's ArabicStemmer implements. It removes affixes; it does not look for
roots, which would merge unrelated words (كتب, مكتب, كاتب). Changes, each for a
reason shown by the tests (tests/test_stemming.py):

- The single-letter proclitics (و ف "and", ب ل ك "with/for/like") are also letters
  that start many words (بيان, لجنة, كردستان, فساد): removing them from every word
  would make a search for بيان look for يان, and split كردستان from بكردستان. So a
  word of a page is indexed both as written and without one of them (`variants`);
  a query is taken as typed (`stem`), and finds either.
- Possessive pronouns (ها نا هم كم هما هن) are removed before the suffixes, and a
  ت left at the end goes back to ة: حكومتها is حكومة + ها (but حكوماتنا keeps ات).
- The relative adjective ending (ي, ية) comes off only when four letters remain, so
  عراقي and العراقية find العراق, but دولي ("international") stays apart from دولة
  ("state") and عملية ("operation") from عمل ("work").
- Nothing is removed from a word of three letters or fewer, except the article.

Why not Snowball's Arabic stemmer (snowballstemmer, as English uses): it removes
the single-letter proclitics and final letters from every word, so it stems بيان
to يان, فساد to ساد and وإيران to اير, joins دولي ("international") with دولة
("state"), and keeps والسليمانية and لحقوق whole; it fails 6 of the 18 rules of
tests/test_stemming.py that this stemmer passes. No other packaged Arabic light
stemmer is kept up (NLTK's ISRI looks for roots, see above).

Broken plurals (حقوق/حق, قرى/قرية, مدن/مدينة) change inside the word; a light
stemmer does not join them, nor the verb forms.
"""

# The article, alone or after a conjunction or preposition, longest first.
ARTICLES = ("وال", "فال", "بال", "کال", "لل", "ال")
# One attached conjunction (و ف) and/or one preposition (ب ل ک).
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ک")
# Possessive pronouns at the end of a noun, longest first.
PRONOUNS = ("هما", "ها", "نا", "هم", "کم", "هن")
# Light10's suffixes in its order, on folded text (ة and ه are both ه; ي is ی):
# ها ان ات ون ين يه/ية ه/ة ي. Each comes off at most once, in this order.
SUFFIXES = ("ها", "ان", "ات", "ون", "ین", "یه", "ه", "ی")
# Suffixes of the relative adjective: they need a longer stem (see above).
RELATIVE_ADJECTIVE = ("یه", "ی")

MIN_STEM = 2  # letters left after the article
MIN_SUFFIXED_STEM = 3  # letters left after a suffix or pronoun
MIN_ADJECTIVE_STEM = 4  # letters left after ي or ية
MIN_PROCLITIC_STEM = 3  # letters left after و ف ب ل ك


def remove_article(word):
    for article in ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= MIN_STEM:
            return word[len(article) :]
    return word


def remove_suffixes(word):
    if len(word) <= 3:
        return word
    for pronoun in PRONOUNS:
        if word.endswith(pronoun) and len(word) - len(pronoun) >= MIN_SUFFIXED_STEM:
            word = word[: -len(pronoun)]
            if word.endswith("ت") and not word.endswith("ات"):
                word = word[:-1] + "ه"  # the ة of حكومة is written ت before a pronoun
            break
    for suffix in SUFFIXES:
        shortest = MIN_ADJECTIVE_STEM if suffix in RELATIVE_ADJECTIVE else MIN_SUFFIXED_STEM
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            word = word[: -len(suffix)]
    return word


def stem(word):
    """The stem of a folded word as typed: what a query is looked up by."""
    return remove_suffixes(remove_article(word))


def without_proclitics(word):
    """`word` without an attached conjunction, preposition or both (وب, فل...),
    where at least three letters remain, then without the article."""
    results = []
    rest = word
    if rest.startswith(CONJUNCTIONS) and len(rest) - 1 >= MIN_PROCLITIC_STEM:
        rest = rest[1:]
        results.append(remove_article(rest))
    if rest.startswith(PREPOSITIONS) and len(rest) - 1 >= MIN_PROCLITIC_STEM:
        results.append(remove_article(rest[1:]))
    return results


def variants(word):
    """The stems a folded word of a page is indexed by: as written, and without an
    attached conjunction or preposition (see the module's notes)."""
    forms = [remove_article(word), *without_proclitics(word)]
    return list(dict.fromkeys(remove_suffixes(form) for form in forms))
