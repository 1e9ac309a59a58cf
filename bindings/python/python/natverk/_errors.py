"""The package's exceptions and findings (SPEC §6, §7.2)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

from . import _html

__all__ = ["Finding", "Findings", "NatverkError", "InventoryError"]


@dataclass(frozen=True)
class Finding:
    """One problem or remark, with where it is.

    ``code`` is stable (``unknown_field``, ``missing_rate``, ``no_opposition``,
    …), ``severity`` is ``"error"`` or ``"warning"``, ``path`` a JSON path into
    the file (``networks[3].costs[0].schedule``; empty for the whole file),
    ``line`` and ``column`` are known for syntax errors only.
    """

    code: str
    severity: str
    path: str
    message: str
    line: Optional[int] = None
    column: Optional[int] = None

    def to_dict(self) -> Dict[str, Any]:
        """The finding as SPEC §7.2 writes it (``line``/``column`` only where known)."""
        d: Dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
        }
        if self.line is not None:
            d["line"] = self.line
        if self.column is not None:
            d["column"] = self.column
        return d

    @classmethod
    def _from_dict(cls, d: Dict[str, Any]) -> "Finding":
        return cls(
            code=d["code"],
            severity=d["severity"],
            path=d["path"],
            message=d["message"],
            line=d.get("line"),
            column=d.get("column"),
        )

    def __str__(self) -> str:
        s = f"{self.severity}[{self.code}]"
        if self.path:
            s += f" at {self.path}"
        if self.line is not None and self.column is not None:
            s += f" (line {self.line}, column {self.column})"
        return f"{s}: {self.message}"


class Findings(Sequence[Finding]):
    """A list of findings, as ``check`` returns it (SPEC §7.2).

    A sequence of :class:`Finding`; ``errors`` and ``warnings`` count them,
    ``to_dict()`` gives the §7.2 object and ``to_json()`` the core's text.
    """

    __slots__ = ("_items", "_json", "errors", "warnings")

    def __init__(self, findings: Sequence[Finding] = ()) -> None:
        self._items: Tuple[Finding, ...] = tuple(findings)
        self.errors: int = sum(1 for f in self._items if f.severity == "error")
        self.warnings: int = len(self._items) - self.errors
        self._json: Optional[str] = None

    @classmethod
    def _from_json(cls, text: str) -> "Findings":
        data = json.loads(text)
        out = cls(tuple(Finding._from_dict(f) for f in data["findings"]))
        out._json = text
        return out

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...
    def __getitem__(self, index: Union[int, slice]) -> Union[Finding, Sequence[Finding]]:
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Findings):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            return list(self._items) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    @property
    def codes(self) -> List[str]:
        """The code of each finding, in order."""
        return [f.code for f in self._items]

    def to_dict(self) -> Dict[str, Any]:
        """SPEC §7.2: ``{"findings": [...], "errors": N, "warnings": N}``."""
        return {
            "findings": [f.to_dict() for f in self._items],
            "errors": self.errors,
            "warnings": self.warnings,
        }

    def to_json(self) -> str:
        """SPEC §7.2 JSON: the core's own text when the findings came from it."""
        if self._json is not None:
            return self._json
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def __repr__(self) -> str:
        return f"<Findings: {self.errors} errors, {self.warnings} warnings>"

    def _repr_html_(self) -> str:
        return _html.findings_table(self._items, self.errors, self.warnings)


class NatverkError(Exception):
    """Base class of every exception the package raises on its own."""


class InventoryError(NatverkError, ValueError):
    """An inventory could not be loaded, or a report could not be computed.

    ``findings`` lists every problem at once (each with ``code``,
    ``severity``, ``path``, ``message``, ``line``, ``column``); ``str(err)``
    summarises them.
    """

    findings: List[Finding]

    def __init__(self, message: str, findings: Sequence[Finding] = ()) -> None:
        super().__init__(message, tuple(findings))
        self.message = message
        self.findings = list(findings)

    @classmethod
    def _from_core(cls, message: str, findings_json: str) -> "InventoryError":
        data = json.loads(findings_json)
        return cls(message, [Finding._from_dict(f) for f in data["findings"]])

    @property
    def codes(self) -> List[str]:
        """The code of each finding, in order."""
        return [f.code for f in self.findings]

    def to_dict(self) -> Dict[str, Any]:
        """The findings as SPEC §7.2 writes them."""
        return Findings(self.findings).to_dict()

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"
