/**
 * The domain values both formats share: chromosomes and references, bin tables (fixed and variable), genomic
 * intervals and bin ranges, pixels and pixel batches, weights and {@link org.hicserve.reader.model.Normalization},
 * count types, units and query spans. Immutable.
 */
package org.hicserve.reader.model;
