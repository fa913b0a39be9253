"""schema.org JSON-LD in rendered pages: select a block by its @type, never by position or count
(a page carries its own block and, below the home page, the breadcrumbs' BreadcrumbList)."""

import json
import re

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld_blocks(html):
    """Every JSON-LD block of the page, as (raw text, parsed data)."""
    return [(raw, json.loads(raw)) for raw in JSON_LD.findall(html)]


def json_ld_of_type(html, schema_type):
    """The one JSON-LD block whose @type is schema_type (asserts there is exactly one)."""
    found = [data for _raw, data in json_ld_blocks(html) if data.get("@type") == schema_type]
    assert len(found) == 1, (schema_type, [data.get("@type") for _raw, data in json_ld_blocks(html)])
    return found[0]


def raw_json_ld_of_type(html, schema_type):
    """The raw text of the one JSON-LD block whose @type is schema_type (for escaping checks)."""
    found = [raw for raw, data in json_ld_blocks(html) if data.get("@type") == schema_type]
    assert len(found) == 1, schema_type
    return found[0]
