"""Actor ids: a hash of a canonical key that depends only on the name (`country:RUS`, `org:nato`,
`person:mark rutte`), so the same actor has the same id in every article, store and run."""
from __future__ import annotations

import hashlib


def actor_id(key: str) -> str:
    """Stable id of a canonical key (same in every article, store and run)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
