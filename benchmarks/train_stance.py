"""Train the stance model shipped as factcheck/data/stance/ (a cross-encoder on all-MiniLM-L6-v2).

    .venv/bin/python benchmarks/train_stance.py [--epochs 2] [--max-minutes 55] [--out DIR]

Data (factcheck.stancesets.training_set): the sets of ../shared/benchmarks/nli/ whose licences let
a trained model ship, read in place — SNLI (CC BY-SA 4.0, e-SNLI's files MIT), CAD-SNLI (Apache
2.0, SNLI text), TaxiNLI/MultiNLI (C-UDA 1.0), FEVER-RTE and FEVER-symmetric v0.1 (CC BY-SA 3.0),
Fool Me Twice (Apache 2.0, Wikipedia text CC BY-SA), WiCE (ODC-BY) — and the contrastive pairs that
factcheck.contrast generates from their supported FEVER, FM2 and WiCE pairs (same licences; the
generator kinds in contrast.HELD_OUT_KINDS are never trained on); labels mapped to
supports / refutes / nei; claim-style
not-enough-info pairs added from FM2's retrieved non-evidence and FEVER claims paired with another
claim's evidence (nlidata.fever_nei). fever-symmetric v0.2 claims are removed; 5 % of claim groups
are held out (seed 0) and scored at the end. Trained: the top TRAINED_LAYERS layers and the head,
and rank-`--adapter-rank` adapters on the lower layers (0: none). Fixed seed, CPU only; bfloat16
autocast where the CPU has native bfloat16 (AVX512-BF16/AMX), float32 elsewhere.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from pathlib import Path

import numpy as np
import torch

from factcheck.evaluate import classification_metrics
from factcheck.nlidata import LABELS, TRAINABLE, Pair
from factcheck.stance import (
    ARTIFACT,
    StanceManifest,
    StanceModel,
    base_path,
    build_network,
    is_adapter,
    quantize,
    uses_bf16,
)
from factcheck.stancesets import generated, training_set

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "benchmarks" / "nli"
MAX_LENGTH = 128
TRAINED_LAYERS = 2
ADAPTER_ALPHA = 32.0  # adapter scale = alpha / rank (LoRA's convention)


def batches(pairs: list[Pair], size: int, seed: int) -> list[list[Pair]]:
    """Batches of similar length (less padding), in a shuffled order."""
    rng = random.Random(seed)
    order = pairs[:]
    rng.shuffle(order)
    out = []
    for start in range(0, len(order), size * 50):
        chunk = sorted(order[start : start + size * 50], key=lambda p: len(p.claim) + len(p.evidence))
        out += [chunk[i : i + size] for i in range(0, len(chunk), size)]
    rng.shuffle(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--epochs", type=float, default=2.0, help="passes over the data (fractions allowed)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=8e-5, help="learning rate of the top layers and the head")
    parser.add_argument("--adapter-rank", type=int, default=16, help="adapters on the lower layers (0: none)")
    parser.add_argument("--adapter-lr", type=float, default=5e-4)
    parser.add_argument("--precision", choices=("auto", "bf16", "fp32"), default="auto")
    parser.add_argument("--max-minutes", type=float, default=55.0, help="stop training after this long")
    parser.add_argument("--out", type=Path, default=ARTIFACT)
    args = parser.parse_args()
    random.seed(0)
    torch.manual_seed(0)
    torch.set_num_threads(max(1, torch.get_num_threads()))

    train, held = training_set(DATA)
    made = sum(p.source.startswith("contrast:") for p in train)
    print(f"{len(train)} training pairs ({made} generated), {len(held)} held out; sets: {', '.join(TRAINABLE)}")
    path = base_path()
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path)
    scale = ADAPTER_ALPHA / args.adapter_rank if args.adapter_rank else 1.0
    net = build_network(path, trained_layers=TRAINED_LAYERS, adapter_rank=args.adapter_rank, adapter_scale=scale)
    trainable = net.trainable()
    for name, parameter in net.named_parameters():
        parameter.requires_grad = name in trainable
    adapters = [p for n, p in trainable.items() if is_adapter(n)]
    rest = [p for n, p in trainable.items() if not is_adapter(n)]
    optimizer = torch.optim.AdamW(
        [{"params": rest}, {"params": adapters, "lr": args.adapter_lr}], lr=args.lr, weight_decay=0.01
    )
    plan = [batches(train, args.batch_size, seed) for seed in range(math.ceil(args.epochs))]
    steps = int(args.epochs * len(plan[0]))
    plan = [epoch[: max(0, steps - i * len(plan[0]))] for i, epoch in enumerate(plan)]
    autocast = "bf16" if uses_bf16(args.precision) else "fp32"
    print(f"{steps} steps, {sum(p.numel() for p in trainable.values())} trained parameters, {autocast}")
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, step / (0.05 * steps)) * max(0.0, 1.0 - step / steps)
    )
    label_index = {label: i for i, label in enumerate(LABELS)}
    start, step = time.monotonic(), 0
    net.train()
    for epoch, epoch_batches in enumerate(plan, start=1):
        for batch in epoch_batches:
            inputs = tokenizer(
                [p.claim for p in batch], [p.evidence for p in batch],
                truncation="only_second", max_length=MAX_LENGTH, padding=True, return_tensors="pt",
            )  # fmt: skip
            target = torch.tensor([label_index[p.label] for p in batch])
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=autocast == "bf16"):
                logits = net(inputs["input_ids"], inputs["attention_mask"], inputs["token_type_ids"])
            loss = torch.nn.functional.cross_entropy(logits.float(), target)
            loss.backward()
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            step += 1
            if step % 200 == 0:
                minutes = (time.monotonic() - start) / 60
                print(f"epoch {epoch} step {step}/{steps} loss {loss.item():.3f} ({minutes:.1f} min)", flush=True)
            if time.monotonic() - start > args.max_minutes * 60:
                break
        else:
            continue
        print(f"stopped at step {step}/{steps}: --max-minutes {args.max_minutes} reached")
        break
    minutes = (time.monotonic() - start) / 60
    trained_on = (
        f"{len(train)} pairs from {', '.join(TRAINABLE)} ({made} of them generated by factcheck.contrast); "
        f"{step} steps, {minutes:.0f} min, {autocast}"
    )
    save(net, args.out, trained_on=trained_on, adapter_rank=args.adapter_rank, adapter_scale=scale)
    model = StanceModel(args.out)
    for name, pairs in (("held-out", held), ("held-out kinds", list(generated(DATA)[1]))):
        probabilities = model.probabilities([(p.claim, p.evidence) for p in pairs])
        predicted = [LABELS[i] for i in np.argmax(probabilities, axis=1)]
        numbers = classification_metrics([p.label for p in pairs], predicted, labels=LABELS)
        print(f"{name} ({len(pairs)} pairs): accuracy {numbers['accuracy']:.3f}, macro-F1 {numbers['macro_f1']:.3f}")


def save(net: torch.nn.Module, out: Path, *, trained_on: str, adapter_rank: int, adapter_scale: float) -> None:
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    save_file(quantize(net.trainable()), str(out / "weights.safetensors"))
    base = "sentence-transformers/all-MiniLM-L6-v2"
    manifest = StanceManifest(base, TRAINED_LAYERS, MAX_LENGTH, LABELS, trained_on, adapter_rank, adapter_scale)
    (out / "manifest.json").write_text(json.dumps(manifest.to_json(), indent=1) + "\n", encoding="utf-8")
    size = (out / "weights.safetensors").stat().st_size / 1e6
    print(f"wrote {out} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
