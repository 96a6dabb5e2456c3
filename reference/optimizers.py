"""Reference trajectories for TallyEngine's optimizers.

Written from PyTorch's documented update rules (torch.optim docs, "Algorithm" boxes) with
plain numpy; it shares no code with the engine. Prints JSON: for each case, the optimizer's
settings and its 100-step trajectory (start included) on a test function.
"""
import json
import math

import numpy as np

STEPS = 100


def quadratic(p, kappa=10.0):
    return 0.5 * (p[0] ** 2 + kappa * p[1] ** 2), np.array([p[0], kappa * p[1]])


def rosenbrock(p):
    x, y = p
    value = (1 - x) ** 2 + 100 * (y - x * x) ** 2
    return value, np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])


FUNCTIONS = {
    "quadratic": (quadratic, [-3.0, 1.0]),
    "rosenbrock": (rosenbrock, [-1.5, 2.0]),
}


def sgd(lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
    state = {"t": 0}

    def step(p, g):
        state["t"] += 1
        if weight_decay != 0:
            g = g + weight_decay * p
        if momentum != 0:
            if state["t"] == 1:
                b = g.copy()
            else:
                b = momentum * state["b"] + (1 - dampening) * g
            state["b"] = b
            g = g + momentum * b if nesterov else b
        return p - lr * g
    return step


def adagrad(lr, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10):
    state = {"t": 0, "sum": None}

    def step(p, g):
        state["t"] += 1
        if weight_decay != 0:
            g = g + weight_decay * p
        clr = lr / (1 + (state["t"] - 1) * lr_decay)
        if state["sum"] is None:
            state["sum"] = np.full_like(p, initial_accumulator_value)
        state["sum"] = state["sum"] + g * g
        return p - clr * g / (np.sqrt(state["sum"]) + eps)
    return step


def adadelta(lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0):
    state = {"v": 0.0, "u": 0.0}

    def step(p, g):
        if weight_decay != 0:
            g = g + weight_decay * p
        v = rho * state["v"] + (1 - rho) * g * g
        delta = np.sqrt(state["u"] + eps) / np.sqrt(v + eps) * g
        state["u"] = rho * state["u"] + (1 - rho) * delta * delta
        state["v"] = v
        return p - lr * delta
    return step


def rmsprop(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False):
    state = {"v": 0.0, "g_ave": 0.0, "b": 0.0}

    def step(p, g):
        if weight_decay != 0:
            g = g + weight_decay * p
        state["v"] = alpha * state["v"] + (1 - alpha) * g * g
        v_tilde = state["v"]
        if centered:
            state["g_ave"] = alpha * state["g_ave"] + (1 - alpha) * g
            v_tilde = v_tilde - state["g_ave"] * state["g_ave"]
        if momentum > 0:
            state["b"] = momentum * state["b"] + g / (np.sqrt(v_tilde) + eps)
            return p - lr * state["b"]
        return p - lr * (g / (np.sqrt(v_tilde) + eps))
    return step


def adam(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=False):
    state = {"t": 0, "m": 0.0, "v": 0.0}

    def step(p, g):
        state["t"] += 1
        t = state["t"]
        if decoupled:
            p = p * (1 - lr * weight_decay)
        elif weight_decay != 0:
            g = g + weight_decay * p
        state["m"] = beta1 * state["m"] + (1 - beta1) * g
        state["v"] = beta2 * state["v"] + (1 - beta2) * g * g
        m_hat = state["m"] / (1 - beta1 ** t)
        v_hat = state["v"] / (1 - beta2 ** t)
        return p - lr * m_hat / (np.sqrt(v_hat) + eps)
    return step


def adamw(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    return adam(lr, beta1, beta2, eps, weight_decay, decoupled=True)


OPTIMIZERS = {"sgd": sgd, "adagrad": adagrad, "adadelta": adadelta, "rmsprop": rmsprop,
              "adam": adam, "adamw": adamw}

# (case name, optimizer, settings per function). Settings are keyword arguments of the
# functions above; the Swift test builds its optimizer from the same JSON.
CASES = [
    ("sgd", "sgd", {"quadratic": {"lr": 0.1}, "rosenbrock": {"lr": 1e-3}}),
    ("sgd-weight-decay", "sgd", {"quadratic": {"lr": 0.1, "weight_decay": 0.05},
                                 "rosenbrock": {"lr": 1e-3, "weight_decay": 0.05}}),
    ("sgd-momentum", "sgd", {"quadratic": {"lr": 0.05, "momentum": 0.9, "dampening": 0.3},
                             "rosenbrock": {"lr": 2e-4, "momentum": 0.9, "dampening": 0.3}}),
    ("sgd-nesterov", "sgd", {"quadratic": {"lr": 0.05, "momentum": 0.9, "nesterov": True},
                             "rosenbrock": {"lr": 2e-4, "momentum": 0.9, "nesterov": True}}),
    ("adagrad", "adagrad", {"quadratic": {"lr": 0.5, "lr_decay": 0.01},
                            "rosenbrock": {"lr": 0.3, "lr_decay": 0.01, "initial_accumulator_value": 0.1}}),
    ("adadelta", "adadelta", {"quadratic": {}, "rosenbrock": {"lr": 1.0, "rho": 0.95, "eps": 1e-4}}),
    ("rmsprop", "rmsprop", {"quadratic": {"lr": 0.01}, "rosenbrock": {"lr": 0.01, "alpha": 0.9}}),
    ("rmsprop-centered-momentum", "rmsprop", {
        "quadratic": {"lr": 0.01, "momentum": 0.8, "centered": True},
        "rosenbrock": {"lr": 1e-3, "momentum": 0.9, "centered": True, "weight_decay": 0.01}}),
    ("adam", "adam", {"quadratic": {"lr": 0.1}, "rosenbrock": {"lr": 0.05, "beta1": 0.8, "beta2": 0.99}}),
    ("adam-l2", "adam", {"quadratic": {"lr": 0.1, "weight_decay": 0.1},
                         "rosenbrock": {"lr": 0.05, "weight_decay": 0.1}}),
    ("adamw", "adamw", {"quadratic": {"lr": 0.1}, "rosenbrock": {"lr": 0.05, "weight_decay": 0.1}}),
]


def trajectory(function, start, step):
    p = np.array(start)
    value, grad = function(p)
    points, losses = [p.tolist()], [value]
    for _ in range(STEPS):
        p = step(p, grad)
        value, grad = function(p)
        points.append(p.tolist())
        losses.append(value)
    return points, losses


def main():
    results = []
    for case, optimizer, settings in CASES:
        for function_name, kwargs in settings.items():
            function, start = FUNCTIONS[function_name]
            points, losses = trajectory(function, start, OPTIMIZERS[optimizer](**kwargs))
            assert all(math.isfinite(v) for v in losses), (case, function_name)
            results.append({"case": case, "optimizer": optimizer, "settings": kwargs,
                            "function": function_name, "start": start,
                            "points": points, "losses": losses})
    print(json.dumps(results))


if __name__ == "__main__":
    main()
