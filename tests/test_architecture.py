"""The architecture contracts of `make lint` (import-linter, configured in pyproject.toml).

They hold on the tree as it is, and they do fail when a layer or a circle is broken: each probe
adds one offending module to a throwaway copy of the apps, never to the source tree.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ["nexus_cms", "demo", "channels", "home", "accounts", "workflows", "news", "training", "press"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.fixture
def tree(tmp_path):
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def lint_imports(tree):
    return subprocess.run(  # noqa: S603 (our own command on our own throwaway copy)
        [str(LINT_IMPORTS), "--no-cache"], cwd=tree, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_tree_keeps_its_contracts(tree):
    result = lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("additions", "message"),
    [
        ({"news/_probe.py": "import training.models\n"}, "news is not allowed to import training"),
        ({"press/_probe.py": "from news import models\n"}, "press is not allowed to import news"),
        ({"workflows/_probe.py": "import home.models\n"}, "workflows is not allowed to import home"),
        ({"home/_probe.py": "def later():\n    import press.models\n"}, "home is not allowed to import press"),
        ({"training/_probe.py": "import demo\n"}, "training is not allowed to import demo"),
        # A circle inside one app, even through a function-level import.
        (
            {
                "news/_circle.py": "from . import models\n",
                "news/models.py": "\ndef later():\n    from . import _circle\n",
            },
            "No cycles are allowed in news",
        ),
    ],
)
def test_a_broken_contract_fails_the_lint(tree, additions, message):
    for module, code in additions.items():
        with (tree / module).open("a") as handle:
            handle.write(code)
    result = lint_imports(tree)
    assert result.returncode != 0
    assert message in result.stdout
