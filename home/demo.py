"""The site structure and demo content, built from code; every function is idempotent.

``build_structure()`` is what any installation needs (languages, a home page per language tree,
the section indexes, the editorial set-up); tests use it as their baseline. ``load_demo`` adds
believable Swedish content and the demo users on top.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from workflows.editorial import PROJECT_LEADERS_GROUP, TRANSLATORS_GROUP, setup_editorial
from workflows.models import Organisation

from . import demo_pages
from .models import HomePage

# Home page title and lead per language (short, plain texts).
HOME_TEXTS = {
    "sv": ("Startsida", "Stöd och kunskap mot hedersrelaterat våld i Uppsala län."),
    "en": ("Home", "Support and knowledge against honour-related violence in Uppsala County."),
    "ar": ("الصفحة الرئيسية", "الدعم والمعرفة ضد العنف المرتبط بالشرف في مقاطعة أوبسالا."),
    "fa": ("صفحه اصلی", "حمایت و دانش علیه خشونت مرتبط با ناموس در استان اوپسالا."),
    "so": ("Bogga hore", "Taageero iyo aqoon ka dhan ah rabshadaha la xiriira sharafta ee gobolka Uppsala."),
    "ti": ("መበገሲ ገጽ", "ኣብ ኣውራጃ ኡፕሳላ ንዝምልከት ዓመጽ ክብሪ ደገፍን ፍልጠትን።"),
    "ckb": ("پەڕەی سەرەکی", "پشتگیری و زانیاری دژی توندوتیژی پەیوەست بە شەرەف لە پارێزگای ئوپسالا."),
    "fi": ("Etusivu", "Tukea ja tietoa kunniaan liittyvää väkivaltaa vastaan Uppsalan läänissä."),
}

# Section indexes: (model path, {language: (title, slug)}). Arabic too, so every page type can be
# checked right-to-left; other languages follow when content is translated.
INDEX_PAGES = [
    ("news.NewsIndexPage", {"sv": ("Nyheter", "nyheter"), "en": ("News", "news"), "ar": ("الأخبار", "news")}),
    (
        "training.TrainingIndexPage",
        {
            "sv": ("Utbildningar", "utbildningar"),
            "en": ("Trainings", "trainings"),
            "ar": ("الدورات التدريبية", "trainings"),
        },
    ),
    ("press.PressRoomPage", {"sv": ("Press", "press"), "en": ("Press room", "press"), "ar": ("الصحافة", "press")}),
]


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_home_pages():
    """A live HomePage as the site root, with a live translation in every site language."""
    sv = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=sv, depth=2).first()
    site = Site.objects.filter(is_default_site=True).first()
    if home is None:
        root = Page.get_first_root_node()
        title, lead = HOME_TEXTS["sv"]
        home = root.add_child(instance=HomePage(title=title, slug="startsida", lead=lead, locale=sv))
        home.save_revision().publish()
        if site is None:
            site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Nexus"
        site.save()
        if old_root.specific_class is Page and old_root.id != home.id:
            old_root.delete()
    for code, (title, lead) in HOME_TEXTS.items():
        locale = Locale.objects.get(language_code=code)
        if code == sv.language_code or home.has_translation(locale):
            continue
        translated = home.copy_for_translation(locale)
        translated.title = title
        translated.lead = lead
        translated.save_revision().publish()
    return home


def ensure_index_pages(home):
    from django.apps import apps

    for model_path, texts in INDEX_PAGES:
        model = apps.get_model(model_path)
        source = model.objects.filter(locale=home.locale).first()
        if source is None:
            title, slug = texts["sv"]
            source = home.add_child(instance=model(title=title, slug=slug, locale=home.locale))
            source.save_revision().publish()
        for code, (title, slug) in texts.items():
            locale = Locale.objects.get(language_code=code)
            if locale == home.locale or source.has_translation(locale):
                continue
            translated = source.copy_for_translation(locale)
            translated.title = title
            translated.slug = slug
            translated.save_revision().publish()


def build_structure():
    ensure_locales()
    home = ensure_home_pages()
    ensure_index_pages(home)
    setup_editorial()
    return home


def demo_password():
    import os

    return os.environ.get("NEXUS_DEMO_PASSWORD", "nexus-demo")


def ensure_demo_users():
    """The demo logins from the README. Never created by production settings."""
    User = get_user_model()
    password = demo_password()

    def user(username, first_name, last_name, groups=(), superuser=False):
        account, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@nexus.example",
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        if created:
            account.set_password(password)
            account.save()
        for name in groups:
            account.groups.add(Group.objects.get(name=name))
        return account

    user("admin", "Ada", "Administratör", superuser=True)
    user("projektledare", "Parisa", "Projektledare", [PROJECT_LEADERS_GROUP])
    user("samordnare", "Sami", "Samordnare", [PROJECT_LEADERS_GROUP])
    user("oversattare", "Omid", "Översättare", [TRANSLATORS_GROUP])
    for organisation in Organisation.objects.all():
        user(
            f"kommunikator-{organisation.slug}",
            "Kommunikatör",
            organisation.short_name,
            [organisation.communicators_group_name],
        )


def load_demo():
    home = build_structure()
    ensure_demo_users()
    # Each content app adds its own demo content on top of the structure.
    from news import demo as news_demo
    from press import demo as press_demo
    from training import demo as training_demo

    for module in (news_demo, training_demo, press_demo):
        module.load_demo(home)
    demo_pages.load_demo(home)
    return home
