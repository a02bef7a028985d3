"""Reading and writing files safely: a bounded read of a regular file, and a write that lands whole
or not at all (a temporary file beside the target, then a rename).

Used by the document edge (:mod:`gazaplan.files.documents`) and the HTML report. Errors are OSErrors that
name the file, so that the command line can say which file failed and why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile

__all__ = ["read_limited", "write_atomically"]


class TooLargeError(OSError):
    """A file larger than the limit (the OSError names the file; ``size`` is what was seen)."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        message = f"the file is over {limit} bytes, the limit; {size} or more were found"
        super().__init__(errno.EFBIG, message, path)
        self.size = size


class NotRegularError(OSError):
    """A path that is not a regular file (a device, a FIFO, a directory, a socket)."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file but {what}; pass a file's path", path)


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a file"


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at *path*, refusing more than *limit* of them.

    The file is opened without blocking (opening a FIFO would wait for a writer) and its kind
    checked on the open file; at most ``limit + 1`` bytes are read, whatever size the file claims
    (a device claims 0).
    """
    name = os.fspath(path)
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularError(name, _kind(mode))
        data = f.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(name, len(data), limit)
    return data


def write_atomically(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write *text* (UTF-8, ``\\n`` line ends; or bytes, as they are) to *path*: whole, or not
    at all.

    The text goes to a temporary file in the same folder, which then replaces *path* in one
    rename; on any error the temporary file is removed, *path* is left as it was, and the
    OSError names *path*.
    """
    name = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(name))
    fd, temporary = -1, ""
    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(name)}.", suffix=".tmp", dir=folder
        )
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with os.fdopen(fd, "wb") as f:
            fd = -1  # the file object owns it now
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if os.path.exists(name):
            with contextlib.suppress(OSError):  # keep the target's permissions
                os.chmod(temporary, stat.S_IMODE(os.stat(name).st_mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, name)
        temporary = ""
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), name) from exc
    finally:
        if fd != -1:
            os.close(fd)
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
