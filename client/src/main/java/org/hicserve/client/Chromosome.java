package org.hicserve.client;

/**
 * A chromosome of a file, as listed by {@link HicClient#describe(String)} (in file order).
 *
 * @param name its name in the file, e.g. {@code chr1} or {@code 1}
 * @param length its length in bp (or fragments for FRAG-unit .hic files)
 */
public record Chromosome(String name, long length) {
    /** Number of bins of this chromosome at a fixed bin size: {@code ceil(length / resolution)}. */
    public long binCount(int resolution) {
        if (resolution <= 0) {
            throw new IllegalArgumentException("resolution must be positive, not " + resolution);
        }
        return (length + resolution - 1) / resolution;
    }
}
