import os
import stat
from pathlib import Path

from geodata.basics.atomic import atomic_write_bytes


def test_new_file_gets_the_umask_mode_not_mkstemps_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "out.csv"
        atomic_write_bytes(target, b"a,b\n", durable=False)
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
        os.umask(0o027)
        other = tmp_path / "other.csv"
        atomic_write_bytes(other, b"x", durable=False)
        assert stat.S_IMODE(other.stat().st_mode) == 0o640
    finally:
        os.umask(old)
    assert target.read_bytes() == b"a,b\n"
