"""Crash-safe file writing, shared by the board and its backups."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """The name every temporary file for ``path`` starts with (hidden, beside it)."""
    return f".{path.name}."


def atomic_write(path: Path, payload: bytes | Iterable[bytes]) -> None:
    """Write ``payload`` (bytes, or chunks of bytes written in turn) to ``path`` so that
    readers see the old file or the new one, never half.

    Temp file in the same folder (so the rename stays on one filesystem), flush, fsync,
    ``os.replace``, then fsync the folder so the rename itself is durable. On any error the
    temp file is removed and ``path`` is as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        _keep_mode(path, fd)
        with os.fdopen(fd, "wb") as handle:
            for chunk in [payload] if isinstance(payload, bytes) else payload:
                handle.write(chunk)
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


def _keep_mode(path: Path, fd: int) -> None:
    # mkstemp makes the file private (0600); a file being replaced keeps the mode it had.
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        return
    os.fchmod(fd, mode)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable, where the file system allows it.

    Best effort: by now the new file is in place, and some file systems (network and FUSE
    mounts, which synced folders often are) refuse to fsync a folder. Reporting that as a
    failed save would be false, so it is ignored.
    """
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def remove_stale_temp_files(path: Path) -> None:
    """Delete temp files a killed writer left beside ``path``.

    Call only while holding the board's lock: every writer of these names holds it, so any
    that exist now belong to a process that died mid-write.
    """
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    prefix = temp_prefix(path)
    for name in names:
        if name.startswith(prefix) and name.endswith(TEMP_SUFFIX):
            try:
                os.unlink(path.parent / name)
            except OSError:
                pass


def describe_os_error(path: Path, error: OSError) -> str:
    """One sentence for a failed save, saying the board is unchanged and what to do."""
    folder = path.parent
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"could not save {path}: the disk is full; the board is unchanged, free some space and retry."
    if error.errno == errno.EROFS:
        return f"could not save {path}: {folder} is on a read-only file system; the board is unchanged."
    if error.errno in (errno.EACCES, errno.EPERM):
        return (
            f"could not save {path}: the folder {folder} is not writable; the board is unchanged, "
            "check its permissions or choose another file with --db."
        )
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return (
            f"could not save {path}: part of that path is a file, not a folder; the board is unchanged, "
            "choose another file with --db."
        )
    return f"could not save {path}: {error.strerror or error}; the board is unchanged."
