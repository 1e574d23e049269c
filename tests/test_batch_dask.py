"""The Dask recipe of docs/batch.md on a real two-process cluster, identical to one process.

Skipped when the ``dask`` extra is not installed (the ``test`` extra installs it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from supportpolicy import batch, sla  # noqa: E402

TICKETS = 4_000


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
        death_timeout=60,
    )  # fmt: skip
    client = distributed.Client(cluster, timeout=60)
    try:
        yield client
    finally:
        client.close(timeout=30)
        cluster.close(timeout=30)


def due_columns(part: pd.DataFrame, plans: dict[str, sla.Plan]) -> pd.DataFrame:
    """The recipe's partition function: one batch call per plan in the partition."""
    out = part.assign(
        reaction_due=pd.Series(pd.NaT, index=part.index, dtype="datetime64[us, UTC]"),
        resolution_due=pd.Series(pd.NaT, index=part.index, dtype="datetime64[us, UTC]"),
    )
    for key, rows in part.groupby("plan", observed=True).groups.items():
        sub = part.loc[rows]
        plan = plans[str(key)]
        for column, call in (("reaction_due", batch.reaction_deadlines),
                             ("resolution_due", batch.resolution_deadlines)):  # fmt: skip
            out.loc[rows, column] = call(plan, sub["priority"], sub["opened"]).dt.tz_convert("UTC")
    return out


def _tickets(tmp: Path) -> Path:
    rng = np.random.default_rng(12)
    start = np.datetime64("2025-01-01T00:00", "us").astype(np.int64)
    opened = start + rng.integers(0, 3 * 365 * 86_400_000_000, TICKETS)
    frame = pd.DataFrame({
        "ticket": np.arange(TICKETS),
        "plan": rng.choice(list(sla.plan_names()), TICKETS),
        "priority": rng.integers(1, 5, TICKETS),
        "opened": pd.to_datetime(opened.view("datetime64[us]")).tz_localize("UTC"),
    })  # fmt: skip
    path = tmp / "tickets"
    dd.from_pandas(frame, npartitions=8).to_parquet(path)
    return path


def test_the_dask_recipe_gives_what_one_process_gives(client: object, tmp_path: Path) -> None:
    source = _tickets(tmp_path)
    plans = {name: sla.plan(name) for name in sla.plan_names()}
    tickets = dd.read_parquet(source)
    meta = due_columns(tickets._meta, plans)
    result = tickets.map_partitions(due_columns, plans, meta=meta)
    result.to_parquet(tmp_path / "due")
    got = pd.read_parquet(tmp_path / "due").sort_values("ticket").reset_index(drop=True)
    local = due_columns(pd.read_parquet(source), plans).sort_values("ticket")
    pd.testing.assert_frame_equal(got, local.reset_index(drop=True), check_dtype=False)
    assert got["reaction_due"].notna().all()
    sample = got.iloc[:50]
    for row in sample.itertuples():
        want = sla.reaction_deadline(row.plan, int(row.priority), row.opened.to_pydatetime())
        assert row.reaction_due == want.due
