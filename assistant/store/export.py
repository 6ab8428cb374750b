"""Export the bundled all-MiniLM-L6-v2 weights to one ONNX file, once per model, for ONNX Runtime to run.

This is the only module that imports torch, and only the first build on a machine (or a build that finds the
exported file missing or damaged) runs it. The graph holds the whole sentence-transformers pipeline after
tokenising: the transformer, mean pooling over real tokens and L2 normalisation, so the query path is one
`session.run` and a numpy copy. `tests/store/test_encoder.py` checks it agrees with sentence-transformers.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

from assistant.store.embedding import INPUTS, OUTPUT, model_identity
from assistant.store.checksums import file_sha256

OPSET = 17


def export_onnx(target: Path) -> Path:
    """Write the ONNX model to `target` (atomically: a crash leaves no half-written file) with a sidecar
    `<target>.json` recording its sha256 and the model it came from."""
    import torch
    from transformers import AutoModel

    from assistant.config import model_path

    class SentenceEmbedding(torch.nn.Module):
        """Transformer → mean of the token vectors under the attention mask → unit length."""

        def __init__(self, transformer):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                      token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    model = SentenceEmbedding(AutoModel.from_pretrained(str(model_path()))).eval()
    example = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS} | {OUTPUT: {0: "batch"}}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the exporter's notes on its own internals mean nothing to a user
        torch.onnx.export(model, (example, example, torch.zeros_like(example)), str(partial),
                          input_names=list(INPUTS), output_names=[OUTPUT], dynamic_axes=axes,
                          opset_version=OPSET, dynamo=False)
    sidecar = {"sha256": file_sha256(partial), "bytes": partial.stat().st_size, "model": model_identity(),
               "opset": OPSET, "torch": torch.__version__}
    Path(str(partial) + ".json").write_text(json.dumps(sidecar, indent=1))
    os.replace(str(partial) + ".json", str(target) + ".json")
    os.replace(partial, target)
    return target
