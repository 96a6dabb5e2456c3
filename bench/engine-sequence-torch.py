"""Times torch's LSTM and MultiheadAttention, forward and forward+backward, on the workloads of
bench/engine-sequence/main.swift (same sizes, float64 like the engine, CPU); prints JSON
(seconds, fastest of `repeats`). Arguments: key=value sizes, as the Swift side takes them."""
import json
import sys
import time

import torch

torch.set_default_dtype(torch.float64)
sizes = {k: int(v) for k, v in (a.split("=") for a in sys.argv[1:])}
repeats = sizes["repeats"]


def fastest(body):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return min(times)


torch.manual_seed(0)
results = {}
lstm = torch.nn.LSTM(sizes["lstm_input"], sizes["lstm_hidden"])
sequence = torch.randn(sizes["lstm_steps"], sizes["lstm_batch"], sizes["lstm_input"])
results["lstm_forward"] = fastest(lambda: lstm(sequence))


def lstm_step():
    lstm.zero_grad()
    lstm(sequence)[0].sum().backward()


results["lstm_forward_backward"] = fastest(lstm_step)

attention = torch.nn.MultiheadAttention(sizes["mha_embed"], sizes["mha_heads"], batch_first=True)
tokens = torch.randn(sizes["mha_batch"], sizes["mha_tokens"], sizes["mha_embed"], requires_grad=True)
results["mha_forward"] = fastest(lambda: attention(tokens, tokens, tokens))


def mha_step():
    attention.zero_grad()
    tokens.grad = None
    attention(tokens, tokens, tokens)[0].sum().backward()


results["mha_forward_backward"] = fastest(mha_step)
print(json.dumps(results, sort_keys=True))
