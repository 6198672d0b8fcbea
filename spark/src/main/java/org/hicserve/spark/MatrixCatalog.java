package org.hicserve.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.Reference;

/**
 * The driver's view of the files of one read: each file's chromosomes and bins at the chosen resolution, checked
 * against the options before any task starts (a missing resolution or normalization is an error of the
 * {@code load()}, naming the file, not a failed task later).
 */
final class MatrixCatalog {
    /** One file at the read's resolution. {@code label} is the {@code file} column's value: the absolute path. */
    record Entry(Path path, String label, Reference reference, BinTable bins, boolean floatCounts) {
    }

    private final ReadOptions options;
    private final List<Entry> entries;

    private MatrixCatalog(ReadOptions options, List<Entry> entries) {
        this.options = options;
        this.entries = List.copyOf(entries);
    }

    static MatrixCatalog open(ReadOptions options, Configuration conf) {
        List<Entry> entries = new ArrayList<>();
        for (Path path : InputFiles.expand(options.paths(), conf)) {
            try (MatrixFile f = MetadataCache.get(path).open(options.resolution(), options.unit())) {
                if (options.isNormalized() && f.normalizations().stream()
                        .noneMatch(n -> n.equalsIgnoreCase(options.normalization()))) {
                    throw new UnknownNameException("normalization", options.normalization(), f.normalizations());
                }
                entries.add(new Entry(path, path.toString(), f.chromosomes(), f.bins(), f.hasFloatCounts()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
        }
        return new MatrixCatalog(options, entries);
    }

    List<Entry> entries() {
        return entries;
    }

    ReadOptions options() {
        return options;
    }

    /** Counts are doubles when normalized or when any file stores float counts; ints otherwise. */
    boolean floatCounts() {
        return options.isNormalized() || entries.stream().anyMatch(Entry::floatCounts);
    }
}
