import json
from pathlib import Path

import pytest

from factcheck import CorpusError
from factcheck.corpus import corpus_hash, load_sources, passages

from .conftest import SHARED, SOURCES


def test_demo_corpus_loads_with_metadata() -> None:
    sources = {s.id: s for s in load_sources(SOURCES)}
    assert 15 <= len(sources) <= 25
    reuters = sources["reuters-whatsapp-block"]
    assert reuters.url.startswith("https://cyprus-mail.com/") and reuters.publisher.startswith("Reuters")
    assert str(reuters.published) == "2026-02-12" and reuters.kind == "news_report"
    assert {s.kind for s in sources.values()} >= {"official_statement", "news_report", "reference"}


def test_passages_keep_offsets_into_their_source() -> None:
    for source in load_sources(SOURCES):
        for p in passages(source):
            assert source.text[p.start : p.end] == p.text and p.source_id == source.id


def test_beir_jsonl_and_tsv(tmp_path: Path) -> None:
    jsonl = tmp_path / "corpus.jsonl"
    rows = [
        {
            "_id": "d1",
            "title": "T",
            "text": "One sentence. Two.",
            "metadata": {"url": "https://a", "published": "2024-01-02"},
        },
        {"vclaim_id": "v2", "vclaim": "A CheckThat! claim.", "title": "x"},
    ]
    jsonl.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    d1, v2 = load_sources(jsonl)
    assert (d1.id, d1.url, str(d1.published), v2.id, v2.text) == (
        "d1",
        "https://a",
        "2024-01-02",
        "v2",
        "A CheckThat! claim.",
    )
    tsv = tmp_path / "docs.tsv"
    tsv.write_text("vclaim_id\tvclaim\ttitle\nc1\tThe claim text.\tTitle\n", encoding="utf-8")
    (c1,) = load_sources(tsv)
    assert (c1.id, c1.text, c1.title) == ("c1", "The claim text.", "Title")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"_id": "a", "text": "ok"}\n{broken\n', "corpus.jsonl:2: not valid JSON"),
        ('{"text": "no id"}\n', "corpus.jsonl:1: missing field 'id'"),
        ('{"_id": "a", "text": ""}\n', "corpus.jsonl:1: source 'a' has no text"),
        ('{"_id": "a", "text": "x", "kind": "blog"}\n', "field 'kind'"),
        ('{"_id": "a", "text": "x", "published": "yesterday"}\n', "field 'published'"),
        ('{"_id": "a", "text": "x"}\n{"_id": "a", "text": "y"}\n', "appears twice"),
    ],
)
def test_bad_corpus_records_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message.replace("(", r"\(")):
        load_sources(path)


def test_bad_markdown_source(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.md: front matter is not valid YAML"):
        load_sources(tmp_path)
    (tmp_path / "a.md").write_bytes(b"---\nid: x\n---\n\xff\xfe bad")
    with pytest.raises(CorpusError, match="not UTF-8"):
        load_sources(tmp_path)


def test_missing_and_unknown_corpus_paths(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        load_sources(tmp_path / "nope")
    (tmp_path / "x.xlsx").write_text("a", encoding="utf-8")
    with pytest.raises(CorpusError, match="unknown corpus format"):
        load_sources(tmp_path / "x.xlsx")
    (tmp_path / "x.csv").write_text("name,body\nn1,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x\.csv:2: missing field 'id'"):
        load_sources(tmp_path / "x.csv")
    with pytest.raises(CorpusError, match="no column 'claim'"):
        load_sources(tmp_path / "x.csv", columns={"id": "name", "text": "claim"})
    with pytest.raises(CorpusError, match="no sources found"):
        load_sources(tmp_path)


def test_corpus_hash_changes_with_any_content() -> None:
    sources = load_sources(SOURCES)
    changed = (sources[0].__class__(**{**sources[0].__dict__, "text": sources[0].text + " More."}), *sources[1:])
    assert corpus_hash(sources) == corpus_hash(load_sources(SOURCES))
    assert corpus_hash(sources) != corpus_hash(changed)


def test_written_out_dates_are_read() -> None:
    from factcheck.corpus import parse_date

    assert str(parse_date("26 May 2015", where="x")) == "2015-05-26"
    assert str(parse_date("May 2015", where="x")) == "2015-05-01"
    with pytest.raises(CorpusError, match="x: field 'published'"):
        parse_date("a coyote was rescued in 2015 after", where="x")


@pytest.mark.parametrize(
    ("relative", "count"),
    [("checkthat2022-2a/vclaims.jsonl", 14231), ("checkthat2020-2/verified_claims.docs.tsv", 10000)],
)
def test_public_checkthat_corpora_load(relative: str, count: int) -> None:
    path = SHARED / "benchmarks" / relative
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is optional)")
    sources = load_sources(path)
    assert len(sources) >= count
    assert all(s.id and s.text for s in sources)
