"""Why a list was not read, in the reader's language: every refusal the list readers can
raise has its Chinese line, particulars kept."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bench import hostile_files
from geodata.errors import InputError
from geodata.listwork import read_paste, read_upload
from geodata.note_text import refusal_text

ROOT = Path(__file__).resolve().parents[2]
READERS = ("geodata/inputs.py", "geodata/listwork.py", "geodata/isolated.py",
           "geodata/tables.py")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _messages() -> list[str]:
    """Each refusal the readers write, with sample values in its f-string holes."""
    out = []
    for rel in READERS:
        for node in ast.walk(ast.parse((ROOT / rel).read_text(encoding="utf-8"))):
            texts = []
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "InputError":
                texts = node.args[:1]
            elif isinstance(node, ast.FunctionDef) and node.name == "_xlsx_reason":
                texts = [n.value for n in ast.walk(node) if isinstance(n, ast.Return)]
            for arg in texts:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    out.append(arg.value)
                elif isinstance(arg, ast.JoinedStr):
                    out.append("".join(str(v.value) if isinstance(v, ast.Constant) else "12"
                                       for v in arg.values))
    return out


def test_every_refusal_of_the_readers_reads_in_chinese() -> None:
    messages = [m for m in _messages() if m != "12"]  # InputError(str(...)) passes one on
    assert len(messages) > 25
    untranslated = [m for m in messages if not _HAN.search(refusal_text(m, "zh"))]
    assert untranslated == []
    assert all(refusal_text(m, "en") for m in messages)


@pytest.mark.parametrize("name,data", [(n, d) for n, _, d in hostile_files.hostile_files()
                                       if n != "dimension_1048576_rows"])
def test_hostile_files_are_refused_in_chinese_with_their_figures(name, data) -> None:
    filename = {"nul_in_file_name": "名单\0.txt"}.get(name, f"{name}.xlsx"
                                                     if data[:2] == b"PK" else f"{name}.txt")
    with pytest.raises(InputError) as err:
        read_upload(data, filename)
    message = str(err.value)
    zh = refusal_text(message, "zh")
    assert _HAN.search(zh), message
    # the figures of the English line are all in the Chinese one
    assert re.findall(r"\d[\d,.]*", message) == re.findall(r"\d[\d,.]*", zh)


def test_a_message_no_pattern_knows_is_kept_whole() -> None:
    assert refusal_text("something new went wrong", "zh") == "something new went wrong"
    with pytest.raises(InputError) as err:
        read_paste("   ")
    assert refusal_text(str(err.value), "zh") == "名单为空"
    assert refusal_text(str(err.value), "en") == "the list is empty"
