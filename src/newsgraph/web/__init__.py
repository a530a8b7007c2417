"""The web face: `newsgraph serve` (FastAPI app in `app.py`, Jinja templates, vendored JS)."""
from __future__ import annotations

from .app import create_app, run

__all__ = ["create_app", "run"]
