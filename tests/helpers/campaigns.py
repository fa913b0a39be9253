"""Screen campaigns: the admin add form as a browser posts it, and campaigns made in code."""

from wagtail.test.utils.form_data import nested_form_data, streamfield

from channels.models import Campaign
from tests.helpers.media import image_in
from tests.helpers.snippets import snippet_url


def slide(image, text, link_page=None, alt_text="Två personer i samtal"):
    return {"image": image.pk, "alt_text": alt_text, "text": text, "link_page": link_page.pk if link_page else ""}


def campaign_form(organisation, slides, title="Vårkampanj", slug="varkampanj", language="sv", seconds=12):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "organisation": organisation.pk,
            "language": language,
            "seconds_per_slide": seconds,
            "slides": streamfield([("slide", value) for value in slides]),
        }
    )


def admin_add_campaign(client, organisation, slides, action=None, **fields):
    data = campaign_form(organisation, slides, **fields)
    if action:
        data[f"action-{action}"] = "1"
    return client.post(snippet_url(Campaign, "add"), data)


def campaign_in(organisation, texts=("Du är inte ensam.",), slug="kampanj", live=False, link_page=None):
    """A campaign made in code (``live``: with its first, published revision)."""
    from workflows.snippets import publish_initial

    image = image_in(organisation, title=f"Kampanjbild {slug}")
    campaign = Campaign.objects.create(
        title=f"Kampanj {slug}",
        slug=slug,
        organisation=organisation,
        slides=[
            ("slide", {"image": image, "alt_text": "En bild", "text": text, "link_page": link_page}) for text in texts
        ],
        live=live,
    )
    if live:
        return publish_initial(campaign)
    campaign.save_revision()
    return campaign
