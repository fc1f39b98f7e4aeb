"""The run report's rows, and what Prefect walks of what the flows hand it (no API needed)."""

from __future__ import annotations

from prefect.utilities.collections import visit_collection

from flows.report import Rows, RunReport, compare
from flows.tasks import Snapshot, bulk


def _incident(i: int) -> dict:
    return {
        "incident_id": f"inc_{i:04d}",
        "event_date": f"2024-01-{1 + i % 28:02d}",
        "evidence": "نص",
        "source_urls": [f"https://news.example/{i}"],
    }


def _visited(expr) -> int:
    seen = []
    visit_collection(expr, visit_fn=lambda x: seen.append(x) or x, return_data=False)
    return len(seen)


def test_compare_gives_new_incidents_in_date_order_as_rows():
    before = Snapshot(incidents={"inc_0001": _incident(1)})
    after = Snapshot(incidents={f"inc_{i:04d}": _incident(i) for i in (3, 1, 2)})
    new, changed = compare(before, after)
    assert isinstance(new, Rows)
    assert [r["incident_id"] for r in new] == ["inc_0002", "inc_0003"]
    assert new == [_incident(2), _incident(3)] and new == (_incident(2), _incident(3))
    assert new[0]["incident_id"] == "inc_0002" and new[-1:] == [_incident(3)]
    assert len(new[:1]) == 1 and not changed and changed == []


def test_prefect_does_not_walk_the_report_rows():
    # Prefect visits what a flow returns, item by item: the report's rows stay one node,
    # however many there are (a list of them would be walked down to every value)
    small = RunReport("f", "db", "out", new_incidents=Rows([_incident(1)]))
    large = RunReport("f", "db", "out", new_incidents=Rows(_incident(i) for i in range(5000)))
    assert _visited(large) == _visited(small)
    assert _visited([_incident(i) for i in range(50)]) > 50 * 4


def test_bulk_parameters_arrive_whole_without_being_walked(monkeypatch):
    from prefect.utilities import collections
    from prefect.utilities.engine import collect_task_run_inputs_sync, resolve_inputs_sync

    calls = []
    real = collections.visit_collection

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(collections, "visit_collection", counting)  # its recursion reads this name
    articles = [_incident(i) for i in range(2000)]
    resolved = resolve_inputs_sync({"articles": bulk(articles)})
    collect_task_run_inputs_sync(bulk(articles))
    assert resolved["articles"] is articles
    assert len(calls) < 10
    calls.clear()
    resolve_inputs_sync({"articles": articles})
    assert len(calls) > 2000  # a plain list is walked item by item
