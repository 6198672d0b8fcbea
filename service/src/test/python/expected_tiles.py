"""Expected HiGlass tiles of a cooler file, computed independently of hicserve with cooler's own dense matrix.

usage: expected_tiles.py FILE RES:X:Y:TRANSFORM ...   (TRANSFORM: None, weight, or a divisive column such as KR)
writes, per spec, 256 x 256 little-endian float32 values (row = bin2 cell, column = bin1 cell) to stdout.

Geometry (clodius' layout): chromosomes concatenated in file order; tile X covers genome positions
[X*256*RES, (X+1)*256*RES); a bin is put in cell (genome_start - tile_start) // RES; when two bins fall in one cell
(a short last bin of a chromosome and the next chromosome's first bin) the later one is shown; empty pixels 0;
bins with NaN weights NaN (rows and columns); cells from the one holding the genome's end onwards NaN.
"""
import sys

import cooler
import numpy as np

SIZE = 256


def axis(gstart, t, res):
    t0 = t * SIZE * res
    idx = np.flatnonzero((gstart >= t0) & (gstart < t0 + SIZE * res))
    cells = (gstart[idx] - t0) // res
    keep = np.r_[cells[1:] != cells[:-1], True] if len(cells) else np.array([], dtype=bool)
    return idx[keep], cells[keep].astype(int), t0


def main():
    path = sys.argv[1]
    multi = cooler.fileops.is_multires_file(path)
    out = sys.stdout.buffer
    for spec in sys.argv[2:]:
        res, x, y, transform = spec.split(":")
        res, x, y = int(res), int(x), int(y)
        c = cooler.Cooler(f"{path}::/resolutions/{res}" if multi else path)
        assert c.binsize == res, (c.binsize, res)
        bins = c.bins()[["chrom", "start"]][:]
        ids = {n: i for i, n in enumerate(c.chromnames)}
        offsets = np.r_[0, np.cumsum(c.chromsizes.values)]
        gstart = offsets[bins["chrom"].astype(str).map(ids).values] + bins["start"].values
        total = offsets[-1]
        xi, xc, x0 = axis(gstart, x, res)
        yi, yc, y0 = axis(gstart, y, res)
        tile = np.zeros((SIZE, SIZE), dtype=np.float64)
        if len(xi) and len(yi):
            if transform == "None":
                mat = c.matrix(balance=False)
            elif transform == "weight":
                mat = c.matrix(balance="weight")
            else:
                mat = c.matrix(balance=transform, divisive_weights=True)
            m = mat[xi[0]:xi[-1] + 1, yi[0]:yi[-1] + 1].astype(np.float64)
            sub = m[np.ix_(xi - xi[0], yi - yi[0])]  # [x bin, y bin]
            tile[np.ix_(yc, xc)] = sub.T
            if transform != "None":
                w = c.bins()[transform][:].values
                bad = ~np.isfinite(w)
                if transform != "weight":
                    bad |= w == 0
                tile[:, xc[bad[xi]]] = np.nan
                tile[yc[bad[yi]], :] = np.nan
        for t0, cols in ((x0, True), (y0, False)):
            end = 0 if total <= t0 else min(SIZE, (total - t0) // res)
            if cols:
                tile[:, end:] = np.nan
            else:
                tile[end:, :] = np.nan
        out.write(tile.astype("<f4").tobytes())


if __name__ == "__main__":
    main()
