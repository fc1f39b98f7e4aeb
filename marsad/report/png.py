"""PNG figures for slides, rendered by headless Chromium (it shapes Arabic natively).

Why Chromium and not matplotlib: matplotlib needs arabic-reshaper and python-bidi to
shape Arabic, plus numpy; Chromium renders the very SVG the report shows, with the
system's fonts (DejaVu Sans has Arabic), so the slide and the page cannot disagree.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
# STACK.md: without the background-networking flags Chromium makes many outbound connections.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


class PngError(RuntimeError):
    pass


def find_chromium() -> str | None:
    """Chromium's path: $MARSAD_CHROMIUM, else the first candidate found."""
    configured = os.environ.get("MARSAD_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def svg_size(svg: str) -> tuple[int, int]:
    match = re.search(r'<svg[^>]*?width="(\d+)"[^>]*?height="(\d+)"', svg)
    if not match:
        raise PngError("figure has no width/height")
    return int(match.group(1)), int(match.group(2))


def render_png(svg: str, title: str, target: Path, scale: int = 2, timeout: float = 60) -> Path:
    """One SVG figure with a title, as a PNG file at `scale` x its CSS size."""
    chromium = find_chromium()
    if chromium is None:
        raise PngError("--png needs Chromium (Debian: apt-get install chromium); none found")
    width, height = svg_size(svg)
    width, height = width + 32, height + 64
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        "<style>body{margin:16px;font-family:'DejaVu Sans','Noto Sans Arabic',Arial,sans-serif;background:#fff}"
        "h1{font-size:18px;margin:0 0 12px}</style></head>"
        f"<body><h1>{title}</h1>{svg}</body></html>"
    )
    with tempfile.TemporaryDirectory(prefix="marsad-png-") as workdir:
        html_path = Path(workdir) / "figure.html"
        html_path.write_text(page, encoding="utf-8")
        shot = Path(workdir) / "figure.png"
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(workdir) / 'profile'}",
            f"--window-size={width},{height}",
            f"--force-device-scale-factor={scale}",
            f"--screenshot={shot}",
            html_path.as_uri(),
        ]
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PngError(f"Chromium did not finish within {timeout:.0f} s") from exc
        if not shot.exists():
            raise PngError(
                f"Chromium made no screenshot (exit {completed.returncode}): {completed.stderr[-500:]}"
            )
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.move(str(shot), temporary)
        os.replace(temporary, target)
    return target
