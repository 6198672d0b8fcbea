#!/usr/bin/python3
"""Reference per-diagonal expected for hicserve's CoolerExpectedTest, computed with the `cooler` Python API and numpy
(cooltools' expected_cis rule, one region per chromosome, no smoothing, no ignored diagonals).

usage: cooler_expected.py URI [--balance NAME] [--divisive]

For every chromosome and every diagonal d = bin2 - bin1 (0 .. n-1) prints
"chrom<TAB>d<TAB>n_valid<TAB>count_sum<TAB>balanced_sum" where
  count_sum    = sum of the raw counts of every stored pixel on the diagonal,
  balanced_sum = sum of count*w1*w2 (count/(w1*w2) with --divisive) over pixels whose value is finite,
  n_valid      = number of bin pairs (i, i+d) whose weights are both finite (and non-zero with --divisive);
without --balance, balanced_sum is "nan" and n_valid is n - d. Floats are repr() (round-trip exact).
"""
import sys

import cooler
import numpy as np


def main(argv):
    uri = argv[0]
    balance = None
    divisive = "--divisive" in argv
    if "--balance" in argv:
        balance = argv[argv.index("--balance") + 1]
    clr = cooler.Cooler(uri)
    out = sys.stdout
    for chrom in clr.chromnames:
        lo, hi = clr.extent(chrom)
        n = hi - lo
        if n == 0:
            continue
        px = clr.matrix(balance=False, as_pixels=True).fetch(chrom)
        b1 = px["bin1_id"].to_numpy()
        b2 = px["bin2_id"].to_numpy()
        count = px["count"].to_numpy().astype(np.float64)
        d = np.abs(b2 - b1)
        count_sum = np.bincount(d, weights=count, minlength=n)
        if balance:
            w = clr.bins()[lo:hi][balance].to_numpy().astype(np.float64)
            w1 = w[np.minimum(b1, b2) - lo]
            w2 = w[np.maximum(b1, b2) - lo]
            with np.errstate(divide="ignore", invalid="ignore"):
                v = count / (w1 * w2) if divisive else count * w1 * w2
            ok = np.isfinite(v)
            balanced_sum = np.bincount(d[ok], weights=v[ok], minlength=n)
            valid = np.isfinite(w)
            if divisive:
                valid &= w != 0
            n_valid = [int(np.count_nonzero(valid[: n - k] & valid[k:])) for k in range(n)]
        else:
            balanced_sum = [float("nan")] * n
            n_valid = [n - k for k in range(n)]
        for k in range(n):
            out.write(f"{chrom}\t{k}\t{n_valid[k]}\t{float(count_sum[k])!r}\t{float(balanced_sum[k])!r}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
