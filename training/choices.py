"""The fixed vocabularies of a training, below the models so the listing can filter by them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetGroup(models.TextChoices):
    SOCIAL_SERVICES = "socialtjanst", _("Socialtjänst")
    SCHOOL = "skola", _("Skola och förskola")
    HEALTH_CARE = "halso-och-sjukvard", _("Hälso- och sjukvård")
    POLICE = "polis", _("Polis och rättsväsende")
    CIVIL_SOCIETY = "ideell-sektor", _("Ideell sektor")
    OTHER = "ovriga", _("Övriga yrkesverksamma")


class TrainingFormat(models.TextChoices):
    ON_SITE = "pa-plats", _("På plats")
    DIGITAL = "digitalt", _("Digitalt")
    HYBRID = "hybrid", _("Hybrid (på plats och digitalt)")
