"""Reference cases for TallyEngine's layers, from real PyTorch (float64, CPU).

Normalisation (layer_norm, group_norm, BatchNorm2d), embedding, conv2d (stride, padding,
dilation, groups), max/avg pooling (padding, ceil_mode), the recurrent cells and sequence
models (RNN, LSTM, GRU) and attention (scaled_dot_product_attention, MultiheadAttention).

Every case's inputs include the layer's parameters, so the engine sets the same weights, and an
`upstream.<output>` array per differentiable output: the loss differentiated is
Σ_outputs Σ output ⊙ upstream.<output>, so gradients are not the degenerate ones of a plain sum
(which vanish through a normalisation). `gradients` holds d loss / d input for the inputs that
are differentiable (data and parameters; not indices, masks or running statistics).

Writes reference/cases/torch_layers.json (format: Tests/TallyEngineTests/ReferenceCases.swift).
Rerun: /path/to/python-with-torch reference/torch_layers.py
"""
import json
import math
import pathlib

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
GENERATOR = torch.Generator().manual_seed(20261130)
OUTPUT = pathlib.Path(__file__).resolve().parent / "cases" / "torch_layers.json"
CASES = []


def randn(*shape):
    return torch.randn(*shape, generator=GENERATOR)


def array(t):
    t = t.detach().to(torch.float64)
    def number(x):
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return x
    return {"shape": list(t.shape), "data": [number(x) for x in t.reshape(-1).tolist()]}


def case(name, inputs, options, forward, constant=()):
    """Runs forward(tensors) -> (differentiable outputs, other outputs) and records the case.

    inputs: name -> tensor; those not in `constant` require gradients. forward gets fresh
    leaf tensors and returns two dicts of outputs.
    """
    leaves = {k: v.detach().clone().requires_grad_(k not in constant) for k, v in inputs.items()}
    outputs, extra = forward(leaves)
    upstream = {k: randn(*v.shape) for k, v in outputs.items()}
    loss = sum((v * upstream[k]).sum() for k, v in outputs.items())
    loss.backward()
    record_inputs = {k: array(v) for k, v in inputs.items()}
    record_inputs.update({"upstream." + k: array(v) for k, v in upstream.items()})
    CASES.append({
        "name": name,
        "inputs": record_inputs,
        "options": options,
        "outputs": {k: array(v) for k, v in {**outputs, **extra}.items()},
        "gradients": {k: array(v.grad) for k, v in leaves.items() if k not in constant},
    })


def pair(v):
    return list(v) if isinstance(v, (tuple, list)) else [v, v]


# Normalisation -------------------------------------------------------------------------------

def layer_norm_cases():
    for name, shape, normalized, affine, bias, eps in [
        ("rows", [4, 5], [5], True, True, 1e-5),
        ("last-two-axes", [2, 3, 4], [3, 4], True, True, 1e-5),
        ("last-axis-of-3d", [2, 3, 4], [4], True, True, 1e-5),
        ("no-affine", [3, 6], [6], False, False, 1e-5),
        ("no-bias", [3, 5], [5], True, False, 1e-5),
        ("eps", [3, 4], [4], True, True, 1e-2),
        ("vector", [7], [7], True, True, 1e-5),
    ]:
        inputs = {"x": randn(*shape) * 3 + 1}
        if affine:
            inputs["weight"] = randn(*normalized)
        if bias:
            inputs["bias"] = randn(*normalized)
        case(f"layer_norm/{name}", inputs, {"normalizedShape": normalized, "eps": eps, "affine": affine, "bias": bias},
             lambda t: ({"y": F.layer_norm(t["x"], normalized, t.get("weight"), t.get("bias"), eps)}, {}))


def group_norm_cases():
    for name, shape, groups, affine in [
        ("two-groups", [2, 4, 3, 3], 2, True),
        ("one-group", [2, 3, 2, 2], 1, True),
        ("instance", [2, 3, 2, 3], 3, True),
        ("no-spatial", [3, 6], 3, False),
        ("one-spatial-axis", [2, 4, 5], 2, True),
    ]:
        inputs = {"x": randn(*shape) * 2 - 0.5}
        if affine:
            inputs["weight"] = randn(shape[1])
            inputs["bias"] = randn(shape[1])
        case(f"group_norm/{name}", inputs, {"numGroups": groups, "eps": 1e-5, "affine": affine},
             lambda t: ({"y": F.group_norm(t["x"], groups, t.get("weight"), t.get("bias"), 1e-5)}, {}))


def batch_norm2d_cases():
    # (name, shape, training, momentum, affine, track_running_stats, batches before the measured one)
    for name, shape, training, momentum, affine, track, earlier in [
        ("train", [3, 2, 3, 3], True, 0.1, True, True, 0),
        ("train-momentum", [2, 3, 2, 2], True, 0.3, True, True, 0),
        ("train-no-affine", [4, 2, 2, 1], True, 0.1, False, True, 0),
        ("train-three-batches", [2, 2, 3, 2], True, 0.1, True, True, 2),
        ("train-cumulative-average", [2, 2, 2, 3], True, None, True, True, 2),
        ("eval", [2, 3, 2, 2], False, 0.1, True, True, 0),
        ("eval-without-running-stats", [3, 2, 2, 2], False, 0.1, True, False, 0),
    ]:
        c = shape[1]
        inputs = {"x": randn(*shape) * 2 + 0.5}
        if track:
            inputs.update({"running_mean": randn(c) * 0.1, "running_var": randn(c).abs() + 0.5})
        for k in range(earlier):
            inputs[f"earlier{k}"] = randn(*shape) * 1.5 - 0.2
        if affine:
            inputs["weight"] = randn(c)
            inputs["bias"] = randn(c)

        def forward(t, c=c, momentum=momentum, affine=affine, track=track, training=training, earlier=earlier):
            layer = torch.nn.BatchNorm2d(c, momentum=momentum, affine=affine, track_running_stats=track)
            if track:
                with torch.no_grad():
                    layer.running_mean.copy_(t["running_mean"])
                    layer.running_var.copy_(t["running_var"])
            load(layer, t)
            layer.train(training)
            for k in range(earlier):
                layer(t[f"earlier{k}"])
            y = layer(t["x"])
            stats = {"running_mean": layer.running_mean.clone(), "running_var": layer.running_var.clone()} if track else {}
            return {"y": y}, stats
        options = {"training": training, "eps": 1e-5, "affine": affine, "trackRunningStats": track, "earlierBatches": earlier}
        if momentum is not None:
            options["momentum"] = momentum
        case(f"batch_norm2d/{name}", inputs, options, forward,
             constant=("running_mean", "running_var") + tuple(f"earlier{k}" for k in range(earlier)))


def embedding_cases():
    for name, indices, rows, padding in [
        ("vector", [2, 0, 3, 2], 5, None),
        ("matrix", [[1, 4, 4], [0, 2, 1]], 5, None),
        ("padding", [[0, 1, 0], [3, 0, 2]], 4, 0),
    ]:
        inputs = {"indices": torch.tensor(indices, dtype=torch.float64), "weight": randn(rows, 3)}
        options = {} if padding is None else {"paddingIdx": padding}
        case(f"embedding/{name}", inputs, options,
             lambda t: ({"y": F.embedding(t["indices"].long(), t["weight"], padding_idx=padding)}, {}),
             constant=("indices",))


# Convolution and pooling ---------------------------------------------------------------------

def conv2d_cases():
    for name, x_shape, w_shape, bias, stride, padding, dilation, groups in [
        ("plain", [2, 3, 5, 5], [4, 3, 3, 3], True, 1, 0, 1, 1),
        ("stride-per-axis", [1, 2, 6, 7], [3, 2, 3, 2], True, (2, 1), 0, 1, 1),
        ("padding-per-axis", [2, 2, 4, 5], [2, 2, 3, 3], True, 1, (1, 2), 1, 1),
        ("dilation", [1, 2, 7, 7], [2, 2, 3, 3], True, 1, 1, 2, 1),
        ("dilation-per-axis", [1, 1, 6, 8], [2, 1, 2, 3], False, (1, 2), 0, (2, 1), 1),
        ("groups", [2, 4, 5, 5], [6, 2, 3, 3], True, 1, 1, 1, 2),
        ("depthwise", [1, 3, 5, 4], [3, 1, 3, 3], True, 2, 1, 1, 3),
        ("no-bias", [2, 2, 4, 4], [3, 2, 2, 2], False, 2, 0, 1, 1),
        ("stride-beyond-kernel", [1, 1, 9, 9], [2, 1, 2, 2], True, 3, 1, 1, 1),
        ("all-options", [2, 4, 8, 9], [4, 2, 3, 2], True, (2, 3), (1, 2), (2, 1), 2),
        ("large-blas", [2, 8, 16, 16], [16, 8, 3, 3], True, 1, 1, 1, 1),
    ]:
        inputs = {"x": randn(*x_shape), "weight": randn(*w_shape) * 0.5}
        if bias:
            inputs["bias"] = randn(w_shape[0])
        options = {"stride": pair(stride), "padding": pair(padding), "dilation": pair(dilation), "groups": groups}
        case(f"conv2d/{name}", inputs, options,
             lambda t: ({"y": F.conv2d(t["x"], t["weight"], t.get("bias"), stride, padding, dilation, groups)}, {}))
    # An image with channels but no batch axis.
    inputs = {"x": randn(2, 5, 4), "weight": randn(3, 2, 2, 2), "bias": randn(3)}
    case("conv2d/unbatched", inputs, {"stride": [1, 1], "padding": [1, 0], "dilation": [1, 1], "groups": 1},
         lambda t: ({"y": F.conv2d(t["x"], t["weight"], t["bias"], 1, (1, 0))}, {}))


def pooling_cases():
    for name, shape, kernel, stride, padding, dilation, ceil in [
        ("plain", [1, 2, 4, 4], 2, None, 0, 1, False),
        ("padding", [2, 1, 5, 5], 3, 2, 1, 1, False),
        ("ceil-mode", [1, 2, 5, 6], 2, 2, 0, 1, True),
        ("ceil-mode-padding", [1, 1, 6, 6], 3, 2, 1, 1, True),
        ("per-axis", [1, 2, 7, 6], (3, 2), (2, 1), (1, 0), 1, False),
        ("dilation", [1, 1, 7, 7], 2, 2, 0, 2, True),
        ("unbatched", [3, 5, 4], 2, 1, 1, 1, False),
    ]:
        options = {"kernelSize": pair(kernel), "stride": pair(stride if stride is not None else kernel),
                   "padding": pair(padding), "dilation": pair(dilation), "ceilMode": ceil}
        case(f"max_pool2d/{name}", {"x": randn(*shape)}, options,
             lambda t: ({"y": F.max_pool2d(t["x"], kernel, stride, padding, dilation, ceil_mode=ceil)}, {}))
    for name, shape, kernel, stride, padding, ceil, include in [
        ("plain", [1, 2, 4, 4], 2, None, 0, False, True),
        ("padding-counted", [2, 1, 5, 5], 3, 2, 1, False, True),
        ("padding-not-counted", [2, 1, 5, 5], 3, 2, 1, False, False),
        ("ceil-mode", [1, 2, 5, 6], 2, 2, 0, True, True),
        ("ceil-mode-padding", [1, 1, 6, 7], 3, 2, 1, True, True),
        ("ceil-mode-padding-not-counted", [1, 1, 6, 7], 3, 2, 1, True, False),
        ("per-axis", [1, 2, 7, 6], (3, 2), (2, 1), (1, 0), False, True),
    ]:
        options = {"kernelSize": pair(kernel), "stride": pair(stride if stride is not None else kernel),
                   "padding": pair(padding), "ceilMode": ceil, "countIncludePad": include}
        case(f"avg_pool2d/{name}", {"x": randn(*shape)}, options,
             lambda t: ({"y": F.avg_pool2d(t["x"], kernel, stride, padding, ceil_mode=ceil, count_include_pad=include)}, {}))


# Recurrent layers ----------------------------------------------------------------------------

def module_inputs(module, scale=1.0):
    """Fresh random values for every parameter (not torch's init: the cases should not depend on
    its random stream), under the names of named_parameters()."""
    return {name: randn(*p.shape) * scale for name, p in module.named_parameters()}


def load(module, t):
    """Sets the module's parameters to the case's values; the new parameters replace the leaves
    in `t`, so that their gradients are the ones recorded."""
    for name, _ in list(module.named_parameters()):
        owner, attribute = module, name
        if "." in name:
            path, attribute = name.rsplit(".", 1)
            owner = module.get_submodule(path)
        t[name] = torch.nn.Parameter(t[name].detach().clone())
        setattr(owner, attribute, t[name])


def cell_cases():
    specs = [
        ("rnn_cell/tanh", lambda: torch.nn.RNNCell(3, 4), [5, 3], True, {"nonlinearity": "tanh", "bias": True}),
        ("rnn_cell/relu", lambda: torch.nn.RNNCell(3, 4, nonlinearity="relu"), [5, 3], True, {"nonlinearity": "relu", "bias": True}),
        ("rnn_cell/no-bias-zero-state", lambda: torch.nn.RNNCell(2, 3, bias=False), [4, 2], False, {"nonlinearity": "tanh", "bias": False}),
        ("lstm_cell/state", lambda: torch.nn.LSTMCell(3, 4), [5, 3], True, {"bias": True}),
        ("lstm_cell/zero-state", lambda: torch.nn.LSTMCell(4, 3), [2, 4], False, {"bias": True}),
        ("lstm_cell/no-bias", lambda: torch.nn.LSTMCell(2, 3, bias=False), [3, 2], True, {"bias": False}),
        ("lstm_cell/unbatched", lambda: torch.nn.LSTMCell(3, 2), [3], True, {"bias": True}),
        ("gru_cell/state", lambda: torch.nn.GRUCell(3, 4), [5, 3], True, {"bias": True}),
        ("gru_cell/zero-state", lambda: torch.nn.GRUCell(2, 5), [3, 2], False, {"bias": True}),
        ("gru_cell/unbatched-no-bias", lambda: torch.nn.GRUCell(3, 2, bias=False), [3], True, {"bias": False}),
    ]
    for name, make, x_shape, with_state, options in specs:
        module = make()
        lstm = isinstance(module, torch.nn.LSTMCell)
        state_shape = x_shape[:-1] + [module.hidden_size]
        inputs = {"x": randn(*x_shape), **module_inputs(module, 0.6)}
        if with_state:
            inputs["h0"] = randn(*state_shape)
            if lstm:
                inputs["c0"] = randn(*state_shape)
        options = {**options, "inputSize": module.input_size, "hiddenSize": module.hidden_size}

        def forward(t, module=module, lstm=lstm, with_state=with_state):
            load(module, t)
            if lstm:
                h, c = module(t["x"], (t["h0"], t["c0"]) if with_state else None)
                return {"h": h, "c": c}, {}
            return {"h": module(t["x"], t["h0"] if with_state else None)}, {}
        case(name, inputs, options, forward)


def sequence_cases():
    specs = [
        ("rnn/one-layer", torch.nn.RNN, dict(input_size=3, hidden_size=4), [5, 2, 3], False),
        ("rnn/two-layers-relu-state", torch.nn.RNN, dict(input_size=3, hidden_size=3, num_layers=2, nonlinearity="relu"), [4, 2, 3], True),
        ("rnn/bidirectional-batch-first", torch.nn.RNN, dict(input_size=2, hidden_size=3, bidirectional=True, batch_first=True), [2, 5, 2], True),
        ("lstm/one-layer", torch.nn.LSTM, dict(input_size=3, hidden_size=4), [6, 2, 3], False),
        ("lstm/state-batch-first", torch.nn.LSTM, dict(input_size=3, hidden_size=2, batch_first=True), [3, 4, 3], True),
        ("lstm/two-layers-bidirectional", torch.nn.LSTM, dict(input_size=2, hidden_size=3, num_layers=2, bidirectional=True), [4, 2, 2], True),
        ("lstm/unbatched-no-bias", torch.nn.LSTM, dict(input_size=3, hidden_size=2, bias=False), [5, 3], False),
        ("gru/one-layer", torch.nn.GRU, dict(input_size=3, hidden_size=4), [5, 2, 3], False),
        ("gru/two-layers-state-batch-first", torch.nn.GRU, dict(input_size=2, hidden_size=3, num_layers=2, batch_first=True), [3, 4, 2], True),
        ("gru/bidirectional-unbatched", torch.nn.GRU, dict(input_size=3, hidden_size=2, bidirectional=True), [4, 3], True),
    ]
    for name, kind, settings, x_shape, with_state in specs:
        module = kind(**settings)
        lstm = kind is torch.nn.LSTM
        directions = 2 if module.bidirectional else 1
        batch = [] if len(x_shape) == 2 else [x_shape[0] if module.batch_first else x_shape[1]]
        state_shape = [module.num_layers * directions] + batch + [module.hidden_size]
        inputs = {"x": randn(*x_shape), **module_inputs(module, 0.5)}
        if with_state:
            inputs["h0"] = randn(*state_shape)
            if lstm:
                inputs["c0"] = randn(*state_shape)
        options = {"inputSize": module.input_size, "hiddenSize": module.hidden_size, "numLayers": module.num_layers,
                   "bias": module.bias, "batchFirst": module.batch_first, "bidirectional": module.bidirectional,
                   "nonlinearity": getattr(module, "nonlinearity", "tanh")}

        def forward(t, module=module, lstm=lstm, with_state=with_state):
            load(module, t)
            if lstm:
                output, (h, c) = module(t["x"], (t["h0"], t["c0"]) if with_state else None)
                return {"output": output, "hN": h, "cN": c}, {}
            output, h = module(t["x"], t["h0"] if with_state else None)
            return {"output": output, "hN": h}, {}
        case(name, inputs, options, forward)


# Attention -----------------------------------------------------------------------------------

def attention_cases():
    allowed = torch.tensor([[True, False, True, True, False], [True, True, False, True, True],
                            [False, True, True, True, True]])
    specs = [
        ("plain", [2, 3, 4], [2, 5, 4], [2, 5, 4], None, False, None),
        ("heads-value-width", [2, 2, 3, 4], [2, 2, 5, 4], [2, 2, 5, 6], None, False, None),
        ("causal", [2, 4, 3], [2, 4, 3], [2, 4, 3], None, True, None),
        ("causal-rectangular", [1, 3, 4], [1, 5, 4], [1, 5, 2], None, True, None),
        ("float-mask", [2, 3, 4], [2, 5, 4], [2, 5, 4], "float", False, None),
        ("boolean-mask", [2, 3, 4], [2, 5, 4], [2, 5, 4], "bool", False, None),
        ("scale", [3, 4], [5, 4], [5, 3], None, False, 0.7),
    ]
    for name, q, k, v, mask, causal, scale in specs:
        inputs = {"query": randn(*q), "key": randn(*k), "value": randn(*v)}
        options = {"isCausal": causal}
        if scale is not None:
            options["scale"] = scale
        constant = ()
        if mask == "float":
            inputs["attnMask"] = randn(q[-2], k[-2])
            constant = ("attnMask",)
        elif mask == "bool":
            # Recorded as the additive mask the engine takes: 0 where allowed, −∞ elsewhere.
            inputs["attnMask"] = torch.zeros(allowed.shape).masked_fill(~allowed, float("-inf"))
            constant = ("attnMask",)

        def forward(t, mask=mask, causal=causal, scale=scale):
            attn_mask = {"float": t.get("attnMask"), "bool": allowed, None: None}[mask]
            return {"y": F.scaled_dot_product_attention(t["query"], t["key"], t["value"], attn_mask=attn_mask,
                                                         is_causal=causal, scale=scale)}, {}
        case(f"sdpa/{name}", inputs, options, forward, constant=constant)

    specs = [
        ("basic", dict(embed_dim=4, num_heads=2), [3, 2, 4], [5, 2, 4], {}),
        ("batch-first", dict(embed_dim=6, num_heads=3, batch_first=True), [2, 3, 6], [2, 4, 6], {}),
        ("self-attention-one-head", dict(embed_dim=4, num_heads=1), [4, 2, 4], None, {}),
        ("key-padding", dict(embed_dim=4, num_heads=2), [3, 3, 4], [5, 3, 4], {"padding": True}),
        ("attn-mask", dict(embed_dim=4, num_heads=2), [3, 2, 4], [5, 2, 4], {"mask": True}),
        ("causal", dict(embed_dim=4, num_heads=2, batch_first=True), [2, 4, 4], None, {"causal": True}),
        ("per-head-weights", dict(embed_dim=6, num_heads=2), [3, 2, 6], [4, 2, 6], {"average": False}),
        ("unbatched-no-bias", dict(embed_dim=4, num_heads=2, bias=False), [3, 4], [5, 4], {}),
    ]
    for name, settings, q_shape, kv_shape, extra in specs:
        module = torch.nn.MultiheadAttention(**settings)
        self_attention = kv_shape is None
        inputs = {"query": randn(*q_shape), **module_inputs(module, 0.5)}
        if not self_attention:
            inputs["key"] = randn(*kv_shape)
            inputs["value"] = randn(*kv_shape)
        n = None if len(q_shape) == 2 else (q_shape[0] if module.batch_first else q_shape[1])
        s = (kv_shape or q_shape)[1 if (module.batch_first and n is not None) else 0]
        l = q_shape[1 if (module.batch_first and n is not None) else 0]
        constant = []
        if extra.get("padding"):
            inputs["keyPaddingMask"] = torch.tensor([[0, 0, 1, 0, 1], [0, 0, 0, 0, 0], [1, 0, 0, 0, 0]], dtype=torch.float64)
            constant.append("keyPaddingMask")
        if extra.get("mask"):
            inputs["attnMask"] = randn(l, s)
            constant.append("attnMask")
        options = {"embedDim": module.embed_dim, "numHeads": module.num_heads, "batchFirst": module.batch_first,
                   "bias": module.in_proj_bias is not None, "isCausal": bool(extra.get("causal")),
                   "averageAttnWeights": extra.get("average", True), "selfAttention": self_attention}

        def forward(t, module=module, self_attention=self_attention, extra=extra, l=l):
            load(module, t)
            key = t["query"] if self_attention else t["key"]
            value = t["query"] if self_attention else t["value"]
            padding = t["keyPaddingMask"].bool() if "keyPaddingMask" in t else None
            mask = t.get("attnMask")
            if extra.get("causal"):
                # torch takes is_causal only as a hint next to the mask itself.
                mask = torch.triu(torch.full((l, l), float("-inf")), diagonal=1)
            output, weights = module(t["query"], key, value, key_padding_mask=padding, need_weights=True,
                                     attn_mask=mask, average_attn_weights=extra.get("average", True),
                                     is_causal=bool(extra.get("causal")))
            return {"output": output, "attnWeights": weights}, {}
        case(f"multihead_attention/{name}", inputs, options, forward, constant=tuple(constant))


if __name__ == "__main__":
    layer_norm_cases()
    group_norm_cases()
    batch_norm2d_cases()
    embedding_cases()
    conv2d_cases()
    pooling_cases()
    cell_cases()
    sequence_cases()
    attention_cases()
    OUTPUT.write_text(json.dumps({"generator": "reference/torch_layers.py",
                                  "versions": {"torch": torch.__version__.split("+")[0]},
                                  "cases": CASES}, indent=None, separators=(",", ":")) + "\n")
    print(f"{len(CASES)} cases -> {OUTPUT}")
