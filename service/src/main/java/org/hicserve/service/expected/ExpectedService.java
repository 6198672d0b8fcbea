package org.hicserve.service.expected;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.PixelSelector;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.expected.DiagonalRows;
import org.hicserve.reader.expected.Expectations;
import org.hicserve.reader.expected.Expected;
import org.hicserve.reader.expected.ExpectedCalculator;
import org.hicserve.reader.expected.ExpectedTable;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.model.Normalization;
import org.hicserve.reader.model.Reference;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.service.auth.Access;
import org.hicserve.service.config.HicServeProperties;
import org.hicserve.service.files.DataSource;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.files.MetadataCache;
import org.hicserve.service.files.ReaderHandles;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The expected of a file at one resolution and normalization: the vectors a .hic stores, or for a cooler the
 * table computed from its pixels (cooltools' rule) on first use, chromosome by chromosome on the executor (each
 * task its own handle; at most {@code hicserve.threads} at once), then kept in the metadata cache. Thread-safe.
 */
@Component
public final class ExpectedService {
    private final DataSource dataSource;
    private final MetadataCache metadataCache;
    private final ReaderHandles handles;
    private final ExecutorService executor;
    private final HicServeProperties properties;

    public ExpectedService(DataSource dataSource, MetadataCache metadataCache, ReaderHandles handles,
            @Qualifier("fanOutExecutor") ExecutorService executor, HicServeProperties properties) {
        this.dataSource = dataSource;
        this.metadataCache = metadataCache;
        this.handles = handles;
        this.executor = executor;
        this.properties = properties;
    }

    /** The per-diagonal table of the {@code expected} endpoint, every check done before it is returned. */
    public record Answer(String file, int resolution, String normalization, List<DiagonalRows> rows) {
        public boolean normalized() {
            return !PixelQuery.NONE.equals(normalization);
        }
    }

    public Answer table(String file, Integer resolution, String unit, String normalization, List<String> chromosomes,
            Access access) {
        FileRef ref = dataSource.file(file, access);
        FileMetadata meta = metadataCache.get(ref);
        MatrixUnit u = unit == null || unit.isBlank() ? null : MatrixUnit.parse(unit);
        try (MatrixFile f = handles.open(meta, resolution == null ? 0 : resolution, u)) {
            List<Chromosome> selected = select(f.chromosomes(), chromosomes);
            Expected e = expected(ref, f, u, normalization);
            List<DiagonalRows> rows = new ArrayList<>();
            for (Chromosome c : selected) {
                rows.add(Expectations.rows(f, e, c.id()));
            }
            return new Answer(file, f.resolution(), e.normalization(), rows);
        }
    }

    /**
     * The expected of an open handle's file at its resolution; {@code file} is the file as the data source found
     * it. An unknown normalization, or a .hic without the stored vector, is an UnknownNameException.
     */
    public Expected expected(FileRef file, MatrixFile f, MatrixUnit unit, String normalization) {
        String norm = Normalization.resolveName(normalization, f.normalizations());
        Optional<Expected> stored = f.storedExpected(norm);
        if (stored.isPresent()) {
            return stored.get();
        }
        FileMetadata meta = metadataCache.get(file);
        int resolution = f.resolution();
        Reference reference = f.chromosomes();
        return metadataCache.expected(file, resolution, unit == null ? "" : unit.name(), norm,
                () -> compute(meta, resolution, unit, norm, reference));
    }

    /**
     * The pixels of a query as {@code type} asks: observed as the file answers them, or their expected or
     * observed / expected (the expected of the query's normalization, computed and cached first for a cooler; a
     * trans pair's cooler mean is read from its block here, before the answer starts).
     */
    public PixelSelector fetch(FileRef file, MatrixFile f, MatrixUnit unit, PixelQuery query, MatrixType type) {
        if (type == null || type == MatrixType.OBSERVED) {
            return f.fetch(query);
        }
        return Expectations.fetch(f, query, type, expected(file, f, unit, query.normalization()));
    }

    /** One pass over the pixels per chromosome, at most {@code threads} chromosomes at a time. */
    private ExpectedTable compute(FileMetadata meta, int resolution, MatrixUnit unit, String norm, Reference reference) {
        List<Chromosome> chromosomes = reference.chromosomes();
        DiagonalRows[] rows = new DiagonalRows[chromosomes.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable runner = () -> {
            try (MatrixFile h = handles.open(meta, resolution, unit)) {
                for (int i = next.getAndIncrement(); i < rows.length; i = next.getAndIncrement()) {
                    rows[i] = ExpectedCalculator.chromosome(h, chromosomes.get(i).id(), norm);
                }
            }
        };
        int parallel = Math.max(1, Math.min(properties.effectiveThreads(), rows.length));
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int t = 1; t < parallel; t++) {
            try {
                running.add(CompletableFuture.runAsync(runner, executor));
            } catch (RejectedExecutionException saturated) {
                break; // the executor is busy with other answers: this thread does more of the work itself
            }
        }
        try {
            runner.run();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        return new ExpectedTable(norm, List.of(rows));
    }

    private static List<Chromosome> select(Reference reference, List<String> names) {
        if (names == null || names.isEmpty()) {
            return reference.chromosomes();
        }
        Set<Chromosome> chosen = new LinkedHashSet<>();
        for (String n : names) {
            chosen.add(reference.byName(n.strip()));
        }
        return chosen.stream().sorted(Comparator.comparingInt(Chromosome::id)).toList();
    }
}
