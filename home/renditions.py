"""Image renditions, named once: templates use these names and the generator makes them all.

Every image a public page shows is rendered from a spec named in a ``renditions`` module (this
one for what ``home`` renders: story images and the footer's partner logos; ``news.renditions``
and ``press.renditions`` for theirs), through a template tag made by ``image_tag`` that accepts
only those names. Each page type says which images it shows in which specs
(``image_renditions()``); when a page is published (``home.signals``) or by
``manage.py generate_renditions`` those renditions are made, so the first anonymous request
never renders an image (a slow, CPU-bound request on an app server, racing other servers).
"""

import logging

from django import template
from django.template.base import Token, TokenType
from wagtail import blocks

logger = logging.getLogger(__name__)

# An image block in a page body (templates/blocks/image_block.html).
STORY_IMAGE = "width-800"
# A partner organisation's logo in the footer of every page (templates/components/footer.html).
FOOTER_LOGO = "max-160x80"

# Names for templates: {% site_image value.image story alt=… %}.
SPECS = {"story": STORY_IMAGE, "footer_logo": FOOTER_LOGO}


def image_tag(specs, name):
    """A tag like Wagtail's ``{% image %}`` whose second argument is a name from ``specs``."""

    def tag(parser, token):
        bits = token.split_contents()
        if len(bits) < 3 or bits[2] not in specs:
            raise template.TemplateSyntaxError(f"{name} needs an image and one of {sorted(specs)}")
        from wagtail.images.templatetags import wagtailimages_tags

        bits[0], bits[2] = "image", specs[bits[2]]
        return wagtailimages_tags.image(parser, Token(TokenType.BLOCK, " ".join(bits), token.position, token.lineno))

    tag.__name__ = name
    tag.__doc__ = f"``{{% {name} image <{' | '.join(sorted(specs))}> alt=… %}}``: Wagtail's image tag, named spec."
    return tag


def story_images(value):
    """The images of the image blocks anywhere in a StreamField value (nested blocks included)."""
    from .blocks import ImageBlock

    found = []

    def walk(block, value):
        if isinstance(block, ImageBlock):
            if value.get("image") is not None:
                found.append(value["image"])
        elif isinstance(block, blocks.StreamBlock):
            for child in value:
                walk(child.block, child.value)
        elif isinstance(block, blocks.ListBlock):
            for item in value:
                walk(block.child_block, item)
        elif isinstance(block, blocks.StructBlock):
            for child_name, child_block in block.child_blocks.items():
                walk(child_block, value.get(child_name))

    if value is not None:
        walk(value.stream_block, value)
    return found


def footer_logos():
    """Every partner's logo with its footer spec: the footer is on every page."""
    from workflows.models import Organisation

    return [
        (organisation.logo, (FOOTER_LOGO,))
        for organisation in Organisation.objects.select_related("logo")
        if organisation.logo is not None
    ]


def wanted(page):
    """(image, specs) for every image ``page`` shows, plus the footer's."""
    return page_images(page) + footer_logos()


def page_images(page):
    """(image, specs) for every image ``page`` itself shows.

    The image blocks of all its StreamFields in ``STORY_IMAGE``; what else a page type shows it
    says in ``image_renditions()`` (news: its image; press: release and bank images).
    """
    from wagtail.fields import StreamField

    pairs = [
        (image, (STORY_IMAGE,))
        for field in page._meta.get_fields()
        if isinstance(field, StreamField)
        for image in story_images(getattr(page, field.name))
    ]
    if hasattr(page, "image_renditions"):
        pairs += list(page.image_renditions())
    return [(image, specs) for image, specs in pairs if image is not None]


def make(pairs):
    """Make the missing renditions; returns how many were made. A broken file is logged, skipped."""
    from wagtail.images import get_image_model

    rendition_model = get_image_model().get_rendition_model()
    before = rendition_model.objects.count()
    for image, specs in pairs:
        try:
            image.get_renditions(*specs)
        except OSError:  # SourceImageIOError, Pillow's UnidentifiedImageError
            # A missing or broken file must never stop a publication; the page shows no image then.
            logger.warning("Could not make renditions %s of image %s", specs, image.pk)
    return rendition_model.objects.count() - before


def make_for_page(page):
    return make(wanted(page.specific))
