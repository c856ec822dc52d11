"""StreamField blocks shared by every page type's body.

Only blocks that wagtail-localize splits into translatable segments are used
(no Table or RawHTML blocks): every word an editor types can be translated.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

INLINE_FEATURES = ["bold", "italic", "link", "document-link"]


class CharBlock(blocks.CharBlock):
    """Wagtail's CharBlock, whose input follows the direction of what is typed in it
    (`dir="auto"`, as for the admin's other plain text fields: home/editor_fields.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.field.widget.attrs["dir"] = "auto"


class TextBlock(blocks.TextBlock):
    """Wagtail's TextBlock, with `dir="auto"` like CharBlock above."""

    @cached_property
    def field(self):
        field = super().field
        field.widget.attrs["dir"] = "auto"
        return field


# They store what Wagtail's own blocks store: migrations name Wagtail's.
DECONSTRUCT_ALIASES = {
    CharBlock: "wagtail.blocks.CharBlock",
    TextBlock: "wagtail.blocks.TextBlock",
}


class HeadingBlock(blocks.StructBlock):
    text = CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Size"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"

    def get_searchable_content(self, value):
        # Only the words: the size's label ("Section heading") is not text of the page.
        return self.child_blocks["text"].get_searchable_content(value["text"])


class ListBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("bulleted", _("Bullet points")), ("numbered", _("Numbered"))],
        default="bulleted",
        label=_("List style"),
    )
    items = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Item")),
        label=_("Items"),
    )

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "blocks/list_block.html"

    def get_searchable_content(self, value):
        # Only the items: the style's label ("Bullet points") is not text of the page.
        return self.child_blocks["items"].get_searchable_content(value["items"])


class QuoteBlock(blocks.StructBlock):
    text = TextBlock(label=_("Quotation"))
    attribution = CharBlock(
        required=False, label=_("Who said it"), help_text=_("Optional: a person or organisation.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Image"),
        help_text=_(
            "Describe the image for people who cannot see it, "
            "or tick 'decorative' if it carries no information."
        ),
    )
    caption = CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"

    def clean(self, value):
        # A caption without its image (such as one imported from a document whose
        # photo is lost) is shown to nobody; the editor is asked to decide.
        if not value.get("image"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "image": ValidationError(
                        _("A caption needs its image: choose the image, or delete this block.")
                    )
                }
            )
        return super().clean(value)

    def get_searchable_content(self, value):
        return super().get_searchable_content(value) if value.get("image") else []


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = CharBlock(
        required=False,
        label=_("Link text"),
        help_text=_("Optional. The document's title is used when this is empty."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of every page: what editors can put in the main column."""

    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Paragraph"),
        template="blocks/paragraph_block.html",
    )
    heading = HeadingBlock()
    list = ListBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(
        label=_("Video or other embed"),
        help_text=_("Paste the address of a YouTube, Vimeo or similar page."),
        icon="media",
        template="blocks/embed_block.html",
    )


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        choices=[
            ("facebook", "Facebook"),
            ("x", "X (Twitter)"),
            ("instagram", "Instagram"),
            ("youtube", "YouTube"),
            ("telegram", "Telegram"),
            ("website", _("Other website")),
        ],
        label=_("Network"),
    )
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")


class MenuItemBlock(blocks.StructBlock):
    """A link to a page of the site or to another address, not both."""

    label = CharBlock(
        required=False,
        max_length=100,
        label=_("Link text"),
        help_text=_("Optional for a page: its title is used when this is empty."),
    )
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or another address"))

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter an address, not both."))
                }
            )
        if value.get("url") and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ValidationError(_("A link to an address needs a text."))}
            )
        return value
