package org.hicserve.reader.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hicserve.reader.cooler.CoolerFile;
import org.hicserve.reader.cooler.CoolerMetadata;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.FixedBinTable;
import org.hicserve.reader.model.Reference;

/**
 * {@code .cool}/{@code .mcool} to {@code .hic} v9: the entry point of this package. Layout of the result:
 * header (placeholders for the footer and vector-index pointers, patched at the end), then the blocks of every
 * matrix (written by the workers as they finish, each chromosome's row strip a task), then the matrix records, then
 * the footer (master index, expected vectors, normalized expected vectors, normalization-vector index) and the
 * normalization vectors. Chromosome 0 is Juicer's {@code All} pseudo-chromosome with its genome-wide matrix {@code 0_0}
 * ({@link GenomeWideMatrix}); the
 * cooler's chromosomes follow in their order. Variable-bin resolutions cannot be stored in .hic and are skipped.
 */
public final class CoolerToHic {
    /** Software name written in the header's {@code software} attribute. */
    public static final String SOFTWARE = "hicserve convert";
    /** Header attribute marking float counts, so that hicserve's reader serves them as floats (not rounded). */
    public static final String COUNT_TYPE_ATTRIBUTE = "hicserve.countType";

    /**
     * @param resolutions the resolutions to convert; empty: every fixed-bin resolution of the input
     * @param threads worker threads (each converts one chromosome strip at a time)
     * @param budgetPixels pixels a worker buffers before spilling sorted runs to disk (16 bytes each)
     * @param spillDir where spill files go; null: the output's folder
     * @param compressionLevel zlib level of the blocks (Juicer Tools uses the default, 6)
     */
    public record Options(List<Integer> resolutions, int threads, long budgetPixels, Path spillDir,
            int compressionLevel) {
        public static Options defaults() {
            return new Options(List.of(), Math.max(1, Runtime.getRuntime().availableProcessors()), 4_000_000, null, 6);
        }

        public Options withResolutions(List<Integer> r) {
            return new Options(List.copyOf(r), threads, budgetPixels, spillDir, compressionLevel);
        }

        public Options withThreads(int n) {
            return new Options(resolutions, Math.max(1, n), budgetPixels, spillDir, compressionLevel);
        }

        public Options withBudgetPixels(long n) {
            return new Options(resolutions, threads, n, spillDir, compressionLevel);
        }

        public Options withCompressionLevel(int level) {
            if (level < 1 || level > 9) {
                throw new InvalidQueryException("compression level must be 1 to 9, not " + level);
            }
            return new Options(resolutions, threads, budgetPixels, spillDir, level);
        }

        public Options withSpillDir(Path dir) {
            return new Options(resolutions, threads, budgetPixels, dir, compressionLevel);
        }
    }

    /** What was written. */
    public record Summary(Path output, List<Integer> resolutions, List<String> normalizations, long pixels,
            long blocks, long bytes, List<String> warnings) {
    }

    private CoolerToHic() {
    }

    public static Summary convert(Path input, Path output, Options options, ProgressListener progress) {
        CoolerMetadata meta = CoolerMetadata.read(input);
        List<String> warnings = new ArrayList<>();
        List<Integer> wanted = options.resolutions().isEmpty() ? meta.resolutions() : options.resolutions();
        List<Integer> chosen = new ArrayList<>();
        Reference reference = null;
        String assembly = "unknown";
        boolean floatCounts = false;
        for (int r : wanted) {
            if (!meta.resolutions().contains(r)) {
                throw new UnknownNameException("resolution", String.valueOf(r),
                        meta.resolutions().stream().map(String::valueOf).toList());
            }
            try (CoolerFile f = CoolerFile.open(meta, r)) {
                if (!(f.bins() instanceof FixedBinTable)) {
                    if (!options.resolutions().isEmpty()) {
                        throw new InvalidQueryException("resolution " + r + " of " + input.getFileName()
                                + " has variable bins, which .hic cannot store");
                    }
                    warnings.add("resolution " + r + " skipped: variable bins cannot be stored in .hic");
                    continue;
                }
                if (reference == null) {
                    reference = f.chromosomes();
                } else if (!reference.equals(f.chromosomes())) {
                    throw new InvalidQueryException("resolution " + r + " of " + input.getFileName()
                            + " lists other chromosomes than resolution " + chosen.get(0) + "; .hic has one list");
                }
                if (!"unknown".equals(f.assembly()) && "unknown".equals(assembly)) {
                    assembly = f.assembly();
                }
                floatCounts |= f.hasFloatCounts();
            }
            chosen.add(r);
        }
        if (chosen.isEmpty()) {
            throw new InvalidQueryException(input.getFileName() + " has no resolution that .hic can store");
        }
        for (Chromosome c : reference.chromosomes()) {
            if (c.name().equalsIgnoreCase("All")) {
                throw new InvalidQueryException(input.getFileName() + " has a chromosome named " + c.name()
                        + ", the name .hic reserves for its genome-wide pseudo-chromosome");
            }
        }
        chosen.sort(Comparator.reverseOrder()); // Juicer lists resolutions coarsest first
        try {
            return new Job(meta, output, options, progress, reference, assembly, floatCounts, chosen, warnings).run();
        } catch (IOException e) {
            throw new ConversionException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    /** One conversion in progress. */
    private static final class Job {
        private final CoolerMetadata meta;
        private final Path target;
        private final Options options;
        private final ProgressListener progress;
        private final Reference reference;
        private final String assembly;
        private final boolean floatCounts;
        private final List<Integer> resolutions;
        private final List<String> warnings;
        private final Map<String, Map<Integer, ZoomRecord>> zooms = new ConcurrentHashMap<>();
        private final long[] fileChromLengths;
        private long[] masterIndexAll;

        Job(CoolerMetadata meta, Path target, Options options, ProgressListener progress, Reference reference,
                String assembly, boolean floatCounts, List<Integer> resolutions, List<String> warnings) {
            this.meta = meta;
            this.target = target;
            this.options = options;
            this.progress = progress;
            this.reference = reference;
            this.assembly = assembly;
            this.floatCounts = floatCounts;
            this.resolutions = resolutions;
            this.warnings = warnings;
            this.fileChromLengths = new long[reference.size() + 1];
            long genome = 0;
            for (Chromosome c : reference.chromosomes()) {
                fileChromLengths[c.id() + 1] = c.length();
                genome += c.length();
            }
            fileChromLengths[0] = genome / 1000; // Juicer's All: the genome in kb
        }

        Summary run() throws IOException {
            List<ResolutionPlan> plans = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < resolutions.size(); i++) {
                try (CoolerFile f = CoolerFile.open(meta, resolutions.get(i))) {
                    ResolutionPlan p = ResolutionPlan.of(resolutions.get(i), i, f.pixelCount(),
                            HicNormalization.of(f), fileChromLengths);
                    plans.add(p);
                    total += p.pixelCount();
                }
            }
            Path spillDir = options.spillDir() != null ? options.spillDir()
                    : target.toAbsolutePath().getParent();
            HicOutput out = new HicOutput(target);
            try {
                HicLayout.Header layout = HicLayout.header(reference, assembly, resolutions, floatCounts);
                out.append(layout.buffer());
                progress.start(total);
                GenomeWideMatrix genomeWide = new GenomeWideMatrix(reference);
                long blocks = convertStrips(plans, out, spillDir, genomeWide);
                try (BlockEncoder encoder = new BlockEncoder(options.compressionLevel())) {
                    ZoomRecord all = genomeWide.write(encoder, out);
                    if (!all.blocks().isEmpty()) {
                        LittleEndianBuffer rec = HicLayout.matrixRecord("0_0", Map.of(all.binSize(), all),
                                List.of(all.binSize()));
                        masterIndexAll = new long[] {out.append(rec), rec.size()};
                        blocks += all.blocks().size();
                    }
                }
                progress.phase("writing the footer");
                Map<String, long[]> masterIndex = new TreeMap<>(HicLayout.KEY_ORDER);
                if (masterIndexAll != null) {
                    masterIndex.put("0_0", masterIndexAll);
                }
                for (Map.Entry<String, Map<Integer, ZoomRecord>> e : zooms.entrySet()) {
                    if (e.getKey().equals("0_0")) {
                        continue;
                    }
                    LittleEndianBuffer rec = HicLayout.matrixRecord(e.getKey(), e.getValue(), resolutions);
                    long at = out.append(rec);
                    masterIndex.put(e.getKey(), new long[] {at, rec.size()});
                }
                long footerAt = out.position();
                HicLayout.Footer footer = HicLayout.footer(footerAt, masterIndex, plans, reference);
                out.append(footer.buffer());
                out.patchLong(layout.footerPositionAt(), footerAt);
                out.patchLong(layout.nviPositionAt(), footer.nviPosition());
                out.patchLong(layout.nviPositionAt() + 8, footer.nviLength());
                long bytes = out.position();
                progress.phase("moving into place");
                out.commit();
                List<String> norms = plans.stream().flatMap(p -> p.normalizations().stream())
                        .map(HicNormalization::hicName).distinct().toList();
                return new Summary(target, resolutions, norms, total, blocks, bytes, warnings);
            } finally {
                out.abort();
            }
        }

        private long convertStrips(List<ResolutionPlan> plans, HicOutput out, Path spillDir,
                GenomeWideMatrix genomeWide) throws IOException {
            // the finest resolution feeds the All matrix: its bins' middles are nearest to where the contacts were
            int finest = resolutions.get(resolutions.size() - 1);
            record Task(ResolutionPlan plan, int chrom, double weight) {
            }
            long genome = fileChromLengths[0] * 1000L + 1;
            List<Task> tasks = new ArrayList<>();
            for (ResolutionPlan p : plans) {
                for (Chromosome c : reference.chromosomes()) {
                    // a strip holds about (its share of the genome) x (the rest of the genome) of the pixels
                    double share = (double) c.length() / genome;
                    tasks.add(new Task(p, c.id(), p.pixelCount() * share * (1 - share / 2)));
                }
            }
            tasks.sort(Comparator.comparingDouble(Task::weight).reversed()); // biggest first: the tail stays short
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
                Thread t = new Thread(r, "hic-writer");
                t.setDaemon(true);
                return t;
            });
            List<BlockEncoder> allEncoders = java.util.Collections.synchronizedList(new ArrayList<>());
            ThreadLocal<BlockEncoder> encoders = ThreadLocal.withInitial(() -> {
                BlockEncoder e = new BlockEncoder(options.compressionLevel());
                allEncoders.add(e);
                return e;
            });
            long[] blocks = new long[1];
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Task t : tasks) {
                    futures.add(pool.submit(() -> {
                        try (CoolerFile f = CoolerFile.open(meta, t.plan().binSize())) {
                            Map<Integer, ZoomRecord> result = new StripConverter(f, t.chrom(), t.plan(), out,
                                    encoders.get(), options.budgetPixels(), spillDir, progress,
                                    t.plan().binSize() == finest ? genomeWide : null).run();
                            for (Map.Entry<Integer, ZoomRecord> e : result.entrySet()) {
                                String key = (t.chrom() + 1) + "_" + (e.getKey() + 1);
                                zooms.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(t.plan().binSize(),
                                        e.getValue());
                                synchronized (blocks) {
                                    blocks[0] += e.getValue().blocks().size();
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof UncheckedIOException u) {
                            throw u.getCause();
                        }
                        if (cause instanceof ReaderException r) {
                            throw r;
                        }
                        if (cause instanceof RuntimeException r) {
                            throw r;
                        }
                        throw new IllegalStateException(cause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ConversionException("interrupted");
                    }
                }
            } finally {
                pool.shutdownNow();
                try {
                    // let cancelled workers delete their spill files before the output goes
                    pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                allEncoders.forEach(BlockEncoder::close);
            }
            return blocks[0];
        }
    }

    /** Whether a path names a cooler file by its extension. */
    public static boolean isCooler(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".cool") || n.endsWith(".mcool");
    }
}
