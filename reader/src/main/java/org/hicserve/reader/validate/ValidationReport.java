package org.hicserve.reader.validate;

import java.nio.file.Path;
import java.util.List;
import org.hicserve.reader.model.FileFormat;

/**
 * What {@link FileValidator} found in one file.
 *
 * @param format the format the file's first bytes announce; null when it is neither .hic nor HDF5
 * @param problems in the order found (at most a bounded number per kind: the rest are counted in summary lines)
 * @param internalErrors how many of the problems are failures of the validator itself (a hicserve bug, also
 *     reported as ERRORs); 0 unless something is wrong with hicserve
 */
public record ValidationReport(Path file, FileFormat format, List<Problem> problems, int internalErrors) {
    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public ValidationReport(Path file, FileFormat format, List<Problem> problems) {
        this(file, format, problems, 0);
    }

    /** True when no problem is an ERROR (warnings allowed). */
    public boolean ok() {
        return problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(" (").append(format == null ? "unknown format" : format.apiName()).append("): ")
                .append(ok() ? "ok" : "INVALID").append(", ").append(errors().size()).append(" errors, ")
                .append(warnings().size()).append(" warnings");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
