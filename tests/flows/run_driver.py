"""Run marsad-pipeline in a process of its own, optionally stopping inside the load's
transaction (after the rows are written, before the commit) or while extraction batches
are being staged, to let a test act there.

    python tests/flows/run_driver.py --db W --export-dir E [--batch-size N]
        [--hold-in-load MARKER RELEASE | --hold-in-extract MARKER RELEASE]

The marker file is written when the load is inside its transaction (holding the
warehouse and its lock), or once the second extraction batch is staged (the marker then
holds the staging directory); the run then waits until the file RELEASE exists.
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
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--hold-in-load", nargs=2, metavar=("MARKER", "RELEASE"))
    parser.add_argument("--hold-in-extract", nargs=2, metavar=("MARKER", "RELEASE"))
    args = parser.parse_args()

    def hold(marker: Path, release: Path, note: str) -> None:
        temporary = marker.with_name(marker.name + ".tmp")
        temporary.write_text(note, encoding="utf-8")
        temporary.replace(marker)  # whole: a test reads it as soon as it exists
        deadline = time.monotonic() + 600
        while not release.exists() and time.monotonic() < deadline:
            time.sleep(0.1)

    if args.hold_in_load:
        from marsad.warehouse import loader

        marker, release = Path(args.hold_in_load[0]), Path(args.hold_in_load[1])
        insert_mentions = loader._insert_mentions

        def held(con, now, stats):
            insert_mentions(con, now, stats)
            hold(marker, release, "in load")

        loader._insert_mentions = held

    if args.hold_in_extract:
        from marsad.warehouse.staging import Staging

        marker, release = Path(args.hold_in_extract[0]), Path(args.hold_in_extract[1])
        add_extracted = Staging.add_extracted

        def held_batch(self, batch, part):
            staged = add_extracted(self, batch, part)
            if part == 1:
                hold(marker, release, str(self.path))
            return staged

        Staging.add_extracted = held_batch

    from flows.pipeline import marsad_pipeline

    extra = {"batch_size": args.batch_size} if args.batch_size else {}
    report = marsad_pipeline(inputs=args.input or None, db=args.db, export_dir=args.export_dir, **extra)
    print(f"incidents={report.incidents_total}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
