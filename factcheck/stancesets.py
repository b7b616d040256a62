"""The pair sets the stance model is trained and measured on, by name (`factcheck eval stance NAME`).

Training (`training_set`): the shippable NLI and fact-verification sets (`nlidata.TRAINABLE`) and
the contrastive pairs generated from them (`contrast`), less the generator kinds held out. A 5 %
slice of claim groups is held out of both. Measured, never trained on:

    held-out              the 5 % slice of the data sets (as the first shipped model was measured)
    held-out-generated    the 5 % slice of the generated pairs of trained kinds
    held-out-kinds        generated pairs of the kinds never trained on (contrast.HELD_OUT_KINDS)
    fever-symmetric-dev   FEVER-symmetric v0.2 dev (its claims are removed from training)
    healthver-test/dev    HealthVer (COVID science; evaluation only)
    liar-val2[-odd]       LIAR-PLUS val2 claims (less PolitiFact's leading 'Says') against their
                          own fact-check summary: true and mostly-true as supports, false and
                          pants-fire as refutes (evaluation only)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .evaluate import PARTS
from .nlidata import Pair, fever_symmetric, healthver, split_held_out, training_pairs


@lru_cache(maxsize=2)
def generated(root: Path) -> tuple[tuple[Pair, ...], tuple[Pair, ...]]:
    """(trainable kinds, held-out kinds) of the contrastive pairs built from `root`'s sets."""
    from . import contrast
    from .mentions import _load_spacy

    made = contrast.generate(contrast.base_pairs(root), nlp=_load_spacy())
    trainable, held = contrast.split_kinds(made)
    return tuple(trainable), tuple(held)


def training_set(root: Path) -> tuple[list[Pair], list[Pair]]:
    """(train, held out): data sets and trainable generated pairs, whole claim groups held out."""
    return split_held_out([*training_pairs(root), *generated(root)[0]])


def liar_pairs(root: Path, *, part: slice = slice(None)) -> list[Pair]:
    """LIAR-PLUS val2's clear-cut claims against their own justification (read from
    `root/../liar-plus/val2.jsonl`)."""
    from .liar import FALSE, HOLDS, load_liar, statement_of

    rows = load_liar(root.parent / "liar-plus" / "val2.jsonl")[part]
    labels = {**dict.fromkeys(HOLDS, "supports"), **dict.fromkeys(FALSE, "refutes")}
    return [
        Pair(statement_of(r.claim), r.justification.strip(), labels[r.rating], "liar-plus", r.id)
        for r in rows
        if r.rating in labels and r.justification.strip()
    ]


def _held_out_generated(root: Path) -> list[Pair]:
    return [p for p in training_set(root)[1] if p.source.startswith("contrast:")]


def _held_out_data(root: Path) -> list[Pair]:
    return split_held_out(training_pairs(root))[1]


STANCE_SETS: dict[str, Callable[[Path], list[Pair]]] = {
    "held-out": _held_out_data,
    "held-out-generated": _held_out_generated,
    "held-out-kinds": lambda root: list(generated(root)[1]),
    "fever-symmetric-dev": lambda root: list(fever_symmetric(root, split="dev")),
    "healthver-test": lambda root: list(healthver(root, split="test")),
    "healthver-dev": lambda root: list(healthver(root, split="dev")),
    "liar-val2": liar_pairs,
    "liar-val2-odd": lambda root: liar_pairs(root, part=PARTS["odd"]),
}
