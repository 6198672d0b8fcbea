package org.hicserve.client;

/**
 * One pixel of an answer with {@code join=true}: genomic coordinates of both bins and the value.
 *
 * @param chrom1 chromosome of the row bin
 * @param start1 start of the row bin (0-based)
 * @param end1 end of the row bin (exclusive)
 * @param chrom2 chromosome of the column bin
 * @param start2 start of the column bin
 * @param end2 end of the column bin
 * @param count the raw count (widened to double) or the normalized value
 */
public record JoinedPixel(String chrom1, int start1, int end1, String chrom2, int start2, int end2, double count) {
}
