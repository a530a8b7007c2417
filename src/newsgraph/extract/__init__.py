"""Extractors over the one spaCy parse: mentions, quotes, events, descriptors (a module each).

The package is also the library's front door: `newsgraph.extract(text, date)` analyses one
article (see `newsgraph.api.extract`). A function of that name on the top-level package would
hide this package (`import newsgraph.extract.quotes as q` would fail), so the package itself
is made callable instead.
"""
from __future__ import annotations

import sys
import types
from typing import Any


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        # The one import inside a function of the package: `api` imports `pipeline`, which
        # imports this package's extractors, so `api` can only be read once a call happens.
        from ..api import extract

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
