package org.hicserve.service.plan;

import org.hicserve.reader.model.QuerySpan;
import org.hicserve.service.format.OutputFormat;

/**
 * One pixels query as a user wrote it (HTTP parameters or command-line flags), before it is checked against a
 * file. {@code range2} null means the same as {@code range1}.
 */
public record PixelRequest(String range1, String range2, String normalization, boolean join, QuerySpan span,
        long diagonalBandWidth, OutputFormat format) {
}
