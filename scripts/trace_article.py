#!/usr/bin/env python3
"""Show how the extractor reads one article: each sentence's frames, then the events.

    .venv/bin/python scripts/trace_article.py ID [--corpus PATH]

ID is the article's `id` (or url) in a JSON Lines corpus (default: the dev set).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from marsad.extract import assemble as asm  # noqa: E402
from marsad.extract import clean, extract  # noqa: E402
from marsad.extract.options import DEFAULT_OPTIONS  # noqa: E402
from marsad.extract.pipeline import find_entities  # noqa: E402
from scripts.score_dev import article_text, parse_published  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("id")
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "eval" / "dev" / "articles.jsonl")
    a = ap.parse_args(argv)
    for line in a.corpus.open(encoding="utf-8"):
        art = json.loads(line)
        if a.id not in (art.get("id"), art.get("url")):
            continue
        pub = parse_published(art.get("published"))
        pub_d = pub.date() if pub else None
        text = article_text(art)
        for story in clean.split_stories(text, art.get("title")):
            facts = find_entities(story.sentences, story.title, pub_d, DEFAULT_OPTIONS)
            for f in facts:
                frames = [] if f.is_title else asm.frames_of(f, pub_d, DEFAULT_OPTIONS)
                print(f"[{f.index}] {f.text[:160]!r}")
                for fr in frames:
                    roles = [(r.actor_id, r.role, r.strength) for r in fr.roles]
                    place = fr.place.name_en if fr.place else None
                    print(
                        f"    frame [{fr.lo}:{fr.hi}] sub={fr.sub_event} w={fr.weapon} place={place} date={fr.date and fr.date.date}"
                        f" bg={fr.background} new={fr.new_event} k={fr.killed and fr.killed.best}"
                        f" wd={fr.wounded and fr.wounded.best} roles={roles} notes={fr.notes}"
                    )
        for m in extract(text, pub, art.get("title")):
            d = m.as_dict()
            print(
                f"=> {d['event_date']} {d['governorate']}/{d['location']} {d['perpetrator_id']}->{d['target_id']}"
                f" {d['sub_event_type']} k={d['killed_best']} w={d['wounded_best']} notes={d.get('notes')}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
