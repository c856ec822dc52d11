"""The site's first content: the five documents ICSSI's site was created from.

The documents are kept verbatim in `icssi_cms/seed_content/`. Each is read as a list of
paragraphs; `seed_content/documents.toml` (read into `SEED_DOCUMENTS`) says which page
each becomes and which paragraphs fill a structured field (a date, a signatory, a
deadline) instead of the page's text.
Every other paragraph goes into the page body, word for word, in order.

Every seed document starts with the organisation's name and its description line;
the description becomes the home page's mission, once.

The import only ever creates what is missing: a page, organisation or topic that
already exists (matched by slug or name) is left as an editor may have changed it.
"""

import html
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import polib

from django.db import transaction

from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from campaigns.models import CampaignPage, CampaignPartner, ConferencePage, ConferenceSupporter
from home.i18n.locale_trees import synchronise_locale_trees
from home.models import HomePage, NavigationMenu, Organisation, SiteNavigation
from news.models import NewsPage, NewsPageIssuer, NewsPageTopic, Topic

SEED_DIR = Path(__file__).resolve().parent / "seed_content"
# Arabic and Kurdish translations of part of the seed content, as PO catalogues
# keyed on the English text: what a translator would upload in the editor.
TRANSLATIONS_DIR = SEED_DIR / "translations"
TRANSLATED_LANGUAGES = ["ar", "ckb"]
SITE_NAME = "Iraqi Civil Society Solidarity Initiative"
BULLET = "•"
# How the loader signs the translations it imports (wagtail-localize's tool_name).
SEED_TOOL = "ICSSI seed content"


def read_paragraphs(path):
    """The document's paragraphs, separated by blank lines. A paragraph whose lines
    are all bullet points is returned as a list of items."""
    paragraphs, current = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        text = line.strip()  # also strips the no-break spaces of empty paragraphs
        if text:
            current.append(text)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    result = []
    for lines in paragraphs:
        if all(line.startswith(BULLET) for line in lines):
            result.append([line.removeprefix(BULLET).strip() for line in lines])
        else:
            result.append(" ".join(lines))
    return result


@dataclass
class SeedDocument:
    file: str
    page_type: str  # "statement", "campaign" or "conference"
    slug: str
    title: str
    fields: dict
    # Paragraphs shown through a structured field rather than as body text,
    # with the field that carries each.
    consumed: dict = field(default_factory=dict)
    # The page's first body block, when the title differs from the document's heading.
    heading_in_body: bool = False
    # Captions of photos the original showed and we do not have. Each becomes an
    # image block with its caption and no image: readers see nothing of it, and the
    # editor finds the block in the page's text, asking for its image (or to be
    # deleted), instead of a caption passed off as a paragraph.
    captions_without_images: tuple = ()
    organisations: list = field(default_factory=list)
    topics: list = field(default_factory=list)

    @property
    def path(self):
        return SEED_DIR / self.file

    def paragraphs(self):
        """Heading and body paragraphs (the shared header is left out)."""
        paragraphs = read_paragraphs(self.path)
        assert paragraphs[0] == SITE_NAME, f"{self.file} does not start with the site name"
        return paragraphs[2:]

    def body_paragraphs(self):
        heading, *rest = self.paragraphs()
        body = [p for p in rest if not (isinstance(p, str) and p in self.consumed)]
        return ([heading] if self.heading_in_body else []) + body


def mission_line():
    """The description that heads every seed document."""
    return read_paragraphs(SEED_DIR / SEED_DOCUMENTS[0].file)[1]


# Organisations named by the documents: (name, short name).
ORGANISATIONS = {
    "ICSSI": ("Iraqi Civil Society Solidarity Initiative", "ICSSI"),
    "CPT-IK": ("Christian Peacemaker Team-Iraqi Kurdistan", "CPT-IK"),
    "KSF": ("Kurdistan Social Forum", "KSF"),
    "ISF-NC": ("National Committee of the Iraqi Social Forum", ""),
    "FAI": ("Fondation Assistance Internationale", ""),
    "KARIBU": ("Karibu Foundation", ""),
    "CCFD": ("CCFD-Terre Solidaire", ""),
}

TOPICS = {
    "civil-society": "Civil society",
    "peace-and-reconciliation": "Peace and reconciliation",
    "human-rights": "Human rights",
    "humanitarian-crisis": "Humanitarian crisis",
}


def read_seed_documents():
    """The seed documents as `seed_content/documents.toml` describes them."""
    with open(SEED_DIR / "documents.toml", "rb") as description:
        documents = tomllib.load(description)["document"]
    return [
        SeedDocument(
            **{
                **document,
                "captions_without_images": tuple(document.get("captions_without_images", ())),
            }
        )
        for document in documents
    ]


SEED_DOCUMENTS = read_seed_documents()


def body_blocks(document):
    """StreamField content for a document's body paragraphs, word for word."""
    blocks = []
    for index, paragraph in enumerate(document.body_paragraphs()):
        if isinstance(paragraph, list):
            items = [RichText(f"<p>{html.escape(item, quote=False)}</p>") for item in paragraph]
            blocks.append(("list", {"style": "bulleted", "items": items}))
        elif index == 0 and document.heading_in_body:
            blocks.append(("heading", {"text": paragraph, "level": "h2"}))
        elif paragraph in document.captions_without_images:
            blocks.append(("image", {"image": None, "caption": paragraph}))
        else:
            blocks.append(("paragraph", RichText(f"<p>{html.escape(paragraph, quote=False)}</p>")))
    return blocks


class SeedLoader:
    """Creates what is missing of the seed content; reports what it did."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = []

    def log(self, message):
        self.created.append(message)
        if self.stdout:
            self.stdout.write(message)

    @transaction.atomic
    def run(self):
        self.english = Locale.objects.get(language_code="en")
        organisations = self.ensure_organisations()
        topics = self.ensure_topics()
        home = self.ensure_home_page()
        news_index = self.ensure_index(home, "news.NewsIndexPage", "news", "Statements")
        campaign_index = self.ensure_index(
            home, "campaigns.CampaignIndexPage", "campaigns", "Campaigns"
        )
        conference_index = self.ensure_index(
            home, "campaigns.ConferenceIndexPage", "conferences", "Conferences"
        )
        parents = {
            "statement": news_index,
            "campaign": campaign_index,
            "conference": conference_index,
        }
        pages = {}
        for document in SEED_DOCUMENTS:
            pages[document.file] = self.ensure_document_page(
                document, parents[document.page_type], organisations, topics
            )
        campaign = pages[SEED_DOCUMENTS[0].file]
        home = HomePage.objects.get(pk=home.pk)
        if home.featured_page is None and not self.home_was_edited(home):
            home.featured_page = campaign
            home.save_revision().publish()
            self.log("Featured the campaign on the home page")
        menus = self.ensure_menus(home, [news_index, campaign_index, conference_index])
        synchronise_locale_trees()
        self.translate(
            [home, news_index, campaign_index, conference_index, *pages.values(), *menus]
            + list(organisations.values())
            + list(topics.values())
        )
        return self.created

    def ensure_organisations(self):
        result = {}
        for key, (name, short_name) in ORGANISATIONS.items():
            organisation = Organisation.objects.filter(locale=self.english, name=name).first()
            if organisation is None:
                description = mission_line() if key == "ICSSI" else ""
                organisation = Organisation.objects.create(
                    locale=self.english, name=name, short_name=short_name, description=description
                )
                self.log(f"Created organisation {name}")
            result[key] = organisation
        return result

    def ensure_topics(self):
        result = {}
        for slug, name in TOPICS.items():
            topic = Topic.objects.filter(locale=self.english, slug=slug).first()
            if topic is None:
                topic = Topic.objects.create(locale=self.english, slug=slug, name=name)
                self.log(f"Created topic {name}")
            result[slug] = topic
        return result

    def ensure_home_page(self):
        home = HomePage.objects.filter(locale=self.english, depth=2).first()
        if home is not None:
            return home
        # Wagtail's installer leaves a plain "Welcome" page (slug "home") as the
        # site's root; it is replaced, with its Site, by the real home page.
        for welcome in Page.objects.filter(depth=2, content_type__model="page"):
            if welcome.title.startswith("Welcome to your new Wagtail site"):
                welcome.delete()
        home = HomePage(title=SITE_NAME, slug="home", locale=self.english, mission=mission_line())
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        if not Site.objects.filter(is_default_site=True).exists():
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name="ICSSI"
            )
        self.log("Created the home page")
        return home

    @staticmethod
    def home_was_edited(home):
        """True once anyone but the loader has saved a revision of the home page."""
        return home.revisions.exclude(user=None).exists()

    def ensure_menus(self, home, sections):
        """The main and footer menus, and the site setting that shows them."""

        def link(page, label):
            return ("link", {"label": label, "page": page, "url": ""})

        menus = []
        for name, links in [
            ("Main menu", [link(page, page.title) for page in sections]),
            ("Footer menu", [link(home, "Home")] + [link(p, p.title) for p in sections]),
        ]:
            menu = NavigationMenu.objects.filter(locale=self.english, name=name).first()
            if menu is None:
                menu = NavigationMenu.objects.create(locale=self.english, name=name, items=links)
                menu.save_revision().publish()
                self.log(f"Created the {name.lower()}")
            menus.append(menu)
        navigation = SiteNavigation.for_site(Site.objects.get(is_default_site=True))
        if navigation.main_menu is None and navigation.footer_menu is None:
            navigation.main_menu, navigation.footer_menu = menus
            navigation.save()
        return menus

    def translate(self, objects):
        """Translate `objects` into Arabic and Kurdish with wagtail-localize, from the
        seed catalogues, and publish. A translation a person has touched is never
        replaced; one the loader made earlier is brought up to date with the
        catalogues (their fixes reach sites created before). An object whose English
        has changed since the catalogues were written, so that some text has no
        translation, is left for its translators rather than published half in English."""
        for code in TRANSLATED_LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            catalogue = {
                entry.msgid: entry.msgstr
                for entry in polib.pofile(str(TRANSLATIONS_DIR / f"{code}.po"))
                if entry.msgstr
            }
            for instance in objects:
                self.translate_one(instance, locale, catalogue)

    def translate_one(self, instance, locale, catalogue):
        existing = instance.get_translation_or_none(locale)
        if existing is None or getattr(existing, "alias_of_id", None):
            source, _ = TranslationSource.update_or_create_from_instance(instance)
        else:
            source = TranslationSource.objects.get_for_instance_or_none(instance)
            if source is None or self.touched_by_a_person(source, locale, existing):
                return
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        if all(entry.msgstr == catalogue.get(entry.msgid) for entry in po):
            return  # already as the catalogues say
        missing = [entry.msgid for entry in po if entry.msgid not in catalogue]
        if missing:
            self.log(
                f"Left “{instance}” for the {locale.get_display_name()} translators: "
                f"{len(missing)} of its texts are not in the seed catalogues"
            )
            return
        for entry in po:
            entry.msgstr = catalogue[entry.msgid]
        translation.import_po(po, tool_name=SEED_TOOL)
        # Saved as a draft, then published here rather than by wagtail-localize's
        # on-commit hook, so the result is the same inside a test's transaction.
        translation.save_target(publish=False)
        translation.get_target_instance().get_latest_revision().publish()
        self.log(f"Translated “{instance}” into {locale.get_display_name()}")

    @staticmethod
    def touched_by_a_person(source, locale, translated):
        """True when anyone but this loader translated a string of `source` into
        `locale`, or saved the translated object themselves."""
        others = StringTranslation.objects.filter(
            translation_of__in=source.stringsegment_set.values("string"), locale=locale
        ).exclude(tool_name=SEED_TOOL, last_translated_by=None)
        return others.exists() or translated.revisions.exclude(user=None).exists()

    def ensure_index(self, home, model_label, slug, title):
        from django.apps import apps

        model = apps.get_model(model_label)
        existing = model.objects.child_of(home).first()
        if existing:
            return existing
        index = model(title=title, slug=slug, locale=self.english, show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
        self.log(f"Created {title}")
        return index

    def ensure_document_page(self, document, parent, organisations, topics):
        model, link_model, relation = {
            "statement": (NewsPage, NewsPageIssuer, "issuers"),
            "campaign": (CampaignPage, CampaignPartner, "partners"),
            "conference": (ConferencePage, ConferenceSupporter, "supporters"),
        }[document.page_type]
        existing = model.objects.child_of(parent).filter(slug=document.slug).first()
        if existing:
            return existing
        values = dict(document.fields)
        if "goals" in values:
            values["goals"] = [("goal", goal) for goal in values["goals"]]
        page = model(
            title=document.title,
            slug=document.slug,
            locale=self.english,
            body=body_blocks(document),
            **values,
        )
        getattr(page, relation).set(
            [
                link_model(organisation=organisations[key], sort_order=order)
                for order, key in enumerate(document.organisations)
            ]
        )
        if document.topics:
            page.topic_links.set(
                [
                    NewsPageTopic(topic=topics[slug], sort_order=order)
                    for order, slug in enumerate(document.topics)
                ]
            )
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"Created {document.page_type} “{document.title}”")
        return page
