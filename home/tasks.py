"""Background tasks of home (django-tasks; the worker is ``manage.py db_worker``)."""

from django_tasks import task
from wagtail.images import get_image_model
from wagtail.models import Page

from . import renditions


@task()
def make_page_renditions(page_id):
    """Every rendition a published page shows (home.renditions), off the publish request."""
    page = Page.objects.filter(pk=page_id).first()
    return renditions.make_for_page(page) if page is not None else 0


@task()
def make_footer_logo_renditions():
    """The partner logos of the footer, after an organisation's logo changed."""
    return renditions.make(renditions.footer_logos())


@task()
def make_image_renditions(image_id, specs):
    """``specs`` of one image (e.g. a new upload to the press room's image bank)."""
    image = get_image_model().objects.filter(pk=image_id).first()
    return renditions.make([(image, tuple(specs))]) if image is not None else 0
