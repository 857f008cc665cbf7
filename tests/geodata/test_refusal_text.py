"""Why a list was not read, in the reader's language: every refusal the list readers can
raise has its Chinese line, particulars kept."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bench import hostile_files
from geodata.basics.errors import InputError
from geodata.basics.notes import refusal_text
from geodata.worklist.flow import read_paste, read_upload

ROOT = Path(__file__).resolve().parents[2]
READERS = ("geodata/lists/inputs.py", "geodata/worklist/flow.py", "geodata/lists/isolated.py",
           "geodata/lists/columns.py")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_readers_refuse_with_codes_only() -> None:
    """Every refusal of the list readers carries a code (InputError.of), none is prose."""
    for rel in READERS:
        for node in ast.walk(ast.parse((ROOT / rel).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "InputError":
                raise AssertionError(f"{rel}:{node.lineno}: InputError without a code")


@pytest.mark.parametrize("name,data", [(n, d) for n, _, d in hostile_files.hostile_files()
                                       if n != "dimension_1048576_rows"])
def test_hostile_files_are_refused_in_chinese_with_their_figures(name, data) -> None:
    filename = {"nul_in_file_name": "名单\0.txt"}.get(name, f"{name}.xlsx"
                                                     if data[:2] == b"PK" else f"{name}.txt")
    with pytest.raises(InputError) as err:
        read_upload(data, filename)
    message = str(err.value)
    zh = refusal_text(err.value.refusal, "zh")
    assert err.value.refusal.code != "text", message
    assert _HAN.search(zh), message
    # the figures of the English line are all in the Chinese one
    assert re.findall(r"\d[\d,.]*", message) == re.findall(r"\d[\d,.]*", zh)


def test_a_message_without_a_code_is_kept_whole() -> None:
    assert refusal_text(InputError("something new went wrong").refusal) == (
        "something new went wrong")
    with pytest.raises(InputError) as err:
        read_paste("   ")
    assert refusal_text(err.value.refusal, "zh") == "名单为空"
    assert refusal_text(err.value.refusal, "en") == str(err.value) == "the list is empty"
