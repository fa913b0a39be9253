"""News: one index per language tree, a section per organisation, news pages inside."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index

from home import routing
from home.models import LeadAndBodyMixin
from home.visibility import public
from workflows.models import OrganisationSectionPage, SectionedIndexMixin

from . import renditions
from .feeds import NewsAtomFeed, NewsRssFeed
from .listing import NewsListing, NewsSectionListing
from .seo import news_article_json_ld, open_graph


def live_news(root):
    """Live, public news below ``root`` (an index or a section), newest first."""
    return public(NewsPage.objects.live()).descendant_of(root).order_by("-date", "-first_published_at", "-pk")


class NewsIndexPage(RoutablePageMixin, SectionedIndexMixin, LeadAndBodyMixin, Page):
    """ "Nyheter": lists the news of every organisation, with RSS and Atom feeds.

    Filters are plain GET parameters (``?organisation=<slug>&tag=<slug>&page=<n>``, see
    ``news.listing``); the feeds live at ``rss/`` and ``atom/`` below the index and take the
    same filters.
    """

    organisation_section_model = "news.NewsSectionPage"
    # Set-up by home.installation: title from the catalogues, slugs, order among the indexes.
    setup_title = _("Nyheter")
    setup_slug = "nyheter"
    setup_translated_slug = "news"
    setup_order = 10
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsSectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("nyhetslista")

    def news_index(self):
        return self

    def organisation_sections(self):
        return NewsSectionPage.objects.child_of(self).select_related("organisation")

    def live_news(self):
        return live_news(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = NewsListing.for_request(self, request)
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed()(request, root=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed()(request, root=self)


class NewsSectionPage(OrganisationSectionPage):
    """One organisation's news. Created by the installation (manage.py setup_site)."""

    is_creatable = False
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("organisationens nyheter")

    def news_index(self):
        return self.get_parent().specific

    def live_news(self):
        return live_news(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = NewsSectionListing.for_request(self, request)
        context["news_index"] = context["listing"].index
        return context


class NewsPageTag(TaggedItemBase):
    """Tag on a news page (django-taggit through model)."""

    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPageRelatedNews(Orderable):
    """A hand-picked related news item shown at the end of a news page."""

    page = ParentalKey("news.NewsPage", related_name="related_news", on_delete=models.CASCADE)
    related = models.ForeignKey(
        "news.NewsPage",
        verbose_name=_("nyhet"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("En annan nyhet som hör ihop med den här."),
    )

    panels = [FieldPanel("related")]

    class Meta(Orderable.Meta):
        verbose_name = _("relaterad nyhet")
        verbose_name_plural = _("relaterade nyheter")


class NewsPage(LeadAndBodyMixin, Page):
    """A news item, drafted by a partner communicator, approved by Projektledning.

    The organisation is the one whose section the page lives in.
    """

    date = models.DateTimeField(
        _("publiceringsdatum"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Datum och tid som visas på nyheten och styr ordningen i listan. "
            "Lämna tomt för att använda tidpunkten då nyheten först publicerades."
        ),
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Valfri bild högst upp i nyheten och i listor. Bildens beskrivning blir alternativtext "
            "och fotografen anges under bilden."
        ),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("taggar"),
        help_text=_("Ämnesord som läsarna kan filtrera på, t.ex. utbildning eller skola."),
    )

    parent_page_types = ["news.NewsSectionPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("tags"), InlinePanel("related_news", label=_("Relaterade nyheter"))],
            heading=_("Taggar och relaterat"),
        ),
    ]
    search_fields = [
        *LeadAndBodyMixin.search_fields,
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")

    def save(self, *args, **kwargs):
        # The publication date defaults to the first publication (set just before this save).
        if self.live and self.date is None:
            self.date = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    @property
    def display_date(self):
        return self.date or self.first_published_at or self.latest_revision_created_at

    @property
    def organisation(self):
        """The organisation of the section this page lives in (a query; listings map it instead)."""
        if not hasattr(self, "_organisation"):
            section = NewsSectionPage.objects.filter(path=self.path[: -self.steplen]).select_related("organisation")
            section = section.first()
            self._organisation = section.organisation if section else None
        return self._organisation

    @organisation.setter
    def organisation(self, value):
        self._organisation = value

    def image_renditions(self):
        """The article image in every spec news shows it in (home.renditions makes them on publish)."""
        return [(self.image, renditions.ALL)]

    def tag_list(self):
        """The page's tags, read once for the page, its JSON-LD and its Open Graph data."""
        if not hasattr(self, "_tag_list"):
            self._tag_list = list(self.tags.all())
        return self._tag_list

    def live_related_news(self):
        ids = [link.related_id for link in self.related_news.all()]
        if not ids:
            return []
        found = {
            page.pk: page
            for page in public(NewsPage.objects.live()).filter(pk__in=ids).exclude(pk=self.pk).select_related("locale")
        }
        return [found[pk] for pk in ids if pk in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = news_article_json_ld(self, request)
        context["open_graph"] = open_graph(self, request)
        context["news_index"] = routing.routed_ancestor(self, NewsIndexPage) or (
            NewsIndexPage.objects.ancestor_of(self).first()
        )
        return context
