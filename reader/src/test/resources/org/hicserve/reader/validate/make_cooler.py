#!/usr/bin/python3
"""Writes small synthetic coolers for hicserve's ValidatorTest and fuzz seeds, then corrupts them on request.

usage: make_cooler.py OUT MODE
  MODE  clean         a valid .cool: chrA (100 kb) and chrB (60 kb) at 10 kb, 16 bins, upper-triangle pixels
        mcool         a valid .mcool with resolutions 10000 and 20000 (cooler.zoomify_cooler)
        swap          two pixels of one row swapped in pixels/bin2_id (unsorted pixel table)
        dupes         a row written twice, as cooler <= 0.8.3 zoomify did (duplicate / overlapping rows)
        offset        indexes/bin1_offset of one row moved back by one (still non-decreasing): the row's first
                      pixel is attributed to the previous row
        offset_decr   indexes/bin1_offset with two entries swapped (decreasing index)
        lower         one pixel moved below the diagonal (bin2_id < bin1_id)
        bins          bins/end of one bin wrong and the nnz attribute off by one: metadata loading (which computes
                      fixed bins and counts the pixel rows) accepts the file, the cheap check does not
Prints, on success, the row or pixel index that was corrupted (or -1).
"""
import sys

import cooler
import h5py
import numpy as np
import pandas as pd


def pixels():
    rows = []
    for i in range(16):
        for j in range(i, 16):
            if (i * 7 + j * 3) % 4 != 0:
                rows.append((i, j, 1 + (i * 31 + j * 17) % 50))
    return pd.DataFrame(rows, columns=["bin1_id", "bin2_id", "count"])


def main():
    out, mode = sys.argv[1], sys.argv[2]
    chroms = pd.Series({"chrA": 100_000, "chrB": 60_000})
    bins = cooler.binnify(chroms, 10_000)
    px = pixels()
    if mode == "dupes":
        # row 4 written twice in a row: what an invalid zoomify index makes a reader see
        r4 = px[px.bin1_id == 4]
        before = px[px.bin1_id < 4]
        after = px[px.bin1_id > 4]
        px = pd.concat([before, r4, r4, after], ignore_index=True)
        cooler.create_cooler(out, bins, px, ordered=True, dupcheck=False, triucheck=False, boundscheck=False,
                             dtypes={"count": "int32"})
        print(len(before) + len(r4))
        return
    if mode == "mcool":
        tmp = out + ".base.cool"
        cooler.create_cooler(tmp, bins, px, dtypes={"count": "int32"})
        cooler.zoomify_cooler(tmp, out, [10_000, 20_000], chunksize=1000)
        import os
        os.remove(tmp)
        print(-1)
        return
    cooler.create_cooler(out, bins, px, dtypes={"count": "int32"})
    with h5py.File(out, "r+") as f:
        off = f["indexes/bin1_offset"][:]
        if mode == "clean":
            print(-1)
        elif mode == "swap":
            r = 3
            i = int(off[r])
            b2 = f["pixels/bin2_id"]
            a = b2[i:i + 2]
            b2[i:i + 2] = a[::-1]
            print(i + 1)
        elif mode == "offset":
            r = 5
            off[r] -= 1
            f["indexes/bin1_offset"][:] = off
            print(r)
        elif mode == "offset_decr":
            r = 5
            off[r], off[r + 1] = off[r + 1], off[r]
            f["indexes/bin1_offset"][:] = off
            print(r)
        elif mode == "lower":
            r = 6
            i = int(off[r]) + 1
            f["pixels/bin2_id"][i] = 2
            print(i)
        elif mode == "bins":
            r = 3
            f["bins/end"][r] = f["bins/end"][r] + 1
            f.attrs["nnz"] = f.attrs["nnz"] + 1
            print(r)
        else:
            raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
