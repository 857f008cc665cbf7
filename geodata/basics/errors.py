"""Every exception the project raises on purpose, in one module.

Callers catch these by name; each message is one line fit to show a person (the CLI
prints it after `error:`, the app shows it in a box). The classes keep the built-in
bases the code caught before (ValueError, KeyError), so nothing that catches those
changes behaviour. Errors from libraries or bugs are not wrapped here.
"""

from __future__ import annotations

from typing import Self

from geodata.basics.notes import Note, Value, render


class PilotAtlasError(Exception):
    """Base of the project's own errors."""


class Refused(PilotAtlasError):
    """An error whose reason may be a code (geodata/basics/notes.toml, [refusal.*]): one made with
    `of` carries it, so the app writes the reason in the user's language; one made from a
    message carries that message's first line as it is."""

    def __init__(self, message: str, refusal: Note | None = None) -> None:
        super().__init__(message)
        first = message.splitlines()[0] if message else ""
        self.refusal = refusal or Note("text", (("text", first),))

    @classmethod
    def of(cls, code: str, **params: Value) -> Self:
        return cls(render("refusal", code, params, "en"), Note(code, tuple(params.items())))


class InputError(Refused, ValueError):
    """Input that cannot be used (a file, a paste, a flag); the message says why."""


class InvalidList(Refused, ValueError):
    """A saved list (or a file of the store) that cannot be used; the message says where."""


class UnknownList(PilotAtlasError, KeyError):
    """A saved-list id that is malformed or names no list in the store."""

    def __str__(self) -> str:  # KeyError would print the id with quotes
        return f"no saved list {self.args[0]}" if self.args else "no saved list"


class StoreBusy(PilotAtlasError, OSError):
    """The saved-list store stayed locked by another writer for too long."""


class MissingText(PilotAtlasError, KeyError):
    """A UI text key absent from the catalogue (raised under test; logged in production)."""

    def __str__(self) -> str:
        return f"no UI text for key {self.args[0]!r} in dashboard/i18n/catalogue.toml"


class DataError(PilotAtlasError, ValueError):
    """A shipped data file or package does not hold what the code expects."""


class ExportError(PilotAtlasError, ValueError):
    """An export that cannot be made as asked (an unknown format, say)."""
