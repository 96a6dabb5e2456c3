"""Reference cases from real PyTorch (float64, CPU) for the engine's activations, losses,
optimizers, learning-rate schedulers and weight initialisers, including the edge points where
libraries disagree: ties, clamp bounds, p = 0 and 1 in BCE, far tails.

Writes reference/cases/torch_functional.json in the format described in
Tests/TallyEngineTests/ReferenceCases.swift: each case has inputs, the options of the call,
outputs and gradients (of the sum of the output with respect to each input marked `grad`).

    pip install torch numpy
    python reference/torch_functional.py
"""
import json
import math
import pathlib
import sys
import warnings

# This folder has a statistics.py of its own: keep it from shadowing the standard library's,
# which torch imports.
sys.path = [p for p in sys.path if pathlib.Path(p or ".").resolve() != pathlib.Path(__file__).parent.resolve()]

import torch  # noqa: E402
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
warnings.filterwarnings("ignore")  # torch warns about kl_div's "mean" and scheduler call order

OUTPUT = pathlib.Path(__file__).parent / "cases" / "torch_functional.json"
cases = []


def number(x):
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def array(t):
    t = torch.as_tensor(t, dtype=torch.float64)
    return {"shape": list(t.shape), "data": [number(v) for v in t.flatten().tolist()]}


def record(name, inputs, options, outputs, gradients=None):
    entry = {"name": name, "inputs": {k: array(v) for k, v in inputs.items()}, "options": options,
             "outputs": {k: array(v) for k, v in outputs.items()}}
    if gradients:
        entry["gradients"] = {k: array(v) for k, v in gradients.items()}
    cases.append(entry)


def differentiate(name, function, inputs, options, grad):
    """Calls function(**tensors), records its output "y" and the gradients of y.sum() with respect
    to the inputs named in `grad` (other inputs are constants, e.g. targets and class indices)."""
    tensors = {k: torch.tensor(v, requires_grad=k in grad) for k, v in inputs.items()}
    y = function(**tensors)
    y.sum().backward()
    record(name, inputs, options, {"y": y.detach()}, {k: tensors[k].grad for k in grad})


# 1. Fixes: BCE at p = 0 / 1 and after a saturated sigmoid, ties, clamp bounds, tails.
differentiate("fix/bce-saturated-sigmoid", lambda z, y: F.binary_cross_entropy(torch.sigmoid(z), y),
              {"z": [40.0, -40.0, 3.0], "y": [0.0, 1.0, 1.0]}, {}, ["z"])
differentiate("fix/bce-probability-edges", lambda p, y: F.binary_cross_entropy(p, y, reduction="none"),
              {"p": [0.0, 1.0, 0.0, 1.0, 1e-20, 1e-50, 1 - 1e-12, 0.3, 1e-10],
               "y": [0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.6, 0.0]}, {"reduction": "none"}, ["p"])
differentiate("fix/max-tie", lambda x: x.max(), {"x": [3.0, 1.0, 3.0, 2.0, 3.0]}, {}, ["x"])
differentiate("fix/min-tie", lambda x: x.min(), {"x": [[1.0, 2.0], [1.0, 5.0]]}, {}, ["x"])
differentiate("fix/max-dim-first-index", lambda x: x.max(0).values, {"x": [[3.0, 1.0], [3.0, 2.0], [1.0, 2.0]]},
              {"axis": 0}, ["x"])
differentiate("fix/maximum-tie", lambda a, b: torch.maximum(a, b), {"a": [1.0, 2.0, -1.0], "b": [1.0, 0.0, 4.0]}, {},
              ["a", "b"])
differentiate("fix/minimum-tie", lambda a, b: torch.minimum(a, b), {"a": [1.0, 2.0, -1.0], "b": [1.0, 0.0, 4.0]}, {},
              ["a", "b"])
differentiate("fix/clamp-bounds", lambda x: torch.clamp(x, 0.5, 2.0), {"x": [0.0, 0.5, 1.0, 2.0, 3.0]},
              {"min": 0.5, "max": 2.0}, ["x"])
differentiate("fix/clamp-min", lambda x: torch.clamp(x, min=0.5), {"x": [0.0, 0.5, 1.0]}, {"min": 0.5}, ["x"])
differentiate("fix/clamp-max", lambda x: torch.clamp(x, max=0.5), {"x": [0.0, 0.5, 1.0]}, {"max": 0.5}, ["x"])

# 2. Activations, with their derivatives, at ordinary points and at the edges.
points = [-40.0, -6.0, -3.0, -1.0, -0.5, 0.0, 0.25, 1.0, 3.0, 6.0]
activations = [
    ("gelu", {}, lambda x: F.gelu(x), points),
    ("gelu", {"approximate": "tanh"}, lambda x: F.gelu(x, approximate="tanh"), points),
    ("mish", {}, F.mish, points + [30.0]),
    ("hardtanh", {}, F.hardtanh, [-2.0, -1.0, -0.5, 0.0, 0.7, 1.0, 1.5]),
    ("hardtanh", {"min_val": -2.0, "max_val": 0.5}, lambda x: F.hardtanh(x, -2.0, 0.5), [-3.0, -2.0, 0.0, 0.5, 1.0]),
    ("hardswish", {}, F.hardswish, [-4.0, -3.0, -1.5, 0.0, 1.0, 3.0, 4.0]),
    ("softsign", {}, F.softsign, [-100.0, -2.0, 0.0, 0.5, 3.0]),
    ("softplus", {}, F.softplus, [-50.0, -1.0, 0.0, 2.0, 19.5, 20.0, 20.5, 40.0]),
    ("softplus", {"beta": 2.0, "threshold": 5.0}, lambda x: F.softplus(x, beta=2.0, threshold=5.0),
     [-3.0, 0.0, 2.4, 2.5, 2.6, 10.0]),
    ("elu", {}, F.elu, [-40.0, -745.0, -5.0, -1.0, 0.0, 2.0]),
    ("elu", {"alpha": 0.5}, lambda x: F.elu(x, alpha=0.5), [-40.0, -1.0, 0.0, 2.0]),
    ("selu", {}, F.selu, [-40.0, -1.0, 0.0, 2.0]),
    ("relu", {}, F.relu, [-1.0, 0.0, 2.0]),
    ("leaky_relu", {"negative_slope": 0.2}, lambda x: F.leaky_relu(x, 0.2), [-1.0, 0.0, 2.0]),
    ("sigmoid", {}, torch.sigmoid, [-40.0, -1.0, 0.0, 3.0, 40.0]),
    ("tanh", {}, torch.tanh, [-20.0, -0.5, 0.0, 1.0]),
    ("silu", {}, F.silu, [-40.0, -1.0, 0.0, 2.0]),
]
for function, options, f, xs in activations:
    suffix = "".join(f"-{k}={v}" for k, v in options.items())
    differentiate(f"activation/{function}{suffix}", lambda x, f=f: f(x), {"x": xs}, {"function": function, **options},
                  ["x"])

# 3. Losses with their reductions and options.
torch.manual_seed(15)


def values(*shape, scale=1.0):
    return (torch.randn(*shape) * scale).tolist()


prediction, target = values(3, 4), values(3, 4)
for reduction in ["mean", "sum", "none"]:
    differentiate(f"loss/mse/{reduction}", lambda x, t: F.mse_loss(x, t, reduction=reduction),
                  {"x": prediction, "t": target}, {"reduction": reduction}, ["x", "t"])
differentiate("loss/l1/sum", lambda x, t: F.l1_loss(x, t, reduction="sum"),
              {"x": [1.0, 2.0, -3.0], "t": [1.0, 0.5, 2.0]}, {"reduction": "sum"}, ["x"])
for beta, reduction in [(1.0, "mean"), (0.5, "none"), (0.0, "sum"), (2.0, "sum")]:
    differentiate(f"loss/smooth_l1/beta={beta}/{reduction}",
                  lambda x, t: F.smooth_l1_loss(x, t, reduction=reduction, beta=beta),
                  {"x": [0.0, 0.3, -0.5, 1.0, 2.5, -4.0], "t": [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]},
                  {"reduction": reduction, "beta": beta}, ["x"])
for delta, reduction in [(1.0, "none"), (0.5, "mean")]:
    differentiate(f"loss/huber/delta={delta}/{reduction}",
                  lambda x, t: F.huber_loss(x, t, reduction=reduction, delta=delta),
                  {"x": [0.0, 0.3, -0.5, 1.0, 2.5], "t": [0.0, 0.0, 0.0, 0.0, 0.0]},
                  {"reduction": reduction, "delta": delta}, ["x"])

probabilities = torch.sigmoid(torch.randn(2, 3)).tolist()
bce_targets = [[1.0, 0.0, 0.3], [0.0, 1.0, 1.0]]
for reduction, weight in [("mean", None), ("sum", [0.5, 2.0, 1.0]), ("none", [[1.0], [3.0]])]:
    inputs = {"p": probabilities, "y": bce_targets}
    if weight is not None:
        inputs["w"] = weight
    differentiate(f"loss/bce/{reduction}", lambda p, y, w=None: F.binary_cross_entropy(p, y, weight=w, reduction=reduction),
                  inputs, {"reduction": reduction}, ["p", "y"])

logits_bce = [[-40.0, 0.5, 3.0], [2.0, -1.0, 40.0]]
for reduction, weight, pos_weight in [("mean", None, None), ("mean", None, [2.0, 0.5, 1.0]),
                                      ("sum", [[2.0], [0.5]], [3.0, 1.0, 0.25]), ("none", None, [4.0, 4.0, 4.0])]:
    inputs = {"z": logits_bce, "y": bce_targets}
    if weight is not None:
        inputs["w"] = weight
    if pos_weight is not None:
        inputs["pos_weight"] = pos_weight
    tag = f"{reduction}" + ("-weight" if weight else "") + ("-pos_weight" if pos_weight else "")
    differentiate(f"loss/bce_with_logits/{tag}",
                  lambda z, y, w=None, pos_weight=None: F.binary_cross_entropy_with_logits(
                      z, y, weight=w, pos_weight=pos_weight, reduction=reduction),
                  inputs, {"reduction": reduction}, ["z", "y"])

logits = values(4, 3, scale=2.0)
labels = [0.0, 2.0, 1.0, 2.0]
class_weight = [0.2, 1.0, 3.0]
cross_entropy_cases = [
    ("plain", {}), ("weight", {"weight": True}), ("ignore", {"ignore_index": 2}),
    ("smoothing", {"label_smoothing": 0.1}), ("weight-smoothing-ignore", {"weight": True, "label_smoothing": 0.2, "ignore_index": 1}),
    ("sum-weight-smoothing", {"weight": True, "label_smoothing": 0.3, "reduction": "sum"}),
    ("none-weight-smoothing", {"weight": True, "label_smoothing": 0.3, "reduction": "none", "ignore_index": 0}),
]
for tag, kwargs in cross_entropy_cases:
    inputs = {"logits": logits, "labels": labels}
    if kwargs.get("weight"):
        inputs["weight"] = class_weight
    options = {k: v for k, v in kwargs.items() if k != "weight"}
    differentiate(f"loss/cross_entropy_labels/{tag}",
                  lambda logits, labels, weight=None, o=options: F.cross_entropy(logits, labels.long(), weight=weight, **o),
                  inputs, options, ["logits"])
soft_targets = torch.softmax(torch.randn(4, 3), dim=1).tolist()
for tag, kwargs in [("plain", {}), ("weight-smoothing", {"weight": True, "label_smoothing": 0.25}),
                    ("none-weight", {"weight": True, "reduction": "none"}), ("sum", {"reduction": "sum"})]:
    inputs = {"logits": logits, "targets": soft_targets}
    if kwargs.get("weight"):
        inputs["weight"] = class_weight
    options = {k: v for k, v in kwargs.items() if k != "weight"}
    differentiate(f"loss/cross_entropy_probabilities/{tag}",
                  lambda logits, targets, weight=None, o=options: F.cross_entropy(logits, targets, weight=weight, **o),
                  inputs, options, ["logits", "targets"])

log_probabilities = torch.log_softmax(torch.randn(4, 3), dim=1).tolist()
for tag, kwargs in [("plain", {}), ("weight", {"weight": True}), ("ignore", {"ignore_index": 1}),
                    ("weight-ignore-sum", {"weight": True, "ignore_index": 0, "reduction": "sum"}),
                    ("weight-none", {"weight": True, "reduction": "none"}), ("none-ignore", {"reduction": "none", "ignore_index": 2})]:
    inputs = {"input": log_probabilities, "labels": [1.0, 0.0, 2.0, 1.0]}
    if kwargs.get("weight"):
        inputs["weight"] = class_weight
    options = {k: v for k, v in kwargs.items() if k != "weight"}
    differentiate(f"loss/nll/{tag}", lambda input, labels, weight=None, o=options: F.nll_loss(input, labels.long(), weight=weight, **o),
                  inputs, options, ["input"])

kl_input = torch.log_softmax(torch.randn(3, 4), dim=1).tolist()
kl_target = torch.softmax(torch.randn(3, 4), dim=1)
kl_target[0, 1] = 0.0  # a zero probability: its term is 0
kl_target = kl_target.tolist()
for reduction in ["mean", "batchmean", "sum", "none"]:
    differentiate(f"loss/kl_div/{reduction}", lambda input, target: F.kl_div(input, target, reduction=reduction),
                  {"input": kl_input, "target": kl_target}, {"reduction": reduction}, ["input"])
kl_log_target = torch.log_softmax(torch.randn(3, 4), dim=1).tolist()
for reduction in ["batchmean", "none"]:
    differentiate(f"loss/kl_div/log_target/{reduction}",
                  lambda input, target: F.kl_div(input, target, reduction=reduction, log_target=True),
                  {"input": kl_input, "target": kl_log_target}, {"reduction": reduction, "log_target": True},
                  ["input", "target"])

x1, x2 = values(4, 3), values(4, 3)
x2[3] = [-v for v in x1[3]]  # cosine exactly −1
for margin, reduction in [(0.0, "mean"), (0.3, "none"), (-0.5, "sum")]:
    differentiate(f"loss/cosine_embedding/margin={margin}/{reduction}",
                  lambda x1, x2, y: F.cosine_embedding_loss(x1, x2, y, margin=margin, reduction=reduction),
                  {"x1": x1, "x2": x2, "y": [1.0, -1.0, -1.0, 1.0]}, {"margin": margin, "reduction": reduction},
                  ["x1", "x2"])
for margin, reduction in [(0.0, "mean"), (0.5, "none"), (1.0, "sum")]:
    differentiate(f"loss/margin_ranking/margin={margin}/{reduction}",
                  lambda x1, x2, y: F.margin_ranking_loss(x1, x2, y, margin=margin, reduction=reduction),
                  {"x1": [1.0, 2.0, 0.5, -1.0, 0.0], "x2": [0.5, 2.5, 0.0, 0.0, 0.0], "y": [1.0, 1.0, -1.0, -1.0, 1.0]},
                  {"margin": margin, "reduction": reduction}, ["x1", "x2"])
anchor, positive, negative = values(4, 5), values(4, 5), values(4, 5)
for tag, kwargs in [("default", {}), ("p=1-margin=2", {"p": 1.0, "margin": 2.0}), ("swap", {"swap": True}),
                    ("p=3-none", {"p": 3.0, "reduction": "none"}), ("margin=0.5-sum-swap", {"margin": 0.5, "reduction": "sum", "swap": True})]:
    differentiate(f"loss/triplet_margin/{tag}",
                  lambda anchor, positive, negative, o=kwargs: F.triplet_margin_loss(anchor, positive, negative, **o),
                  {"anchor": anchor, "positive": positive, "negative": negative}, kwargs,
                  ["anchor", "positive", "negative"])
differentiate("loss/pairwise_distance/p=2", lambda x1, x2: F.pairwise_distance(x1, x2),
              {"x1": anchor, "x2": positive}, {"p": 2.0}, ["x1", "x2"])


# 4. Optimizer trajectories on the Rosenbrock function (maximize: on its negation), and with
#    parameter groups that have their own options.
def rosenbrock(w):
    return (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2


OPTIMIZERS = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
              "adagrad": torch.optim.Adagrad, "adadelta": torch.optim.Adadelta, "rmsprop": torch.optim.RMSprop}
STEPS = 40
start = [-1.2, 1.0]
for optimizer, kwargs in [("adam", {"lr": 0.05, "amsgrad": True}), ("adamw", {"lr": 0.05, "amsgrad": True, "weight_decay": 0.1}),
                          ("adam", {"lr": 0.02, "maximize": True}), ("adamw", {"lr": 0.02, "maximize": True, "amsgrad": True}),
                          ("sgd", {"lr": 1e-4, "momentum": 0.9, "maximize": True, "weight_decay": 0.01}),
                          ("adagrad", {"lr": 0.1, "maximize": True}), ("adadelta", {"lr": 1.0, "maximize": True, "weight_decay": 0.1}),
                          ("rmsprop", {"lr": 0.01, "maximize": True, "momentum": 0.5, "centered": True})]:
    w = torch.tensor(start, requires_grad=True)
    opt = OPTIMIZERS[optimizer]([w], **kwargs)
    path = [w.detach().clone()]
    for _ in range(STEPS):
        opt.zero_grad()
        loss = -rosenbrock(w) if kwargs.get("maximize") else rosenbrock(w)
        loss.backward()
        opt.step()
        path.append(w.detach().clone())
    tag = "-".join(f"{k}={v}" for k, v in kwargs.items())
    record(f"optimizer/{optimizer}/{tag}", {"start": start}, {"optimizer": optimizer, **kwargs},
           {"trajectory": torch.stack(path)})

b_start, b_target = [0.0, 0.5, -1.0], [1.0, 2.0, 3.0]
for optimizer, defaults, group_w, group_b in [
        ("adam", {"lr": 0.01}, {}, {"lr": 0.1, "amsgrad": True, "weight_decay": 0.05}),
        ("sgd", {"lr": 1e-3, "momentum": 0.9}, {"nesterov": True}, {"lr": 0.05, "momentum": 0.0}),
        ("adamw", {"lr": 0.02, "weight_decay": 0.1}, {"amsgrad": True}, {"lr": 0.1, "maximize": True})]:
    w = torch.tensor(start, requires_grad=True)
    b = torch.tensor(b_start, requires_grad=True)
    opt = OPTIMIZERS[optimizer]([{"params": [w], **group_w}, {"params": [b], **group_b}], **defaults)
    w_path, b_path = [w.detach().clone()], [b.detach().clone()]
    for _ in range(STEPS):
        opt.zero_grad()
        b_loss = ((b - torch.tensor(b_target)) ** 2).sum()
        loss = rosenbrock(w) + (-b_loss if group_b.get("maximize") else b_loss)
        loss.backward()
        opt.step()
        w_path.append(w.detach().clone())
        b_path.append(b.detach().clone())
    groups = [{**defaults, **group_w}, {**defaults, **group_b}]
    record(f"param_groups/{optimizer}", {"w_start": start, "b_start": b_start, "b_target": b_target},
           {"optimizer": optimizer, "group0": json.dumps(groups[0]), "group1": json.dumps(groups[1])},
           {"w": torch.stack(w_path), "b": torch.stack(b_path)})


# 5. Learning-rate schedulers: the rates after construction and after each step, per group.
S = torch.optim.lr_scheduler


def schedule(name, make, epochs, options, groups=1, optimizer="sgd", lr=0.1, metrics=None, momentum=False):
    params = [torch.zeros(1, requires_grad=True) for _ in range(groups)]
    group_lrs = [lr * (i + 1) for i in range(groups)]
    if optimizer == "sgd":
        opt = torch.optim.SGD([{"params": [p], "lr": r} for p, r in zip(params, group_lrs)], lr=lr, momentum=0.9)
    else:
        opt = torch.optim.Adam([{"params": [p], "lr": r} for p, r in zip(params, group_lrs)], lr=lr)
    scheduler = make(opt)
    lrs = [[g["lr"] for g in opt.param_groups]]
    momenta = [[g["momentum"] if "momentum" in g else g["betas"][0] for g in opt.param_groups]]
    for epoch in range(epochs):
        opt.step()
        if metrics is not None:
            scheduler.step(metrics[epoch])
        else:
            scheduler.step()
        lrs.append([g["lr"] for g in opt.param_groups])
        momenta.append([g["momentum"] if "momentum" in g else g["betas"][0] for g in opt.param_groups])
    inputs = {"metrics": metrics} if metrics is not None else {}
    outputs = {"lr": lrs}
    if momentum:
        outputs["momentum"] = momenta
    record(f"scheduler/{name}", inputs, {"steps": epochs, "groups": groups, "optimizer": optimizer, "lr": lr, **options},
           outputs)


schedule("StepLR", lambda o: S.StepLR(o, step_size=3, gamma=0.5), 12, {"step_size": 3, "gamma": 0.5}, groups=2)
schedule("MultiStepLR", lambda o: S.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.3), 12,
         {"milestones": [2, 5, 5, 9], "gamma": 0.3})
schedule("ExponentialLR", lambda o: S.ExponentialLR(o, gamma=0.9), 15, {"gamma": 0.9}, groups=2)
schedule("CosineAnnealingLR", lambda o: S.CosineAnnealingLR(o, T_max=6, eta_min=0.01), 20, {"T_max": 6, "eta_min": 0.01})
schedule("CosineAnnealingWarmRestarts/T_mult=1", lambda o: S.CosineAnnealingWarmRestarts(o, T_0=4), 13, {"T_0": 4, "T_mult": 1})
schedule("CosineAnnealingWarmRestarts/T_mult=2", lambda o: S.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=2, eta_min=0.001),
         20, {"T_0": 2, "T_mult": 2, "eta_min": 0.001}, groups=2)
schedule("LinearLR/default", lambda o: S.LinearLR(o), 8, {})
schedule("LinearLR/decay", lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=4), 7,
         {"start_factor": 1.0, "end_factor": 0.1, "total_iters": 4})
schedule("OneCycleLR/cos", lambda o: S.OneCycleLR(o, max_lr=1.0, total_steps=20), 19, {"max_lr": [1.0], "total_steps": 20},
         momentum=True)
schedule("OneCycleLR/linear-three_phase", lambda o: S.OneCycleLR(o, max_lr=[0.5, 2.0], total_steps=16, anneal_strategy="linear",
         three_phase=True, pct_start=0.25, div_factor=10.0, final_div_factor=100.0), 16,
         {"max_lr": [0.5, 2.0], "total_steps": 16, "anneal_strategy": "linear", "three_phase": True, "pct_start": 0.25,
          "div_factor": 10.0, "final_div_factor": 100.0}, groups=2, momentum=True)
schedule("OneCycleLR/adam-epochs", lambda o: S.OneCycleLR(o, max_lr=0.01, epochs=3, steps_per_epoch=4, base_momentum=0.8,
         max_momentum=0.9), 11, {"max_lr": [0.01], "epochs": 3, "steps_per_epoch": 4, "base_momentum": 0.8,
                                 "max_momentum": 0.9}, optimizer="adam", momentum=True)
schedule("LambdaLR", lambda o: S.LambdaLR(o, lr_lambda=lambda epoch: 1.0 / (1.0 + 0.5 * epoch)), 8,
         {"lambda": "1/(1+0.5·epoch)"}, groups=2)
plateau_metrics = [1.0, 0.9, 0.95, 0.9, 0.91, 0.92, 0.93, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
schedule("ReduceLROnPlateau/min", lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=2, cooldown=1), len(plateau_metrics),
         {"mode": "min", "factor": 0.5, "patience": 2, "cooldown": 1}, metrics=plateau_metrics, groups=2)
schedule("ReduceLROnPlateau/max-abs", lambda o: S.ReduceLROnPlateau(o, mode="max", factor=0.2, patience=1, threshold=0.05,
         threshold_mode="abs", min_lr=0.005), len(plateau_metrics),
         {"mode": "max", "factor": 0.2, "patience": 1, "threshold": 0.05, "threshold_mode": "abs", "min_lr": 0.005},
         metrics=[-m for m in plateau_metrics])
schedule("SequentialLR/linear-cosine", lambda o: S.SequentialLR(
    o, [S.LinearLR(o, start_factor=0.1, total_iters=3), S.CosineAnnealingLR(o, T_max=5)], milestones=[3]), 12,
    {"milestones": [3]})
schedule("SequentialLR/linear-exponential-step", lambda o: S.SequentialLR(
    o, [S.LinearLR(o, start_factor=0.5, total_iters=2), S.ExponentialLR(o, gamma=0.8), S.StepLR(o, step_size=2, gamma=0.5)],
    milestones=[2, 5]), 10, {"milestones": [2, 5]}, groups=2)


# 6. Weight initialisers: torch's gains, fans, and the bound or standard deviation it draws with
#    (captured from torch.nn.init's own sampling helpers).
init = torch.nn.init
for nonlinearity, param in [("linear", None), ("conv2d", None), ("sigmoid", None), ("tanh", None), ("relu", None),
                            ("leaky_relu", None), ("leaky_relu", 0.2), ("selu", None)]:
    options = {"nonlinearity": nonlinearity}
    if param is not None:
        options["param"] = param
    record(f"init/calculate_gain/{nonlinearity}" + (f"-{param}" if param is not None else ""), {}, options,
           {"gain": init.calculate_gain(nonlinearity, param)})



def drawn_scale(function, shape, kwargs):
    """The bound (uniform) or standard deviation (normal) torch.nn.init draws with: the same
    generator seed gives W from the initialiser and U from U(0, 1) or N(0, 1), and W = b·(2U − 1)
    or W = std·U elementwise."""
    w = getattr(init, function + "_")(torch.empty(*shape), generator=torch.Generator().manual_seed(7), **kwargs)
    unit = torch.empty(*shape)
    if function.endswith("uniform"):
        ratios = w / (2 * unit.uniform_(0, 1, generator=torch.Generator().manual_seed(7)) - 1)
    else:
        ratios = w / unit.normal_(0, 1, generator=torch.Generator().manual_seed(7))
    assert (ratios.max() - ratios.min()) <= 1e-13 * ratios.abs().max(), ratios
    return ratios.mean().item()


for function, shape, kwargs in [("xavier_uniform", [3, 5], {}), ("xavier_uniform", [4, 6, 3, 3], {"gain": 5.0 / 3}),
                                ("xavier_normal", [8, 2], {"gain": 2.0}), ("kaiming_uniform", [8, 4], {}),
                                ("kaiming_uniform", [6, 2, 3], {"mode": "fan_out", "nonlinearity": "relu"}),
                                ("kaiming_normal", [5, 7], {"a": 0.2}),
                                ("kaiming_normal", [4, 3, 2, 2], {"mode": "fan_out", "nonlinearity": "tanh"})]:
    fan_in, fan_out = init._calculate_fan_in_and_fan_out(torch.empty(*shape))
    scale = drawn_scale(function, shape, kwargs)
    outputs = {"fan_in": fan_in, "fan_out": fan_out, ("bound" if function.endswith("uniform") else "std"): scale}
    tag = "-".join(f"{k}={v}" for k, v in kwargs.items())
    record(f"init/{function}/{'x'.join(map(str, shape))}" + (f"/{tag}" if tag else ""), {},
           {"function": function, "shape": [float(n) for n in shape], **kwargs}, outputs)

OUTPUT.parent.mkdir(exist_ok=True)
OUTPUT.write_text(json.dumps({"generator": "reference/torch_functional.py", "versions": {"torch": torch.__version__},
                              "cases": cases}, indent=1) + "\n")
print(f"{len(cases)} cases written to {OUTPUT}")
