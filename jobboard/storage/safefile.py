"""Crash-safe file writing, shared by the board, its backups and exports; and careful reading.

Only regular files are read or replaced: a FIFO would hang a read for ever, a device such as
/dev/zero never ends, and replacing a symlink, a device or someone's read-only file would
destroy what the user set up. A board reached through a symlink is written through it (the
real file is replaced in its own folder and the link stays). Anything read is at most
``MAX_FILE_BYTES`` (200 MB, far beyond any job hunt: a 5,000-card board is about 3 MB).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
MAX_FILE_BYTES = 200 * 1024 * 1024  # the largest board, backup, config or import jobboard reads
READ_ONLY = "it is read-only"


class FileRefused(OSError):
    """A file jobboard will not read or replace; ``str()`` names it and says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.EPERM, reason, str(path))

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def real_file(path: Path) -> Path:
    """The file that writing ``path`` replaces: where a symlink leads (followed to the end),
    else ``path`` itself. The link stays a link and the real file, in its own folder, changes."""
    if os.path.islink(path):
        return Path(os.path.realpath(path))
    return path


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path``; see ``read_regular_stat``."""
    return read_regular_stat(path, limit)[0]


def read_regular_stat(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes, os.stat_result]:
    """The bytes of ``path``, and its stat as they were read, when it is a regular file of at
    most ``limit`` bytes; FileRefused otherwise, at once: a FIFO is opened without waiting for a
    writer and never read, and a device such as /dev/zero is never read at all.
    FileNotFoundError when there is no file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(path, f"it is {kind_of(st.st_mode)}, not a regular file")
        if st.st_size > limit:
            raise FileRefused(path, f"it is {megabytes(st.st_size)}, more than the {megabytes(limit)} jobboard reads")
        raw = handle.read(limit + 1)
    if len(raw) > limit:  # it grew while being read
        raise FileRefused(path, f"it is more than the {megabytes(limit)} jobboard reads")
    return raw, st


def check_regular(path: Path) -> None:
    """FileRefused when something other than a regular file is at ``path`` (a symlink is
    followed); nothing there is fine, a write will create the file."""
    try:
        st = os.stat(path)
    except OSError:
        return  # missing, or unreachable: the read or write that follows says which
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused(path, f"it is {kind_of(st.st_mode)}, not a regular file")


def check_replaceable(path: Path) -> None:
    """FileRefused unless ``path`` is missing or a regular file the user lets us write: never a
    symlink (pass the real file, see ``real_file``), a FIFO, a device or a folder, and never
    a file without write permission. The mode is checked as well as ``os.access``, which
    says yes to root for any file."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError:
        return  # the write itself reports what is wrong with the folder
    if not stat.S_ISREG(st.st_mode):
        raise FileRefused(path, f"it is {kind_of(st.st_mode)}, not a regular file")
    if st.st_mode & 0o222 == 0 or not os.access(path, os.W_OK):
        raise FileRefused(path, READ_ONLY)


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words for a message."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def temp_prefix(path: Path) -> str:
    """The name every temporary file for ``path`` starts with (hidden, beside it)."""
    return f".{path.name}."


def atomic_write(path: Path, payload: bytes | Iterable[bytes]) -> None:
    """Write ``payload`` (bytes, or chunks of bytes written in turn) to ``path`` so that
    readers see the old file or the new one, never half.

    Temp file in the same folder (so the rename stays on one filesystem), flush, fsync,
    ``os.replace``, then fsync the folder so the rename itself is durable. On any error the
    temp file is removed and ``path`` is as it was. Only a regular file the user may write
    is replaced (FileRefused otherwise, see ``check_replaceable``): an export refuses a symlink,
    and the board passes the file its link leads to (``real_file``).
    """
    check_replaceable(path)
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
    path = real_file(path)  # a board's temp files are beside the file a link leads to
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
    if isinstance(error, FileRefused):
        hint = ", allow writing to it (chmod u+w) to make changes" if error.strerror == READ_ONLY else ""
        return f"could not save {error}; the board is unchanged{hint}."
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"could not save {path}: the disk is full; the board is unchanged, free some space and retry."
    if error.errno == errno.EROFS:
        return f"could not save {path}: {folder} is on a read-only file system; the board is unchanged."
    culprit = Path(error.filename) if isinstance(error.filename, str) else None
    if error.errno in (errno.EACCES, errno.EPERM) and culprit is not None and culprit != path and culprit.is_file():
        # Not the folder: a file jobboard keeps beside the board, such as its lock file.
        mode = stat.S_IMODE(culprit.stat().st_mode)
        return (
            f"could not save {path}: {culprit} cannot be opened for reading and writing (its mode is {mode:03o}); "
            f"the board is unchanged, run chmod 644 {culprit} (or delete it while no jobboard is running)."
        )
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
