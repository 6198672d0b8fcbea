/**
 * Writes Juicer {@code .hic} version 9 files from cooler files ({@code hicserve convert}): a block encoder, the block
 * grid Juicer Tools uses, bounded-memory sorting of pixels into blocks (spilling sorted runs to disk past a budget),
 * matrix records and the master index, the expected-value vectors computed as Juicer computes them, the
 * normalization-vector section, a temp-file-then-atomic-move output and a progress listener. The layout mirrors what
 * {@link org.hicserve.reader.hic} reads. No Spring, no HTTP.
 */
package org.hicserve.reader.convert;
