"""Reference fits for src/lib/margins: scikit-learn's SVC(kernel="linear") and
LogisticRegression on the point sets of points.json (written from the TypeScript
generator by write-points.ts), for several C. Writes margins.json.

    node_modules/.bin/node tests/reference/sklearn-margins/write-points.ts
    /usr/bin/python3 tests/reference/sklearn-margins/generate.py

Both models minimise 1/2 |w|^2 + C sum_i loss(y_i (w.x_i + b)) with b not penalised:
hinge for SVC (libsvm's SMO), logistic for LogisticRegression (penalty="l2"). The
tolerances are set as tight as each solver goes, and every fit records how far it is
from exact: for SVC, the KKT residual (max over free support vectors of
|y_i f(x_i) - 1|, and the bound conditions); for LogisticRegression, the largest entry
of the objective's gradient at the returned (w, b).
"""
import json
import pathlib
import platform
import sys

import numpy as np
import scipy
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.svm import SVC

HERE = pathlib.Path(__file__).parent
C_VALUES = [0.01, 0.1, 1.0, 10.0, 100.0]
HARD_MARGIN_C = 1e6  # separable sets only: the hard-margin limit of the SVM


def svc_fit(x, y, C):
    model = SVC(kernel="linear", C=C, tol=1e-12, max_iter=-1, shrinking=False)
    model.fit(x, y)
    w = model.coef_[0]
    b = model.intercept_[0]
    alpha = np.zeros(len(y))
    alpha[model.support_] = np.abs(model.dual_coef_[0])  # dual_coef_ holds y_i alpha_i
    margins = y * (x @ w + b)
    free = (alpha > 1e-9 * C) & (alpha < C * (1 - 1e-9))
    at_zero = alpha == 0
    at_c = ~free & ~at_zero
    residual = max(
        float(np.max(np.abs(margins[free] - 1), initial=0)),
        float(np.max(1 - margins[at_zero], initial=0)),
        float(np.max(margins[at_c] - 1, initial=0)),
        float(abs(alpha @ y)) / C,
        float(np.max(np.abs(w - (alpha * y) @ x))),
    )
    return {
        "C": C,
        "w": w.tolist(),
        "b": float(b),
        "support": model.support_.tolist(),
        "alpha": alpha.tolist(),
        "kktResidual": residual,
    }


def logistic_gradient(x, y, C, w, b):
    s = x @ w + b
    p = 1 / (1 + np.exp(y * s))  # sigma(-y s)
    g = -C * y * p
    return np.concatenate([w + g @ x, [g.sum()]])


def logistic_fit(x, y, C):
    best = None
    for solver in ("newton-cg", "lbfgs"):
        model = LogisticRegression(C=C, penalty="l2", solver=solver, tol=1e-14, max_iter=100000)
        model.fit(x, y)
        w = model.coef_[0]
        b = model.intercept_[0]
        size = float(np.max(np.abs(logistic_gradient(x, y, C, w, b))))
        if best is None or size < best["gradientSize"]:
            best = {"C": C, "solver": solver, "w": w.tolist(), "b": float(b), "gradientSize": size}
    return best


def main():
    points = json.loads((HERE / "points.json").read_text())
    out = {
        "generator": (
            f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, scipy {scipy.__version__}, "
            f"Python {platform.python_version()}; SVC(kernel='linear', C, tol=1e-12, shrinking=False), "
            "LogisticRegression(C, penalty='l2', tol=1e-14, max_iter=100000) with the better of "
            "solver='newton-cg' and 'lbfgs' (smaller gradient)"
        ),
        "command": "/usr/bin/python3 tests/reference/sklearn-margins/generate.py",
        "sets": [],
    }
    for point_set in points["sets"]:
        x = np.array(point_set["x"], dtype=float)
        y = np.array(point_set["y"], dtype=float)
        entry = {"name": point_set["name"], "separable": point_set["separable"]}
        entry["svc"] = [svc_fit(x, y, C) for C in C_VALUES]
        entry["logistic"] = [logistic_fit(x, y, C) for C in C_VALUES]
        if point_set["separable"]:
            entry["svcHardMargin"] = svc_fit(x, y, HARD_MARGIN_C)
        out["sets"].append(entry)
    (HERE / "margins.json").write_text(json.dumps(out, indent=1) + "\n")
    worst_svc = max(f["kktResidual"] for s in out["sets"] for f in s["svc"])
    worst_lr = max(f["gradientSize"] for s in out["sets"] for f in s["logistic"])
    print(f"wrote {len(out['sets'])} sets; worst SVC KKT residual {worst_svc:.2e}, worst logistic gradient {worst_lr:.2e}", file=sys.stderr)


if __name__ == "__main__":
    main()
