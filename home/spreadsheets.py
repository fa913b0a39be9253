"""Spreadsheet exports without formulas: every CSV/XLSX export the admin offers.

Spreadsheet programs run a cell that starts with = + - @ tab or CR as a formula (CSV injection,
e.g. ``=HYPERLINK(...)`` in a participant's name or a page title). Wagtail's
``SpreadsheetExportMixin`` serves every admin export (model viewsets, snippets, the reports), so
``install()`` wraps its value preprocessing once, at start-up, instead of each view doing it.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """The value with a leading apostrophe when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def install():
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_formula(original(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
