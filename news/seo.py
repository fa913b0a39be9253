"""Machine-readable metadata of a news page: schema.org NewsArticle and Open Graph.

Built as plain Python data; templates render the JSON-LD with ``json_ld`` (news_tags), which
escapes like Django's ``json_script``, so editor input never reaches the page unescaped.
"""

from django.conf import settings

from . import renditions


def share_image(page, request):
    """(absolute URL, rendition) of the page's share image, or (None, None)."""
    if not page.image_id or page.image is None:
        return None, None
    rendition = page.image.get_rendition(renditions.SHARE)
    return request.build_absolute_uri(rendition.url), rendition


def _iso(value):
    return value.isoformat() if value else None


def news_article_json_ld(page, request):
    url = page.get_full_url(request)
    organisation = page.organisation
    publisher = {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}
    author = (
        {
            "@type": "Organization",
            "name": organisation.name,
            **({"url": organisation.website} if organisation.website else {}),
        }
        if organisation
        else publisher
    )
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead or None,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": page.locale.language_code,
        "datePublished": _iso(page.display_date),
        "dateModified": _iso(page.last_published_at or page.display_date),
        "author": author,
        "publisher": publisher,
        "keywords": [tag.name for tag in page.tag_list()] or None,
    }
    image_url, _rendition = share_image(page, request)
    if image_url:
        data["image"] = [image_url]
    return {key: value for key, value in data.items() if value is not None}


def open_graph(page, request):
    """Open Graph properties as (property, content) pairs, in order."""
    image_url, rendition = share_image(page, request)
    # og:title, og:description, og:url, og:locale and og:site_name come from base.html.
    properties = [
        ("article:published_time", _iso(page.display_date)),
        ("article:modified_time", _iso(page.last_published_at)),
    ]
    if page.organisation:
        properties.append(("article:author", page.organisation.name))
    properties.extend(("article:tag", tag.name) for tag in page.tag_list())
    if image_url:
        properties += [
            ("og:image", image_url),
            ("og:image:width", str(rendition.width)),
            ("og:image:height", str(rendition.height)),
            ("og:image:alt", page.image.description),
        ]
    return [(name, content) for name, content in properties if content]
