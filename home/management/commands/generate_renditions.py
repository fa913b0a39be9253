"""Make every image rendition the live pages show (home.renditions), e.g. after a deploy or an import.

Publishing makes a page's renditions already; this fills what is missing (content loaded by a
script, a new spec after an upgrade, renditions deleted with a changed focal point). Existing
renditions are kept. Idempotent; safe to run on any one app server.
"""

from django.core.management import BaseCommand
from wagtail.models import Page

from home import renditions


class Command(BaseCommand):
    help = "Make the missing image renditions of every live page, the footer's logos included."

    def handle(self, *args, **options):
        wanted, pages = {}, 0
        for page in Page.objects.live().specific().iterator(chunk_size=200):
            pages += 1
            for image, specs in renditions.page_images(page):
                wanted.setdefault(image.pk, (image, set()))[1].update(specs)
        for image, specs in renditions.footer_logos():
            wanted.setdefault(image.pk, (image, set()))[1].update(specs)
        pairs = [(image, tuple(sorted(specs))) for image, specs in wanted.values()]
        made = renditions.make(pairs)
        self.stdout.write(f"{made} renditions made for {pages} live pages ({len(pairs)} images checked).")
