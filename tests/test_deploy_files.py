"""deploy/: the systemd units run commands that exist, the env template lists every setting."""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
UNITS = ROOT / "deploy" / "systemd"
PYTHON = "/srv/nexus/.venv/bin/python"


def unit(path):
    """{section: {key: value}}; a key given twice (Environment=) keeps every value, one per line."""
    sections, current = {}, None
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, value = line.split("=", 1)
        current[key] = f"{current[key]}\n{value}" if key in current else value
    return sections


def services():
    return sorted(UNITS.glob("*.service"))


def exec_start(path):
    return shlex.split(unit(path)["Service"]["ExecStart"])


@pytest.mark.parametrize("path", services(), ids=lambda p: p.name)
def test_every_unit_runs_an_existing_command_with_production_settings(path):
    argv = exec_start(path)
    assert argv[0] == PYTHON
    if argv[1] == "-m":
        assert argv[2:] == ["gunicorn", "-c", "deploy/gunicorn.conf.py", "nexus_cms.wsgi"]
        assert (ROOT / "deploy" / "gunicorn.conf.py").is_file()
    else:
        assert argv[1] == "manage.py"
        assert argv[2] in get_commands(), f"{path.name}: no manage.py command {argv[2]}"
    service = unit(path)["Service"]
    assert "DJANGO_SETTINGS_MODULE=nexus_cms.settings.production" in service["Environment"].splitlines()
    assert service["EnvironmentFile"] == "/etc/nexus/nexus.env"
    assert service["WorkingDirectory"] == "/srv/nexus"
    assert service["User"] == "nexus"


def test_the_scheduled_jobs_all_have_a_timer():
    timers = {path.stem: unit(path)["Timer"]["OnCalendar"] for path in UNITS.glob("*.timer")}
    jobs = {path.stem: exec_start(path)[2] for path in services() if unit(path)["Service"]["Type"] == "oneshot"}
    assert set(timers) == set(jobs)
    assert timers["nexus-publish-scheduled"] == "minutely"
    assert {jobs[name] for name, when in timers.items() if when.startswith("*-*-* ")} == {
        "purge_training_bookings",
        "purge_training_requests",
        "expire_press_subscriptions",
        "prune_db_task_results",
        "backup",
    }
    # The long-running ones restart on their own (a database outage ends the worker).
    for name in ("nexus-web", "nexus-worker"):
        assert unit(UNITS / f"{name}.service")["Service"]["Restart"] == "always"


def settings_variables():
    text = "\n".join(path.read_text() for path in (ROOT / "nexus_cms" / "settings").glob("*.py"))
    names = set(re.findall(r'env(?:\.[a-z_]+)?\(\s*"([A-Z][A-Z0-9_]+)"', text))
    return {name for name in names if not name.startswith("TEST_")}


def test_the_environment_template_lists_every_production_setting():
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (ROOT / "deploy" / "nexus.env.example").read_text(), re.M))
    missing = settings_variables() - listed
    assert not missing
    assert {"SECRET_KEY", "DATABASE_URL", "NEXUS_PUBLIC_URL", "NEXUS_BACKUP_DIR"} <= listed


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    # The units name /srv/nexus; point them at this checkout so the interpreter exists.
    for path in [*UNITS.glob("*.service"), *UNITS.glob("*.timer")]:
        text = path.read_text().replace("/srv/nexus/.venv/bin/python", sys.executable)
        (tmp_path / path.name).write_text(text.replace("/srv/nexus", str(ROOT)))
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [shutil.which("systemd-analyze"), "verify", "--man=no", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "nexus" not in result.stderr, result.stderr


def render(*args):
    return subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, str(ROOT / "deploy" / "render-nginx"), *args], capture_output=True, text=True, timeout=30
    )


def test_the_nginx_template_renders_completely_with_and_without_a_prefix():
    base = ["--server-name", "nexus.example.se", "--upstream", "127.0.0.1:8000", "--static-root", "/srv/s"]
    base += ["--media-root", "/srv/m/", "--listen", "/etc/nginx/nexus/listen-tls.conf"]
    plain = render(*base)
    prefixed = render(*base, "--prefix", "/nexus-hedersvald/")
    assert plain.returncode == prefixed.returncode == 0
    assert "@" not in re.sub(r"#.*", "", plain.stdout)
    assert "location /static/ {" in plain.stdout and "alias /srv/m/;" in plain.stdout
    assert "location /nexus-hedersvald/static/ {" in prefixed.stdout
    assert "location /nexus-hedersvald/ {" in prefixed.stdout
    refused = render(*base, "--prefix", "nexus;evil")
    assert refused.returncode != 0 and refused.stdout == ""
