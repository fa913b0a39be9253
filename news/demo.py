"""Demo news, built from code; idempotent (called by ``home.demo.load_demo``).

A dozen Swedish news items from several partners, with tags and abstract images drawn with
Pillow (no downloads), and one item translated into English and Arabic.
"""

import datetime
import io
import random

from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from home.blocks import RICH_TEXT_FEATURES
from workflows.models import Organisation

from .models import NewsIndexPage, NewsPage, NewsSectionPage

PALETTE = [(90, 42, 130), (62, 26, 92), (179, 38, 30), (244, 241, 247), (255, 191, 71), (36, 94, 120)]

# (organisation slug, slug, title, days ago, tags, lead, paragraphs, image description)
NEWS = [
    (
        "nexus",
        "nexus-resurscentrum-oppnar",
        "Nexus resurscentrum öppnar för hela länet",
        60,
        ["Nexus", "stöd"],
        "Nu öppnar Nexus, länets resurscentrum mot hedersrelaterat våld. Hit kan både utsatta och "
        "yrkesverksamma vända sig.",
        [
            "Nexus är ett samarbete mellan länets åtta kommuner, Länsstyrelsen, Polisen och Region Uppsala. "
            "Centret ger råd och stöd till den som är utsatt och konsultation till yrkesverksamma.",
            "Du kan vara anonym när du kontaktar oss, och du har rätt till stöd oavsett kön och ålder.",
        ],
        "Abstrakt grafik i lila och orange",
    ),
    (
        "nexus",
        "ny-grundutbildning-hosten",
        "Ny grundutbildning om hedersrelaterat våld i höst",
        30,
        ["utbildning", "yrkesverksamma"],
        "Nexus erbjuder en ny halvdagsutbildning för dig som möter barn och unga i ditt arbete.",
        [
            "Utbildningen tar upp vad hedersrelaterat våld och förtryck är, hur du upptäcker det och vad "
            "du ska göra när en ung person berättar.",
            "Utbildningen är kostnadsfri för anställda i länets kommuner, regionen och polisen.",
        ],
        "Abstrakt grafik med cirklar",
    ),
    (
        "lansstyrelsen-uppsala-lan",
        "25-november-orange-dag",
        "25 november: länet lyser orange mot mäns våld mot kvinnor",
        2,
        ["25 november", "kampanj"],
        "På den internationella dagen för avskaffande av våld mot kvinnor lyser byggnader i hela länet orange.",
        [
            "Länsstyrelsen samordnar dagen tillsammans med kommunerna. Under kvällen finns Nexus på plats "
            "på Stora torget i Uppsala för att svara på frågor.",
        ],
        "Orange och lila ränder",
    ),
    (
        "polismyndigheten",
        "sommarlov-risk-for-tvangsaktenskap",
        "Sommarlovet kan innebära risk för tvångsäktenskap",
        170,
        ["sommarlov", "tvångsäktenskap", "skola"],
        "Inför sommarlovet påminner Polisen om att det är ett brott att tvinga någon att gifta sig, även utomlands.",
        [
            "Om du är orolig för att du eller någon du känner ska giftas bort under sommaren kan du kontakta "
            "Polisen, Nexus eller Kvinnofridslinjen. Du kan vara anonym.",
            "Personal i skolan kan göra en orosanmälan till socialtjänsten före sommarlovet.",
        ],
        "Sol över vatten i abstrakta former",
    ),
    (
        "uppsala-kommun",
        "ny-vagledning-for-skolor",
        "Ny vägledning för skolor om hedersrelaterat våld",
        20,
        ["skola", "vägledning"],
        "En ny vägledning hjälper lärare, kuratorer och skolsköterskor att agera när en elev är utsatt.",
        [
            "Vägledningen beskriver varningstecken, hur du pratar med eleven och när du ska kontakta socialtjänsten.",
        ],
        "Rutor i lila nyanser",
    ),
    (
        "region-uppsala",
        "vardcentraler-fragar-om-vald",
        "Vårdcentraler börjar fråga om våld",
        45,
        ["vård", "yrkesverksamma"],
        "Region Uppsala inför rutinfrågor om våld vid vårdcentralerna i länet.",
        ["Personalen har fått utbildning av Nexus och vet vart de ska hänvisa den som berättar om våld."],
        "Abstrakt grafik med mjuka vågor",
    ),
    (
        "heby-kommun",
        "heby-samradsgrupp",
        "Heby startar samrådsgrupp mot hedersrelaterat våld",
        75,
        ["samverkan"],
        "Socialtjänst, skola och polis i Heby ska träffas varje månad för att ge snabbare stöd.",
        ["Gruppen får stöd av Nexus i svåra ärenden."],
        "Trianglar i lila och gult",
    ),
    (
        "enkopings-kommun",
        "enkoping-foraldrautbildning",
        "Föräldraträffar om normer och rättigheter i Enköping",
        12,
        ["föräldrar", "utbildning"],
        "Enköpings kommun bjuder in föräldrar till samtal om barns rättigheter och svenska lagar.",
        ["Träffarna hålls på flera språk med tolk."],
        "Cirklar som överlappar",
    ),
    (
        "knivsta-kommun",
        "knivsta-fritidsledare",
        "Fritidsledare i Knivsta utbildas om hedersnormer",
        90,
        ["utbildning", "fritid"],
        "Alla fritidsledare i Knivsta har gått Nexus grundutbildning.",
        ["Fritidsgården är ofta en plats där unga berättar om sin situation."],
        "Abstrakta linjer",
    ),
    (
        "osthammars-kommun",
        "osthammar-skyddat-boende",
        "Östhammar stärker stödet vid skyddat boende",
        110,
        ["stöd", "skyddat boende"],
        "Kommunen har tecknat avtal om fler platser i skyddat boende för unga.",
        ["Avtalet gäller även unga vuxna upp till 25 år."],
        "Rektanglar i blått och lila",
    ),
    (
        "nck",
        "nck-kunskapsbank",
        "Ny kunskapsbank om hedersrelaterat våld",
        140,
        ["kunskap", "yrkesverksamma"],
        "Nationellt Centrum för Kvinnofrid har uppdaterat sin kunskapsbank med nya texter om heder.",
        ["Texterna vänder sig till yrkesverksamma i socialtjänst, skola och vård."],
        "Abstrakt mönster i lila",
    ),
    (
        "tierps-kommun",
        "tierp-digitalt-vald",
        "Tierp lyfter digitalt våld i nytt material för unga",
        8,
        ["digitalt våld", "skola"],
        "Kontroll via mobilen och sociala medier kan också vara hedersrelaterat våld.",
        ["Materialet används i högstadiet under hösten."],
        "Punkter i ett rutnät",
    ),
]

# The item translated into English and Arabic (short texts).
TRANSLATED_SLUG = "nexus-resurscentrum-oppnar"
TRANSLATIONS = {
    "en": (
        "Nexus resource centre opens for the whole county",
        "Nexus, the county's resource centre against honour-related violence, is now open to victims and "
        "professionals.",
        "You can stay anonymous when you contact us, and you have a right to support whatever your gender or age.",
    ),
    "ar": (
        "افتتاح مركز نيكسوس لجميع أنحاء المقاطعة",
        "افتُتح مركز نيكسوس لمكافحة العنف المرتبط بالشرف، وهو مفتوح للمتضررين وللمهنيين.",
        "يمكنك البقاء مجهول الهوية عند التواصل معنا، ولك الحق في الدعم بغض النظر عن جنسك أو عمرك.",
    ),
}


def _body(paragraphs):
    converter = DbHTMLConverter(features=RICH_TEXT_FEATURES)
    return [("paragraph", converter.to_database_format(f"<p>{text}</p>")) for text in paragraphs]


def abstract_image(seed, size=(1600, 900)):
    """PNG bytes of a simple abstract graphic (circles and bars), reproducible per seed."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    background, *colours = rng.sample(PALETTE, len(PALETTE))
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    width, height = size
    for index in range(7):
        colour = colours[index % len(colours)]
        if index % 2:
            x = rng.randint(0, width)
            draw.rectangle([x, 0, x + rng.randint(40, 220), height], fill=colour)
        else:
            r = rng.randint(80, 320)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer


def ensure_image(title, description, organisation):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        collection = Collection.objects.filter(name=organisation.name).first() or Collection.get_first_root_node()
        image = Image.objects.create(
            title=title,
            description=description,
            credit="Nexus",
            collection=collection,
            file=ImageFile(abstract_image(title), name="nyhet.png"),
        )
    return image


def load_demo(home):
    index = NewsIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        return
    if not index.lead:
        index.lead = "Nyheter från Nexus och alla samverkansparter: utbildningar, kampanjer och nytt stöd."
        index.save_revision().publish()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for slug_of_org, slug, title, days_ago, tags, lead, paragraphs, description in NEWS:
        organisation = Organisation.objects.filter(slug=slug_of_org).first()
        section = NewsSectionPage.objects.child_of(index).filter(organisation=organisation).first()
        if organisation is None or section is None or NewsPage.objects.child_of(section).filter(slug=slug).exists():
            continue
        page = NewsPage(
            title=title,
            slug=slug,
            locale=index.locale,
            lead=lead,
            body=_body(paragraphs),
            date=now - datetime.timedelta(days=days_ago, hours=days_ago % 7),
            image=ensure_image(f"Nyhetsbild: {title}", description, organisation),
            live=False,
        )
        section.add_child(instance=page)
        page.tags.add(*tags)
        page.save_revision().publish()
    _translate(index)


def _translate(index):
    source = NewsPage.objects.descendant_of(index).filter(slug=TRANSLATED_SLUG).first()
    if source is None:
        return
    for code, (title, lead, paragraph) in TRANSLATIONS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or source.has_translation(locale):
            continue
        if not source.get_parent().has_translation(locale):
            continue
        translated = source.copy_for_translation(locale)
        translated.title = title
        translated.lead = lead
        translated.body = _body([paragraph])
        translated.date = source.date
        translated.tags.set(["Nexus"])  # a name, the same in every language
        translated.save_revision().publish()
