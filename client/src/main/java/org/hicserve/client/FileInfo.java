package org.hicserve.client;

/**
 * One servable file of {@link HicClient#files()}.
 *
 * @param name the path relative to the service's data directory, as passed to {@link Query#of(String)}
 * @param format {@code cool}, {@code mcool} or {@code hic}
 * @param sizeBytes size of the file on the server
 */
public record FileInfo(String name, String format, long sizeBytes) {
}
