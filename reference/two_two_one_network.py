"""Reference values for the 2-2-1 sigmoid network worked example (inputs, weights and target
from the study notes), computed at full precision by the textbook backpropagation formulas
written out in numpy, followed by one gradient-descent step. Prints JSON."""
import json

import numpy as np

LEARNING_RATE = 0.5


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


x = np.array([[0.5], [0.8]])
y = 1.0
W1 = np.array([[0.2, 0.4], [0.3, 0.7]])
b1 = np.array([[0.1], [0.2]])
W2 = np.array([[0.5, 0.6]])
b2 = np.array([[0.3]])

# Forward pass.
z2 = W1 @ x + b1
a2 = sigmoid(z2)
z3 = W2 @ a2 + b2
a3 = sigmoid(z3)
J = 0.5 * (y - a3[0, 0]) ** 2

# Backward pass: δ³ = (a³ − y)·σ′(z³), δ² = (W²)ᵀδ³ ⊙ σ′(z²).
delta3 = (a3 - y) * a3 * (1 - a3)
dW2 = delta3 @ a2.T
db2 = delta3
delta2 = (W2.T @ delta3) * a2 * (1 - a2)
dW1 = delta2 @ x.T
db1 = delta2

print(json.dumps({
    "learning_rate": LEARNING_RATE,
    "z2": z2.ravel().tolist(), "a2": a2.ravel().tolist(),
    "z3": z3.item(), "a3": a3.item(), "loss": J,
    "delta3": delta3.item(), "delta2": delta2.ravel().tolist(),
    "dW2": dW2.ravel().tolist(), "db2": db2.item(),
    "dW1": dW1.ravel().tolist(), "db1": db1.ravel().tolist(),
    "W1_after": (W1 - LEARNING_RATE * dW1).ravel().tolist(),
    "b1_after": (b1 - LEARNING_RATE * db1).ravel().tolist(),
    "W2_after": (W2 - LEARNING_RATE * dW2).ravel().tolist(),
    "b2_after": (b2 - LEARNING_RATE * db2).item(),
}, indent=1))
