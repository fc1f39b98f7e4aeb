"""Marsad's Prefect flows: thin wiring over the engine (marsad.pipeline), with tasks at
I/O edges and at units worth retrying, artifacts, and the warehouse write lock."""

from marsad.safety import install_log_guard

# A flow run started by a worker or `marsad serve` never passes through marsad.cli: the
# log guard (no forged lines, no terminal escapes from article text) is installed here too.
install_log_guard()
