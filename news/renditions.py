"""The image renditions of news, named once: templates, listings, feeds and the publish hook use these."""

# Listing cards (prefetched by the listing).
THUMBNAIL = "fill-480x270"
# The image on the article page.
ARTICLE = "width-960"
# Open Graph and JSON-LD share image (1.91:1, as Open Graph expects).
SHARE = "fill-1200x630"

# Names for templates: {% news_image page.image article alt=… %}.
SPECS = {"thumbnail": THUMBNAIL, "article": ARTICLE, "share": SHARE}
# Every spec, made when a news page is published rather than on the first view.
ALL = tuple(SPECS.values())
