"""Reading a file of the saved-lists store as untrusted input: whoever can write the data
folder can put anything there (a link to /dev/zero, a FIFO, 400 MB, 200,000 nested `[`).

Only a regular file is opened, never through a symbolic link (`O_NOFOLLOW`, the folder
too), without blocking (a FIFO is refused, not waited on), up to a size cap checked
before reading; its JSON is parsed only when its nesting is within a depth limit, so no
file can hang, exhaust or crash the server. Every refusal is `InvalidList` with one line.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import numpy as np

from geodata.basics.errors import InvalidList

_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_DIRECTORY", 0)


def _refusal(name: str, exc: OSError) -> InvalidList:
    if exc.errno == errno.ELOOP:
        return InvalidList.of("stored_link", name=name)
    if exc.errno == errno.ENOTDIR:
        return InvalidList(f"{name} is not a folder")
    return InvalidList(f"{name} cannot be read ({exc.strerror or type(exc).__name__})")


def read_bytes(folder: Path, name: str, limit: int, *, folder_of_store: bool = True) -> bytes:
    """The bytes of `folder/name`, a regular file of at most `limit` bytes. With
    `folder_of_store`, `folder` itself must not be a symbolic link either.
    FileNotFoundError when it does not exist; InvalidList for anything else."""
    dir_fd = None
    try:
        if folder_of_store:
            try:
                dir_fd = os.open(folder, _DIR_FLAGS)
            except FileNotFoundError:
                raise
            except OSError as exc:
                if folder.is_symlink():  # O_DIRECTORY|O_NOFOLLOW says ENOTDIR for a link
                    raise InvalidList.of("stored_folder_link", name=folder.name) from None
                raise _refusal(f"the folder {folder.name}", exc) from None
        try:
            fd = os.open(name if dir_fd is not None else folder / name, _FLAGS, dir_fd=dir_fd)
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise _refusal(name, exc) from None
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                kind, kind_zh = _file_kind(st.st_mode)
                raise InvalidList.of("stored_kind", name=name, kind=kind, kind_zh=kind_zh)
            if st.st_size > limit:
                raise InvalidList.of("stored_size", name=name, n=f"{st.st_size:,}",
                                     m=f"{limit:,}")
            data = fh.read(limit + 1)  # a file that grows while read is cut here
        if len(data) > limit:
            raise InvalidList.of("stored_size", name=name, n=f"{len(data):,}", m=f"{limit:,}")
        return data
    finally:
        if dir_fd is not None:
            os.close(dir_fd)


def _file_kind(mode: int) -> tuple[str, str]:
    """What a file that is no regular file is, in English and Chinese."""
    if stat.S_ISFIFO(mode):
        return "a FIFO", "命名管道"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device", "设备文件"
    if stat.S_ISDIR(mode):
        return "a folder", "文件夹"
    if stat.S_ISSOCK(mode):
        return "a socket", "套接字"
    return "something else", "其他类型"


def nesting(data: bytes, stop_above: int | None = None, chunk: int = 1 << 20) -> int:
    """How deep the arrays and objects of JSON `data` nest, without parsing it: brackets
    outside strings counted, chunk by chunk in numpy (linear, flat memory, no recursion;
    a regular expression for strings would be quadratic on `"\\"\\"…`). Past
    `stop_above` it stops counting and returns the depth reached."""
    deepest = depth = 0
    in_string = odd_backslashes = False
    for at in range(0, len(data), chunk):
        # a backslash run left open by the chunk before counts by its parity
        part = (b"\\" if odd_backslashes else b"") + data[at:at + chunk]
        codes = np.frombuffer(part, dtype=np.uint8)
        escaped = np.zeros(len(codes), dtype=bool)
        odd_backslashes = False
        if b"\\" in part:
            idx = np.arange(len(codes), dtype=np.int32)
            # length of the backslash run ending at each position (0 where there is none)
            run = idx - np.maximum.accumulate(np.where(codes == ord("\\"), -1, idx))
            escaped[1:] = (run[:-1] % 2) == 1
            odd_backslashes = bool(run[-1] % 2)
        quotes = (codes == ord('"')) & ~escaped
        inside = ((np.cumsum(quotes, dtype=np.int32) + in_string) % 2) == 1
        opens = ((codes == ord("[")) | (codes == ord("{"))) & ~inside
        closes = ((codes == ord("]")) | (codes == ord("}"))) & ~inside
        levels = np.cumsum(opens.astype(np.int8) - closes.astype(np.int8), dtype=np.int32)
        deepest = max(deepest, depth + int(levels.max()))
        depth += int(levels[-1])
        in_string = bool(inside[-1])
        if stop_above is not None and deepest > stop_above:
            break
    return deepest


def load_json(data: bytes, name: str, depth: int) -> object:
    """`data` parsed as UTF-8 JSON when it nests at most `depth` deep, else InvalidList."""
    if nesting(data, depth) > depth:
        raise InvalidList.of("stored_depth", name=name, depth=str(depth))
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidList.of("stored_encoding", name=name) from None
    except json.JSONDecodeError as exc:
        raise InvalidList.of("stored_json", name=name, why=exc.msg, line=str(exc.lineno)
                             ) from None
    except RecursionError:  # the depth check above makes this unreachable; kept as a guard
        raise InvalidList.of("stored_depth", name=name, depth=str(depth)) from None
