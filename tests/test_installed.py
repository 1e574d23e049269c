"""What a user installs is what the suite tests.

CI builds the wheel, installs it in a fresh virtual environment and runs the suite there
with ``SUPPORTPOLICY_EXPECT_INSTALLED=1`` and ``src/`` off the import path. With that
variable set, these tests insist that ``supportpolicy`` was imported from site-packages
(not from a checkout, not editable) and that the wheel carries everything the code
reads at run time: the catalogs, the presets, ``py.typed``, the console script and the
hypothesis plugin. Without it (a developer's editable install) they check what holds
there too and skip the site-packages assertions, saying why.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

import pytest

import supportpolicy

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(supportpolicy.__file__).resolve().parent
EXPECT_INSTALLED = os.environ.get("SUPPORTPOLICY_EXPECT_INSTALLED") == "1"
LOCALES = ("en", "de", "nl", "es", "ru")
DOMAINS = ("core", "sla", "coverage", "engagement", "cli")
NOT_EXPECTED = (
    "SUPPORTPOLICY_EXPECT_INSTALLED is not 1, so this run may import a checkout or an "
    f"editable install ({PACKAGE}); CI sets it after installing the wheel"
)


def site_dirs() -> list[Path]:
    """The interpreter's site-packages directories (pure and platform)."""
    paths = sysconfig.get_paths()
    return sorted({Path(paths[key]).resolve() for key in ("purelib", "platlib")})


def console_script() -> Path | None:
    """The ``supportpolicy`` script of this interpreter's environment, if installed."""
    scripts = Path(sysconfig.get_path("scripts"))
    for name in ("supportpolicy", "supportpolicy.exe"):
        if (scripts / name).is_file():
            return scripts / name
    found = shutil.which("supportpolicy")
    return Path(found) if found else None


def test_catalogs_presets_and_typing_marker_are_in_the_package() -> None:
    missing = [
        f"i18n/locales/{lang}/{domain}.po"
        for lang in LOCALES
        for domain in DOMAINS
        if not (PACKAGE / "i18n" / "locales" / lang / f"{domain}.po").is_file()
    ]
    assert not missing, f"catalogs missing from {PACKAGE}: {missing}"
    assert (PACKAGE / "py.typed").is_file(), f"no py.typed in {PACKAGE}"
    for area in ("sla", "coverage", "engagement"):
        assert list((PACKAGE / area / "presets").glob("*.toml")), f"no {area} presets"


def test_distribution_metadata_matches_the_package() -> None:
    dist = metadata.distribution("supportpolicy")
    assert dist.version == supportpolicy.__version__
    scripts = {ep.name: ep.value for ep in dist.entry_points if ep.group == "console_scripts"}
    assert scripts == {"supportpolicy": "supportpolicy.cli:main"}
    pytest.importorskip("hypothesis")  # importing the strategies cold: a separate test
    plugins = [ep for ep in dist.entry_points if ep.group == "hypothesis"]
    assert [ep.value for ep in plugins] == ["supportpolicy.strategies:_hypothesis_setup_hook"]
    assert callable(plugins[0].load())  # hypothesis calls it at start-up


def test_the_console_script_runs() -> None:
    script = console_script()
    if script is None:
        if EXPECT_INSTALLED:
            pytest.fail(f"no supportpolicy script in {sysconfig.get_path('scripts')}")
        pytest.skip("no supportpolicy console script on this environment's path")
    result = subprocess.run(
        [str(script), "plans", "--locale", "de"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "LANG": "C", "LANGUAGE": ""},
    )
    assert result.returncode == 0, result.stderr
    assert "Premium" in result.stdout
    assert "Mindestlaufzeit" in result.stdout  # the German catalog was found


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "supportpolicy", "plans", "--locale", "ru"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(os.sep),  # nothing importable from the working directory
    )
    assert result.returncode == 0, result.stderr
    assert "Премиум" in result.stdout or "Premium" in result.stdout


@pytest.mark.skipif(not EXPECT_INSTALLED, reason=NOT_EXPECTED)
def test_the_package_comes_from_site_packages() -> None:
    assert any(PACKAGE.is_relative_to(site) for site in site_dirs()), (
        f"supportpolicy was imported from {PACKAGE}, not from {site_dirs()}"
    )
    assert not PACKAGE.is_relative_to(ROOT), f"{PACKAGE} is inside the checkout {ROOT}"
    source = (ROOT / "src").resolve()
    on_path = [entry for entry in sys.path if entry and Path(entry).resolve() == source]
    assert not on_path, f"src/ is on sys.path: {on_path}"


@pytest.mark.skipif(not EXPECT_INSTALLED, reason=NOT_EXPECTED)
def test_the_install_is_a_wheel_not_editable() -> None:
    dist = metadata.distribution("supportpolicy")
    direct = dist.read_text("direct_url.json")
    if direct is not None:
        info = json.loads(direct)
        assert not info.get("dir_info", {}).get("editable", False), info
    recorded = {str(path) for path in dist.files or ()}
    for lang in LOCALES:
        assert f"supportpolicy/i18n/locales/{lang}/sla.po" in recorded, lang
    assert "supportpolicy/py.typed" in recorded


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run *code* in a fresh interpreter of this environment (nothing imported yet)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def test_the_strategies_import_first_thing(tmp_path: Path) -> None:
    """A user's test module may import the strategies before anything else of hypothesis."""
    result = run_python("import supportpolicy.strategies as s; print(len(s.__all__))", tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout) > 0


PLUGIN_CHECK = """
import datetime as dt
from hypothesis import given, settings, strategies as st
from supportpolicy import coverage, engagement, sla
runs = []

@settings(max_examples=5, database=None, deadline=None)
@given(st.from_type(sla.Calendar), st.from_type(sla.Plan), st.from_type(coverage.Decision),
       st.from_type(engagement.TamStatement))
def check(cal, plan, decision, month):
    at = dt.datetime(2030, 1, 7, 12, tzinfo=dt.timezone.utc)
    assert isinstance(sla.is_open(cal, at), bool)
    assert sla.reaction_deadline(plan, 1, at).due >= at
    assert decision.explain("de")
    counts = month.held + month.forfeited + month.carried_out + month.available
    assert counts == month.allowance + month.carried_in
    runs.append(1)

check()
import sys
print(len(runs), "supportpolicy.strategies" in sys.modules)
"""


def test_from_type_works_through_the_plugin_alone(tmp_path: Path) -> None:
    """No import of supportpolicy.strategies: hypothesis' entry point registers them."""
    result = run_python(PLUGIN_CHECK, tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    runs, loaded = result.stdout.split()
    assert int(runs) >= 1
    assert loaded == "True"  # loaded by hypothesis' plugin loader, not by the code above
