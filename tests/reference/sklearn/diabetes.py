#!/usr/bin/env python3
"""Export scikit-learn's diabetes data (442 patients x 10 baseline variables, and a
measure of disease progression one year later) to src/lib/data/diabetes.json.

The data are those of Efron, Hastie, Johnstone and Tibshirani, "Least Angle Regression",
Annals of Statistics 32 (2004), 407-499; scikit-learn ships them (BSD-3-Clause licence) as
sklearn.datasets.load_diabetes. We export the raw, unscaled values
(load_diabetes(scaled=False)), column by column, each number in its shortest decimal form
(which is how the values are written in scikit-learn's own diabetes_data_raw.csv.gz), so
the file is small and reads back to exactly the same doubles.

    usage: /usr/bin/python3 tests/reference/sklearn/diabetes.py [OUT.json]

OUT defaults to src/lib/data/diabetes.json. Running it twice gives byte-identical files.
Use /usr/bin/python3 (Debian's python3-sklearn); a pyenv python3 may lack scikit-learn.
"""
import json, os, sys
import numpy as np
import sklearn
from sklearn.datasets import load_diabetes

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'src', 'lib', 'data', 'diabetes.json')


def number(value):
    """The shortest decimal that reads back to the same double; whole numbers without '.0'."""
    value = float(value)
    return int(value) if value.is_integer() else value


bunch = load_diabetes(scaled=False)
x, y = bunch.data, bunch.target
assert x.shape == (442, 10) and y.shape == (442,), (x.shape, y.shape)
assert list(bunch.feature_names) == ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']

data = {
    'generator': f'scikit-learn {sklearn.__version__} load_diabetes(scaled=False), via tests/reference/sklearn/diabetes.py',
    'featureNames': list(bunch.feature_names),
    'columns': [[number(v) for v in x[:, j]] for j in range(x.shape[1])],
    'target': [number(v) for v in y],
}
text = json.dumps(data, separators=(',', ':')) + '\n'

# Reading the file back must give exactly scikit-learn's doubles.
back = json.loads(text)
assert np.array_equal(np.array(back['columns'], dtype=float).T, x)
assert np.array_equal(np.array(back['target'], dtype=float), y)

with open(OUT, 'w') as f:
    f.write(text)
print(f'wrote {OUT}: {len(text.encode())} bytes')
