package org.hicserve.reader.model;

/** One pixel, for tests and small answers; the hot path uses {@link PixelBatch}. */
public record Pixel(long bin1, long bin2, double count) {
}
