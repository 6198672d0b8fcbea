/**
 * The readers as a library: {@link org.hicserve.reader.MatrixFile} (one handle at one resolution), the
 * immutable {@link org.hicserve.reader.FileMetadata} shared between handles, {@link org.hicserve.reader.PixelSelector}
 * and the format sniffing of {@link org.hicserve.reader.MatrixFiles}. No Spring, no HTTP: usable alone.
 */
package org.hicserve.reader;
