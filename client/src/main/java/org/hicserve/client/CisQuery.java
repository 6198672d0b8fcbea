package org.hicserve.client;

import java.util.List;

/**
 * All cis (intra-chromosomal) pixels of some chromosomes ({@code /api/v1/cis}): the upper triangle of each
 * chromosome, chromosomes in file order, as one table. Immutable and thread-safe: each method returns a changed copy.
 *
 * <pre>{@code
 * CisQuery q = CisQuery.of("sample.hic").resolution(5_000).chromosomes("chr1", "chr2").normalization("VC");
 * }</pre>
 */
public final class CisQuery extends BaseQuery<CisQuery> implements HicQuery {
    /** The parameters of {@code /api/v1/cis}, in the order they are sent. */
    private static final Params PARAMETERS = Params.of(Param.FILE, Param.RESOLUTION, Param.CHROMOSOMES,
            Param.NORMALIZATION, Param.JOIN, Param.MATRIX_TYPE, Param.COUNT_TYPE, Param.FORMAT);

    private CisQuery(Params params) {
        super(params);
    }

    /** All chromosomes of a file (path relative to the service's data directory). */
    public static CisQuery of(String file) {
        return new CisQuery(PARAMETERS.with(Param.FILE, requireText(file, "file")));
    }

    @Override
    CisQuery with(Params params) {
        return new CisQuery(params);
    }

    /** Only these chromosomes (answered in file order whatever the order here); none given means all. */
    public CisQuery chromosomes(String... names) {
        return chromosomes(List.of(names));
    }

    /** Only these chromosomes (answered in file order whatever the order here); an empty list means all. */
    public CisQuery chromosomes(List<String> names) {
        for (String n : names) {
            requireText(n, "chromosome name");
            if (n.contains(",")) {
                throw new IllegalArgumentException("a chromosome name cannot contain ',' here: '" + n + "'");
            }
        }
        return with(Param.CHROMOSOMES, List.copyOf(names));
    }

    /** The chromosomes asked for; empty means all. */
    public List<String> chromosomes() {
        return get(Param.CHROMOSOMES);
    }
}
