"""Static rules from security.md (T28): constructs that disable escaping or CSRF need a reason."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SOURCE_DIRS = ["nexus_cms", "home", "news", "training", "press", "workflows", "templates"]


def source_files(suffixes):
    for name in SOURCE_DIRS:
        for path in (ROOT / name).rglob("*"):
            if path.suffix in suffixes and "migrations" not in path.parts:
                yield path


def test_templates_never_disable_escaping_or_use_django_fragment_cache():
    offenders = []
    for path in source_files({".html", ".txt", ".xml"}):
        text = path.read_text()
        for pattern in (r"\|\s*safe\b", r"{%\s*autoescape\s+off", r"{%\s*cache\s"):
            if re.search(pattern, text):
                offenders.append((str(path.relative_to(ROOT)), pattern))
    assert offenders == []


def test_python_never_marks_strings_safe():
    offenders = [
        str(path.relative_to(ROOT)) for path in source_files({".py"}) if re.search(r"\bmark_safe\(", path.read_text())
    ]
    assert offenders == []


def test_every_csrf_exemption_is_justified_on_the_line_above():
    offenders = []
    for path in source_files({".py"}):
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines):
            if re.search(r"\bcsrf_exempt\b", line) and not line.lstrip().startswith(("from ", "import ", "#")):
                above = lines[number - 1].strip() if number else ""
                if not above.startswith("#"):
                    offenders.append(f"{path.relative_to(ROOT)}:{number + 1}")
    assert offenders == []
