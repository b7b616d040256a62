"""The evaluation harness end to end on tiny fixtures written for these tests."""

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.benchdata import load_checkworthiness, load_qrels, load_queries
from factcheck.cli import app
from factcheck.evaluate import ranking_average_precision, retrieval_metrics
from factcheck.harness import checkworthiness_scores, evaluate_checkworthiness
from factcheck.normalise import clean_social

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_loaders_read_checkthat_shapes() -> None:
    queries = load_queries(FIXTURES / "queries.tsv")
    assert list(queries) == ["q1", "q2", "q3", "q4"] and queries["q1"].startswith("Wow")
    assert load_qrels(FIXTURES / "qrels.tsv")["q3"] == {"vc-eiffel": 1, "vc-reef": 0}


def test_clean_social_drops_links_handles_and_signature() -> None:
    raw = "MAX now has 55 million users! #StateApps pic.twitter.com/abc — Some One (@someone) January 28, 2026"
    assert clean_social(raw) == "MAX now has 55 million users! State Apps"
    assert clean_social("Hi @JoeBiden &amp; https://t.co/x") == "Hi Joe Biden &"


def test_eval_retrieval_cli_writes_run_and_numbers(tmp_path: Path) -> None:
    run_file, numbers_file = tmp_path / "run.trec", tmp_path / "m.json"
    args = ["eval", "retrieval", "--corpus", str(FIXTURES / "corpus.jsonl"), "--queries", str(FIXTURES / "queries.tsv")]
    args += ["--qrels", str(FIXTURES / "qrels.tsv"), "--run-out", str(run_file), "--json-out", str(numbers_file)]
    args += ["--index", str(tmp_path / "index")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    numbers = json.loads(numbers_file.read_text(encoding="utf-8"))
    assert numbers["queries"] == 3 and numbers["map@1"] == 1.0  # each query finds its claim first
    run: dict[str, dict[str, float]] = {}
    for line in run_file.read_text(encoding="utf-8").splitlines():
        qid, q0, doc, rank, score, tag = line.split("\t")
        assert q0 == "Q0" and tag == "factcheck" and int(rank) >= 1
        run.setdefault(qid, {})[doc] = float(score)
    assert "q4" not in run  # unjudged queries are not run
    assert retrieval_metrics(run, load_qrels(FIXTURES / "qrels.tsv")) == pytest.approx(numbers)
    assert "map@5" in result.stdout


def test_checkworthiness_map_is_the_mean_of_per_debate_ap() -> None:
    rows = load_checkworthiness(FIXTURES / "debates")
    assert len(rows) == 7 and {g for _, _, g in rows} == {"debate-a", "debate-b"}
    scores = [s for s, _ in checkworthiness_scores([t for t, _, _ in rows], threshold=0.5)]
    a, b = rows[:3], rows[3:]
    expected = (
        ranking_average_precision([g for _, g, _ in a], scores[:3])
        + ranking_average_precision([g for _, g, _ in b], scores[3:])
    ) / 2
    numbers = evaluate_checkworthiness(rows)
    assert numbers["map"] == pytest.approx(expected) and numbers["groups"] == 2 and numbers["positives"] == 3
    assert 0.0 <= numbers["precision"] <= 1.0 and numbers["recall"] > 0


def test_eval_verdicts_cli(tmp_path: Path) -> None:
    out = tmp_path / "v.json"
    result = runner.invoke(app, ["eval", "verdicts", str(FIXTURES / "claims.jsonl"), "--json-out", str(out)])
    assert result.exit_code == 0, result.output
    numbers = json.loads(out.read_text(encoding="utf-8"))
    assert numbers["evidence_level"]["n"] == 4 and numbers["claim_level"]["n"] == 2  # DISPUTED left out
    assert numbers["claim_level"]["accuracy"] == 1.0  # 85 vs 55 million refuted; 60 million supported
    assert 0.0 <= numbers["evidence_level"]["ece"] <= 1.0


def test_eval_checkworthiness_cli_and_bad_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "checkworthiness", str(FIXTURES / "debates"), "--scorer", "learned"])
    assert result.exit_code == 0 and "map" in result.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("sentence,label\nHello there.,1\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "checkworthiness", str(bad)])
    assert result.exit_code == 1 and "expected columns 'text' and 'label'" in result.output


def test_evaluation_jsonl_errors_name_file_and_line(tmp_path: Path) -> None:
    from factcheck import InputError
    from factcheck.benchdata import load_claim_evidence

    bad = tmp_path / "claims.jsonl"
    bad.write_text('{"claim": "x", "claim_label": "SUPPORTS", "evidences": []}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"claims\.jsonl:2: expected a JSON object"):
        load_claim_evidence(bad)
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"_id": "q1", "text": "a"}\n{"text": "no id"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"q\.jsonl:2: expected a JSON object with '_id' and 'text'"):
        load_queries(queries)
    queries.write_text('{"_id": "q1", "text": "a"}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"q\.jsonl:2: not valid JSON"):
        load_queries(queries)


def test_eval_stories_cli_on_one_story_and_a_bad_half(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "benchmarks" / "stories" / "01-credit-suisse-ubs", tmp_path / "01-story")
    out = tmp_path / "stories.json"
    result = runner.invoke(app, ["eval", "stories", str(tmp_path), "--half", "tune", "--json-out", str(out)])
    assert result.exit_code == 0, result.output
    numbers = json.loads(out.read_text())
    assert numbers["sentences"] == 12 and 0.0 <= numbers["caught"] <= 1.0 and "misses" in numbers
    result = runner.invoke(app, ["eval", "stories", str(tmp_path), "--half", "bogus"])
    assert result.exit_code != 0 and "--half 'bogus'" in result.output and "spare" in result.output


def test_eval_liar_cli_and_a_missing_file(tmp_path: Path) -> None:
    data = tmp_path / "val.jsonl"
    rows = [
        {"id": 1, "label": "false", "claim": "The city hired 900 officers.", "justification": "It hired 90 officers."},
        {
            "id": 2,
            "label": "true",
            "claim": "The bridge opened in 2019.",
            "justification": "The bridge opened in 2019.",
        },
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "liar.json"
    result = runner.invoke(app, ["eval", "liar", str(data), "--json-out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["clear_cut"] == 2
    result = runner.invoke(app, ["eval", "liar", str(tmp_path / "missing.jsonl")])
    assert result.exit_code != 0 and "cannot read" in result.output
