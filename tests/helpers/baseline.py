"""What Wagtail's data migrations create, rebuilt after a transactional test's flush."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, Locale, Page

# Permissions that data migrations create (post_migrate recreates the others after a flush):
# (content type app label, content type model, codename, name).
MIGRATION_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
]


def ensure_wagtail_roots():
    """Recreate what Wagtail's data migrations made (gone after a transactional test's flush):
    the default locale, the tree root, the root collection and the permissions made in migrations."""
    for app_label, model, codename, name in MIGRATION_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", live=True))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
