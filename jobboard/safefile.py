"""Crash-safe file writing, shared by the board and its backups."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def atomic_write(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that readers see the old file or the new one, never half.

    Temp file in the same folder (so the rename stays on one filesystem), flush, fsync,
    ``os.replace``, then fsync the folder so the rename itself is durable.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def describe_os_error(path: Path, error: OSError) -> str:
    """One sentence for a failed save, saying the board is unchanged."""
    if error.errno == errno.ENOSPC:
        return f"could not save {path}: the disk is full; the board is unchanged, free some space and retry."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"could not save {path}: the folder {path.parent} is not writable; the board is unchanged."
    return f"could not save {path}: {error.strerror or error}; the board is unchanged."
