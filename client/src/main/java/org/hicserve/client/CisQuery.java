package org.hicserve.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * All cis (intra-chromosomal) pixels of some chromosomes ({@code /api/v1/cis}): the upper triangle of each
 * chromosome, chromosomes in file order, as one table. Immutable and thread-safe: each method returns a changed copy.
 *
 * <pre>{@code
 * CisQuery q = CisQuery.of("sample.hic").resolution(5_000).chromosomes("chr1", "chr2").normalization("VC");
 * }</pre>
 */
public final class CisQuery implements HicQuery {
    private final String file;
    private final int resolution;
    private final List<String> chromosomes;
    private final String normalization;
    private final boolean join;
    private final MatrixType matrixType;
    private final CountType countType; // null: the file's own

    private CisQuery(String file, int resolution, List<String> chromosomes, String normalization, boolean join,
            MatrixType matrixType, CountType countType) {
        this.matrixType = matrixType;
        this.countType = countType;
        this.file = file;
        this.resolution = resolution;
        this.chromosomes = chromosomes;
        this.normalization = normalization;
        this.join = join;
    }

    /** All chromosomes of a file (path relative to the service's data directory). */
    public static CisQuery of(String file) {
        return new CisQuery(Query.requireText(file, "file"), 0, List.of(), "NONE", false, MatrixType.OBSERVED, null);
    }

    /** The bin size; unset, the service picks the only one of a single-resolution file. */
    public CisQuery resolution(int resolution) {
        if (resolution <= 0) {
            throw new IllegalArgumentException("resolution must be positive, not " + resolution);
        }
        return new CisQuery(file, resolution, chromosomes, normalization, join, matrixType, countType);
    }

    /** Only these chromosomes (answered in file order whatever the order here); none given means all. */
    public CisQuery chromosomes(String... names) {
        return chromosomes(List.of(names));
    }

    /** Only these chromosomes (answered in file order whatever the order here); an empty list means all. */
    public CisQuery chromosomes(List<String> names) {
        for (String n : names) {
            Query.requireText(n, "chromosome name");
            if (n.contains(",")) {
                throw new IllegalArgumentException("a chromosome name cannot contain ',' here: '" + n + "'");
            }
        }
        return new CisQuery(file, resolution, List.copyOf(names), normalization, join, matrixType, countType);
    }

    /** {@code NONE} (raw counts, the default) or a normalization the file stores. */
    public CisQuery normalization(String normalization) {
        return new CisQuery(file, resolution, chromosomes,
                Query.requireText(normalization, "normalization").strip(), join, matrixType, countType);
    }

    /** Genomic coordinates instead of bin ids. */
    @Override
    public CisQuery join(boolean join) {
        return new CisQuery(file, resolution, chromosomes, normalization, join, matrixType, countType);
    }

    /** Observed (the default), expected, or observed / expected. */
    public CisQuery matrixType(MatrixType type) {
        return new CisQuery(file, resolution, chromosomes, normalization, join, java.util.Objects.requireNonNull(type),
                countType);
    }

    /** Raw counts as int32 or float64; unset, the file's own type. */
    public CisQuery countType(CountType type) {
        return new CisQuery(file, resolution, chromosomes, normalization, join, matrixType,
                java.util.Objects.requireNonNull(type));
    }

    public MatrixType matrixType() {
        return matrixType;
    }

    public java.util.Optional<CountType> countType() {
        return java.util.Optional.ofNullable(countType);
    }

    @Override
    public String file() {
        return file;
    }

    /** The bin size, if set. */
    public OptionalInt resolution() {
        return resolution == 0 ? OptionalInt.empty() : OptionalInt.of(resolution);
    }

    /** The chromosomes asked for; empty means all. */
    public List<String> chromosomes() {
        return chromosomes;
    }

    @Override
    public String normalization() {
        return normalization;
    }

    @Override
    public boolean join() {
        return join;
    }

    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("file", file);
        if (resolution != 0) {
            p.put("resolution", Integer.toString(resolution));
        }
        if (!chromosomes.isEmpty()) {
            p.put("chromosomes", String.join(",", chromosomes));
        }
        if (!normalization.equalsIgnoreCase("NONE")) {
            p.put("normalization", normalization);
        }
        if (join) {
            p.put("join", "true");
        }
        if (matrixType != MatrixType.OBSERVED) {
            p.put("matrix_type", matrixType.apiName());
        }
        if (countType != null) {
            p.put("count_type", countType.apiName());
        }
        return p;
    }

    @Override
    public String toQueryString() {
        return Urls.queryString(parameters());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CisQuery q && q.parameters().equals(parameters());
    }

    @Override
    public int hashCode() {
        return parameters().hashCode();
    }

    @Override
    public String toString() {
        return "CisQuery[" + toQueryString() + "]";
    }
}
