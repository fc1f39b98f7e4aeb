"""Marsad's benchmarks: a seeded synthetic corpus (synth.py) and the harness (run.py).

Timings live here, never in timed tests: `make bench` (full) or `make bench-quick`
(under a minute) write bench/results.json and the table in docs/performance.md.
"""
