/**
 * The service side of expected values: where a file's expected comes from (stored in a .hic, or computed from a
 * cooler's pixels on the executor and cached in the metadata cache), the {@code expected} endpoint's per-diagonal
 * table and its formats (Arrow, TSV, JSON, and a log-log P(s) plot as PNG).
 */
package org.hicserve.service.expected;
