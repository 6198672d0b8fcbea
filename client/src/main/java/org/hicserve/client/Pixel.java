package org.hicserve.client;

/**
 * One pixel of an answer without {@code join}: genome-wide bin ids and the value (raw counts widened to double).
 *
 * @param bin1 the row bin id ({@code bin1_id})
 * @param bin2 the column bin id ({@code bin2_id})
 * @param count the raw count, or the normalized value when a normalization was asked
 */
public record Pixel(long bin1, long bin2, double count) {
}
