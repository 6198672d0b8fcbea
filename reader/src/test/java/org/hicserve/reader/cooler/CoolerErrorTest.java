package org.hicserve.reader.cooler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.query.PixelQuery;
import org.hicserve.reader.query.UcscParser;
import org.hicserve.reader.testing.PixelTally;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors a user can make (each one a specific exception naming what exists) and corrupted files (each one either
 * read or refused with a {@link ReaderException}: never another exception, never an OutOfMemoryError under the
 * surefire JVM's -Xmx1g, never a hang). Corrupted copies are made in a temporary directory; the originals are
 * read in place and never modified.
 */
class CoolerErrorTest {
    private static final String DM6 = "cooler_dm6_100kb_1mb_weights.mcool";
    private static final String YEAST = "cooler_yeast_10kb_weight_v2.cool";
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Nested
    class UserErrors {
        @Test
        void unknownChromosomeListsTheChromosomes() {
            try (CoolerFile f = CoolerFile.open(TestData.sample("sample.mcool"), 5000)) {
                for (String q : List.of("chr99", "chr99:1-100", "2L")) {
                    assertThatThrownBy(() -> UcscParser.parse(f.chromosomes(), q))
                            .isInstanceOfSatisfying(UnknownNameException.class, e -> {
                                assertThat(e.kind()).isEqualTo("chromosome");
                                assertThat(e.available()).isEqualTo(f.chromosomes().names());
                                assertThat(e.getMessage()).contains(f.chromosomes().names());
                            });
                }
            }
        }

        @Test
        void unknownChromosomeOnSharedFile() {
            try (CoolerFile f = CoolerFile.open(TestData.shared(DM6), 100_000)) {
                assertThatThrownBy(() -> UcscParser.parse(f.chromosomes(), "chr1"))
                        .isInstanceOfSatisfying(UnknownNameException.class, e -> {
                            assertThat(e.kind()).isEqualTo("chromosome");
                            assertThat(e.available()).contains("chr2L", "chr2R", "chr3L", "chr3R", "chr4", "chrX");
                            assertThat(e.getMessage()).contains("chr1").contains("chr2L").contains("chrX");
                        });
            }
        }

        @Test
        void rangeOutsideTheChromosome() {
            try (CoolerFile f = CoolerFile.open(TestData.shared(DM6), 100_000)) {
                long len = f.chromosomes().byName("chr2R").length();
                for (String q : List.of("chr2R:1-999,999,999", "chr2R:" + len + "-" + (len + 1), "chr2R:0-" + (len + 1))) {
                    assertThatThrownBy(() -> UcscParser.parse(f.chromosomes(), q))
                            .isInstanceOf(InvalidQueryException.class)
                            .hasMessageContaining("chr2R").hasMessageContaining(Long.toString(len));
                }
                for (String q : List.of("chr2R:5-1", "chr2R:5-5", "chr2R:-5-10", "chr2R:a-b", "chr2R:5")) {
                    assertThatThrownBy(() -> UcscParser.parse(f.chromosomes(), q)).as(q)
                            .isInstanceOf(InvalidQueryException.class);
                }
                // the last base is inside
                assertThat(UcscParser.parse(f.chromosomes(), "chr2R:" + (len - 1) + "-" + len).end()).isEqualTo(len);
            }
        }

        @Test
        void resolutionTheFileLacks() {
            Path p = TestData.shared(DM6);
            assertThatThrownBy(() -> CoolerFile.open(p, 12_345))
                    .isInstanceOfSatisfying(UnknownNameException.class, e -> {
                        assertThat(e.kind()).isEqualTo("resolution");
                        assertThat(e.name()).isEqualTo("12345");
                        assertThat(e.available()).containsExactly("100000", "1000000");
                        assertThat(e.getMessage()).contains("12345").contains("100000").contains("1000000");
                    });
            Path sample = TestData.sample("sample.mcool");
            assertThatThrownBy(() -> CoolerFile.open(sample, 0)).as("an .mcool needs a resolution")
                    .isInstanceOfSatisfying(UnknownNameException.class,
                            e -> assertThat(e.available()).containsExactly("5000", "10000", "50000", "100000", "500000"));
            // a single-resolution .cool opened at another resolution
            assertThatThrownBy(() -> CoolerFile.open(TestData.shared(YEAST), 5000))
                    .isInstanceOfSatisfying(UnknownNameException.class,
                            e -> assertThat(e.available()).containsExactly("10000"));
        }

        @Test
        void unknownWeightName() {
            try (CoolerFile f = CoolerFile.open(TestData.shared(DM6), 100_000)) {
                GenomicInterval chr2R = UcscParser.parse(f.chromosomes(), "chr2R");
                // names match ignoring case (one rule for both formats: Normalization), so "kr" is KR
                assertThat(f.normalization("kr").name()).isEqualTo("KR");
                assertThat(f.normalization("WEIGHT").name()).isEqualTo("weight");
                for (String norm : List.of("ICE", "krr", "weights")) {
                    assertThatThrownBy(() -> f.fetch(PixelQuery.cis(chr2R).withNormalization(norm)))
                            .isInstanceOfSatisfying(UnknownNameException.class, e -> {
                                assertThat(e.kind()).isEqualTo("normalization");
                                assertThat(e.name()).isEqualTo(norm);
                                assertThat(e.available()).contains("NONE", "KR", "SCALE", "VC", "VC_SQRT", "weight");
                                assertThat(e.getMessage()).contains(norm).contains("KR").contains("weight");
                            });
                }
            }
            try (CoolerFile f = CoolerFile.open(TestData.shared(DM6), 1_000_000)) {
                GenomicInterval chr2R = UcscParser.parse(f.chromosomes(), "chr2R");
                // 1 Mb has no weights at all: the list says so
                assertThatThrownBy(() -> f.fetch(PixelQuery.cis(chr2R).withNormalization("weight")))
                        .isInstanceOfSatisfying(UnknownNameException.class,
                                e -> assertThat(e.available()).containsExactly("NONE"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // corruption

    /** What reading every chromosome (raw and with every weight) of every resolution gave. */
    record Outcome(Map<String, String> tallies, ReaderException refused) {
        boolean isRefused() {
            return refused != null;
        }
    }

    /** Opens and reads everything; any throwable but a ReaderException fails the test, as does a hang. */
    static Outcome readAll(Path p, String what) {
        return assertTimeoutPreemptively(LIMIT, () -> {
            try {
                return new Outcome(tallies(p), null);
            } catch (ReaderException e) {
                return new Outcome(null, e);
            } catch (Throwable t) {
                throw new AssertionError(what + ": " + t, t);
            }
        }, () -> what + ": took more than " + LIMIT);
    }

    static Map<String, String> tallies(Path p) {
        Map<String, String> out = new TreeMap<>();
        CoolerMetadata m = CoolerMetadata.read(p);
        for (int res : m.resolutions()) {
            try (CoolerFile f = CoolerFile.open(m, res)) {
                List<Chromosome> chroms = f.chromosomes().chromosomes();
                for (Chromosome c : chroms) {
                    for (String norm : f.normalizations()) {
                        PixelQuery q = PixelQuery.cis(GenomicInterval.whole(c)).withNormalization(norm);
                        out.put(res + " " + c.name() + " " + norm, PixelTally.of(f.fetch(q)).toString());
                    }
                }
                if (chroms.size() > 1) {
                    var q = PixelQuery.of(GenomicInterval.whole(chroms.get(chroms.size() - 1)), GenomicInterval.whole(chroms.get(0)));
                    out.put(res + " trans", PixelTally.of(f.fetch(q)).toString());
                }
            }
        }
        return out;
    }

    /** Summary of a corruption campaign: how many copies were read, refused, and read with a different answer. */
    static final class Campaign {
        final Map<String, String> pristine;
        int readSame;
        int refused;
        final List<String> silentlyWrong = new ArrayList<>();
        final TreeSet<String> refusals = new TreeSet<>();

        Campaign(Path original) {
            Outcome o = readAll(original, "original " + original.getFileName());
            assertThat(o.refused()).as("the original reads").isNull();
            this.pristine = o.tallies();
        }

        Outcome check(Path copy, String what) {
            Outcome o = readAll(copy, what);
            if (o.isRefused()) {
                refused++;
                assertThat(o.refused().getMessage()).as(what + ": a refusal speaks of the file, not of a library class")
                        .doesNotContainPattern("(io\\.jhdf|java\\.[a-z]+)\\.|[A-Za-z]+Exception");
                String msg = (o.refused().getClass().getSimpleName() + ": " + o.refused().getMessage()).replaceAll("[0-9]+", "N");
                refusals.add(msg.substring(0, Math.min(120, msg.length())));
            } else if (o.tallies().equals(pristine)) {
                readSame++;
            } else {
                silentlyWrong.add(what);
            }
            return o;
        }

        @Override
        public String toString() {
            return "read unchanged " + readSame + ", refused " + refused + ", read differently " + silentlyWrong.size()
                    + (silentlyWrong.isEmpty() ? "" : " " + silentlyWrong.subList(0, Math.min(10, silentlyWrong.size())));
        }
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            Path p = dir.resolve(name);
            Files.write(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the chunks of a dataset are, through jHDF (the same code path the reader uses). */
    static ColumnLayout layout(Path p, String dataset) {
        try (HdfFile h5 = new HdfFile(p)) {
            return ColumnLayout.of(h5.getDatasetByPath(dataset), p.getFileName().toString(), Files.size(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offsets of HDF5 v1 B-tree nodes ("TREE" signature): the chunk indexes. */
    static List<Long> btreeNodes(byte[] b) {
        List<Long> out = new ArrayList<>();
        byte[] sig = "TREE".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + 4 <= b.length; i++) {
            for (int j = 0; j < 4; j++) {
                if (b[i + j] != sig[j]) {
                    continue outer;
                }
            }
            out.add((long) i);
        }
        return out;
    }

    static List<Long> truncationPoints(byte[] b, ColumnLayout offsets, ColumnLayout bin2) {
        TreeSet<Long> at = new TreeSet<>();
        for (int i = 1; i <= 30; i++) {
            at.add((long) b.length * i / 31);
        }
        at.addAll(List.of(0L, 1L, 8L, 40L, 95L, 96L, 97L, 200L, 512L, 1024L, 2048L, 4096L, (long) b.length - 1));
        for (long t : btreeNodes(b).subList(0, Math.min(6, btreeNodes(b).size()))) {
            at.add(t + 2);
            at.add(t + 24);
            at.add(t + 100);
        }
        at.add(offsets.chunkAddresses()[0] + 1);
        at.add(offsets.chunkAddresses()[0] + offsets.chunkSizes()[0] / 2);
        int k = bin2.chunkCount();
        for (int c : new int[] {0, k / 2, k - 1}) {
            at.add(bin2.chunkAddresses()[c] + bin2.chunkSizes()[c] / 2);
            at.add(bin2.chunkAddresses()[c] + bin2.chunkSizes()[c] - 1);
        }
        at.removeIf(t -> t < 0 || t >= b.length);
        return new ArrayList<>(at);
    }

    static void flip(byte[] b, long at, int mask) {
        b[(int) at] ^= (byte) mask;
    }

    /** The corruption campaigns run on one file. */
    static void corruptionCampaign(Path original, String group, Path dir, int randomFlips, long seed) {
        byte[] b = bytes(original);
        ColumnLayout offsets = layout(original, group + "/indexes/bin1_offset");
        ColumnLayout bin2 = layout(original, group + "/pixels/bin2_id");
        ColumnLayout count = layout(original, group + "/pixels/count");
        String name = original.getFileName().toString();
        Campaign all = new Campaign(original);

        // truncation: refused or (a cut past everything that is read) read unchanged, never silently different
        Campaign truncated = new Campaign(original);
        for (long t : truncationPoints(b, offsets, bin2)) {
            byte[] cut = java.util.Arrays.copyOf(b, (int) t);
            Path p = write(dir, "trunc-" + t + "-" + name, cut);
            truncated.check(p, name + " truncated at " + t);
            all.check(p, name + " truncated at " + t);
        }
        assertThat(truncated.silentlyWrong).as("truncated copies read as something else: " + truncated).isEmpty();
        assertThat(truncated.refused).as("truncated copies refused").isPositive();

        // bytes flipped inside indexes/bin1_offset: refused, or (when the values stay consistent) no wrong pixels
        Campaign index = new Campaign(original);
        Random rnd = new Random(seed);
        for (int i = 0; i < 20; i++) {
            byte[] c = b.clone();
            long at = offsets.chunkAddresses()[0] + rnd.nextInt(offsets.chunkSizes()[0]);
            flip(c, at, 1 << rnd.nextInt(8));
            Path p = write(dir, "index-" + i + "-" + name, c);
            index.check(p, name + " bin1_offset byte " + at + " flipped");
        }
        // bytes flipped inside pixel chunks (bin2_id and count)
        Campaign pixels = new Campaign(original);
        for (int i = 0; i < 20; i++) {
            byte[] c = b.clone();
            ColumnLayout col = i % 2 == 0 ? bin2 : count;
            int k = rnd.nextInt(col.chunkCount());
            long at = col.chunkAddresses()[k] + rnd.nextInt(col.chunkSizes()[k]);
            flip(c, at, 1 << rnd.nextInt(8));
            Path p = write(dir, "pixels-" + i + "-" + name, c);
            pixels.check(p, name + " " + col.name() + " chunk " + k + " byte " + at + " flipped");
        }
        // random flips anywhere (1 to 4 bytes)
        Campaign random = new Campaign(original);
        for (int i = 0; i < randomFlips; i++) {
            byte[] c = b.clone();
            StringBuilder what = new StringBuilder(name + " random flips at");
            for (int j = 0, n = 1 + rnd.nextInt(4); j < n; j++) {
                long at = rnd.nextInt(c.length);
                flip(c, at, 1 + rnd.nextInt(255));
                what.append(' ').append(at);
            }
            Path p = write(dir, "random-" + i + "-" + name, c);
            random.check(p, what.toString());
            try {
                Files.delete(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println("[corruption] " + name + "\n  truncated: " + truncated + "\n  bin1_offset flips: " + index
                + "\n  pixel chunk flips: " + pixels + "\n  random flips: " + random + "\n  refusals seen: "
                + String.join("\n    ", random.refusals));
        boolean compressed = bin2.deflate() && offsets.deflate();
        if (compressed) {
            // deflate streams carry an Adler-32: a flipped byte inside one can never be read as other pixels
            assertThat(index.silentlyWrong).as("bin1_offset flips read as other pixels: " + index).isEmpty();
            assertThat(pixels.silentlyWrong).as("pixel chunk flips read as other pixels: " + pixels).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // corruptions that pass zlib's checksum (a buggy writer, or a chunk rewritten consistently): the values are wrong

    /**
     * Decodes chunk {@code k} of an integer column of {@code copy}, lets {@code edit} change the values, and writes it
     * back deflated (and shuffled) as HDF5 would, in place: the new stream must fit in the old chunk's bytes
     * (padding after a finished deflate stream is ignored by zlib).
     */
    static void rewriteChunk(Path copy, ColumnLayout col, int k, java.util.function.Consumer<long[]> edit) throws Exception {
        assertThat(tryRewriteChunk(copy, col, k, edit)).as("re-deflated chunk fits in place").isTrue();
    }

    /** {@link #rewriteChunk}, or false (file untouched) when the re-deflated chunk does not fit in place. */
    static boolean tryRewriteChunk(Path copy, ColumnLayout col, int k, java.util.function.Consumer<long[]> edit)
            throws Exception {
        int size = col.elementSize();
        int n = (int) col.chunkElements();
        byte[] stored = new byte[col.chunkSizes()[k]];
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.read(ByteBuffer.wrap(stored), col.chunkAddresses()[k]);
            byte[] raw = new byte[n * size];
            Inflater inf = new Inflater();
            inf.setInput(stored);
            int got = inf.inflate(raw);
            inf.end();
            assertThat(got).isEqualTo(raw.length);
            byte[] plain = col.shuffle() ? unshuffle(raw, n, size) : raw;
            ByteBuffer bb = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = size == 8 ? bb.getLong(i * 8) : bb.getInt(i * 4);
            }
            edit.accept(v);
            for (int i = 0; i < n; i++) {
                if (size == 8) {
                    bb.putLong(i * 8, v[i]);
                } else {
                    bb.putInt(i * 4, (int) v[i]);
                }
            }
            byte[] filtered = col.shuffle() ? shuffle(plain, n, size) : plain;
            byte[] best = null;
            for (int attempt = 0; attempt < 18 && best == null; attempt++) {
                Deflater d = new Deflater(9 - attempt % 9);
                d.setStrategy(attempt < 9 ? Deflater.DEFAULT_STRATEGY : Deflater.FILTERED);
                d.setInput(filtered);
                d.finish();
                byte[] out = new byte[stored.length + 1024];
                int len = d.deflate(out);
                boolean done = d.finished();
                d.end();
                if (done && len <= stored.length) {
                    best = java.util.Arrays.copyOf(out, stored.length); // zero padding after the stream
                }
            }
            if (best == null) {
                return false;
            }
            ch.write(ByteBuffer.wrap(best), col.chunkAddresses()[k]);
            return true;
        }
    }

    static byte[] unshuffle(byte[] raw, int n, int size) {
        byte[] out = new byte[raw.length];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < size; b++) {
                out[i * size + b] = raw[b * n + i];
            }
        }
        return out;
    }

    static byte[] shuffle(byte[] plain, int n, int size) {
        byte[] out = new byte[plain.length];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < size; b++) {
                out[b * n + i] = plain[i * size + b];
            }
        }
        return out;
    }

    /** First i > 0 with offsets[i - 1] < offsets[i] < offsets[i + 1] - 1 (rows on both sides non-empty). */
    static int interiorRow(long[] v, int from) {
        for (int i = Math.max(1, from); i + 1 < v.length; i++) {
            if (v[i - 1] < v[i] && v[i] + 1 < v[i + 1]) {
                return i;
            }
        }
        throw new AssertionError("no row with pixels on both sides");
    }

    static Path sampleCopy(Path dir) {
        return TestData.copyTo(TestData.sample("sample.mcool"), dir);
    }

    @Test
    void decreasingBin1OffsetIsRefused(@TempDir Path dir) throws Exception {
        Path copy = sampleCopy(dir);
        ColumnLayout offsets = layout(copy, "/resolutions/5000/indexes/bin1_offset");
        rewriteChunk(copy, offsets, 0, v -> {
            int i = interiorRow(v, 100);
            long t = v[i];
            v[i] = v[i + 1];
            v[i + 1] = t;
        });
        assertThatThrownBy(() -> CoolerMetadata.read(copy)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("bin1_offset").hasMessageContaining("decreases");
        // the other resolutions are intact: a URI naming one of them still opens
        try (CoolerFile f = CoolerFile.open(copy + "::/resolutions/10000", 0)) {
            assertThat(f.resolution()).isEqualTo(10_000);
        }
    }

    @Test
    void bin1OffsetPastTheEndIsRefused(@TempDir Path dir) throws Exception {
        Path copy = sampleCopy(dir);
        ColumnLayout offsets = layout(copy, "/resolutions/5000/indexes/bin1_offset");
        rewriteChunk(copy, offsets, offsets.chunkCount() - 1, v -> {
            for (int i = 0; i < v.length; i++) {
                if (v[i] != 0 || i == 0) {
                    v[i] += 7; // every offset of the last chunk beyond the last pixel
                }
            }
        });
        assertThatThrownBy(() -> CoolerMetadata.read(copy)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("bin1_offset");
    }

    /**
     * An offset moved back by one (still non-decreasing) puts the first pixel of a row at the end of the previous
     * one: that row's bin2 ids then go down, which the reader checks while decoding.
     */
    @Test
    void bin1OffsetShiftedWithinOrderIsRefusedWhenRead(@TempDir Path dir) throws Exception {
        Path copy = sampleCopy(dir);
        ColumnLayout offsets = layout(copy, "/resolutions/5000/indexes/bin1_offset");
        rewriteChunk(copy, offsets, 0, v -> v[interiorRow(v, 100)] -= 1);
        CoolerMetadata m = CoolerMetadata.read(copy);
        try (CoolerFile f = CoolerFile.open(m, 5000)) {
            GenomicInterval chr1 = UcscParser.parse(f.chromosomes(), "chr1");
            assertThatThrownBy(() -> PixelTally.of(f.fetch(PixelQuery.cis(chr1))))
                    .isInstanceOf(MalformedFileException.class).hasMessageContaining("bin2_id");
        }
    }

    /** A stored bin2_id below its row (lower triangle in a symmetric-upper file) or past the last bin. */
    @Test
    void bin2OutsideTheUpperTriangleIsRefusedWhenRead(@TempDir Path dir) throws Exception {
        Map<String, java.util.function.Consumer<long[]>> edits = new TreeMap<>();
        edits.put("below its row", v -> v[v.length / 2] = 0);
        edits.put("past the last bin", v -> v[v.length / 2] = 6341 + 5);
        edits.put("repeated", v -> v[v.length / 2] = v[v.length / 2 - 1]);
        edits.put("negative", v -> v[v.length / 2] = -2);
        for (var edit : edits.entrySet()) {
            String bad = edit.getKey();
            Path copy = dir.resolve(bad.replace(' ', '_') + ".mcool");
            Files.copy(TestData.sample("sample.mcool"), copy);
            ColumnLayout bin2 = layout(copy, "/resolutions/5000/pixels/bin2_id");
            int k = 1;
            while (!tryRewriteChunk(copy, bin2, k, edit.getValue())) {
                assertThat(++k).as("a bin2_id chunk of chr1 where the edit fits").isLessThan(12);
            }
            try (CoolerFile f = CoolerFile.open(copy, 5000)) {
                GenomicInterval chr1 = UcscParser.parse(f.chromosomes(), "chr1");
                assertThatThrownBy(() -> PixelTally.of(f.fetch(PixelQuery.cis(chr1))))
                        .as("bin2_id " + bad).isInstanceOf(MalformedFileException.class)
                        .hasMessageContaining("bin2_id");
            }
        }
    }

    @Test
    void corruptedBundledSample(@TempDir Path dir) {
        corruptionCampaign(TestData.sample("sample.mcool"), "/resolutions/5000", dir, 200, 1);
    }

    @Test
    void corruptedDm6(@TempDir Path dir) {
        corruptionCampaign(TestData.shared(DM6), "/resolutions/100000", dir, 100, 2);
    }

    @Test
    void corruptedUncompressedV2(@TempDir Path dir) {
        corruptionCampaign(TestData.shared(YEAST), "/", dir, 100, 3);
    }
}
