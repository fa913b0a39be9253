"""Receivers: renditions for a news page's image are made when it is published, not on first view."""

import logging

from wagtail.signals import page_published

from . import renditions
from .models import NewsPage

logger = logging.getLogger(__name__)


def pregenerate_renditions(sender, instance, **kwargs):
    image = getattr(instance, "image", None)
    if image is None:
        return
    try:
        image.get_renditions(*renditions.ALL)
    except OSError:  # SourceImageIOError, Pillow's UnidentifiedImageError
        # A missing or broken file must never stop a publication; the page shows no image then.
        logger.warning("Could not make renditions for image %s of news page %s", image.pk, instance.pk)


def connect():
    page_published.connect(pregenerate_renditions, sender=NewsPage, dispatch_uid="news_pregenerate_renditions")
