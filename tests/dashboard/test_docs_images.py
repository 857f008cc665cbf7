"""The README's images are current: made by `python -m bench.docs` from the code that
draws them as it is now (docs/images.json holds that code's digest and each image's)."""

from __future__ import annotations

import json

from bench.docs import APP_SHOTS, DECK_SHOT, DOCS, MANIFEST, code_digest, image_digest


def test_readme_images_are_made_from_the_current_code():
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert manifest["code"] == code_digest(), (
        "the code drawing the README images changed since they were made: "
        "run `python -m bench.docs` and commit docs/")
    for name in (*APP_SHOTS, DECK_SHOT):
        assert manifest["images"][name] == image_digest(DOCS / name), (
            f"docs/{name} is not the image bench.docs made: run `python -m bench.docs`")


def test_the_readme_shows_them():
    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    for name in (*APP_SHOTS, DECK_SHOT):
        assert f"(docs/{name})" in readme
