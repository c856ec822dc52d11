"""Renditions of a newly uploaded image, made by a background task: the first reader
of a page with a new image would otherwise wait while AVIF, WebP and JPEG files are
encoded at three widths (seconds, in the request)."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.images import get_image_model

from home.tasks import with_retries

# What the templates ask for: blocks/image_block.html's {% picture %} (three formats at
# three widths) and includes/organisation_list.html's logo. tests/test_tasks.py checks
# that a page shows an image without making any rendition these did not make.
RENDITION_SPECS = [
    f"format-{image_format}|width-{width}"
    for image_format in ("avif", "webp", "jpeg")
    for width in (480, 800, 1200)
] + ["max-160x80|format-webp"]


@with_retries
def make_renditions(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:  # deleted meanwhile
        return 0
    return len(image.get_renditions(*RENDITION_SPECS))


@receiver(post_save)
def new_image_uploaded(sender, instance, created, **kwargs):
    if created and sender is get_image_model():
        transaction.on_commit(lambda: make_renditions.enqueue(instance.pk), robust=True)
