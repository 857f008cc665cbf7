"""The project's own errors are named (geodata.basics.errors), keep the built-in bases callers
caught before, and reach a person as one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata.basics import errors
from geodata.store.folders import Store
from pilot_atlas import main


@pytest.mark.parametrize("bad", ["../x", "a/b", "", "LIST-UPPER"])
def test_a_bad_list_id_is_an_unknown_list(tmp_path: Path, bad: str) -> None:
    with pytest.raises(errors.UnknownList) as caught:
        Store(tmp_path).load(bad)
    assert isinstance(caught.value, KeyError)  # what callers caught before


def test_every_project_error_is_a_pilot_atlas_error() -> None:
    named = [v for v in vars(errors).values() if isinstance(v, type)
             and issubclass(v, Exception) and v.__module__ == errors.__name__]
    assert len(named) >= 6
    assert all(issubclass(c, errors.PilotAtlasError) for c in named)


def test_an_export_error_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["slide", "-o", str(tmp_path / "x.gif")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("pilot-atlas: ") and ".gif" in err
