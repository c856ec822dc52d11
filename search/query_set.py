"""The search query set: words readers type, in each language, with the pages of the
first content that each must find, and the rest it must not.

A page "must find" a query when its text has the query's word in some form (with
the article, a preposition, a suffix, a plural; typed on another keyboard); this was
judged by reading the pages, not by running the search. Every other page of that
language must not be found, except the few listed as `either` (a related word whose
relevance is arguable, such as the verb "campaigned" for "campaigns"), which are not
counted either way.

Used by tests/test_search_quality.py (each query must hold) and by `make bench`
(recall and precision per language).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Query:
    text: str
    language: str
    finds: frozenset
    either: frozenset = field(default_factory=frozenset)
    why: str = ""


# The pages of the first content, by the names used below: index pages and
# documents by their slug (the same in every language), the home page by "home".
PAGE_SLUGS = {
    "news": "news",
    "campaigns": "campaigns",
    "conferences": "conferences",
    "campaign": "end-cross-border-bombings",
    "conference": "annual-conference-2017-sulaymaniyah",
    "launch": "iraqi-civil-initiative-launched",
    "military": "military-solution-is-not-the-only-option",
    "solidarity": "we-stand-together-with-iraqi-civil-society-activists",
}
ALL_PAGES = frozenset(["home", *PAGE_SLUGS])
CONTENT = {"campaign", "conference", "launch", "military", "solidarity"}


def q(text, language, finds, either=(), why=""):
    return Query(text, language, frozenset(finds), frozenset(either), why)


ARABIC = [
    q("حملة", "ar", {"campaign", "campaigns"}, why="الحملة, الحملات"),
    q("الحمله", "ar", {"campaign", "campaigns"}, why="ه typed for ة"),
    q("إيران", "ar", {"campaign"}, why="وإيران"),
    q("ايران", "ar", {"campaign"}, why="alef without hamza"),
    q("كردستان", "ar", {"campaign", "conference"}),
    q("کردستان", "ar", {"campaign", "conference"}, why="Kurdish kaf"),
    q("منظمات", "ar", CONTENT, why="منظمة, المنظمات, ومنظمات"),
    q("مؤتمر", "ar", {"conference", "conferences", "launch"}, why="المؤتمر, المؤتمرات"),
    q("السليمانية", "ar", {"conference"}, why="والسليمانية"),
    q("الإرهاب", "ar", {"launch", "military"}, why="الإرهابية, الإرهابيين"),
    q("العنف", "ar", {"conference", "military", "solidarity"}),
    q("قصف", "ar", {"campaign"}, why="القصف"),
    q("تركيا", "ar", {"campaign"}),
    q("الأنبار", "ar", {"military"}),
    q("داعش", "ar", {"conference", "solidarity"}),
    q("الحكومة", "ar", {"campaign", "military", "solidarity"}, why="حكوماتنا, وحكومتها"),
    q(
        "الدولة",
        "ar",
        {"conference", "launch", "solidarity"},
        why="the state: not الدولية (international), which every page has",
    ),
    q("مدن", "ar", {"conference", "military"}, why="cities (المدن, مدنها), not المدني (civil)"),
    q("عمل", "ar", {"conference", "solidarity"}, {"campaign"}, why="work, not العمليات"),
    q("ناشطين", "ar", {"conference", "solidarity"}, why="ناشطي, الناشطين"),
    q("حقوق الإنسان", "ar", {"campaign", "home", "launch", "military", "solidarity"}),
    q("بغداد", "ar", {"campaign", "conference"}, why="وبغداد"),
    q(
        "أوسلو",
        "ar",
        set(),
        why="only in the caption of a photo the site does not have: readers see neither",
    ),
    q("الفساد", "ar", {"conference", "launch", "solidarity"}, why="والفساد"),
    q("النازحين", "ar", {"conference", "solidarity"}, why="والنازحون, نازحين"),
    q("قرية", "ar", {"campaign"}),
    q("الدبلوماسية", "ar", {"campaign"}, {"launch"}, why="launch has الدبلوماسي"),
    q("الأمن", "ar", {"conference", "military", "solidarity"}, why="الأمنية, آمنة, وأمن"),
    q("الشباب", "ar", {"conference", "solidarity"}),
    q("section", "ar", set(), why="a block's setting, not text of a page"),
]

SORANI = [
    q("کەمپەین", "ckb", {"campaign", "campaigns"}, why="کەمپەینەکە, کەمپەینەکان"),
    q("ئێران", "ckb", {"campaign"}, why="ئێرانەوە"),
    q("کوردستان", "ckb", {"campaign", "conference"}, why="کوردستانی"),
    q("كوردستان", "ckb", {"campaign", "conference"}, why="Arabic kaf"),
    q("ڕێکخراو", "ckb", CONTENT, why="ڕێکخراوەکانی, ڕێکخراوی"),
    q("کۆنفرانس", "ckb", {"conference", "conferences", "launch"}, why="کۆنفرانسێکی"),
    q("سلێمانی", "ckb", {"conference"}),
    q("تیرۆر", "ckb", {"launch", "military"}),
    q("داعش", "ckb", {"conference", "solidarity"}),
    q("ئەنبار", "ckb", {"military"}),
    q("تورکیا", "ckb", {"campaign"}),
    q("بەغدا", "ckb", {"campaign", "conference"}),
    q(
        "ئۆسلۆ",
        "ckb",
        set(),
        why="only in the caption of a photo the site does not have: readers see neither",
    ),
    q("ئاشتی", "ckb", {"conference", "campaign", "home", "launch", "solidarity"}),
    q("گەندەڵی", "ckb", {"conference", "launch", "solidarity"}, why="گەندەڵیی"),
    q("ئاوارە", "ckb", {"conference", "solidarity"}, {"launch"}, why="ئاوارەی"),
    q("خێزان", "ckb", {"campaign", "launch", "military", "solidarity"}),
    q("شەڕ", "ckb", {"campaign", "military", "solidarity"}, why="شەڕیاندا"),
    q("بۆردوومان", "ckb", {"campaign"}, why="بۆردوومانی"),
    q("ژینگە", "ckb", {"conference", "solidarity"}, why="ژینگەییەکان, ژینگەیی"),
    q("ماف", "ckb", CONTENT | {"home"}, why="مافەکانی"),
    q("هاووڵاتی", "ckb", CONTENT, why="هاووڵاتیانی"),
    q("شار", "ckb", {"conference", "military"}, why="city: not فشار or شارستانیەت"),
    q("ئاو", "ckb", {"conference", "solidarity"}, why="water: not ئاوارە"),
    q("کار", "ckb", {"conference", "campaign", "home", "solidarity"}, why="not کاریگەری"),
    q("حکومەت", "ckb", {"campaign", "military", "solidarity"}, why="حکومەتەکانمان"),
    q("گوند", "ckb", {"campaign"}, why="گوندانە, گوندیان"),
    q("دیپلۆماسی", "ckb", {"campaign", "launch"}),
    q("مهسيحي", "ckb", {"campaign"}, why="Arabic keyboard: ه for ە, ي for ی"),
    q("توندوتیژی", "ckb", {"conference", "military", "solidarity"}, why="توندوتیژیدا"),
    q("section", "ckb", set(), why="a block's setting, not text of a page"),
]

ENGLISH = [
    q("bombing", "en", {"campaign"}, why="bombings"),
    q("campaigns", "en", {"campaign", "campaigns"}, {"solidarity"}, why="solidarity: campaigned"),
    q("conference", "en", {"conference", "conferences", "launch"}),
    q("Sulaymaniyah", "en", {"conference"}),
    q("Kurdistan", "en", {"campaign", "conference"}),
    q("Iran", "en", {"campaign"}),
    q("Turkey", "en", {"campaign"}),
    q("terrorists", "en", {"launch", "military"}, why="terrorist, terrorism"),
    q("organisations", "en", {"conference", "campaign", "launch", "military"}, why="organizations"),
    q("refugee", "en", {"conference"}),
    q("displaced", "en", {"solidarity", "launch"}, why="displacement"),
    q("Daesh", "en", {"conference", "solidarity"}),
    q("activist", "en", {"conference", "solidarity"}),
    q("women", "en", {"conference", "solidarity"}),
    q("nonviolence", "en", {"conference", "solidarity"}, why="nonviolent"),
    q("violence", "en", {"conference", "military", "solidarity"}),
    q("human rights", "en", {"campaign", "home", "launch", "military", "solidarity"}),
    q("Anbar", "en", {"military"}),
    q(
        "Oslo",
        "en",
        set(),
        why="only in the caption of a photo the site does not have: readers see neither",
    ),
    q("drones", "en", {"campaign"}, why="drone"),
    q("civilian", "en", {"conference", "campaign", "launch", "military"}),
    q("water", "en", {"conference", "solidarity"}),
    q("sectarianism", "en", {"conference", "launch", "military", "solidarity"}, why="sectarian"),
    q("corruption", "en", {"conference", "launch", "solidarity"}),
    q("elections", "en", {"launch"}),
    q("diplomacy", "en", {"campaign"}, {"launch"}, why="launch: diplomatic"),
    q("families", "en", {"campaign", "launch", "military", "solidarity"}),
    q("villages", "en", {"campaign"}),
    q("arts", "en", {"conference"}),
    q("statements", "en", {"news"}),
    q("government", "en", {"campaign", "military", "solidarity"}, why="governments"),
    q("security", "en", {"conference", "military", "solidarity"}),
    q("section", "en", set(), why="a block's setting, not text of a page"),
]

QUERIES = ARABIC + SORANI + ENGLISH


def score(query, found):
    """(relevant found, relevant, counted found) for one query's found page names."""
    counted = found - query.either
    return len(found & query.finds), len(query.finds), len(counted)


def recall_and_precision(results):
    """{language: (recall, precision, queries)} from [(query, found names)]: recall is
    the share of the pages to find that were found, precision the share of the pages
    found (the `either` ones left out) that were to be found."""
    totals = {}
    for query, found in results:
        relevant_found, relevant, counted = score(query, found)
        total = totals.setdefault(query.language, [0, 0, 0, 0])
        total[0] += relevant_found
        total[1] += relevant
        total[2] += counted
        total[3] += 1
    return {
        language: (
            found_relevant / relevant if relevant else 1.0,
            found_relevant / counted if counted else 1.0,
            queries,
        )
        for language, (found_relevant, relevant, counted, queries) in totals.items()
    }


RESULT_LINKS = re.compile(r'<h2 class="search-results__title"><a href="([^"]+)"')


def found_pages(client, query):
    """The names of the pages the site's search page lists for `query` (read from
    the HTML a reader gets, so any version of the search can be measured)."""
    response = client.get(f"/{query.language}/search/", {"q": query.text})
    names = set()
    for url in RESULT_LINKS.findall(response.content.decode()):
        segments = [segment for segment in urlsplit(url).path.split("/") if segment]
        names.add("home" if len(segments) == 1 else segments[-1])
    slugs = {slug: name for name, slug in PAGE_SLUGS.items()}
    return {slugs.get(name, name) for name in names}
