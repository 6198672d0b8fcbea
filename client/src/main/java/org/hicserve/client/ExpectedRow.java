package org.hicserve.client;

/**
 * One row of the expected table ({@code GET /api/v1/expected}): one diagonal of one chromosome. A value the
 * file does not provide is NaN ({@code countSum} of a .hic, which stores averages only; {@code balanced*} of a
 * raw table).
 *
 * @param dist distance in bins; {@code distBp} the same in bp
 * @param nValid bin pairs on the diagonal whose weights are both usable
 */
public record ExpectedRow(String chrom, long dist, long distBp, long nValid, double countSum, double countAvg,
        double balancedSum, double balancedAvg) {
}
