package org.hicserve.client;

import java.util.Locale;

/**
 * What a pixels or cis query answers for each stored pixel ({@code matrix_type}): the observed value, the
 * expected value of its diagonal (cis) or chromosome pair (trans), or observed / expected. Expected values come
 * from the vectors a .hic file stores, or are computed from a cooler's pixels as cooltools does.
 */
public enum MatrixType {
    OBSERVED,
    EXPECTED,
    OE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
