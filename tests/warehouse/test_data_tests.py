"""The data tests of sql/tests/: each passes on good rows and names itself on bad ones; a failing
build rolls back to the previous state."""

from __future__ import annotations

import datetime as dt

import pytest
from warehouse_kit import MARTS, extracted, incident_row, insert_incidents, make_article, rows

from marsad.model import Mention
from marsad.warehouse import BuildError, build, load
from marsad.warehouse.models import discover, run_models, run_tests

D = dt.date


def _run(con, incidents):
    insert_incidents(con, incidents)
    run_models(con, MARTS)
    return discover()[1]


def test_data_tests_pass_on_good_rows(staged):
    tests = _run(
        staged,
        [
            incident_row("i1", killed_low=1, killed_best=2, killed_high=3),
            incident_row("i2", event_date=None, date_precision=None, target_id=None, weapon=None),
            incident_row("i3", event_date=D(2023, 11, 2), governorate=None, country="Syria"),
        ],
    )
    assert len(run_tests(staged, tests)) == len(tests)


BAD = {
    "fct_incidents__incident_id_unique_not_null": [incident_row("i1"), incident_row("i1")],
    "fct_incidents__casualties_low_le_best_le_high": [incident_row("i1", killed_low=3, killed_best=2)],
    "fct_incidents__actor_ids_resolve": [incident_row("i1", target_id="martians")],
    "fct_incidents__codes_valid": [incident_row("i1", event_type="Battles")],
    "fct_incidents__governorate_valid": [incident_row("i1", governorate="Atlantis")],
    "fct_incidents__sources_consistent": [incident_row("i1", source_urls=["u", "v"], source_count=1)],
}


@pytest.mark.parametrize("test_name", sorted(BAD))
def test_data_test_names_itself_on_bad_rows(staged, test_name):
    tests = _run(staged, BAD[test_name])
    with pytest.raises(BuildError) as failure:
        run_tests(staged, tests)
    assert test_name in str(failure.value)


def test_aggregate_tests_catch_a_tampered_mart(staged):
    tests = _run(staged, [incident_row("i1", killed_best=2), incident_row("i2", event_date=D(2024, 3, 1))])
    staged.execute("update faction_month set killed_best = killed_best + 1 where actor_id = 'pmf'")
    staged.execute("delete from governorate_month where governorate = 'Basra'")
    staged.execute("update actor_pair_month set incidents = 5")
    with pytest.raises(BuildError) as failure:
        run_tests(staged, tests)
    message = str(failure.value)
    for name in (
        "faction_month__sums_match_incidents",
        "actor_pair_month__sums_match_incidents",
    ):
        assert name in message
    staged.execute("delete from faction_month where actor_id = 'pmf'")
    with pytest.raises(BuildError, match="faction_month__grid_complete"):
        run_tests(staged, tests)


def _snapshot(con):
    return {
        name: rows(con, f"select * from {name} order by all")
        for name in ("fct_incidents", "faction_month", "incident_mentions", "articles")
    }


def test_failing_build_names_the_test_and_keeps_previous_state(con):
    good = make_article(1)
    load(
        con,
        [good],
        [
            extracted(
                good,
                [
                    Mention(
                        event_date=D(2024, 1, 4),
                        date_precision="day",
                        target_id="us_forces",
                        sub_event_type="Air/drone strike",
                        event_type="Explosions/Remote violence",
                        evidence="قصف",
                    )
                ],
            )
        ],
    )
    result = build(con)
    assert result.row_counts["fct_incidents"] == 1
    assert "faction_month__sums_match_incidents" in result.tests
    before = _snapshot(con)

    bad = make_article(2)
    load(con, [bad], [extracted(bad, [Mention(event_date=D(2024, 2, 4), perpetrator_id="martians")])])
    with pytest.raises(BuildError, match="fct_incidents__actor_ids_resolve"):
        build(con)
    after = _snapshot(con)
    assert after["fct_incidents"] == before["fct_incidents"]
    assert after["faction_month"] == before["faction_month"]
