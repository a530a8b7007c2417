"""PLOVER event coding: who did what to whom, when, where, and how sure the text is about it."""
from __future__ import annotations

from .extractor import (
    LEGACY_TYPES,
    MODALITY_PRECEDENCE,
    PLOVER_TYPES,
    Trigger,
    context_cues,
    extract_events,
    lexicon,
    lookup,
    main_event,
    modality_cues,
    plover_category,
)

__all__ = ["LEGACY_TYPES", "MODALITY_PRECEDENCE", "PLOVER_TYPES", "Trigger", "context_cues", "extract_events", "lexicon",
           "lookup", "main_event", "modality_cues", "plover_category"]
