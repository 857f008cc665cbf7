"""What the geocoder and the list readers say, as data: a note is (code, parameters), kept
on the result and rendered at the edge in the user's language from one catalogue
(notes.toml: notes, reason codes, refusals and method parts, each in zh and en).

A result's notes travel in its `note` column as JSON (`encode`/`decode`); a note saved by
an older version, English prose, decodes as one `text` note and is shown as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

Value = str | tuple[str, ...]
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_FIELD = re.compile(r"\{(\w+)\}")
_LIST_SEP = {"zh": "、", "en": ", "}


@dataclass(frozen=True, slots=True)
class Note:
    code: str
    params: tuple[tuple[str, Value], ...] = ()

    def get(self, key: str) -> Value:
        return dict(self.params).get(key, "")


def note(code: str, /, **params: Value | int) -> Note:
    """A note of `code` (a key of [note] in notes.toml) with its parameters; numbers are
    kept as text, lists of names as tuples."""
    if code not in catalogue()["note"]:
        raise KeyError(f"no note {code!r} in geodata/basics/notes.toml")
    return Note(code, tuple((k, v if isinstance(v, tuple) else str(v)) for k, v in params.items()))


@cache
def catalogue() -> dict[str, dict[str, dict[str, str]]]:
    """{section: {code: {"zh": template, "en": template}}}: parsed once per version of
    notes.toml and kept as JSON with the prepared data (every process that writes a note
    needs it; reading the TOML took ~15 ms of each run of the CLI)."""
    import hashlib

    from geodata.basics.cache import cached_json

    data = resources.files("geodata.basics").joinpath("notes.toml").read_bytes()

    def parse() -> dict[str, dict[str, dict[str, str]]]:
        import tomllib

        return tomllib.loads(data.decode("utf-8"))

    parsed: dict[str, dict[str, dict[str, str]]] = cached_json(
        f"notes-{hashlib.sha256(data).hexdigest()[:16]}.json", parse
    )
    return parsed


def _same(text: str) -> str:
    return text


def render(section: str, code: str, params: Mapping[str, Value], lang: str = "zh", *,
           words: Callable[[str], str] = _same, names: Callable[[str], str] = _same) -> str:
    """The text of `code` in `section` written in `lang` ("zh" or "en"); a code this
    version does not know is shown as it is (a row saved by a newer version).
    `words` and `names` turn the catalogue's words and the parameters (names, sources,
    numbers: data, never the app's words) into a page's markup (dashboard.marking)."""
    entry = catalogue()[section].get(code)
    if entry is None:
        return words(code)
    lang = "en" if lang == "en" else "zh"
    sep = _LIST_SEP[lang]
    values = {k: words(sep).join(names(x) for x in v) if isinstance(v, tuple) else names(v)
              for k, v in params.items()}

    def optional(m: re.Match[str]) -> str:
        return m.group(1) if all(params.get(f) for f in _FIELD.findall(m.group(1))) else ""

    template = _OPTIONAL.sub(optional, entry[lang])
    parts = _FIELD.split(template)  # words, field, words, field, …
    return "".join(words(p) if i % 2 == 0 else values.get(p, "") for i, p in enumerate(parts))


def note_text(notes: Iterable[Note] | str, lang: str = "zh", *,
              words: Callable[[str], str] = _same, names: Callable[[str], str] = _same) -> str:
    """A result's notes (or its `note` column) written in `lang` (`words`, `names`: as
    for `render`)."""
    found = decode(notes) if isinstance(notes, str) else tuple(notes)
    sep = "; " if lang == "en" else "；"
    return words(sep).join(render("note", n.code, dict(n.params), lang, words=words,
                                  names=names) for n in found)


def encode(notes: Iterable[Note]) -> str:
    """The `note` column of a row: JSON, [[code, {param: value}], …]; "" for none."""
    found = [[n.code, {k: list(v) if isinstance(v, tuple) else v for k, v in n.params}]
             for n in notes]
    return json.dumps(found, ensure_ascii=False, separators=(",", ":")) if found else ""


def decode(column: str) -> tuple[Note, ...]:
    """The inverse of `encode`; a column that is no such JSON (a note an older version
    wrote in English) is one `text` note, shown as it is."""
    text = str(column or "").strip()
    if not text:
        return ()
    try:
        data = json.loads(text) if text.startswith("[[") else None
    except ValueError:
        data = None
    if not isinstance(data, list):
        return (Note("text", (("text", text),)),)
    out = []
    for item in data:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[1], dict)):
            return (Note("text", (("text", text),)),)
        params = tuple(
            (str(k), tuple(str(x) for x in v) if isinstance(v, list) else str(v))
            for k, v in item[1].items()
        )
        out.append(Note(str(item[0]), params))
    return tuple(out)


def refusal_text(refusal: Note | str, lang: str = "zh") -> str:
    """Why a list was not read (geodata.basics.errors.InputError.refusal), written in `lang`; a
    plain message (an error made without a code) is shown as it is."""
    if isinstance(refusal, str):
        return refusal
    if refusal.code == "text":
        return str(refusal.get("text"))
    return render("refusal", refusal.code, dict(refusal.params), lang)
