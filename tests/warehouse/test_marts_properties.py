"""Laws of the aggregate marts over random incidents: complete grids, sums equal the incidents'."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warehouse_kit import ACTOR_IDS, MARTS, STAGING, incident_row, insert_incidents

from marsad.warehouse import connect
from marsad.warehouse.models import discover, load_seeds, run_models, run_tests

GOVERNORATES = ["Baghdad", "Basra", "Anbar", "Erbil", None]


@st.composite
def counts(draw):
    best = draw(st.one_of(st.none(), st.integers(0, 50)))
    if best is None:
        return None, None, None
    low = draw(st.integers(0, best))
    high = draw(st.one_of(st.none(), st.integers(best, 80)))
    return low, best, high


@st.composite
def incidents(draw):
    n = draw(st.integers(0, 12))
    out = []
    for i in range(n):
        killed, wounded = draw(counts()), draw(counts())
        out.append(
            incident_row(
                f"i{i}",
                event_date=draw(st.one_of(st.none(), st.dates(dt.date(2023, 10, 1), dt.date(2025, 3, 31)))),
                governorate=draw(st.sampled_from(GOVERNORATES)),
                perpetrator_id=draw(st.sampled_from(ACTOR_IDS)),
                target_id=draw(st.one_of(st.none(), st.sampled_from(ACTOR_IDS))),
                killed_low=killed[0],
                killed_best=killed[1],
                killed_high=killed[2],
                wounded_low=wounded[0],
                wounded_best=wounded[1],
                wounded_high=wounded[2],
            )
        )
    return out


def months_between(first: dt.date, last: dt.date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


@pytest.fixture(scope="module")
def staged_once(tmp_path_factory):
    """One warehouse with seeds and staging; each example replaces the incidents and marts."""
    con = connect(tmp_path_factory.mktemp("marts") / "w.duckdb")
    load_seeds(con)
    run_models(con, STAGING)
    yield con
    con.close()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=incidents())
def test_aggregates_are_complete_and_add_up(staged_once, rows):
    con = staged_once
    insert_incidents(con, rows)
    run_models(con, MARTS)
    run_tests(con, discover()[1])  # every data test passes

    dated = [r for r in rows if r["event_date"] is not None]
    n_months = (
        months_between(min(r["event_date"] for r in dated), max(r["event_date"] for r in dated))
        if dated
        else 0
    )
    assert con.execute("select count(*) from faction_month").fetchone()[0] == len(ACTOR_IDS) * n_months * 2
    assert con.execute("select count(*) from governorate_month").fetchone()[0] == 19 * n_months

    expected = Counter()
    for r in dated:
        month = r["event_date"].replace(day=1)
        for role, actor in (("perpetrator", r["perpetrator_id"]), ("target", r["target_id"])):
            if actor is not None:
                expected[(actor, month, role, "incidents")] += 1
                expected[(actor, month, role, "killed_best")] += r["killed_best"] or 0
                expected[(actor, month, role, "unknown")] += r["killed_best"] is None
    got = Counter()
    for actor, month, role, n, killed, unknown in con.execute(
        "select actor_id, month, role, incidents, killed_best, incidents_with_unknown_killed "
        "from faction_month where incidents > 0"
    ).fetchall():
        got[(actor, month, role, "incidents")] += n
        got[(actor, month, role, "killed_best")] += killed
        got[(actor, month, role, "unknown")] += unknown
    assert +got == +expected
