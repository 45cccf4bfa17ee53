"""The one exception docingest raises for bad input, carrying a typed :class:`~docingest.models.Failure`."""

from __future__ import annotations

from typing import Any

from .models import Failure, FailureKind


class IngestError(Exception):
    """A source could not be turned into an article. ``.failure`` says why, as a record."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(f"{failure.kind}: {failure.message} ({failure.source})")
        self.failure = failure

    @classmethod
    def of(cls, kind: FailureKind, source: str, message: str, **fields: Any) -> IngestError:
        """Build the error and its failure in one call; extra keyword arguments go to :class:`Failure`."""
        details = fields.pop("details", None)
        if isinstance(details, dict):
            fields["details"] = tuple((str(k), str(v)) for k, v in details.items())
        elif details is not None:
            fields["details"] = details
        return cls(Failure(kind=kind, source=source, message=message, **fields))

    @property
    def kind(self) -> FailureKind:
        """The failure's kind."""
        return self.failure.kind
