package org.hicserve.reader.hic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hicserve.reader.io.BinaryCursor;

/**
 * The footer of a .hic file (at {@code footerPosition}): the master index of chromosome-pair matrices, the
 * expected-value vectors (validated and skipped: this reader does not serve O/E yet) and the normalization-vector index.
 * Files without normalizations may end after the expected values; that reads as an empty vector index. Immutable.
 *
 * @param masterIndex matrix records by key {@code "i_j"} (file chromosome indices, i <= j)
 * @param normVectors the normalization-vector index, in file order
 */
public record HicFooter(long nBytesV5, Map<String, MatrixEntry> masterIndex, List<NormVectorEntry> normVectors) {
    static final int MAX_ENTRIES = 50_000_000;
    static final int MAX_VECTORS = 50_000_000;

    /** Where the matrix record of one chromosome pair is. */
    public record MatrixEntry(long position, int size) {
    }

    /** One entry of the normalization-vector index. */
    public record NormVectorEntry(String type, int chrIdx, String unit, int binSize, long position, long nBytes) {
    }

    public HicFooter {
        masterIndex = Map.copyOf(masterIndex);
        normVectors = List.copyOf(normVectors);
    }

    /** Parses the footer; {@code in} is a cursor over the whole file. */
    public static HicFooter read(BinaryCursor in, HicHeader header) {
        long fileSize = in.limit();
        int version = header.version();
        in.seek(header.footerPosition(), "footerPosition");
        long nBytesV5 = version >= 9 ? in.int64("nBytesV5") : in.int32("nBytesV5");
        int nEntries = in.int32Count("nEntries", MAX_ENTRIES, 1 + 8 + 4);
        Map<String, MatrixEntry> index = new HashMap<>();
        for (int i = 0; i < nEntries; i++) {
            String key = in.cString("master index key");
            long at = in.position();
            long position = in.int64("master index position");
            int size = in.int32("master index size");
            if (position < 0 || size < 0 || position > fileSize - size) {
                throw in.malformed("master index entry " + key, "position " + position + " size " + size, at,
                        "outside the file (size " + fileSize + ")");
            }
            index.put(key, new MatrixEntry(position, size));
        }

        List<NormVectorEntry> vectors;
        if (version >= 9 && header.normVectorIndexPosition() > 0 && header.normVectorIndexLength() > 0) {
            // v9 points straight at the index; the expected values before it need not be parsed
            in.seek(header.normVectorIndexPosition(), "normVectorIndexPosition");
            vectors = readNormVectorIndex(in, version, fileSize);
        } else {
            vectors = readExpectedThenIndex(in, version, fileSize);
        }
        return new HicFooter(nBytesV5, index, vectors);
    }

    private static List<NormVectorEntry> readExpectedThenIndex(BinaryCursor in, int version, long fileSize) {
        if (in.atEnd()) {
            return List.of();
        }
        skipExpectedVectors(in, version, false);
        if (in.atEnd()) {
            return List.of(); // no normalized expected values, no vector index (hic2cool's test_hic_no_norms.hic)
        }
        skipExpectedVectors(in, version, true);
        if (in.atEnd()) {
            return List.of();
        }
        return readNormVectorIndex(in, version, fileSize);
    }

    private static void skipExpectedVectors(BinaryCursor in, int version, boolean normalized) {
        String prefix = normalized ? "normalized expected " : "expected ";
        int valueBytes = version >= 9 ? 4 : 8;
        int n = in.int32Count(prefix + "nVectors", MAX_VECTORS, 4);
        for (int i = 0; i < n; i++) {
            if (normalized) {
                in.cString(prefix + "type");
            }
            in.cString(prefix + "unit");
            in.int32(prefix + "binSize");
            long nValues = version >= 9 ? in.int64Count(prefix + "nValues", Long.MAX_VALUE, valueBytes)
                    : in.int32Count(prefix + "nValues", Integer.MAX_VALUE, valueBytes);
            in.skip(nValues * valueBytes, prefix + "values");
            int nFactors = in.int32Count(prefix + "nChrScaleFactors", Integer.MAX_VALUE, 4 + valueBytes);
            in.skip((long) nFactors * (4 + valueBytes), prefix + "chrScaleFactors");
        }
    }

    private static List<NormVectorEntry> readNormVectorIndex(BinaryCursor in, int version, long fileSize) {
        int sizeBytes = version >= 9 ? 8 : 4;
        int n = in.int32Count("nNormVectors", MAX_VECTORS, 1 + 4 + 1 + 4 + 8 + sizeBytes);
        List<NormVectorEntry> out = new ArrayList<>(Math.min(n, 4096));
        for (int i = 0; i < n; i++) {
            String type = in.cString("normalization type");
            int chrIdx = in.int32("normalization chrIdx");
            String unit = in.cString("normalization unit");
            int binSize = in.int32("normalization binSize");
            long at = in.position();
            long position = in.int64("normalization vector position");
            long nBytes = version >= 9 ? in.int64("normalization vector nBytes") : in.int32("normalization vector nBytes");
            if (position < 0 || nBytes < 0 || position > fileSize || nBytes > fileSize - position) {
                throw in.malformed("normalization vector " + type + "/" + chrIdx + "/" + unit + "/" + binSize,
                        "position " + position + " nBytes " + nBytes, at, "outside the file (size " + fileSize + ")");
            }
            out.add(new NormVectorEntry(type, chrIdx, unit, binSize, position, nBytes));
        }
        return out;
    }
}
