package org.hicserve.client;

/**
 * A query of pixels: a {@link Query} (one rectangle, {@code /api/v1/pixels}) or a {@link CisQuery} (all cis pixels of
 * some chromosomes, {@code /api/v1/cis}). Both are immutable values: every "setter" returns a changed copy, so a
 * query may be kept, shared between threads and reused.
 */
public sealed interface HicQuery permits Query, CisQuery {
    /** The file, relative to the service's data directory. */
    String file();

    /** The normalization asked for; {@code NONE} (raw counts) unless set. */
    String normalization();

    /** Whether the answer has genomic coordinates ({@code chrom1, start1, ...}) instead of bin ids. */
    boolean join();

    /** A copy with {@code join} set. */
    HicQuery join(boolean join);

    /** The query parameters as sent, e.g. {@code file=sample.mcool&resolution=5000&range1=chr1}. */
    String toQueryString();
}
