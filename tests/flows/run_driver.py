"""Run marsad-pipeline in a process of its own, optionally stopping inside the load's
transaction (after the rows are written, before the commit) to let a test act there.

    python tests/flows/run_driver.py --db W --export-dir E [--hold-in-load MARKER RELEASE]

The marker file is written when the load is inside its transaction (holding the
warehouse and its lock); the load then waits until the file RELEASE exists.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--export-dir", required=True)
    parser.add_argument("--input", action="append", default=[])
    parser.add_argument("--hold-in-load", nargs=2, metavar=("MARKER", "RELEASE"))
    args = parser.parse_args()

    if args.hold_in_load:
        from marsad.warehouse import loader

        marker, release = Path(args.hold_in_load[0]), Path(args.hold_in_load[1])
        insert_mentions = loader._insert_mentions

        def held(con, now, stats):
            insert_mentions(con, now, stats)
            marker.write_text("in load", encoding="utf-8")
            deadline = time.monotonic() + 600
            while not release.exists() and time.monotonic() < deadline:
                time.sleep(0.1)

        loader._insert_mentions = held

    from flows.pipeline import marsad_pipeline

    report = marsad_pipeline(inputs=args.input or None, db=args.db, export_dir=args.export_dir)
    print(f"incidents={report.incidents_total}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
