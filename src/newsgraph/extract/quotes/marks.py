"""Quoted passages found by their quotation marks, over the raw text (no parse needed).

Straight ("), curly (“ ” « ») and the typewriter pair ('' as in the NYT archive) are read. A
passage may run over several sentences and, by the convention of quotes over several
paragraphs (a paragraph left open, the next one opening a quote again), over several paragraphs.
"""
from __future__ import annotations

OPEN_QUOTES = "“«"
CLOSE_QUOTES = "”»"
STRAIGHT = '"'


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, quotation marks included.

    Curly marks pair explicitly, straight ones alternate. A passage left open at the end of a
    paragraph closes there and, when the next paragraph opens a quote (the convention for
    quotes over several paragraphs), continues into it.

        >>> quoted_passages('a "b c" d')
        [(2, 7)]
    """
    spans: list[tuple[int, int]] = []
    start = None
    open_at_break = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        at = i
        if c == "'" and text[i:i + 2] == "''":  # typewriter double quote (NYT archive style)
            c = STRAIGHT
            i += 1
        if c == "\n":
            if start is not None:
                spans.append((start, i))
                start = None
                open_at_break = True
            elif open_at_break and text[i:i + 1] == "\n" and i + 1 < n and not text[i + 1].isspace() \
                    and text[i + 1] not in OPEN_QUOTES + STRAIGHT:
                open_at_break = False
        elif c in OPEN_QUOTES or (c == STRAIGHT and start is None):
            if open_at_break and spans and text[spans[-1][1]:at].isspace():
                start = spans.pop()[0]
            else:
                start = at
            open_at_break = False
        elif (c in CLOSE_QUOTES or c == STRAIGHT) and start is not None:
            spans.append((start, i + 1))
            start = None
            open_at_break = False
        elif not c.isspace():
            open_at_break = False
        i += 1
    if start is not None:
        spans.append((start, n))
    return spans
