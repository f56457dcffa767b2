"""The board's bytes: what a board file must hold, read (decode, shape check, upgrade) and written.

A board is a TinyDB JSON database, two tables (``applications``, ``meta``), written with one
application per line so that the user who owns the file can read and diff it. What is read is
checked for a board's shape before anything uses it; a file that is no board, or one from a newer
jobboard, is a BoardError of one sentence. storage/board_file.py reads and writes the file with
these, storage/backups.py checks a copy with them before keeping it.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from jobboard.formats.json_reading import load_json
from jobboard.storage import migrations

APPLICATIONS = "applications"
META = "meta"
META_DOC_ID = "1"
FIX_HINT = "restore a backup (`jobboard backups` lists them) or fix it"

Data = dict[str, Any]


class BoardError(Exception):
    """Something is wrong with the board file; the message is one sentence for the user."""


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold off Python's cycle collector while a board is parsed or built: tens of thousands
    of new dicts and applications set it off again and again, and none of them forms a cycle
    it would need to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# The longest id: a board's ids count up from 1, and past 15 digits a number no longer fits
# the 64-bit integers the file's writer (orjson) and TinyDB's keys can hold.
MAX_ID_DIGITS = 15


def is_id(app_id: object) -> bool:
    """True for an application id as the board stores it: a positive number of at most
    ``MAX_ID_DIGITS`` digits, no leading zero."""
    return (
        isinstance(app_id, str)
        and app_id.isascii()
        and app_id.isdigit()
        and not app_id.startswith("0")
        and len(app_id) <= MAX_ID_DIGITS
    )


def check_board_shape(data: Any, path: Path, hint: str = FIX_HINT) -> None:
    """Raise BoardError unless ``data`` looks like a board jobboard wrote (or an older one)."""

    def refuse(what: str) -> BoardError:
        return BoardError(f"{path} is not a jobboard board ({what}); {hint}.")

    if not isinstance(data, dict):
        raise refuse("its top level is not an object")
    meta = data.get(META)
    if not isinstance(meta, dict) or not isinstance(meta.get(META_DOC_ID), dict):
        raise refuse(f"it has no '{META}' table")
    version = meta[META_DOC_ID].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse("its schema_version is missing")
    if version > migrations.SCHEMA_VERSION:
        raise BoardError(
            f"{path} was made by a newer jobboard (schema {version}, this one reads up to "
            f"{migrations.SCHEMA_VERSION}); upgrade jobboard to open it."
        )
    next_id = meta[META_DOC_ID].get("next_id", 1)
    if not isinstance(next_id, int) or isinstance(next_id, bool) or not 1 <= next_id <= 10**MAX_ID_DIGITS:
        raise refuse(f"its next_id is not a positive whole number of at most {MAX_ID_DIGITS} digits")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise refuse(f"table '{name}' is malformed")
    for doc_id in data.get(APPLICATIONS, {}):
        if not is_id(doc_id):
            raise BoardError(
                f"{path} holds an application (entry {_shown(doc_id)}) jobboard cannot read: its key "
                f"'{_shown(doc_id)}' is not a positive number of at most {MAX_ID_DIGITS} digits; {hint}."
            )


def _shown(key: str) -> str:
    """A key as a message shows it: a very long one by its start and its length."""
    return key if len(key) <= 24 else f"{key[:12]}... ({len(key)} characters)"


# orjson stops at 1,024 levels; a board nested deeper is no board (and never a RecursionError).
MAX_NESTING = 1024


def decode(raw: bytes) -> Any:
    """The JSON value in ``raw`` (formats/json_reading.py: orjson, the standard parser for
    what it refuses)."""
    return load_json(raw, MAX_NESTING)


def parse_board_bytes(raw: bytes, path: Path, hint: str = FIX_HINT) -> Data:
    """The board in ``raw`` (the bytes of ``path``), or BoardError saying what is wrong."""
    if not raw.strip():
        raise BoardError(f"{path} is empty; {hint}.")
    try:
        with paused_gc():
            data = decode(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if isinstance(error, json.JSONDecodeError) else ""
        raise BoardError(f"{path} is not valid JSON{where}; {hint}.") from error
    check_board_shape(data, path, hint)
    return data


def in_current_schema(data: Data, path: Path) -> Data:
    """``data`` in this jobboard's schema (the same object when it already is)."""
    if migrations.version_of(data) == migrations.SCHEMA_VERSION:
        return data
    try:
        return migrations.upgraded(data)
    except migrations.MigrationError as error:
        raise BoardError(
            f"{path} is an older board that cannot be upgraded: {error}; the file is unchanged, "
            "report this with a copy of the file."
        ) from error


def encode(data: Data, lines: dict[str, tuple[Data, bytes]] | None = None) -> bytes:
    """The board as JSON with one application per line: readable and diff-friendly for the
    user who owns the file, and still a plain TinyDB JSON database.

    ``lines`` holds each application's line as last encoded, with the record it was made from;
    a record that is the same object is not encoded again, and the dict is brought up to date.
    """
    fresh: dict[str, tuple[Data, bytes]] = {}
    chunks: list[bytes] = [b"{"]
    for position, (name, table) in enumerate(data.items()):
        chunks.append(b",\n " if position else b"\n ")
        chunks.append(orjson.dumps(name))
        chunks.append(b": {")
        for index, (doc_id, record) in enumerate(table.items()):
            chunks.append(b",\n  " if index else b"\n  ")
            hit = lines.get(doc_id) if lines is not None and name == APPLICATIONS else None
            if hit is not None and hit[0] is record:
                line = hit[1]
            else:
                line = orjson.dumps(str(doc_id)) + b": " + orjson.dumps(record)
            if name == APPLICATIONS:
                fresh[doc_id] = (record, line)
            chunks.append(line)
        chunks.append(b"\n }" if table else b"}")
    chunks.append(b"\n}\n")
    if lines is not None:
        lines.clear()
        lines.update(fresh)
    return b"".join(chunks)
