/**
 * Where a file's bytes come from. Both readers (.hic and Cooler, including jHDF through {@link
 * org.hicserve.reader.io.source.ByteSourceChannel}) read only through {@link org.hicserve.reader.io.source.ByteSource}:
 * positional reads of a byte range. {@link org.hicserve.reader.io.source.LocalFileSource} is a local file; ranged-GET
 * sources (HTTP, S3) live in the service, so the reader needs no HTTP client or cloud SDK.
 */
package org.hicserve.reader.io.source;
