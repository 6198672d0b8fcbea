package org.hicserve.reader.convert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.Reference;

/**
 * Serializes the .hic v9 structures other than blocks, field by field as {@code HicHeader}, {@code MatrixZoom} and
 * {@code HicFooter} of the reader parse them (FORMATS.md): the header, one matrix record per chromosome pair, and the
 * footer with the master index, the expected-value vectors, the normalized expected-value vectors, the
 * normalization-vector index and the vectors themselves (placed right after the index, as Juicer Tools does). Stateless.
 */
final class HicLayout {
    static final int VERSION = 9;
    /** Master-index keys "i_j" by (i, j) numerically, the order Juicer Tools writes pairs in. */
    static final Comparator<String> KEY_ORDER = Comparator
            .comparingInt((String k) -> Integer.parseInt(k.substring(0, k.indexOf('_'))))
            .thenComparingInt(k -> Integer.parseInt(k.substring(k.indexOf('_') + 1)));

    private HicLayout() {
    }

    /** The header and where its forward pointers are, to be patched once the footer is written. */
    record Header(LittleEndianBuffer buffer, int footerPositionAt, int nviPositionAt) {
    }

    static Header header(Reference reference, String genomeId, List<Integer> resolutions, boolean floatCounts) {
        LittleEndianBuffer b = new LittleEndianBuffer(4096);
        b.putByte('H').putByte('I').putByte('C').putByte(0);
        b.putInt(VERSION);
        int footerAt = b.size();
        b.putLong(0);
        b.putString(genomeId);
        int nviAt = b.size();
        b.putLong(0).putLong(0);
        List<String[]> attributes = new ArrayList<>();
        attributes.add(new String[] {"software", CoolerToHic.SOFTWARE});
        attributes.add(new String[] {"hicFileScalingFactor", "1.0"});
        if (floatCounts) {
            attributes.add(new String[] {CoolerToHic.COUNT_TYPE_ATTRIBUTE, "float"});
        }
        b.putInt(attributes.size());
        for (String[] a : attributes) {
            b.putString(a[0]).putString(a[1]);
        }
        b.putInt(reference.size() + 1);
        long genome = 0;
        for (Chromosome c : reference.chromosomes()) {
            genome += c.length();
        }
        b.putString("All").putLong(genome / 1000);
        for (Chromosome c : reference.chromosomes()) {
            b.putString(c.name()).putLong(c.length());
        }
        b.putInt(resolutions.size());
        for (int r : resolutions) {
            b.putInt(r);
        }
        b.putInt(0); // no fragment resolutions
        return new Header(b, footerAt, nviAt);
    }

    /** {@code chr1Idx, chr2Idx, nResolutions}, then a zoom header per resolution in the header's order. */
    static LittleEndianBuffer matrixRecord(String key, Map<Integer, ZoomRecord> byResolution, List<Integer> resolutions) {
        int i = Integer.parseInt(key.substring(0, key.indexOf('_')));
        int j = Integer.parseInt(key.substring(key.indexOf('_') + 1));
        LittleEndianBuffer b = new LittleEndianBuffer(1024);
        b.putInt(i).putInt(j);
        int n = 0;
        for (int r : resolutions) {
            if (byResolution.containsKey(r)) {
                n++;
            }
        }
        b.putInt(n);
        for (int idx = 0; idx < resolutions.size(); idx++) {
            ZoomRecord z = byResolution.get(resolutions.get(idx));
            if (z != null) {
                z.writeTo(b, idx);
            }
        }
        return b;
    }

    /** The footer bytes, and the position and length of its normalization-vector index. */
    record Footer(LittleEndianBuffer buffer, long nviPosition, long nviLength) {
    }

    /**
     * @param footerAt where the footer will start in the file (vector positions are absolute)
     * @param masterIndex (position, size) of each matrix record by key
     */
    static Footer footer(long footerAt, Map<String, long[]> masterIndex, List<ResolutionPlan> plans,
            Reference reference) {
        LittleEndianBuffer b = new LittleEndianBuffer(1 << 16);
        b.putLong(0); // nBytesV5, patched below
        int v5Start = b.size();
        b.putInt(masterIndex.size());
        for (Map.Entry<String, long[]> e : masterIndex.entrySet()) {
            b.putString(e.getKey()).putLong(e.getValue()[0]).putInt((int) e.getValue()[1]);
        }
        b.putInt(plans.size());
        for (ResolutionPlan p : plans) {
            putExpected(b, p.observed().compute(), null, p.binSize());
        }
        b.patchLong(0, b.size() - v5Start);
        int normalizedCount = 0;
        for (ResolutionPlan p : plans) {
            normalizedCount += p.normalized().size();
        }
        b.putInt(normalizedCount);
        for (ResolutionPlan p : plans) {
            for (ExpectedVector e : p.normalized()) {
                putExpected(b, e.compute(), e.normalization, p.binSize());
            }
        }

        // the vector index, then the vectors it points at
        record Entry(String type, int chrIdx, int binSize, float[] values, long first, long count) {
        }
        List<Entry> entries = new ArrayList<>();
        long indexBytes = 4;
        for (ResolutionPlan p : plans) {
            for (HicNormalization n : p.normalizations()) {
                long offset = 0;
                for (Chromosome c : reference.chromosomes()) {
                    long count = (c.length() + p.binSize() - 1) / p.binSize();
                    entries.add(new Entry(n.hicName(), c.id() + 1, p.binSize(), n.values(), offset, count));
                    offset += count;
                    indexBytes += LittleEndianBuffer.stringBytes(n.hicName()) + 4 + LittleEndianBuffer.stringBytes("BP")
                            + 4 + 8 + 8;
                }
            }
        }
        long nviPosition = footerAt + b.size();
        long vectorAt = nviPosition + indexBytes;
        b.putInt(entries.size());
        for (Entry e : entries) {
            long nBytes = 8 + 4 * e.count();
            b.putString(e.type()).putInt(e.chrIdx()).putString("BP").putInt(e.binSize()).putLong(vectorAt)
                    .putLong(nBytes);
            vectorAt += nBytes;
        }
        if (footerAt + b.size() != nviPosition + indexBytes) {
            throw new IllegalStateException("normalization vector index size miscounted");
        }
        for (Entry e : entries) {
            b.putLong(e.count());
            for (long k = 0; k < e.count(); k++) {
                b.putFloat(e.values()[(int) (e.first() + k)]);
            }
        }
        return new Footer(b, nviPosition, indexBytes);
    }

    /** One expected-value vector: [type,] unit, binSize, nValues (int64), float32 values, then the factors. */
    private static void putExpected(LittleEndianBuffer b, ExpectedVector.Result r, String type, int binSize) {
        if (type != null) {
            b.putString(type);
        }
        b.putString("BP").putInt(binSize).putLong(r.values().length);
        for (double v : r.values()) {
            b.putFloat((float) v);
        }
        b.putInt(r.chrScaleFactors().size());
        for (Map.Entry<Integer, Double> f : r.chrScaleFactors().entrySet()) {
            b.putInt(f.getKey()).putFloat(f.getValue().floatValue());
        }
    }
}
