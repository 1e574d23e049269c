"""batch.frame: values of the library as a typed DataFrame, one table of kinds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

from supportpolicy import batch, coverage, engagement, sla  # noqa: E402
from supportpolicy._render import Kind  # noqa: E402
from supportpolicy.batch.frames import DTYPES  # noqa: E402

MSK = ZoneInfo("Europe/Moscow")
openings = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2050, 1, 1),
                        timezones=st.just(MSK))  # fmt: skip


def _utc(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(dt.UTC)


def test_every_kind_of_record_has_a_dtype() -> None:
    assert set(DTYPES) == set(Kind) - {Kind.LOCALIZED}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sla.plan_names()), st.integers(1, 4), openings),
                min_size=1, max_size=6))  # fmt: skip
def test_deadlines_and_statuses_give_typed_columns(
    tickets: list[tuple[str, int, dt.datetime]],
) -> None:
    deadlines = [sla.reaction_deadline(p, prio, t) for p, prio, t in tickets]
    df = batch.frame(deadlines)
    assert len(df) == len(deadlines)
    assert str(df["pauses"].dtype) == "Int64"
    assert str(df["agreed"].dtype) == "boolean"
    assert str(df["priority"].dtype) == "category"
    assert str(df["target"].dtype) == "string"
    for row, deadline in zip(df.itertuples(), deadlines, strict=True):
        # Compared in UTC: == across zones is False for an instant in a DST fold.
        assert _utc(row.due) == _utc(deadline.due) and row.priority == int(deadline.priority)
        assert row.target == deadline.to_dict()["target"]
    zones = {sla.plan(p).calendar.timezone for p, _, _ in tickets}
    assert str(df["due"].dtype) == f"datetime64[us, {zones.pop() if len(zones) == 1 else 'UTC'}]"
    now = max(t for _, _, t in tickets) + dt.timedelta(days=3)
    statuses = [sla.evaluate(p, [sla.Opened(t, priority=prio)], now) for p, prio, t in tickets]
    sf = batch.frame(statuses)
    assert str(sf["reaction_remaining"].dtype) == "timedelta64[us]"
    assert str(sf["reaction_state"].dtype) == "category"
    for row, status in zip(sf.itertuples(), statuses, strict=True):
        assert row.reaction_remaining == status.reaction.remaining
        if status.resolution is None:
            assert pd.isna(row.resolution_due)
        else:
            assert _utc(row.resolution_due) == _utc(status.resolution.due)


def test_decisions_and_statements() -> None:
    kinds = ("change-request", "product-defect", "training")
    decisions = [coverage.classify("saas", kind=k) for k in kinds]
    df = batch.frame(decisions)
    assert len(df) == 3 and str(df["verdict"].dtype) == "category"
    assert set(df["verdict"].cat.categories) == {v.value for v in coverage.Verdict}
    stmt = engagement.tam_statement("a", "2026-11", [], carried_in=0)
    sf = batch.frame(stmt)
    assert len(sf) == 1
    record = stmt.to_dict()
    assert list(sf.columns) == [
        k.removesuffix("_minutes")
        if str(sf[k.removesuffix("_minutes")].dtype).startswith("timedelta")
        else k
        for k in record
    ]
    for key, value in record.items():
        cell = sf.iloc[0][key] if key in sf.columns else sf.iloc[0][key.removesuffix("_minutes")]
        if isinstance(cell, Decimal):
            assert str(cell) == value
        elif isinstance(value, int) and not isinstance(value, bool):
            assert cell == value


def test_a_single_value_gives_one_row_and_records_stay_json() -> None:
    deadline = sla.reaction_deadline("basic", 1, dt.datetime(2026, 11, 20, 17, tzinfo=MSK))
    assert len(batch.frame(deadline)) == 1
    assert isinstance(deadline.to_dict()["due"], str)
