"""The one way this codebase writes a file that others may read at the same time:
write a temporary file beside the target, fsync it, rename it over the target, fsync the
folder. A reader sees the old file or the new one, never half of one, and a crash at any
point leaves one of the two (plus, at worst, a `.tmp-*` file that `clean_temporaries`
removes)."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TMP_PREFIX = ".tmp-"


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new entry in `folder` durable (a no-op where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """The process's umask: from /proc where it can be read without changing it (the
    dashboard writes from several threads), else by setting it and straight back."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: Path, write: Callable[[Path], object], *, durable: bool = True) -> None:
    """Call `write(tmp)` for a temporary path beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f"{TMP_PREFIX}{path.name}-")
    tmp = Path(name)
    try:
        # mkstemp makes 0600; a new file gets the mode any other write would (0666 & ~umask).
        os.fchmod(fd, 0o666 & ~_umask())
    finally:
        os.close(fd)
    try:
        write(tmp)
        if durable:
            with tmp.open("rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    atomic_write(path, lambda tmp: tmp.write_bytes(data), durable=durable)


def clean_temporaries(folder: Path, *, older_than: float = 3600.0) -> list[Path]:
    """Remove `.tmp-*` files an interrupted write left in `folder` (only old ones: a
    young one may belong to a write in progress in another process). Returns them."""
    removed = []
    now = time.time()
    try:
        entries = list(folder.glob(f"{TMP_PREFIX}*"))
    except OSError:
        return []
    for p in entries:
        try:
            if p.is_file() and now - p.stat().st_mtime >= older_than:
                p.unlink()
                removed.append(p)
        except OSError:
            continue
    return removed
