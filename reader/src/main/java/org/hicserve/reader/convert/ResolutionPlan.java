package org.hicserve.reader.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the workers of one resolution share: the bin size, the normalization vectors (float32, divisive, by
 * genome-wide bin) and the expected-value accumulators (observed and one per normalization). Thread-safe: the
 * vectors are never written after construction and the accumulators synchronize.
 *
 * @param resIdx the resolution's position in the header's list (also written in each zoom header)
 */
record ResolutionPlan(int binSize, int resIdx, long pixelCount, List<HicNormalization> normalizations,
        ExpectedVector observed, List<ExpectedVector> normalized) {

    static ResolutionPlan of(int binSize, int resIdx, long pixelCount, List<HicNormalization> norms,
            long[] fileChromLengths) {
        List<ExpectedVector> normalized = new ArrayList<>();
        for (HicNormalization n : norms) {
            normalized.add(new ExpectedVector(n.hicName(), binSize, fileChromLengths));
        }
        return new ResolutionPlan(binSize, resIdx, pixelCount, List.copyOf(norms),
                new ExpectedVector("NONE", binSize, fileChromLengths), List.copyOf(normalized));
    }
}
