#!/usr/bin/env python3
"""Reference values for src/lib/regularization, from scikit-learn and numpy in float64.

Reads the data the site ships (src/lib/data/diabetes.json, made by diabetes.py; it must
equal sklearn.datasets.load_diabetes(scaled=False)) and standardises it as
src/lib/regularization/standardize.ts does: each feature centred and divided by its
standard deviation with the 1/n convention (sklearn's StandardScaler), the target
centred. On those data it records, in paths.json:

  enet      for l1_ratio (our alpha) 1, 0.5 and 0.2: lambdaMax = max_j |x_j'y| / (n alpha)
            (rounded up, if need be, so that lambdaMax * alpha >= max_j |x_j'y| / n in
            float64, as lambdaMax.ts does), the grid of 60 lambdas
            lambda_k = lambdaMax * 1e-3 ** (k / 59), k = 0..59 (as lambdaGrid.ts; the
            same points as sklearn's _alpha_grid, which uses numpy.logspace, but with
            lambda_0 exactly lambdaMax), and the coefficients from
            sklearn.linear_model.enet_path (lasso_path for l1_ratio 1), which minimises
            1/(2n) ||y - Xw||^2 + alpha l1_ratio ||w||_1 + alpha (1 - l1_ratio)/2 ||w||^2
            with sklearn's alpha = our lambda;
  ridge     for 29 lambdas log-spaced from 1e-4 to 1e3, the closed form
            (X'X + n lambda I) w = X'y by numpy.linalg.solve (checked against
            sklearn.linear_model.Ridge(alpha = n lambda, fit_intercept=False));
  lars      the lasso's knots from sklearn.linear_model.lars_path(method='lasso'), and for
            each feature the knot at which it first becomes nonzero;
  cv        10-fold cross-validated mean squared error along the l1_ratio 1 and 0.5 grids and
            the ridge grid, row i in fold i mod 10, each training fold standardised on its
            own rows, held-out rows predicted on the original scale.

sklearn's solver is run with tol=1e-13 and max_iter=10**6. For every stored solution the
script computes the largest violation of the optimality (KKT) conditions, and from it a
bound on the distance to the exact minimiser: ||w - w*||_2 <= sqrt(p) * violation / mu,
mu = (smallest eigenvalue of X'X/n) + lambda (1 - alpha), the objective's strong
convexity. It asserts every bound is below 1e-8, so the stored coefficients are within
1e-8 of the exact ones and a 1e-6 comparison tests our solver, not sklearn's rounding.

    usage: /usr/bin/python3 tests/reference/sklearn/paths.py [OUT.json]

OUT defaults to tests/reference/sklearn/paths.json. Running it twice gives identical files.
"""
import json, os, platform, sys, warnings
import numpy as np
import scipy
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Ridge, enet_path, lars_path, lasso_path

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'paths.json')
COUNT, RATIO, FOLDS = 60, 1e-3, 10
TOL, MAX_ITER = 1e-13, 10**6
BOUND = 1e-8

with open(os.path.join(ROOT, 'src', 'lib', 'data', 'diabetes.json')) as f:
    shipped = json.load(f)
X_raw = np.array(shipped['columns'], dtype=float).T
y_raw = np.array(shipped['target'], dtype=float)
X_check, y_check = load_diabetes(return_X_y=True, scaled=False)
assert np.array_equal(X_raw, X_check) and np.array_equal(y_raw, y_check), 'diabetes.json differs from load_diabetes'


def standardize(X, y):
    mean, scale = X.mean(axis=0), X.std(axis=0)  # np.std: the 1/n convention
    return (X - mean) / scale, y - y.mean(), mean, scale, y.mean()


def kkt_violation(G, c, w, lam, alpha):
    rho = c - G @ w
    l1, l2 = lam * alpha, lam * (1 - alpha)
    active = np.abs(rho - l1 * np.sign(w) - l2 * w)
    inactive = np.maximum(np.abs(rho) - l1, 0)
    return float(np.max(np.where(w != 0, active, inactive)))


def grid(top):
    return top * RATIO ** (np.arange(COUNT) / (COUNT - 1))


def lambda_max(c, alpha):
    largest = float(np.max(np.abs(c)))
    top = largest / alpha
    while top * alpha < largest:
        top *= 1 + np.finfo(float).eps
    return top


def path(X, y, lambdas, alpha):
    with warnings.catch_warnings():
        # With tol=1e-13 sklearn's duality-gap test cannot always pass in float64; the
        # KKT check below is what certifies the solutions.
        warnings.simplefilter('ignore', ConvergenceWarning)
        if alpha == 1:
            _, coefs, _ = lasso_path(X, y, alphas=lambdas, tol=TOL, max_iter=MAX_ITER)
        else:
            _, coefs, _ = enet_path(X, y, l1_ratio=alpha, alphas=lambdas, tol=TOL, max_iter=MAX_ITER)
    return coefs.T  # one row per lambda


def ridge(G, c, lam):
    return np.linalg.solve(G + lam * np.eye(len(c)), c)


X, y, _, _, _ = standardize(X_raw, y_raw)
n, p = X.shape
G, c = X.T @ X / n, X.T @ y / n
mu = float(np.linalg.eigvalsh(G)[0])

enet = []
for alpha in (1.0, 0.5, 0.2):
    top = lambda_max(c, alpha)
    lambdas = grid(top)
    coefs = path(X, y, lambdas, alpha)
    violations = [kkt_violation(G, c, w, lam, alpha) for w, lam in zip(coefs, lambdas)]
    bounds = [np.sqrt(p) * v / (mu + lam * (1 - alpha)) for v, lam in zip(violations, lambdas)]
    assert max(bounds) < BOUND, (alpha, max(bounds))
    # sklearn leaves about 1e-14 on the first feature at lambdaMax (its own rounding).
    assert np.max(np.abs(coefs[0])) < 1e-12, 'lambdaMax must zero every coefficient'
    enet.append({
        'alpha': alpha,
        'sklearn': 'lasso_path' if alpha == 1 else f'enet_path(l1_ratio={alpha})',
        'lambdaMax': top,
        'lambdas': lambdas.tolist(),
        'coefficients': coefs.tolist(),
        'maxKktViolation': max(violations),
        'maxErrorBound': max(bounds),
    })

ridge_lambdas = np.logspace(-4, 3, 29)
ridge_coefs = np.array([ridge(G, c, lam) for lam in ridge_lambdas])
for lam, w in zip(ridge_lambdas, ridge_coefs):
    other = Ridge(alpha=n * lam, fit_intercept=False, solver='cholesky').fit(X, y).coef_
    assert np.max(np.abs(other - w)) < 1e-9, (lam, np.max(np.abs(other - w)))

# LARS-lasso knots: lars_path's alphas are max_j |x_j'r| / n at each knot, our lambda.
knots, _, lars_coefs = lars_path(X, y, method='lasso')
entries = []
for j in range(p):
    first = int(np.nonzero(lars_coefs[j])[0][0])  # first knot index with w_j != 0
    entries.append(float(knots[first - 1]))       # it joined at the knot before

# Cross-validation with fixed folds: row i is held out in fold i mod FOLDS.
def cross_validated(alpha, lambdas):
    fold_errors = []
    for f in range(FOLDS):
        held = np.arange(n) % FOLDS == f
        Xt, yt, mean, scale, ymean = standardize(X_raw[~held], y_raw[~held])
        if alpha == 0:
            Gt, ct = Xt.T @ Xt / len(yt), Xt.T @ yt / len(yt)
            coefs = np.array([ridge(Gt, ct, lam) for lam in lambdas])
        else:
            coefs = path(Xt, yt, lambdas, alpha)
        predictions = ymean + ((X_raw[held] - mean) / scale) @ coefs.T  # rows x lambdas
        fold_errors.append(np.mean((predictions - y_raw[held][:, None]) ** 2, axis=0))
    fold_errors = np.array(fold_errors)
    return {
        'alpha': alpha,
        'lambdas': list(map(float, lambdas)),
        'mean': fold_errors.mean(axis=0).tolist(),
        'standardError': (fold_errors.std(axis=0, ddof=1) / np.sqrt(FOLDS)).tolist(),
    }

cv = [cross_validated(1.0, enet[0]['lambdas']), cross_validated(0.5, enet[1]['lambdas']), cross_validated(0.0, ridge_lambdas)]

reference = {
    'generator': (f'scikit-learn {sklearn.__version__}, numpy {np.__version__}, scipy {scipy.__version__}, '
                  f'Python {platform.python_version()}, float64'),
    'command': '/usr/bin/python3 tests/reference/sklearn/paths.py',
    'standardization': 'features centred and divided by their 1/n standard deviation; target centred',
    'solver': {'tol': TOL, 'max_iter': MAX_ITER},
    'smallestEigenvalue': mu,
    'enet': enet,
    'ridge': {'lambdas': ridge_lambdas.tolist(), 'coefficients': ridge_coefs.tolist(),
              'method': 'numpy.linalg.solve(X\'X/n + lambda I, X\'y/n), checked against Ridge(alpha=n*lambda, fit_intercept=False) to 1e-9'},
    'lars': {'knots': knots.tolist(), 'entryLambdas': entries},
    'cv': {'folds': FOLDS, 'assignment': 'row i is held out in fold i mod folds', 'paths': cv},
}
with open(OUT, 'w') as f:
    json.dump(reference, f, indent=1)
    f.write('\n')
print(f'wrote {OUT}; largest error bounds', [round(e['maxErrorBound'], 12) for e in enet])
