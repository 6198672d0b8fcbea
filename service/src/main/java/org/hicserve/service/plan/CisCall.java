package org.hicserve.service.plan;

import java.util.List;
import org.hicserve.service.format.OutputFormat;

/**
 * A whole-genome (or multi-chromosome) cis request.
 *
 * @param chromosomes names to include; empty means all, answered in file order either way
 */
public record CisCall(String file, Integer resolution, String unit, List<String> chromosomes, String normalization,
        boolean join, String executor, OutputFormat format) {
}
