/**
 * The Juicer .hic (v6-v9) reader: header, footer and master index, matrix zooms and block indexes, block
 * decoding, normalization vectors, and the integrity checks of a .hic file.
 */
package org.hicserve.reader.hic;
