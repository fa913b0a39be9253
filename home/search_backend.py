"""Site search in each language's own words: Wagtail's database backend, one text configuration per language.

On PostgreSQL every indexed object that has a locale (pages, translatable snippets) is indexed
with its language's text search configuration (``LANGUAGE_CONFIGS`` in the backend's settings,
e.g. ``{"sv": "swedish", "ar": "arabic"}``), and a query uses the configuration of the active
language, which on the public site is the language of the pages searched (``/ar/sok/`` →
Arabic). A language without one (Somali, Tigrinya, Persian, Sorani) is indexed and searched with
``simple``: word for word, never with Swedish stemming. Objects without a locale (images,
documents) keep the backend's ``SEARCH_CONFIG``. Autocomplete stays ``simple`` as in Wagtail.

On SQLite (and any other database) this is Wagtail's database backend unchanged: FTS5 with its
``unicode61`` tokenizer, which stems no language. A change of ``LANGUAGE_CONFIGS`` takes effect
for the existing content after ``manage.py update_index``.
"""

import copy

from django.db import connection
from django.utils import translation
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

PLAIN_CONFIG = "simple"


def config_for(configs, language_code):
    """The text search configuration of a language code ("en", "en-gb", "ar"), else ``simple``."""
    code = (language_code or "").lower()
    return configs.get(code) or configs.get(code.split("-")[0]) or PLAIN_CONFIG


class LanguageIndex(PostgresIndex):
    """Index objects with the configuration of their own language."""

    def add_items(self, model, objs):
        objs = list(objs)
        if not objs:
            return
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = {}
        for obj in objs:
            locale_id = getattr(obj, "locale_id", None)
            config = (
                self.backend.config
                if locale_id is None
                else config_for(self.backend.language_configs, languages.get(locale_id))
            )
            groups.setdefault(config, []).append(obj)
        for config, group in groups.items():
            # Wagtail's indexer reads the configuration from the backend it is given.
            backend = copy.copy(self.backend)
            backend.config = config
            PostgresIndex(backend).add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    """Parse the query with the active language's configuration, as its pages were indexed."""

    def get_config(self, backend):
        return config_for(backend.language_configs, translation.get_language())


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = {code.lower(): config for code, config in params.get("LANGUAGE_CONFIGS", {}).items()}


def SearchBackend(params):
    """The backend Wagtail loads from this module: per-language configurations on PostgreSQL."""
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    return database_backend(params)
