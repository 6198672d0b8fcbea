/**
 * Byte-level helpers shared by both readers: a little-endian cursor over bounded buffers, block inflation
 * that never trusts a size read from a file, and the growth rule of reusable record columns ({@link
 * org.hicserve.reader.io.Columns}).
 */
package org.hicserve.reader.io;
