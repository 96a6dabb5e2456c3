"""Reference learning-rate schedules, by the recursive ("chainable") rules of PyTorch's
StepLR, ExponentialLR and CosineAnnealingLR.get_lr, which update the previous epoch's rate.
The engine uses the closed forms instead, so agreement checks both. Prints JSON."""
import json
import math

EPOCHS = 60


def step_lr(base, step_size, gamma):
    lrs = [base]
    for epoch in range(1, EPOCHS):
        lrs.append(lrs[-1] * gamma if epoch % step_size == 0 else lrs[-1])
    return lrs


def exponential_lr(base, gamma):
    lrs = [base]
    for _ in range(1, EPOCHS):
        lrs.append(lrs[-1] * gamma)
    return lrs


def cosine_annealing_lr(base, t_max, eta_min):
    lrs = [base]
    for epoch in range(1, EPOCHS):
        lr = lrs[-1]
        if (epoch - 1 - t_max) % (2 * t_max) == 0:
            lrs.append(lr + (base - eta_min) * (1 - math.cos(math.pi / t_max)) / 2)
        else:
            lrs.append((1 + math.cos(math.pi * epoch / t_max))
                       / (1 + math.cos(math.pi * (epoch - 1) / t_max)) * (lr - eta_min) + eta_min)
    return lrs


print(json.dumps({
    "step": {"initial": 0.1, "step_size": 7, "gamma": 0.5, "rates": step_lr(0.1, 7, 0.5)},
    "exponential": {"initial": 0.1, "gamma": 0.95, "rates": exponential_lr(0.1, 0.95)},
    "cosine": {"initial": 0.1, "t_max": 25, "eta_min": 0.001, "rates": cosine_annealing_lr(0.1, 25, 0.001)},
}))
