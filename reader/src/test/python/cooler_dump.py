#!/usr/bin/python3
"""Reference pixels for hicserve's CoolerDumpEqualityTest, computed with the `cooler` Python API.

usage:
  cooler_dump.py pixels URI RANGE1 [RANGE2] [--balance NAME] [--divisive]
      Cooler(URI).matrix(balance=..., as_pixels=True, join=False, divisive_weights=...).fetch(RANGE1[, RANGE2]):
      the stored (upper-triangle) pixels, in file order.
  cooler_dump.py sparse URI RANGE1 [RANGE2] [--balance NAME] [--divisive]
      Cooler(URI).matrix(sparse=True, ...).fetch(RANGE1[, RANGE2]) as COO (lower triangle filled in), with the
      row/column indices shifted to genome-wide bin ids; order is scipy's, so callers sort.
  cooler_dump.py chunks FILE DATASET
      the chunk index of an HDF5 dataset (h5py get_chunk_info): "index<TAB>byte_offset<TAB>size" per chunk,
      or "contiguous<TAB>offset<TAB>size" for an unchunked dataset.

Pixel output: one "bin1_id<TAB>bin2_id<TAB>value" line per pixel; value is the raw count (an integer for
integer files, repr() of the float64 otherwise) or the balanced value as repr() of the float64 (shortest string
that round-trips, so Java's Double.parseDouble gives back the same bits). Pixels whose balanced value is not
finite are left out, as the REFERENCE.md tallies (and hicserve) do.
"""
import math
import sys


def parse_args(argv):
    pos, balance, divisive = [], False, False
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--balance":
            balance = argv[i + 1]
            i += 2
            continue
        if a == "--divisive":
            divisive = True
        else:
            pos.append(a)
        i += 1
    return pos, balance, divisive


def fmt(v, integer):
    if integer:
        return str(int(v))
    return repr(float(v))


def dump_pixels(uri, r1, r2, balance, divisive, out):
    import cooler
    c = cooler.Cooler(uri)
    m = c.matrix(balance=balance, as_pixels=True, join=False, divisive_weights=divisive)
    df = m.fetch(r1) if r2 is None else m.fetch(r1, r2)
    b1 = df["bin1_id"].to_numpy()
    b2 = df["bin2_id"].to_numpy()
    if balance:
        vals = df["balanced"].to_numpy()
        integer = False
    else:
        vals = df["count"].to_numpy()
        integer = vals.dtype.kind in "iu"
    for a, b, v in zip(b1.tolist(), b2.tolist(), vals.tolist()):
        if not integer and not math.isfinite(v):
            continue
        out.write(f"{a}\t{b}\t{fmt(v, integer)}\n")


def dump_sparse(uri, r1, r2, balance, divisive, out):
    import cooler
    c = cooler.Cooler(uri)
    m = c.matrix(balance=balance, sparse=True, divisive_weights=divisive)
    mat = m.fetch(r1) if r2 is None else m.fetch(r1, r2)
    off1 = c.extent(r1)[0]
    off2 = c.extent(r1 if r2 is None else r2)[0]
    integer = (not balance) and mat.data.dtype.kind in "iu"
    for i, j, v in zip(mat.row.tolist(), mat.col.tolist(), mat.data.tolist()):
        if not integer and not math.isfinite(v):
            continue
        out.write(f"{i + off1}\t{j + off2}\t{fmt(v, integer)}\n")


def dump_chunks(path, dataset, out):
    import h5py
    with h5py.File(path, "r") as f:
        ds = f[dataset]
        if ds.chunks is None:
            out.write(f"contiguous\t{ds.id.get_offset()}\t{ds.id.get_storage_size()}\n")
            return
        for k in range(ds.id.get_num_chunks()):
            info = ds.id.get_chunk_info(k)
            out.write(f"{k}\t{info.byte_offset}\t{info.size}\n")


def main(argv):
    pos, balance, divisive = parse_args(argv[1:])
    if not pos:
        sys.exit(__doc__)
    cmd = pos[0]
    out = sys.stdout
    if cmd in ("pixels", "sparse") and len(pos) in (3, 4):
        r2 = pos[3] if len(pos) == 4 else None
        (dump_pixels if cmd == "pixels" else dump_sparse)(pos[1], pos[2], r2, balance, divisive, out)
    elif cmd == "chunks" and len(pos) == 3:
        dump_chunks(pos[1], pos[2], out)
    elif cmd == "check":
        import cooler  # noqa: F401  (exit status 0 iff cooler imports)
    else:
        sys.exit(__doc__)
    out.flush()


if __name__ == "__main__":
    main(sys.argv)
