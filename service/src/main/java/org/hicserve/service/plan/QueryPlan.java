package org.hicserve.service.plan;

import java.util.List;
import java.util.Optional;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.expected.Expected;
import org.hicserve.reader.model.BinRange;
import org.hicserve.reader.model.CountType;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.Normalization;
import org.hicserve.service.exec.PixelTask;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.format.PixelTable;

/**
 * One request made concrete against one file, before any pixel is read: everything that could be refused has
 * been. {@code /pixels} is a plan with one task, {@code /cis} one task per chromosome; a {@link FanOut} runs the
 * tasks and a sink writes what they read. Immutable.
 *
 * @param file the file as the request named it (relative to the data directory)
 * @param resolution the resolution read (resolved from the file's default when the request gave none)
 * @param unit {@code null} for the file's default unit
 * @param normalization resolved against the file: the stored name, as the answer's metadata reports it
 * @param tasks in answer order
 * @param table the answer's columns, count type and metadata
 * @param executor what runs the tasks: threads or processes, never {@link Executor#AUTO}
 * @param denseRegion the matrix's rows and columns for the dense formats (npy, png); empty otherwise
 * @param description the query in a line, for the request log and metrics
 * @param matrixType observed, expected or observed/expected
 * @param countType the type asked for raw counts ({@code null}: the file's own)
 * @param expected the file's expected values at this resolution and normalization, for expected and oe; null
 *     for observed
 */
public record QueryPlan(String endpoint, String file, FileMetadata metadata, int resolution, MatrixUnit unit,
        Normalization normalization, List<PixelTask> tasks, PixelTable table, OutputFormat format, Executor executor,
        Optional<DenseRegion> denseRegion, String description, MatrixType matrixType, CountType countType,
        Expected expected) {
    public QueryPlan {
        tasks = List.copyOf(tasks);
        if (executor == Executor.AUTO) {
            throw new IllegalArgumentException("executor=auto is resolved by the planner; a plan runs on threads or processes");
        }
    }

    /** The bins of a dense answer: rows from {@code range1}, columns from {@code range2}. */
    public record DenseRegion(BinRange rows, BinRange columns) {
        public long cells() {
            return rows.size() * columns.size();
        }
    }
}
