"""The strings of the editorial boundary are translated: admin ones in Swedish and English, the
public ones (privacy notice, form errors, the 400/409 answers, the FAQ block and the material
kit) in every site language.

Strings are read from the code as Django's extractor would find them: gettext calls with a
literal in Python, ``{% translate "…" %}`` and ``{% blocktranslate %}`` in templates.
"""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from home.catalogues import catalogue_path, is_translated

ROOT = Path(settings.BASE_DIR)
GETTEXT = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy"}
TRANSLATE_TAG = re.compile(r'{%\s*translate\s+"((?:[^"\\]|\\.)*)"')
BLOCK_TAG = re.compile(r"{%\s*blocktranslate([^%]*)%}(.*?)(?:{%\s*plural\s*%}.*?)?{%\s*endblocktranslate\s*%}", re.S)
VARIABLE = re.compile(r"{{\s*(\w+)[^}]*}}")

ADMIN_SOURCES = [
    "accounts",
    "workflows/publishing.py",
    "workflows/media.py",
    "workflows/snippet_admin.py",
    "workflows/translations.py",
    "workflows/models.py",
    "home/personal_data.py",
    "templates/accounts",
    "templates/workflows",
    "templates/home/admin",
]
PUBLIC_SOURCES = [
    "templates/home/privacy_notice_page.html",
    "home/validators.py",
    "press/views.py",
    "nexus_cms/middleware.py",
    # The communication plan's public pages: the FAQ block and the material kit.
    "templates/blocks/faq_block.html",
    "templates/home/material_kit_page.html",
    # The site notice on every page.
    "templates/components/site_notice.html",
]


def python_msgids(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in GETTEXT:
            continue
        index = 1 if name.startswith("pgettext") else 0
        if len(node.args) > index and isinstance(node.args[index], ast.Constant):
            yield node.args[index].value


def template_msgids(path):
    text = path.read_text()
    yield from TRANSLATE_TAG.findall(text)
    for options, body in BLOCK_TAG.findall(text):
        msgid = VARIABLE.sub(r"%(\1)s", body)
        yield " ".join(msgid.split()) if "trimmed" in options else msgid


def msgids(sources):
    found = set()
    for source in sources:
        base = ROOT / source
        for path in [base] if base.is_file() else sorted(base.rglob("*")):
            if "migrations" in path.parts:
                continue
            if path.suffix == ".py":
                found.update(python_msgids(path))
            elif path.suffix in {".html", ".txt"}:
                found.update(template_msgids(path))
    return found


def untranslated(code, wanted):
    catalogue = {entry.msgid: entry for entry in polib.pofile(str(catalogue_path(code))) if not entry.obsolete}
    return sorted(msgid for msgid in wanted if msgid not in catalogue or not is_translated(catalogue[msgid]))


def test_the_sources_hold_strings():
    assert len(msgids(ADMIN_SOURCES)) > 100
    assert len(msgids(PUBLIC_SOURCES)) > 10


@pytest.mark.parametrize("code", ["sv", "en"])
def test_admin_strings_of_the_boundary_are_translated(code):
    assert untranslated(code, msgids(ADMIN_SOURCES)) == []


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_public_strings_of_the_boundary_are_translated_everywhere(code):
    assert untranslated(code, msgids(PUBLIC_SOURCES)) == []
