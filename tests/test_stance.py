"""The stance model's say in a verdict (pure verify tests with stances set by hand), its plumbing,
the NLI data loaders, and the shipped model itself."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from factcheck import Evidence, Label, Source
from factcheck.nlidata import Pair, label_of, split_held_out
from factcheck.stance import LABELS, attach, load_stance
from factcheck.verify import verify

from .conftest import SHARED
from .test_verify import SETTINGS, claim_of, evidence

SUPPORTS, REFUTES, NEI = (0.9, 0.05, 0.05), (0.05, 0.9, 0.05), (0.05, 0.05, 0.9)


def with_stance(ev: Evidence, stance: tuple[float, float, float]) -> Evidence:
    return dataclasses.replace(ev, stance=stance)


def label(claim: str, *items: Evidence) -> tuple[Label, set[str]]:
    verdict = verify(claim_of(claim), list(items), as_of=None, settings=SETTINGS)
    return verdict.label, {c.name for c in verdict.rationale}


def test_a_refuting_stance_contradicts_a_merely_similar_passage() -> None:
    text = "The festival was cancelled because of the storm."
    # similar words are not support
    assert label("The festival went ahead despite the storm.", evidence(text))[0] is Label.NOT_ENOUGH_EVIDENCE
    got, checks = label("The festival went ahead despite the storm.", with_stance(evidence(text), REFUTES))
    assert got is Label.CONTRADICTED and "stance_refutes" in checks


def test_a_not_addressed_stance_withholds_support_from_similar_words() -> None:
    got, checks = label("The festival drew record crowds.", with_stance(evidence("The festival drew crowds."), NEI))
    assert got is Label.NOT_ENOUGH_EVIDENCE and "stance_nei" in checks


def test_a_supporting_stance_supports_a_passage_under_the_similarity_threshold() -> None:
    weak = evidence("Organisers said the event went ahead as planned.", dense=0.5, fuzzy=0.3)
    assert label("The festival took place.", weak)[0] is Label.NOT_ENOUGH_EVIDENCE
    got, checks = label("The festival took place.", with_stance(weak, SUPPORTS))
    assert got is Label.SUPPORTED and "stance_supports" in checks


def test_deterministic_checks_keep_their_say() -> None:
    numbers = "MAX has about 55 million users."
    assert label("MAX has about 85 million users.", with_stance(evidence(numbers), SUPPORTS))[0] is Label.CONTRADICTED
    assert label("MAX has about 55 million users.", with_stance(evidence(numbers), REFUTES))[0] is Label.SUPPORTED
    scope = "WhatsApp was Russia's most popular messaging app."
    got, _ = label(
        "WhatsApp, the world's most popular messaging app, was blocked.", with_stance(evidence(scope), REFUTES)
    )
    assert got is Label.MISLEADING


class FixedStance:
    """A stand-in model for plumbing tests: the same probabilities for every pair."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        self.seen += list(pairs)
        return np.tile(np.asarray(SUPPORTS, dtype=np.float32), (len(pairs), 1))


def test_attach_scores_the_top_passages_in_one_batch_and_skips_rated_reviews() -> None:
    review = dataclasses.replace(
        evidence("MAX has 85 million users."),
        source=Source(id="r", title="t", text="x", kind="fact_check", rating="False"),
    )
    items = [[evidence("a b c d"), review, evidence("e f g h"), evidence("i j k l")], [evidence("m n o p")]]
    model = FixedStance()
    out = attach(model, ["claim one", "claim two"], items, top_k=3)  # type: ignore[arg-type]
    assert [e.stance is not None for e in out[0]] == [True, False, True, False] and out[1][0].stance == SUPPORTS
    assert model.seen == [("claim one", "a b c d"), ("claim one", "e f g h"), ("claim two", "m n o p")]


def test_labels_map_to_three_and_held_out_keeps_claims_whole() -> None:
    assert [label_of(x, where="t") for x in ("entailment", "NEUTRAL", "contradiction", "REFUTES", "not_supported")] == [
        "supports", "nei", "refutes", "refutes", "nei",
    ]  # fmt: skip
    pairs = [Pair(f"claim {i % 40}", f"evidence {i}", "supports", "t") for i in range(400)]
    train, held = split_held_out(pairs, share=0.1)
    assert len(train) + len(held) == 400 and not {p.claim for p in train} & {p.claim for p in held}
    assert {p.claim for p in held}


@pytest.mark.skipif(not (SHARED / "benchmarks" / "nli").exists(), reason="../shared/benchmarks/nli is not here")
def test_training_pairs_load_from_the_shared_sets() -> None:
    from factcheck.nlidata import fever_symmetric, training_pairs

    root = SHARED / "benchmarks" / "nli"
    pairs = training_pairs(root)
    assert {p.label for p in pairs} == set(LABELS) and len(pairs) > 50_000
    assert not {p.claim for p in fever_symmetric(root, split="dev")} & {p.claim for p in pairs}


@pytest.mark.skipif(load_stance() is None, reason="no stance model is installed")
def test_the_shipped_model_reads_a_figure_and_a_negation() -> None:
    model = load_stance()
    assert model is not None
    pairs = [
        ("MAX has about 55 million users.", "MAX, a state-backed app, has about 55 million users."),
        ("Russia never blocked WhatsApp.", "Russia blocked WhatsApp on Thursday, the regulator said."),
        ("The central bank raised interest rates.", "Telegram has about 60 million daily users in Russia."),
    ]
    p = model.probabilities(pairs)
    assert p.shape == (3, 3) and np.allclose(p.sum(axis=1), 1.0, atol=1e-3)
    assert [LABELS[i] for i in p.argmax(axis=1)] == ["supports", "refutes", "nei"]


def test_stance_is_in_the_evidence_json() -> None:
    ev = with_stance(evidence("x y z"), SUPPORTS)
    assert ev.to_dict()["stance"] == {"supports": 0.9, "refutes": 0.05, "nei": 0.05}
    assert evidence("x y z").to_dict()["stance"] is None


def test_a_missing_artifact_means_no_model(tmp_path: Path) -> None:
    load_stance.cache_clear()
    assert load_stance(tmp_path) is None


def test_calibration_maps_confidence_monotonically_per_label_and_keeps_the_label() -> None:
    from factcheck.calibration import Calibration, Platt
    from factcheck.errors import ModelError

    calibration = Calibration({"contradicted": Platt(4.0, -2.0), "supported": Platt(2.0, 0.0)})
    values = [calibration.apply(c, "contradicted") for c in (0.1, 0.5, 0.9)]
    assert values == sorted(values) and values[1] == 0.5 and all(0.0 < v < 1.0 for v in values)
    assert calibration.apply(0.5, "supported") == round(1 / (1 + math.exp(-1.0)), 4)  # its own fit
    assert calibration.apply(0.37, "misleading") == 0.37  # no fit: unchanged
    assert Calibration.from_json(calibration.to_json()) == calibration
    with pytest.raises(ModelError, match="calibration format"):
        Calibration.from_json({"format": "other"})
    with pytest.raises(ModelError, match="malformed by_label"):
        Calibration.from_json({"format": calibration.to_json()["format"], "by_label": {"supported": {"a": 1}}})
    by_model = (
        claim_of("The festival went ahead despite the storm."),
        [with_stance(evidence("The festival was cancelled because of the storm."), REFUTES)],
    )
    raw = verify(*by_model, as_of=None, settings=SETTINGS)
    calibrated = verify(*by_model, as_of=None, settings=SETTINGS, calibration=calibration)
    assert calibrated.label is raw.label is Label.CONTRADICTED
    assert calibrated.confidence == calibration.apply(raw.confidence, "contradicted")
    # A figure that disagrees decided this one: it keeps verify's own confidence.
    by_rule = claim_of("MAX has about 85 million users."), [evidence("MAX has about 55 million users.")]
    assert verify(*by_rule, as_of=None, settings=SETTINGS, calibration=calibration) == verify(
        *by_rule, as_of=None, settings=SETTINGS
    )


def test_adapters_merged_at_load_give_the_trained_network_s_outputs(tmp_path: Path) -> None:
    """Training runs the lower layers as W·x + scale·B·A·x; the loaded model folds B·A into W.
    Both must give the same stance for the same pair, through the saved artifact."""
    import json

    import torch
    from safetensors.torch import save_file

    from factcheck.stance import StanceManifest, StanceModel, base_path, build_network, quantize

    torch.manual_seed(0)
    trained = build_network(base_path(), trained_layers=2, adapter_rank=4, adapter_scale=2.0)
    weights = trained.trainable()
    assert any(".layer.0." in n and n.endswith(".lora_B") for n in weights)
    assert not any(".layer.0." in n and n.endswith(".weight") for n in weights)  # the base stays frozen
    with torch.no_grad():
        for name, parameter in weights.items():
            if name.endswith(".lora_B"):
                parameter.normal_(0.0, 0.05)  # a non-zero update, as after training
        trained.head.weight.mul_(50.0)  # a decisive head, so that the probabilities show any change
    manifest = StanceManifest("all-MiniLM-L6-v2", 2, 64, adapter_rank=4, adapter_scale=2.0)
    (tmp_path / "manifest.json").write_text(json.dumps(manifest.to_json()))

    from transformers import AutoTokenizer

    pair = ("MAX has about 55 million users.", "MAX, a state-backed app, has about 55 million users.")
    batch = AutoTokenizer.from_pretrained(base_path())(*pair, return_tensors="pt")
    trained.eval()

    def run() -> np.ndarray:
        with torch.inference_mode():
            logits = trained(batch["input_ids"], batch["attention_mask"], batch["token_type_ids"])
        return torch.softmax(logits, -1).numpy()[0]

    expected = run()
    save_file(quantize(weights), str(tmp_path / "weights.safetensors"))
    loaded = StanceModel(tmp_path).probabilities([pair])[0]
    with torch.no_grad():
        for name, parameter in weights.items():
            if name.endswith(".lora_B"):
                parameter.zero_()
    without_adapters = run()
    # int8 storage of the top layers costs a little; leaving the adapters out costs far more
    assert np.abs(loaded - expected).max() < 0.06 < np.abs(without_adapters - expected).max()


def test_weights_that_do_not_fit_the_manifest_are_refused(tmp_path: Path) -> None:
    import json

    import torch
    from safetensors.torch import save_file

    from factcheck.errors import ModelError
    from factcheck.stance import StanceManifest, StanceModel

    save_file({"encoder.no.such.weight": torch.zeros(2)}, str(tmp_path / "weights.safetensors"))
    (tmp_path / "manifest.json").write_text(json.dumps(StanceManifest("m", 2, 64).to_json()))
    with pytest.raises(ModelError, match="do not fit the manifest"):
        StanceModel(tmp_path).probabilities([("a", "b")])


def test_liar_pairs_set_clear_cut_claims_against_their_own_justification(tmp_path: Path) -> None:
    import json

    from factcheck.stancesets import liar_pairs

    rows = [
        {"id": 1, "label": "true", "claim": "Says the budget doubled.", "justification": "It did double.\n"},
        {"id": 2, "label": "pants-fire", "claim": "Cats can fly.", "justification": "They cannot."},
        {"id": 3, "label": "half-true", "claim": "Mixed.", "justification": "Partly."},
        {"id": 4, "label": "false", "claim": "No summary.", "justification": "  "},
    ]
    (tmp_path / "liar-plus").mkdir()
    (tmp_path / "liar-plus" / "val2.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    pairs = liar_pairs(tmp_path / "nli")
    assert [(p.claim, p.evidence, p.label) for p in pairs] == [
        ("The budget doubled.", "It did double.", "supports"),
        ("Cats can fly.", "They cannot.", "refutes"),
    ]
    assert [p.claim for p in liar_pairs(tmp_path / "nli", part=slice(1, None, 2))] == ["Cats can fly."]


def test_evaluate_stance_reports_recall_precision_and_accuracy_per_source() -> None:
    from factcheck.harness import evaluate_stance

    class Fixed:  # plumbing only: a model that always reads support
        def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
            return np.tile(np.array(SUPPORTS), (len(pairs), 1))

    pairs = [
        Pair("a", "b", "supports", "contrast:word_number"),
        Pair("c", "d", "refutes", "contrast:figure"),
        Pair("e", "f", "supports", "contrast:figure"),
    ]
    numbers = evaluate_stance(pairs, Fixed())  # type: ignore[arg-type]
    assert numbers["accuracy_by_source"] == {"contrast:figure": 0.5, "contrast:word_number": 1.0}
    assert numbers["recall"] == {"supports": 1.0, "refutes": 0.0}
    assert numbers["precision"] == {"supports": 2 / 3, "refutes": 0.0}


def test_names_matched_in_a_passage_the_model_reads_as_refuting_are_no_support() -> None:
    claim = "Simon Stiell praised the agreement reached in Dubai."
    passage = "Simon Stiell criticised the agreement reached in Dubai."
    got, checks = label(claim, with_stance(evidence(passage), REFUTES))
    assert got is Label.NOT_ENOUGH_EVIDENCE and {"person_match", "stance_refutes"} <= checks
    # nor are they where the model reads the passage as saying nothing about the claim
    assert label(claim, with_stance(evidence(passage), NEI))[0] is Label.NOT_ENOUGH_EVIDENCE
