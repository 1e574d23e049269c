"""Fast start (issue 12, item 6): what a cold import pulls in, checked in fresh processes.

``import supportpolicy`` imports no subpackage, no ``holidays``, no ``babel.dates``, no
numpy or pandas; ``holidays`` comes only with a calendar that names a country, and then
only that country's module; Babel's formatting modules only with formatted text; the
command line imports only the module of the command it runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from supportpolicy import cli

HEAVY = ("holidays", "babel.dates", "babel.numbers", "numpy", "pandas", "matplotlib")


def modules_after(code: str) -> set[str]:
    """The names in ``sys.modules`` after running *code* in a fresh interpreter."""
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_import_supportpolicy_imports_nothing_heavy() -> None:
    loaded = modules_after("import supportpolicy")
    assert not {name for name in loaded if name.split(".")[0] in {"holidays", "numpy", "pandas"}}
    assert not {name for name in loaded if name.startswith(HEAVY)}
    assert not {name for name in loaded if name.startswith("supportpolicy.")}


def test_subpackages_load_on_first_use_and_all_works() -> None:
    code = (
        "import supportpolicy\n"
        "from supportpolicy import sla, coverage\n"
        "assert supportpolicy.engagement.route(8).value == 'purchase-hours'\n"
        "assert all(hasattr(supportpolicy, n) for n in supportpolicy.__all__)\n"
        "assert set(supportpolicy.__all__) <= set(dir(supportpolicy))\n"
        "try:\n    supportpolicy.nothing\nexcept AttributeError as e:\n    print(e)\n"
    )
    loaded = modules_after(code)
    assert {"supportpolicy.sla", "supportpolicy.coverage", "supportpolicy.engagement"} <= loaded


def test_sla_without_a_country_imports_no_holidays_and_no_babel_formatting() -> None:
    loaded = modules_after(
        "from supportpolicy import sla\nimport datetime as dt\n"
        "cal = sla.calendar('Europe/Berlin', 'Mon-Fri 09:00-17:00')\n"
        "at = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)\n"
        "sla.add_business_time(cal, at, dt.timedelta(hours=3))"
    )
    assert not {name for name in loaded if name.startswith(HEAVY)}


def test_a_country_loads_only_its_own_holidays_module() -> None:
    loaded = modules_after(
        "from supportpolicy import sla\nimport datetime as dt\n"
        "cal = sla.calendar('Europe/Moscow', 'Mon-Fri 10:00-18:00', country='RU')\n"
        "at = dt.datetime(2026, 1, 2, 10, tzinfo=dt.UTC)\n"
        "sla.add_business_time(cal, at, dt.timedelta(hours=3))"
    )
    assert "holidays" in loaded
    countries = {name for name in loaded if name.startswith("holidays.countries")}
    assert countries == set(), sorted(countries)[:5]
    assert "_supportpolicy_holidays_russia" not in loaded  # loaded privately, not registered


def test_formatting_imports_babel_dates_then() -> None:
    loaded = modules_after(
        "from supportpolicy import i18n\nimport datetime as dt\n"
        "i18n.format_date(dt.date(2026, 1, 2), 'de')"
    )
    assert "babel.dates" in loaded


@pytest.mark.parametrize("argv", [["--help"], ["--version"]])
def test_the_command_lines_help_imports_no_subcommand(argv: list[str]) -> None:
    loaded = modules_after(
        "import contextlib, io\nfrom supportpolicy.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    main({argv!r})"
    )
    assert not {name for name in loaded if name.endswith("_cmd")}
    assert "supportpolicy.sla" not in loaded


def test_a_command_imports_only_its_module() -> None:
    loaded = modules_after(
        "import contextlib, io\nfrom supportpolicy.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['route', '8'])"
    )
    assert {name for name in loaded if name.endswith("_cmd")} == {"supportpolicy.cli.route_cmd"}


def test_the_help_table_matches_what_each_module_registers() -> None:
    parser = cli.build_parser()  # every command in full
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    registered = {choice.dest: choice.help for choice in sub._choices_actions}
    assert registered == {command.name: command.summary for command in cli.COMMANDS}
