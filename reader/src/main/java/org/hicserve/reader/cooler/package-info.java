/**
 * The Cooler (.cool/.mcool, HDF5) reader: jHDF for the metadata, our own decoding of pixel chunks, weight
 * columns, old schemas and variable bins, and the integrity checks of a cooler file.
 */
package org.hicserve.reader.cooler;
