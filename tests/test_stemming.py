"""The words search looks for (home/stemming/): each rule of the Arabic and Sorani
stemmers with real words from the site's pages, and what must stay apart."""

import pytest

from home.arabic_script import fold
from home.stemming import arabic, english, index_text, query_keys, sorani


def arabic_finds(query_word, text_word):
    """Whether a query for `query_word` finds a page that has `text_word`."""
    return arabic.stem(fold(query_word)) in arabic.variants(fold(text_word))


def sorani_finds(query_word, text_word):
    return sorani.stem(fold(query_word)) == sorani.stem(fold(text_word))


@pytest.mark.parametrize(
    ("rule", "query", "text"),
    [
        ("article ال", "حملة", "الحملة"),
        ("article after a preposition بال", "حملة", "بالحملة"),
        ("article after a conjunction وال", "فساد", "والفساد"),
        ("article after ل: لل", "حملة", "للحملة"),
        ("conjunction و", "إيران", "وإيران"),
        ("conjunction و and preposition ب", "مساندة", "وبمساندة"),
        ("preposition ل", "حقوق", "لحقوق"),
        ("preposition ب, a word that starts with ب", "بغداد", "وبغداد"),
        ("feminine ة", "منظمات", "منظمة"),
        ("plural ات", "حكومة", "الحكومات"),
        ("plural ون", "مدني", "المدنيون"),
        ("plural ين", "مدني", "المدنيين"),
        ("relative adjective ية", "العراق", "العراقية"),
        ("relative adjective ي", "العراق", "العراقي"),
        ("pronoun ها, with ة written ت", "الحكومة", "وحكومتها"),
        ("pronoun نا after the plural", "الحكومة", "حكوماتنا"),
        ("pronoun ها", "مدن", "مدنها"),
        ("hamza, alef", "الأمن", "وأمن"),
    ],
)
def test_arabic_query_finds_the_forms_of_its_word(rule, query, text):
    assert arabic_finds(query, text), rule


@pytest.mark.parametrize(
    ("why", "query", "text"),
    [
        ("state is not international", "الدولة", "الدولية"),
        ("work is not operations", "عمل", "العمليات"),
        ("cities are not civil", "مدن", "المدني"),
        ("nonviolence is not violence", "العنف", "اللاعنف"),
    ],
)
def test_arabic_words_that_only_look_alike_stay_apart(why, query, text):
    assert not arabic_finds(query, text), why


def test_a_word_that_starts_like_a_proclitic_is_found_as_written():
    # كردستان starts with ك ("like") and بيان with ب ("with"): both are found.
    assert arabic_finds("كردستان", "كردستان")
    assert arabic_finds("كردستان", "بكردستان")
    assert arabic_finds("بيان", "البيان")


@pytest.mark.parametrize(
    ("rule", "query", "text"),
    [
        ("definite -ەکە", "کەمپەین", "کەمپەینەکە"),
        ("definite after a vowel -کە", "ناوچە", "ناوچەکە"),
        ("definite plural -ەکان", "کەمپەین", "کەمپەینەکان"),
        ("indefinite -ێک", "کەمپەین", "کەمپەینێک"),
        ("indefinite after a vowel -یەک", "کۆمەڵگە", "کۆمەڵگەیەکی"),
        ("indefinite with izafe -ێکی", "کۆنفرانس", "کۆنفرانسێکی"),
        ("plural -ان", "گوند", "گوندان"),
        ("demonstrative plural -انە", "ناوچە", "ناوچانە"),
        ("izafe -ی", "ماف", "مافی"),
        ("izafe after the plural -ەکانی", "ڕێکخراو", "ڕێکخراوەکانی"),
        ("izafe after a vowel -ی", "یاسا", "یاسای"),
        ("final -ە", "ڕێکخراو", "ڕێکخراوە"),
        ("postposition -دا", "عێراق", "عێراقدا"),
        ("postposition -ەوە", "ئێران", "ئێرانەوە"),
        ("pronoun -مان", "ڕێکخراو", "ڕێکخراوەکەمان"),
        ("pronoun -تان", "کار", "کارەکەتان"),
        ("pronoun -یان", "ماڵ", "ماڵەکانیان"),
        ("also -یش", "یەکگرتوو", "یەکگرتووەکانیش"),
        ("a word ending in -ان: every form alike", "خێزان", "خێزانەکان"),
        ("an adjective in -ی", "دیپلۆماسی", "دیپلۆماسییەکی"),
        ("a three-letter stem", "شەڕ", "شەڕیاندا"),
        ("Arabic keyboard: ه for ە, ي for ی", "مهسيحي", "مەسیحی"),
    ],
)
def test_sorani_query_finds_the_forms_of_its_word(rule, query, text):
    assert sorani_finds(query, text), rule


@pytest.mark.parametrize(
    ("why", "query", "text"),
    [
        ("deaf is not donkey", "کەڕ", "کەر"),
        ("water is not displaced", "ئاو", "ئاوارە"),
        ("work is not effect", "کار", "کاریگەری"),
        ("city is not civilisation", "شار", "شارستانیەت"),
        ("state is not international", "دەوڵەت", "نێودەوڵەتی"),
        ("life is not woman", "ژیان", "ژن"),
        ("Baghdad keeps its -دا", "بەغدا", "بەغ"),
    ],
)
def test_sorani_words_that_only_look_alike_stay_apart(why, query, text):
    assert not sorani_finds(query, text), why


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("bombing", "bombings"),
        ("campaigns", "campaign"),
        ("terrorists", "terrorist"),
        ("organisations", "organizations"),
        ("displaced", "displacement"),
    ],
)
def test_english_query_finds_the_forms_of_its_word(query, text):
    assert english.stem(query) == english.stem(text)


def test_english_stems_with_the_compiled_snowball_stemmer():
    # PyStemmer, a dependency: snowballstemmer then loads none of its pure-Python stemmers.
    assert type(english._STEMMER).__module__ == "Stemmer"


def test_english_violence_is_not_nonviolence():
    assert english.stem("violence") != english.stem("nonviolence")


def test_latin_words_are_english_on_every_page_and_numbers_keep_their_digits():
    assert query_keys("CPT-IK bombings", "ar") == ["cpt", "ik", "bomb"]
    # "since 2019" in Sorani: the number is found without its suffix.
    assert "2019" in index_text("لە ساڵی 2019ەوە", "ckb").split()


def test_a_possessive_is_not_a_word_of_its_own():
    assert query_keys("women’s rights", "en") == ["women", "right"]


def test_query_keys_keep_only_words():
    assert query_keys("'; DROP TABLE pages; -- <b>", "en") == ["drop", "tabl", "page"]
