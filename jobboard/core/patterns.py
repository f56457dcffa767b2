"""Regular expressions compiled when first used, not when their module is imported.

The modules every start imports (the model, the fields' checks, dates, printable text) hold
twenty patterns; compiling them all costs ~3 ms of each launch (the character classes
with Unicode ranges ~0.3 ms each), and the first screen uses few of them. A ``Pattern`` is
written and read like a compiled one; the compiling waits for the first match.

Pure: no UI, storage or network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


class Pattern:
    """``re.compile(source, flags)``, done on first use and kept."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.compiled.fullmatch(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.compiled.sub(replacement, text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)
