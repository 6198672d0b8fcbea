package org.hicserve.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hicserve.reader.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One client shared by 8 threads, each looping over different queries, gets the single-threaded answers. */
class ConcurrentClientTest {
    static final int THREADS = 8;
    static final int ROUNDS = 3;
    @RegisterExtension
    static final RunningService service = RunningService.over(() -> TestData.sample("sample.mcool").getParent());

    static List<HicQuery> queries() {
        List<HicQuery> qs = new ArrayList<>();
        for (String[] r : TestData.csv(TestData.sample("REFERENCE.csv"))) {
            if (r[0].startsWith("sample.") && !(r[1].equals("5000") && r[2].equals(r[3]) && !r[2].contains(":"))) {
                qs.add(Query.of(r[0]).resolution(Integer.parseInt(r[1])).range1(r[2]).range2(r[3]).normalization(r[4]));
            }
        }
        qs.add(CisQuery.of("sample.hic").resolution(100000).normalization("VC"));
        qs.add(CisQuery.of("sample.mcool").resolution(5000).chromosomes("chr3"));
        qs.add(Query.of("sample.mcool").resolution(5000).range1("chr2").diagonalBandWidth(5).querySpan("full"));
        return qs;
    }

    record Answer(long[] bin1, long[] bin2, double[] count, double[][] dense) {
        boolean same(Answer o) {
            return Arrays.equals(bin1, o.bin1) && Arrays.equals(bin2, o.bin2) && Arrays.equals(count, o.count)
                    && Arrays.deepEquals(dense, o.dense);
        }
    }

    static Answer answer(HicQuery q) {
        CooMatrix m = service.client().coo(q);
        double[][] dense = q instanceof Query p && p.range1().orElse("").contains(":") ? service.client().dense(p) : null;
        return new Answer(m.bin1(), m.bin2(), m.count(), dense);
    }

    @Test
    void threadsSharingOneClientGetIndependentCorrectAnswers() throws Exception {
        List<HicQuery> queries = queries();
        List<Answer> expected = queries.stream().map(ConcurrentClientTest::answer).toList();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 5;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        for (int i = 0; i < queries.size(); i += 2) { // every thread its own order and half
                            int k = (offset + i + round) % queries.size();
                            Answer a = answer(queries.get(k));
                            if (!a.same(expected.get(k))) {
                                throw new AssertionError("different answer for " + queries.get(k));
                            }
                            checked++;
                        }
                    }
                    return checked;
                }));
            }
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(THREADS * ROUNDS * ((queries.size() + 1) / 2));
        } finally {
            pool.shutdownNow();
        }
    }
}
