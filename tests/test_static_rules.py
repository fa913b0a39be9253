"""Static rules: constructs that disable escaping or CSRF protection need a stated reason."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SOURCE_DIRS = ["nexus_cms", "demo", "channels", "home", "news", "training", "press", "workflows", "templates"]


def source_files(suffixes, root=ROOT):
    for name in SOURCE_DIRS:
        for path in (root / name).rglob("*"):
            if path.suffix in suffixes and "migrations" not in path.parts:
                yield path


def test_templates_never_disable_escaping_or_use_django_fragment_cache():
    offenders = []
    for path in source_files({".html", ".txt", ".xml"}):
        text = path.read_text()
        patterns = [r"\|\s*safe\b", r"{%\s*cache\s"]
        if path.suffix != ".txt":
            # Plain-text mail bodies have no HTML context: HTML-escaping would only garble them.
            patterns.append(r"{%\s*autoescape\s+off")
        for pattern in patterns:
            if re.search(pattern, text):
                offenders.append((str(path.relative_to(ROOT)), pattern))
    assert offenders == []


def unjustified_uses(name, root=ROOT):
    """Lines using ``name`` with no reason in a comment on the same line or the line above."""
    offenders = []
    for path in source_files({".py"}, root):
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines):
            code = line.split("#", 1)[0]
            if not re.search(rf"@{name}\b|\b{name}\(", code):
                continue
            reason_here = re.search(r"#\s*(?!noqa)\w", line)
            above = lines[number - 1].strip() if number else ""
            if not reason_here and not above.startswith("#"):
                offenders.append(f"{path.relative_to(root)}:{number + 1}")
    return offenders


def test_every_mark_safe_is_justified():
    assert unjustified_uses("mark_safe") == []


def test_every_csrf_exemption_is_justified():
    assert unjustified_uses("csrf_exempt") == []


def test_the_justification_check_can_fail(tmp_path):
    # A throwaway tree, never the source tree: one justified and one unjustified use.
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "_static_rules_probe.py").write_text(
        "from django.utils.safestring import mark_safe\n\n"
        "# Our own constant markup.\nok = mark_safe(y)  # noqa: S308\n"
        "value = mark_safe(x)  # noqa: S308\n"
    )
    assert unjustified_uses("mark_safe", tmp_path) == ["home/_static_rules_probe.py:5"]
