"""The LIAR-PLUS evaluation: loading, the pooled corpus, scoring, and one small end-to-end run on
records written here (the real data is read by path in docs/benchmarks.md, never in tests)."""

import json
from pathlib import Path

import pytest

from factcheck.embed import SentenceTransformerEncoder
from factcheck.errors import InputError
from factcheck.liar import Looked, Rated, load_liar, run_liar, score, write_corpus
from factcheck.models import Label
from factcheck.pipeline import Checker

RECORDS = [
    {
        "id": 1,
        "label": "false",
        "claim": "The city hired 900 new police officers in 2019.",
        "justification": "City payroll records show the police department hired 90 officers in 2019.",
    },
    {
        "id": 2,
        "label": "true",
        "claim": "The state minimum wage rose to 15 dollars an hour in January 2023.",
        "justification": "Budget documents confirm the state minimum wage reached 15 dollars an hour on 1 January 2023.",
    },
    {"id": 3, "label": "half-true", "claim": "Crime fell last year.", "justification": ""},
]


def write(tmp_path: Path, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / "val.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_bad_record_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, RECORDS)
    path.write_text(path.read_text() + '{"id": 4, "claim": "no label"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"val\.jsonl:4: not a LIAR-PLUS record"):
        load_liar(path)
    with pytest.raises(InputError, match="unknown rating 'maybe'"):
        load_liar(write(tmp_path, [{**RECORDS[0], "label": "maybe"}]))


def test_the_corpus_pools_justifications_as_fact_checks_and_skips_empty_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(load_liar(write(tmp_path, RECORDS)), corpus)
    sources = [json.loads(line) for line in corpus.read_text().splitlines()]
    assert [s["id"] for s in sources] == ["liar-1", "liar-2"]
    assert {s["kind"] for s in sources} == {"fact_check"} and "rating" not in sources[0]


def test_score_sets_decisive_verdicts_against_the_majority_guess() -> None:
    def looked(rating: str, label: Label) -> Looked:
        return Looked(Rated("x", "c", rating, "j"), label, 0.8, True)

    numbers = score(
        [
            looked("true", Label.SUPPORTED),
            looked("mostly-true", Label.NOT_ENOUGH_EVIDENCE),
            looked("false", Label.CONTRADICTED),
            looked("pants-fire", Label.SUPPORTED),
            looked("half-true", Label.CONTRADICTED),
        ]
    )
    assert numbers["clear_cut"] == 4 and numbers["decisive"] == 3
    assert numbers["decisive_precision"] == round(2 / 3, 4) and numbers["decisive_coverage"] == 0.75
    assert numbers["supported_precision"] == 0.5 and numbers["labels_on_mixed"] == {"contradicted": 1}
    assert numbers["majority_guess"].startswith("supported: precision 0.5")


def test_claims_are_looked_up_against_the_pooled_justifications(
    tmp_path: Path, encoder: SentenceTransformerEncoder
) -> None:
    looked = run_liar(load_liar(write(tmp_path, RECORDS)), Checker.for_corpora(encoder=encoder))
    by_id = {x.rated.id: x for x in looked}
    assert by_id["1"].own_evidence and by_id["1"].label is Label.CONTRADICTED  # 900 officers, not 90
    assert by_id["2"].own_evidence and by_id["2"].label is not Label.CONTRADICTED


def test_politifacts_leading_says_is_not_part_of_the_statement() -> None:
    from factcheck.liar import statement_of

    assert statement_of("Says that the state budget doubled.") == "The state budget doubled."
    assert statement_of("Says Obama was sworn in on a Koran.") == "Obama was sworn in on a Koran."
    assert statement_of("Saysomething odd.") == "Saysomething odd."  # only the word 'Says'
    assert statement_of("Says") == "Says"
