"""The Jinja environment of the pages: autoescaped, strict about undefined names, with the filters templates use."""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from . import charts, fragments, render

HERE = Path(__file__).parent
_HTTP_URL = re.compile(r"(?i)^https?://")


def query_string(params: Mapping[str, Any]) -> str:
    """`{{ {'a': x, 'b': y}|qs }}`: a URL query string of the parameters that have a value."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def http_url(url: object) -> str | None:
    """`{{ article.url|http_url }}`: the URL if it is http(s), else None, so no `javascript:` link is ever drawn."""
    return url if isinstance(url, str) and _HTTP_URL.match(url) else None


def make_templates() -> Jinja2Templates:
    """The templates in `templates/` with the `qs` and `http_url` filters and the shaping helpers as globals
    (`sentence_parts`, `fact_anchor`, `confidence_of`, `is_low_confidence`, `family_of`), and the fragments
    every row draws (`fragments.GLOBALS`: `actor_link`, `fact_link`, `etype`, `confidence_label`, `confidence_cell`)."""
    # Compiled once per app: templates do not change while it serves, so no file is checked per render.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, auto_reload=False)
    env.filters["qs"] = query_string
    env.filters["http_url"] = http_url
    env.globals.update(sentence_parts=render.sentence_parts, fact_anchor=render.fact_anchor,
                       confidence_of=render.confidence_of, is_low_confidence=render.is_low_confidence,
                       family_of=charts.family_of, **fragments.GLOBALS)
    return Jinja2Templates(env=env)


def template_response(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200,
                      headers: dict[str, str] | None = None) -> Response:
    """Template `name` rendered with `context` by the app's templates (`app.state.templates`)."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status_code, headers=headers)
