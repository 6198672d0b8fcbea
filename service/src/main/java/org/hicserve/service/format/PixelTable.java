package org.hicserve.service.format;

import java.util.List;
import java.util.Map;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.CountType;

/**
 * What every sink needs to know before the first pixel: the columns ({@code join} adds genomic coordinates),
 * the count type, the bins to translate ids, and free-form metadata (file, resolution, normalization).
 */
public record PixelTable(boolean join, CountType countType, BinTable bins, Map<String, String> metadata) {
    public List<String> columns() {
        return join ? List.of("chrom1", "start1", "end1", "chrom2", "start2", "end2", "count")
                : List.of("bin1_id", "bin2_id", "count");
    }
}
