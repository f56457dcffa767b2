"""Realistic boards for tests, made by the benchmarks' own maker (bench/make_board.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from make_board import make_board  # noqa: E402 - bench/ is a folder of scripts, not a package

__all__ = ["make_board"]
