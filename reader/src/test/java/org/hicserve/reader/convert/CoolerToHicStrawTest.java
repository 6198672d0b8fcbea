package org.hicserve.reader.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hicserve.reader.cooler.CoolerFile;
import org.hicserve.reader.model.BinTable;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.testing.HicStraw;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The converted files read by an independent reader, the npm package hic-straw 2.1.4
 * ({@code reader/src/test/node/dump-queries.mjs}, every query of a file in one node process): for every chromosome
 * pair at every resolution, raw and with every normalization, hic-straw must return exactly the source cooler's
 * pixels, raw counts equal to the source's (float32-rounded, which is exact for integer counts), normalized values
 * within 1e-6 of the cooler's (float32 vectors). Two bin-aligned random sub-rectangles per pair check that
 * hic-straw's own block selection finds every pixel (it walks v9's rotated blocks independently of ours).
 * Skipped when node or the package is missing, unless {@code HICSERVE_REQUIRE_SHARED_DATA=1}.
 */
class CoolerToHicStrawTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void findNode() {
        HicStraw.require();
    }

    /** One query: what hic-straw is asked, and the source's answer to compare with. */
    private record Query(int id, String line, CoolerFile cooler, String coolerNorm, GenomicInterval r1,
            GenomicInterval r2, long off1, long off2) {
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("org.hicserve.reader.convert.CoolerToHicTest#coolers")
    void hicStrawReadsTheSourcePixels(String where, String name) throws IOException {
        Path in = CoolerToHicTest.source(where, name);
        Path out = tmp.resolve(name.replaceAll("\\.m?cool$", ".hic"));
        CoolerToHic.Summary summary = CoolerToHic.convert(in, out, CoolerToHic.Options.defaults().withThreads(2),
                ProgressListener.NONE);
        List<CoolerFile> open = new ArrayList<>();
        try {
            List<Query> queries = new ArrayList<>();
            for (int res : summary.resolutions()) {
                CoolerFile c = CoolerFile.open(in, res);
                open.add(c);
                Random random = new Random(res);
                for (Chromosome a : c.chromosomes().chromosomes()) {
                    for (Chromosome b : c.chromosomes().chromosomes()) {
                        if (b.id() < a.id()) {
                            continue;
                        }
                        for (String norm : strawNormalizations(c)) {
                            String hicNorm = norm.equals("NONE") ? "NONE" : CoolerToHicTest.hicName(c, norm);
                            queries.add(query(queries.size(), c, norm, hicNorm, res, a, b, whole(a, res), whole(b, res)));
                        }
                        for (int k = 0; k < 2; k++) {
                            long[] ba = aligned(a, res, random);
                            long[] bb = aligned(b, res, random);
                            if (a.id() == b.id() && bb[0] < ba[0]) {
                                long[] t = ba; // range1 first: hic-straw transposes a cis query whose range1 is later
                                ba = bb;
                                bb = t;
                            }
                            queries.add(query(queries.size(), c, "NONE", "NONE", res, a, b, ba, bb));
                        }
                    }
                }
            }
            List<List<String>> answers = runHicStraw(out, queries);
            long pixels = 0;
            for (Query q : queries) {
                pixels += compare(q, answers.get(q.id()));
            }
            assertThat(pixels).isGreaterThan(summary.pixels());
        } finally {
            open.forEach(CoolerFile::close);
        }
    }

    /**
     * Juicebox's genome-wide view: the {@code All} matrix of the converted sample must hold exactly the records of the
     * one Juicer Tools wrote into {@code sample.hic} from the same contacts (read by hic-straw from both files).
     */
    @org.junit.jupiter.api.Test
    void genomeWideMatrixEqualsJuicerTools() throws IOException {
        Path out = tmp.resolve("sample.hic");
        CoolerToHic.convert(TestData.sample("sample.mcool"), out, CoolerToHic.Options.defaults(), ProgressListener.NONE);
        // the sample genome is 31,700 kb: All bins of 31700 / 500 = 63 kb
        String all = "NONE 63 All 0 31752 All 0 31752 0";
        Query q = new Query(0, all, null, "NONE", null, null, 0, 0);
        List<String> ours = runHicStraw(out, List.of(q)).get(0);
        List<String> juicer = runHicStraw(TestData.sample("sample.hic"), List.of(q)).get(0);
        assertThat(ours).hasSizeGreaterThan(60_000);
        assertThat(new java.util.TreeSet<>(ours)).isEqualTo(new java.util.TreeSet<>(juicer));
    }

    /**
     * NONE, a multiplicative and a divisive column when the file has them (each rule once; CoolerToHicTest checks
     * every column with hicserve's reader): hic-straw in node is the slow part of this test.
     */
    private static List<String> strawNormalizations(CoolerFile c) {
        List<String> out = new ArrayList<>();
        out.add("NONE");
        c.normalizations().stream().skip(1).filter(n -> !c.isDivisive(n)).findFirst().ifPresent(out::add);
        c.normalizations().stream().skip(1).filter(c::isDivisive).findFirst().ifPresent(out::add);
        return out;
    }

    /** Every bin of a chromosome, as bin indices [first, end). */
    private static long[] whole(Chromosome c, int res) {
        return new long[] {0, (c.length() + res - 1) / res};
    }

    private static long[] aligned(Chromosome c, int res, Random random) {
        long n = (c.length() + res - 1) / res;
        long s = (long) (random.nextDouble() * n);
        long e = s + 1 + (long) (random.nextDouble() * (n - s));
        return new long[] {s, Math.min(e, n)};
    }

    /**
     * hic-straw is given whole bins {@code [s*res, e*res)} (it keeps bins in {@code [start/res, end/res)}); hicserve's
     * cooler reader the same extent clipped to the chromosome (it keeps every bin overlapped).
     */
    private static Query query(int id, CoolerFile c, String coolerNorm, String hicNorm, int res, Chromosome a,
            Chromosome b, long[] binsA, long[] binsB) {
        String line = hicNorm + " " + res + " " + a.name() + " " + binsA[0] * res + " " + binsA[1] * res + " "
                + b.name() + " " + binsB[0] * res + " " + binsB[1] * res + " " + id;
        GenomicInterval r1 = new GenomicInterval(a, binsA[0] * res, Math.min(a.length(), binsA[1] * res));
        GenomicInterval r2 = new GenomicInterval(b, binsB[0] * res, Math.min(b.length(), binsB[1] * res));
        BinTable bins = c.bins();
        return new Query(id, line, c, coolerNorm, r1, r2, bins.chromOffset(a.id()), bins.chromOffset(b.id()));
    }

    /** Runs every query in one node process; the answer lines of each query, by query id. */
    private static List<List<String>> runHicStraw(Path file, List<Query> queries) {
        List<String> lines = HicStraw.run("dump-queries.mjs", List.of(file.toAbsolutePath().toString()),
                queries.stream().map(Query::line).toList(), Duration.ofSeconds(300), file.toString());
        List<List<String>> answers = new ArrayList<>();
        queries.forEach(q -> answers.add(new ArrayList<>()));
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith("# ")) {
                String[] t = line.substring(2).trim().split("\\s+");
                current = answers.get(Integer.parseInt(t[t.length - 1]));
            } else {
                current.add(line);
            }
        }
        return answers;
    }

    /** hic-straw's records of one query against the cooler's answer; returns how many pixels matched. */
    private static int compare(Query q, List<String> records) {
        int n = records.size();
        long[] keys = new long[n];
        Map<Long, Double> byKey = new HashMap<>(n * 2);
        int kept = 0;
        for (String r : records) {
            String[] c = r.split("\t");
            double v = Double.parseDouble(c[2]);
            if (!Double.isFinite(v)) {
                continue; // hic-straw filters 0/NaN vector products, not every non-finite value; both readers drop them
            }
            long b1 = q.off1() + Long.parseLong(c[0]);
            long b2 = q.off2() + Long.parseLong(c[1]);
            long key = (b1 << 31) | b2;
            if (byKey.put(key, v) != null) {
                throw new AssertionError(q.line() + ": hic-straw returned a record twice: " + r);
            }
            keys[kept++] = key;
        }
        ConvertedPixels source = ConvertedPixels.fetch(q.cooler(), q.r1(), q.r2(), q.coolerNorm());
        if (source.size() != kept) {
            throw new AssertionError(q.line() + ": hic-straw returned " + kept + " pixels, the cooler " + source.size());
        }
        boolean raw = q.coolerNorm().equals("NONE");
        for (int i = 0; i < source.size(); i++) {
            long key = (source.bin1()[i] << 31) | source.bin2()[i];
            Double got = byKey.get(key);
            double want = source.value()[i];
            if (got == null) {
                throw new AssertionError(q.line() + ": hic-straw lacks pixel (" + source.bin1()[i] + ", "
                        + source.bin2()[i] + ")");
            }
            boolean ok = raw ? got == (double) (float) want : Math.abs(got - want) <= Math.abs(want) * 1e-6;
            if (!ok) {
                throw new AssertionError(q.line() + ": pixel (" + source.bin1()[i] + ", " + source.bin2()[i]
                        + ") is " + got + " in hic-straw, " + want + " in the cooler");
            }
        }
        return kept;
    }
}
