#!/usr/bin/env python3
"""Regression oracle and timer for the entity finders of marsad/extract/.

Runs every public function of clean.py, numbers.py, dates.py, vocab.py and normalize.py
(plus the vocab internals assemble.py reads: `_prepare(text).norm/_nstarts/_ostarts`)
over the dev corpus, the bundled sample corpus and a seeded synthetic corpus
(bench/synth.py), on every sentence, title and line, and on perturbed copies of them
(diacritics, tatweel, zero-width marks, odd spaces, Eastern digits), and writes one
canonical JSON snapshot. Optimisations must leave the per-module part identical; the
full `extract()` part is a sanity check only (the assembler changes independently).

    .venv/bin/python scripts/extract_snapshot.py write /tmp/before.json
    .venv/bin/python scripts/extract_snapshot.py compare /tmp/before.json
    .venv/bin/python scripts/extract_snapshot.py diff /tmp/reference_modules/
    .venv/bin/python scripts/extract_snapshot.py time [--repeats 5] [--corpus dev|samples|synth]

`diff DIR` is the oracle that survives vocabulary edits (data/*.yaml changing under
you): DIR holds reference copies of normalize.py, clean.py, dates.py, numbers.py and
vocab.py (e.g. `git show HEAD:marsad/extract/vocab.py > DIR/vocab.py`); they are loaded
beside the working modules, read the same data files, and every output is compared in
the same process.

`time` prints per-module CPU seconds (time.process_time, median of N runs) over the
dev corpus, fed the way pipeline.find_entities feeds them.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import statistics
import sys
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.extract import clean, dates, normalize, numbers, vocab  # noqa: E402

CLEAN, DATES, NORMALIZE, NUMBERS, VOCAB = clean, dates, normalize, numbers, vocab

CORPORA = {
    "dev": REPO.parent / "shared" / "eval" / "dev" / "articles.jsonl",
    "samples": REPO / "samples" / "corpus" / "articles.jsonl",
}
STAND_IN = dt.date(2000, 1, 1)


def load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def synth_articles(n: int = 300) -> list[dict]:
    try:
        from bench.synth import generate
    except Exception:  # noqa: BLE001
        return []
    corpus = generate(n, 7)
    return [
        {"id": f"synth{i}", "text": a["text"], "title": a["title"], "published": a["published"][:10]}
        for i, a in enumerate(corpus.articles)
    ]


def canon(obj):
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: canon(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [canon(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): canon(v) for k, v in obj.items()}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, frozenset | set):
        return sorted(canon(x) for x in obj)
    return obj


_MARKS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"]
_ODD = ["\u200c", "\u200f", "\u00a0", "  ", " \u200b ", "\t", "\u061c"]
_EASTERN = {str(d): chr(0x0660 + d) for d in range(10)}


def perturb(text: str, seed: int) -> str:
    """A copy with marks, tatweel, invisible characters, odd spaces and Eastern digits."""
    rng = random.Random(seed)
    out = []
    for ch in text:
        if ch == " " and rng.random() < 0.15:
            out.append(rng.choice(_ODD))
            continue
        if ch.isdigit() and ch in _EASTERN and rng.random() < 0.5:
            out.append(_EASTERN[ch])
            continue
        out.append(ch)
        if "\u0621" <= ch <= "\u064a" and rng.random() < 0.12:
            out.append(rng.choice(_MARKS))
    if rng.random() < 0.3:
        out.insert(0, rng.choice([" ", "\u200f", "\ufeff", "\n"]))
    if rng.random() < 0.3:
        out.append(rng.choice([" ", "\u064e", "\u200f", " \n"]))
    return "".join(out)


def pub_of(a: dict) -> dt.date | None:
    p = a.get("published")
    if not p:
        return None
    try:
        return dt.date.fromisoformat(str(p)[:10])
    except ValueError:
        return None


def sentences_of(a: dict):
    """(sentence texts, story titles, lines) of one article, as pipeline.py sees them."""
    text, title = a.get("text") or "", a.get("title")
    stories = clean.split_stories(text, title)
    sents = [s.text[:1500] for st in stories for s in st.sentences]
    titles = [st.title for st in stories if st.title] + ([title] if title else [])
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return stories, sents, titles, lines


MODULES = ("normalize", "clean", "dates", "numbers", "vocab")


def load_reference(directory: str) -> types.SimpleNamespace:
    """The modules of `directory` loaded as if they sat in marsad/extract/ (same data)."""
    ns = types.SimpleNamespace()
    for name in MODULES:
        src = (Path(directory) / f"{name}.py").read_text(encoding="utf-8")
        src = src.replace("from marsad.extract.normalize import", "from _ref_marsad_normalize import")
        src = src.replace("from marsad.extract import normalize as", "import _ref_marsad_normalize as")
        mod = types.ModuleType(f"_ref_marsad_{name}")
        mod.__file__ = str(REPO / "marsad" / "extract" / f"{name}.py")
        sys.modules[mod.__name__] = mod
        exec(compile(src, f"<reference {name}.py>", "exec"), mod.__dict__)
        setattr(ns, name, mod)
    return ns


def finder_outputs(s: str, pub: dt.date | None, mods=None) -> dict:
    clean, dates, normalize, numbers, vocab = (  # noqa: F811 - the reference or the working modules
        (mods.clean, mods.dates, mods.normalize, mods.numbers, mods.vocab)
        if mods is not None
        else (CLEAN, DATES, NORMALIZE, NUMBERS, VOCAB)
    )
    t = vocab._prepare(s)
    return {
        "norm": normalize.normalize(s),
        "map": list(normalize.normalize_with_map(s)),
        "prep": [t.norm, t._nstarts, t._ostarts, t._index],
        "cues": canon(vocab.find_cues(s)),
        "actors": canon(vocab.find_actors(s)),
        "places": canon(vocab.find_places(s)),
        "dates": canon(dates.find_dates(s, pub)),
        "dates_none": canon(dates.find_dates(s, None)),
        "dates_stand": canon(dates.find_dates(s, STAND_IN)),
        "cas": canon(numbers.find_casualties(s)),
        "counts": canon(numbers.find_counts(s)),
        "clauses": canon(clean.split_clauses(clean.Sentence(s, 0, len(s)))),
        "actors_known": canon(vocab.find_actors(s, known=("kataib_hezbollah", "pmf", "isis", "us_forces"))),
        "parse_count": canon(numbers.parse_count(s[:40])),
    }


def snapshot(with_extract: bool = True) -> dict:
    out: dict = {"modules": {}, "extract": {}}
    corpora = {name: load(p) for name, p in CORPORA.items()}
    corpora["synth"] = synth_articles()
    seed = 0
    for cname, arts in corpora.items():
        for a in arts:
            key = f"{cname}/{a.get('id')}"
            pub = pub_of(a)
            stories, sents, titles, lines = sentences_of(a)
            rec = {
                "stories": canon(stories),
                "stories_no_title": canon(clean.split_stories(a.get("text") or "")),
                "stories_perturbed": canon(
                    clean.split_stories(perturb(a.get("text") or "", seed), a.get("title"))
                ),
                "units": {},
            }
            seed += 1
            units = list(dict.fromkeys(sents + titles + lines))
            for s in units:
                rec["units"][s] = finder_outputs(s, pub)
                seed += 1
                ps = perturb(s, seed)
                rec["units"]["~" + ps] = finder_outputs(ps, pub)
            out["modules"][key] = rec
            if with_extract:
                from marsad.extract import extract

                out["extract"][key] = canon(extract(a.get("text") or "", pub, a.get("title")))
    # every parse_count phrase form the tests know
    return out


def corpus_units():
    """(article key, published, [texts]) of every article: sentences, titles, lines, and
    a perturbed copy of each; plus the whole texts for split_stories."""
    corpora = {name: load(p) for name, p in CORPORA.items()}
    corpora["synth"] = synth_articles()
    seed = 0
    for cname, arts in corpora.items():
        for a in arts:
            _stories, sents, titles, lines = sentences_of(a)
            units = []
            for s in dict.fromkeys(sents + titles + lines):
                seed += 1
                units += [s, perturb(s, seed)]
            yield f"{cname}/{a.get('id')}", a, pub_of(a), units


def diff(directory: str) -> int:
    """Reference modules vs working modules, same process, same data: every output."""
    ref = load_reference(directory)
    bad = n_units = n_arts = 0
    for key, a, pub, units in corpus_units():
        n_arts += 1
        text, title = a.get("text") or "", a.get("title")
        for label, args in (
            ("stories", (text, title)),
            ("stories_no_title", (text,)),
            ("stories_perturbed", (perturb(text, n_arts), title)),
        ):
            if canon(ref.clean.split_stories(*args)) != canon(clean.split_stories(*args)):
                bad += 1
                print(f"DIFF {key} {label}")
        for s in units:
            n_units += 1
            want, got = finder_outputs(s, pub, ref), finder_outputs(s, pub)
            for fn, val in want.items():
                if got[fn] != val:
                    bad += 1
                    if bad <= 30:
                        print(
                            f"DIFF {key} {fn} {s[:60]!r}\n  reference={val!r:.400}\n  working  ={got[fn]!r:.400}"
                        )
    print(f"diff against {directory}: {n_arts} articles, {n_units} units, {bad} differences")
    return 1 if bad else 0


def compare(path: str) -> int:
    before = json.loads(Path(path).read_text(encoding="utf-8"))
    now = json.loads(json.dumps(snapshot(), ensure_ascii=False))
    bad = 0
    for key, rec in before["modules"].items():
        cur = now["modules"].get(key)
        if cur is None:
            print(f"MISSING article {key}")
            bad += 1
            continue
        for field in ("stories", "stories_no_title", "stories_perturbed"):
            if rec[field] != cur[field]:
                print(f"DIFF {key} {field}")
                bad += 1
        for unit, outs in rec["units"].items():
            cu = cur["units"].get(unit)
            if cu is None:
                print(f"MISSING unit {key} {unit[:60]!r}")
                bad += 1
                continue
            for fn, val in outs.items():
                if cu.get(fn) != val:
                    bad += 1
                    if bad <= 30:
                        print(
                            f"DIFF {key} {fn} {unit[:60]!r}\n  before={val!r:.300}\n  now   ={cu.get(fn)!r:.300}"
                        )
    n_units = sum(len(r["units"]) for r in before["modules"].values())
    ex_diff = sum(1 for k, v in before["extract"].items() if now["extract"].get(k) != v)
    print(f"per-module: {len(before['modules'])} articles, {n_units} units, {bad} differences")
    print(
        f"extract() sanity: {ex_diff} of {len(before['extract'])} articles differ (assembler may be changing)"
    )
    return 1 if bad else 0


def timing(repeats: int, corpus: str = "dev") -> None:
    from marsad.extract import extract

    arts = synth_articles(300) if corpus == "synth" else load(CORPORA[corpus])
    items = [(a["text"], pub_of(a), a.get("title")) for a in arts]
    per_art = [sentences_of(a)[1] for a in arts]
    flat = [(s, pub_of(a)) for a, ss in zip(arts, per_art, strict=True) for s in ss]
    extract(*items[0])

    def run_split():
        for text, _p, title in items:
            clean.split_stories(text, title)

    def run_vocab():  # as find_entities: cues, actors, places on the same string
        for s, _p in flat:
            vocab.find_cues(s)
            vocab.find_actors(s)
            vocab.find_places(s)

    def run_dates():
        for s, p in flat:
            dates.find_dates(s, p)

    def run_numbers():
        for s, _p in flat:
            numbers.find_casualties(s)

    def run_normalize():
        for s, _p in flat:
            normalize.normalize(s)

    def run_extract():
        for it in items:
            extract(*it)

    rows = []
    for name, fn in (
        ("clean.split_stories", run_split),
        ("vocab cues+actors+places", run_vocab),
        ("dates.find_dates", run_dates),
        ("numbers.find_casualties", run_numbers),
        ("normalize.normalize", run_normalize),
        ("extract() total", run_extract),
    ):
        ts = []
        for _ in range(repeats):
            vocab._prepare.cache_clear()
            t0 = time.process_time()
            fn()
            ts.append(time.process_time() - t0)
        med = statistics.median(ts)
        rows.append((name, med))
        print(
            f"{name:28s} {med * 1000:9.1f} ms  ({med / len(items) * 1000:6.2f} ms/article)  runs={[round(t * 1000) for t in ts]}"
        )
    total = dict(rows)["extract() total"]
    print(
        f"{len(items)} {corpus} articles, {len(flat)} sentences: {len(items) / total:.0f} articles/s (extract, CPU)"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("path")
    c = sub.add_parser("compare")
    c.add_argument("path")
    d = sub.add_parser("diff")
    d.add_argument("directory")
    t = sub.add_parser("time")
    t.add_argument("--repeats", type=int, default=5)
    t.add_argument("--corpus", default="dev", choices=["dev", "samples", "synth"])
    args = ap.parse_args(argv)
    if args.cmd == "write":
        snap = snapshot()
        Path(args.path).write_text(json.dumps(snap, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        n = sum(len(r["units"]) for r in snap["modules"].values())
        print(f"wrote {args.path}: {len(snap['modules'])} articles, {n} units")
        return 0
    if args.cmd == "compare":
        return compare(args.path)
    if args.cmd == "diff":
        return diff(args.directory)
    timing(args.repeats, args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
