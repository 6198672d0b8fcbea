package org.hicserve.service.query;

import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;

/** Turns a user's request into a reader query against one open file: names are checked here, before any pixel. */
public final class QueryPlanner {
    private QueryPlanner() {
    }

    public static PixelQuery plan(MatrixFile file, PixelRequest request, int batchRows) {
        GenomicInterval r1 = UcscParser.parse(file.chromosomes(), request.range1());
        GenomicInterval r2 = request.range2() == null || request.range2().isBlank() ? r1
                : UcscParser.parse(file.chromosomes(), request.range2());
        return new PixelQuery(r1, r2, request.normalization(), request.span(), request.diagonalBandWidth(), batchRows);
    }
}
