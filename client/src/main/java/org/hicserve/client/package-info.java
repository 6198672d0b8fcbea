/**
 * Java client of the hicserve HTTP API.
 *
 * <p>{@link org.hicserve.client.HicClient} (built once, shared between threads) sends immutable queries —
 * {@link org.hicserve.client.Query} for one rectangle, {@link org.hicserve.client.CisQuery} for all cis pixels of some
 * chromosomes — and returns the answer as Arrow record batches ({@link org.hicserve.client.PixelStream}), as
 * {@link org.hicserve.client.Pixel} / {@link org.hicserve.client.JoinedPixel} records, as COO arrays
 * ({@link org.hicserve.client.CooMatrix}) or as a dense {@code double[][]}. Every failure is an unchecked
 * {@link org.hicserve.client.HicServeException}; an answer cut short is a
 * {@link org.hicserve.client.TruncatedStreamException}, never a shorter result.
 *
 * <p>Inside, each query parameter of the API is declared once ({@code Param}: its name on the wire, its default, how
 * it is written); {@code Params} turns a request's values into its query string, and {@code BaseQuery} holds what
 * both query kinds share.
 */
package org.hicserve.client;
