"""The style-zoo generator (corpus/zoo/generate.py): deterministic, valid gold, the split
between development and held-out values kept, files that referat can read.

Extraction accuracy on the zoo is measured by bench/zoo_eval.py, not asserted here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from referat.extract import extract_file
from referat.extract.read import read_bytes
from referat.models import Document, Item, Meeting, Section, Source

REPO = Path(__file__).resolve().parent.parent


def _load_generator():
    name = "referat_zoo_generate"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "corpus" / "zoo" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


zoo = _load_generator()


@pytest.fixture(scope="module")
def dev_docs(tmp_path_factory) -> list[dict]:
    return zoo.generate(tmp_path_factory.mktemp("zoo-dev"), 24, seed=11, split="dev")


@pytest.fixture(scope="module")
def heldout_docs(tmp_path_factory) -> list[dict]:
    return zoo.generate(tmp_path_factory.mktemp("zoo-heldout"), 24, seed=11, split="heldout")


def _gold(record: dict) -> dict:
    return json.loads(Path(record["gold"]).read_text(encoding="utf-8"))


def _printed_text(path: str) -> str:
    """Every line referat's reader sees, running headers and footers included."""
    result = read_bytes(path, Path(path).read_bytes())
    lines = [line.text for page in result.pages for line in page.lines] + [line.text for line in result.furniture]
    return "\n".join(lines)


def _with_pages(item: dict) -> dict:
    return {
        **item,
        "pages": (1, 1),
        "sections": [{**s, "pages": (1, 1)} for s in item.get("sections", [])],
        "subitems": [_with_pages(sub) for sub in item.get("subitems", [])],
    }


def _walk(items: list[dict]):
    for item in items:
        yield item
        yield from _walk(item.get("subitems", []))


def _distinctive_held_out_fragments() -> dict[str, str]:
    """Literal text of held-out values that no development value contains: fragment -> dimension."""
    dev = {f for values in zoo.DEV.values() for value in values for f in zoo.literal_fragments(value)}
    fragments = {}
    for dimension, values in zoo.HELD_OUT.items():
        for value in values:
            for fragment in zoo.literal_fragments(value):
                if len(fragment) >= 4 and not any(fragment in d for d in dev):
                    fragments.setdefault(fragment, dimension)
    return fragments


def test_value_files_have_the_same_dimensions_and_no_shared_value():
    assert set(zoo.DEV) == set(zoo.HELD_OUT)
    for dimension in zoo.DEV:
        assert zoo.DEV[dimension] and zoo.HELD_OUT[dimension], dimension
        shared = [v for v in zoo.HELD_OUT[dimension] if v in zoo.DEV[dimension]]
        assert not shared, (dimension, shared)


def test_same_seed_same_bytes(tmp_path):
    first = zoo.generate(tmp_path / "a", 6, seed=5, split="mixed")
    second = zoo.generate(tmp_path / "b", 6, seed=5, split="mixed")
    for a, b in zip(first, second, strict=True):
        for key in ("path", "gold"):
            assert Path(a[key]).read_bytes() == Path(b[key]).read_bytes(), a[key]
    other = zoo.generate(tmp_path / "c", 6, seed=6, split="mixed")
    assert any(Path(a["gold"]).read_bytes() != Path(c["gold"]).read_bytes() for a, c in zip(first, other, strict=True))


def test_every_gold_validates(dev_docs, heldout_docs):
    closed = subitems = two_meetings = votes = 0
    formats = set()
    for record in dev_docs + heldout_docs:
        gold = _gold(record)
        assert gold["source"] == Path(record["path"]).name
        formats.add(Path(record["path"]).suffix)
        meetings = gold["document"]["meetings"]
        Document(
            source=Source(path=gold["source"], sha256="0" * 64, media_type="x", pages=1),
            meetings=[
                Meeting(**{**m, "pages": (1, 1), "items": [Item(**_with_pages(i)) for i in m["items"]]})
                for m in meetings
            ],
        )
        two_meetings += len(meetings) > 1
        for meeting in meetings:
            assert meeting["date"] and meeting["body"] and meeting["kind"]
            assert 3 <= len(meeting["items"]) <= 12
            for item in _walk(meeting["items"]):
                assert item["number"].strip() and item["title"].strip()
                assert item["title"] == " ".join(item["title"].split())
                for section in item["sections"]:
                    Section(**section, pages=(1, 1))
                closed += item["access"] == "closed"
                subitems += bool(item["subitems"])
                votes += any(p["stance"] in ("for", "against") for p in item["positions"])
                if meeting["kind"] == "dagsorden":
                    assert not item["decisions"]
    assert formats == {".pdf", ".docx", ".txt"}
    assert closed and subitems and votes and two_meetings


def test_dev_documents_use_development_values_only(dev_docs):
    fragments = _distinctive_held_out_fragments()
    assert len(fragments) > 40  # the check below means something
    for record in dev_docs:
        gold = _gold(record)
        assert record["heldout_dimensions"] == []
        assert "Held-out" not in gold["notes"]
        text = _printed_text(record["path"])
        printed = [f"{fragment!r} ({dimension})" for fragment, dimension in fragments.items() if fragment in text]
        assert not printed, f"{record['path']}: {printed}"


def test_dev_style_draws_from_development_lists_only():
    import random

    held_out_values = [v for values in zoo.HELD_OUT.values() for v in values]
    for index in range(30):
        rng = random.Random(index)
        style = zoo.Style(rng, held_out=set())
        builder = zoo.Builder(rng, style, zoo.FORMATS[index % 3])
        builder.meeting(zoo.make_meeting(rng, style, None), first_number=1)
        chosen = list(style.chosen.values())
        assert not [v for v in chosen if v in held_out_values]


def test_heldout_documents_print_a_held_out_value(heldout_docs):
    fragments = _distinctive_held_out_fragments()
    dimensions = set()
    for record in heldout_docs:
        gold = _gold(record)
        assert record["heldout_dimensions"], record["path"]
        assert set(record["heldout_dimensions"]) <= set(zoo.HELD_OUT)
        dimensions.update(record["heldout_dimensions"])
        # The notes name dimensions only, never a held-out value.
        assert not [f for f in fragments if f in gold["notes"]], gold["notes"]
    assert len(dimensions) >= 10


def test_each_format_opens_with_the_reader(dev_docs, heldout_docs):
    seen = set()
    for record in dev_docs[:3] + heldout_docs[:3]:
        document = extract_file(record["path"], enrich=False)
        assert document.source.pages >= 1
        assert document.meetings, record["path"]
        seen.add(record["format"])
    assert seen == {"pdf", "docx", "txt"}


def test_html_pages_leave_the_other_files_alone_and_share_their_gold(tmp_path):
    plain = zoo.generate(tmp_path / "a", 8, seed=5, split="mixed")
    with_html = zoo.generate(tmp_path / "b", 8, seed=5, split="mixed", html=True)
    others = [r for r in with_html if r["format"] != "html"]
    pages = [r for r in with_html if r["format"] == "html"]
    assert len(others) == len(pages) == len(plain)
    for a, b in zip(plain, others, strict=True):
        for key in ("path", "gold"):
            assert Path(a[key]).read_bytes() == Path(b[key]).read_bytes(), a[key]
    for record, page in zip(plain, pages, strict=True):
        assert _gold(page)["source"] == Path(page["path"]).name
        assert _gold(page)["document"] == _gold(record)["document"]
        text = Path(page["path"]).read_bytes()
        assert b"cookie" in text and b"<html" in text
        document = extract_file(page["path"], enrich=False)
        assert document.meetings, page["path"]
