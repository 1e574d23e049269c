"""`supportpolicy plans`: the presets as a localized table."""

from __future__ import annotations

import pytest

from supportpolicy import i18n, sla
from supportpolicy.cli import main


@pytest.mark.parametrize("locale", i18n.LOCALES)
def test_plans_prints_every_preset_in_the_language(
    locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plans", "--locale", locale]) == 0
    out = capsys.readouterr().out
    for name in sla.plan_names():
        assert sla.plan(name).title(locale) in out
    for row in sla.plans_table(locale)[1:]:
        assert row[0] in out
    # 004: Premium's P1 reaction (60 minutes) and Basic's fee (24 000 RUB).
    assert sla.plan("premium").reaction[0].describe(locale) in out
    assert "24" in out and "000" in out


def test_plans_refuses_an_unknown_locale(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plans", "--locale", "fr"]) == 2
    assert "accepted: en, de, nl, es, ru" in capsys.readouterr().err
