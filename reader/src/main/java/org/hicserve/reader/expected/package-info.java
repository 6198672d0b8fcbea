/**
 * Expected contact frequency by distance (the "distance decay", P(s)) and what it is used for: the per-diagonal
 * table of a chromosome ({@link org.hicserve.reader.expected.DiagonalRows}), the expected of a whole file at one
 * resolution and normalization, either computed from the pixels the way cooltools' {@code expected_cis} does
 * ({@link org.hicserve.reader.expected.ExpectedTable}, {@link org.hicserve.reader.expected.ExpectedCalculator}) or
 * the vectors a .hic footer stores ({@link org.hicserve.reader.expected.StoredExpected}), and the entry point that
 * turns an observed query into an expected or observed/expected one ({@link org.hicserve.reader.expected.Expectations}).
 */
package org.hicserve.reader.expected;
