#!/usr/bin/python3
"""Writes a small sentence-transformer-shaped ONNX model for the ONNX embedding tests.

usage: /usr/bin/python3 tests/tools/write_test_onnx_model.py OUT_DIR --table TABLE.obwv [--words N]

Writes OUT_DIR/vocab.txt ([PAD] [UNK] [CLS] [SEP] [MASK], then the N most frequent words of the bundled word-vector
table, src/Omnichannel.Bots.Knowledge/Embeddings/Data/glove-100d-100k.obwv) and two models over the same embedding
table (the table's dequantized vectors; zero rows for the special tokens):

- OUT_DIR/model.onnx: inputs input_ids and attention_mask (int64 [batch, sequence]; no token_type_ids, so the
  generator must feed only what the model declares), output last_hidden_state = Gather(E, input_ids) * mask
  (float [batch, sequence, dim]);
- OUT_DIR/pooled.onnx: inputs input_ids, attention_mask and token_type_ids, output sentence_embedding = the masked mean
  of the same rows (float [batch, dim]), as models exported with their pooling layer have.

Needs Debian's python3-onnx and python3-numpy (tests/run.sh installs them).
"""

import argparse
import os
import struct
import sys

try:
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper
except ImportError as error:
    print(f"write_test_onnx_model.py: {error}; install Debian's packages: apt-get install python3-onnx python3-numpy",
          file=sys.stderr)
    sys.exit(3)

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def read_string(data, pos):
    length, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        length |= (byte & 0x7F) << shift
        if byte & 0x80 == 0:
            break
        shift += 7
    return data[pos:pos + length].decode("utf-8"), pos + length


def read_table(path):
    """Reads the OBWV table (format in WordVectorTable.cs): words, and dequantized float32 rows."""
    data = open(path, "rb").read()
    if data[:4] != b"OBWV":
        sys.exit(f"write_test_onnx_model.py: {path} is not a word-vector table (no OBWV magic)")
    version, dims, count, _source_size = struct.unpack_from("<4i", data, 4)
    if version != 1:
        sys.exit(f"write_test_onnx_model.py: table version {version} is not supported")
    _source, pos = read_string(data, 20)
    (components,) = struct.unpack_from("<i", data, pos)
    pos += 4 + components * dims * 4
    words = []
    for _ in range(count):
        word, pos = read_string(data, pos)
        words.append(word)
    pos += count * 4  # ranks
    scales = np.frombuffer(data, dtype="<f4", count=count, offset=pos)
    pos += count * 4
    rows = np.frombuffer(data, dtype=np.int8, count=count * dims, offset=pos).reshape(count, dims)
    return words, (rows.astype(np.float32) * scales[:, None]).astype(np.float32)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--table", required=True)
    parser.add_argument("--words", type=int, default=3000)
    args = parser.parse_args()

    words, vectors = read_table(args.table)
    words, vectors = words[:args.words], vectors[:args.words]
    dims = vectors.shape[1]
    table = np.concatenate([np.zeros((len(SPECIAL), dims), dtype=np.float32), vectors])
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "vocab.txt"), "w", encoding="utf-8", newline="\n") as vocab:
        vocab.write("\n".join(SPECIAL + words) + "\n")

    embeddings = numpy_helper.from_array(table, name="embeddings")
    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"])
    mask = helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])
    types = helper.make_tensor_value_info("token_type_ids", TensorProto.INT64, ["batch", "sequence"])
    axes_last = numpy_helper.from_array(np.array([-1], dtype=np.int64), name="axes_last")
    axes_sequence = numpy_helper.from_array(np.array([1], dtype=np.int64), name="axes_sequence")
    common = [
        helper.make_node("Gather", ["embeddings", "input_ids"], ["rows"], axis=0),
        helper.make_node("Cast", ["attention_mask"], ["mask_float"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_float", "axes_last"], ["mask_3d"]),
    ]

    hidden = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", dims])
    graph = helper.make_graph(
        common + [helper.make_node("Mul", ["rows", "mask_3d"], ["last_hidden_state"])],
        "word_table_token_embeddings", [ids, mask], [hidden], initializer=[embeddings, axes_last])
    write(graph, os.path.join(args.out_dir, "model.onnx"))

    pooled = helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", dims])
    graph = helper.make_graph(
        common + [
            helper.make_node("Mul", ["rows", "mask_3d"], ["masked"]),
            helper.make_node("ReduceSum", ["masked", "axes_sequence"], ["summed"], keepdims=0),
            helper.make_node("ReduceSum", ["mask_3d", "axes_sequence"], ["counts"], keepdims=0),
            helper.make_node("Div", ["summed", "counts"], ["sentence_embedding"]),
        ],
        "word_table_sentence_embeddings", [ids, mask, types], [pooled], initializer=[embeddings, axes_last, axes_sequence])
    write(graph, os.path.join(args.out_dir, "pooled.onnx"))
    print(f"wrote {args.out_dir}: vocab.txt ({len(SPECIAL) + len(words)} tokens), model.onnx, pooled.onnx ({dims} dimensions)")


def write(graph, path):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="omnibot-tests")
    model.ir_version = 7
    onnx.checker.check_model(model)
    onnx.save(model, path)


if __name__ == "__main__":
    main()
