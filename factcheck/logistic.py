"""L2-regularised logistic regression, the one learner behind the shipped scorers (check-worthiness,
re-ranking): small, deterministic, and its artifact is a list of weights in JSON."""

from __future__ import annotations

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z), elementwise, in [0, 1]."""
    result: np.ndarray = 1.0 / (1.0 + np.exp(-z))
    return result


def fit_logistic(
    rows: np.ndarray, labels: np.ndarray, *, l2: float = 1.0, balanced: bool = True
) -> tuple[np.ndarray, float]:
    """L2 logistic regression (scipy L-BFGS, deterministic), classes weighted to balance unless
    `balanced` is False. Columns are standardised for the fit and the scaling folded back into the
    returned weights, so raw rows score directly."""
    from scipy.optimize import minimize

    mean, std = rows.mean(axis=0), rows.std(axis=0) + 1e-6
    x = (rows - mean) / std
    positives = max(1.0, float(labels.sum()))
    negatives = max(1.0, len(labels) - positives)
    weight = np.where(labels > 0, len(labels) / (2 * positives), len(labels) / (2 * negatives))
    weight = weight if balanced else np.ones_like(weight)

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = params[:-1], params[-1]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        nll = weight * (np.logaddexp(0.0, z) - labels * z)
        grad = (weight * (p - labels)) @ x
        value = float(nll.sum() + 0.5 * l2 * w @ w)
        return value, np.concatenate([grad + l2 * w, [float((weight * (p - labels)).sum())]])

    result = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    w, b = result.x[:-1] / std, result.x[-1] - float((result.x[:-1] * mean / std).sum())
    return w.astype(np.float32), float(b)
