/**
 * What happens to raw pixels on their way out: batching, normalization, the diagonal band, for any source.
 */
package org.hicserve.reader.transform;
