"""Quality gate: the extraction engine scored against gold corpora must not regress.

Runs scripts/score_dev.py (marsad.pipeline.run -> export -> ../shared/eval/score.py --json) on
../shared/eval/dev and on the bundled samples corpus, and fails when any figure falls
below its floor (or above its ceiling) in tests/quality_baseline.json. Floors are the
measured values rounded down by at most 0.005 for float noise: raise them when the
engine improves, and never lower one without saying why in the commit.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, shared_or_skip

BASELINE = json.loads((REPO / "tests" / "quality_baseline.json").read_text(encoding="utf-8"))


def _score(corpus: Path, gold: Path, scorer: Path) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "score_dev.py"),
            "--json",
            "--corpus",
            str(corpus),
            "--gold",
            str(gold),
            "--scorer",
            str(scorer),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def _check(name: str, metrics: dict) -> None:
    gate = BASELINE[name]
    failures = []
    for key, floor in gate.get("floors", {}).items():
        value = metrics.get(key)
        if value is None or value < floor:
            failures.append(f"{key} = {value} < floor {floor}")
    for key, ceiling in gate.get("ceilings", {}).items():
        value = metrics.get(key)
        if value is None or value > ceiling:
            failures.append(f"{key} = {value} > ceiling {ceiling}")
    assert not failures, f"{name}: quality regressed: " + "; ".join(failures) + f"\nall figures: {metrics}"


@pytest.mark.quality
def test_quality_dev_set_meets_floors():
    corpus = shared_or_skip("eval", "dev", "articles.jsonl")
    gold = shared_or_skip("eval", "dev", "gold.jsonl")
    scorer = shared_or_skip("eval", "score.py")
    _check("dev", _score(corpus, gold, scorer))


@pytest.mark.quality
def test_quality_bundled_samples_meet_floors():
    corpus = REPO / "samples" / "corpus" / "articles.jsonl"
    gold = REPO / "samples" / "gold.jsonl"
    if not corpus.exists() or not gold.exists():
        pytest.skip(
            "samples/corpus/articles.jsonl or samples/gold.jsonl absent (bundled corpus not written yet)"
        )
    if "samples" not in BASELINE:
        pytest.skip("no floors recorded for the bundled samples yet (tests/quality_baseline.json)")
    scorer = shared_or_skip("eval", "score.py")
    _check("samples", _score(corpus, gold, scorer))
