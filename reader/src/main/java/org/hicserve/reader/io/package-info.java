/**
 * Byte-level helpers shared by both readers: a little-endian cursor over bounded buffers and block inflation
 * that never trusts a size read from a file.
 */
package org.hicserve.reader.io;
