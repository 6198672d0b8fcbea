package org.hicserve.service.exec;

import java.util.function.Consumer;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;

/**
 * One unit of a plan's work, in names rather than objects so that it means the same on any handle of the file, in
 * this process or in a worker: a region pair ({@code range2} null: the same as {@code range1}), the span and the
 * diagonal band. The one place where a task becomes a reader query. Immutable.
 *
 * @param diagonalBandWidth keep pixels with {@code bin2 - bin1 < width}; 0 keeps all
 */
public record PixelTask(String range1, String range2, QuerySpan span, long diagonalBandWidth) {
    /** All cis pixels of one chromosome (upper triangle), as {@code cis} reads them. */
    public static PixelTask cis(String chromosome) {
        return new PixelTask(chromosome, null, QuerySpan.UPPER_TRIANGLE, 0);
    }

    /** The reader query on a handle of the file; names are checked against its chromosomes. */
    public PixelQuery query(MatrixFile file, String normalization, int batchRows) {
        GenomicInterval r1 = UcscParser.parse(file.chromosomes(), range1);
        GenomicInterval r2 = range2 == null || range2.isBlank() ? r1 : UcscParser.parse(file.chromosomes(), range2);
        return new PixelQuery(r1, r2, normalization, span, diagonalBandWidth, batchRows);
    }

    /** A selector over the task's pixels on {@code file}; the caller closes it. */
    public PixelSelector select(MatrixFile file, String normalization, int batchRows) {
        return file.fetch(query(file, normalization, batchRows));
    }

    /** Reads every batch of the task on {@code file} into {@code out}, in order. */
    public void read(MatrixFile file, String normalization, int batchRows, Consumer<PixelBatch> out) {
        try (PixelSelector s = select(file, normalization, batchRows)) {
            while (s.hasNext()) {
                out.accept(s.next());
            }
        }
    }
}
