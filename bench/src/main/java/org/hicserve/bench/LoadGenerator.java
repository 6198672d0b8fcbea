package org.hicserve.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load generator for a hicserve on loopback (only 127.0.0.1/localhost is accepted as a target).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.hicserve.bench.LoadGenerator windows URL FILE RESOLUTION CLIENTS SECONDS
 * java -cp bench/target/benchmarks.jar org.hicserve.bench.LoadGenerator soak    URL FILE RESOLUTION CLIENTS SECONDS
 * </pre>
 * {@code windows}: every client asks random 5 Mb cis windows (chr1..chr22) in a loop. {@code soak}: every client
 * asks whole chromosomes in a loop, and one client in three hangs up after the first 64 KiB of each answer.
 * {@code stream}: every client asks whole chromosomes in a loop and reads every answer to its end.
 * Other maps: {@code -Dhicserve.chroms=chr1:12000000,chr2:9500000} (names and lengths; default hg38 chr1..chr22)
 * and {@code -Dhicserve.window=5000000} (window size in bp; chromosomes shorter than a window are left out of
 * {@code windows}).
 * Prints one line: mode, clients, seconds, requests, errors, disconnects, requests/s, MB/s, p50 and p99 latency (ms).
 */
public final class LoadGenerator {
    private static final String[] CHROMS = {"chr1", "chr2", "chr3", "chr4", "chr5", "chr6", "chr7", "chr8", "chr9", "chr10",
            "chr11", "chr12", "chr13", "chr14", "chr15", "chr16", "chr17", "chr18", "chr19", "chr20", "chr21", "chr22"};
    private static final long[] SIZES = {248956422, 242193529, 198295559, 190214555, 181538259, 170805979, 159345973,
            145138636, 138394717, 133797422, 135086622, 133275309, 114364328, 107043718, 101991189, 90338345, 83257441,
            80373285, 58617616, 64444167, 46709983, 50818468};

    private LoadGenerator() {
    }

    /** The chromosomes asked for: {@code -Dhicserve.chroms=NAME:LENGTH,...}, else hg38 chr1..chr22. */
    private static void chromosomes(long window, String mode, List<String> names, List<Long> sizes) {
        String spec = System.getProperty("hicserve.chroms", "");
        if (spec.isBlank()) {
            names.addAll(List.of(CHROMS));
            for (long s : SIZES) {
                sizes.add(s);
            }
        } else {
            for (String entry : spec.split(",")) {
                int colon = entry.lastIndexOf(':');
                names.add(entry.substring(0, colon).strip());
                sizes.add(Long.parseLong(entry.substring(colon + 1).strip()));
            }
        }
        if (mode.equals("windows")) {
            for (int i = names.size() - 1; i >= 0; i--) {
                if (sizes.get(i) <= window) {
                    names.remove(i);
                    sizes.remove(i);
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no chromosome longer than a window of " + window + " bp");
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: LoadGenerator windows|soak|stream URL FILE RESOLUTION CLIENTS SECONDS");
            System.exit(2);
        }
        String mode = args[0];
        if (!List.of("windows", "soak", "stream").contains(mode)) {
            System.err.println("unknown mode " + mode + ": windows, soak or stream");
            System.exit(2);
        }
        URI base = URI.create(args[1]);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("load is only sent to loopback, not " + base.getHost());
        }
        String file = args[2];
        int resolution = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int seconds = Math.min(3600, Integer.parseInt(args[5]));
        long window = Long.getLong("hicserve.window", 5_000_000L);
        List<String> names = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        chromosomes(window, mode, names, sizes);
        long end = System.nanoTime() + seconds * 1_000_000_000L;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, clients / 4))).build();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong disconnects = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Random random = new Random(1000 + client);
                long[] lat = new long[1 << 16];
                int n = 0;
                boolean hangsUp = mode.equals("soak") && client % 3 == 0;
                while (System.nanoTime() < end) {
                    int k = random.nextInt(names.size());
                    String range = names.get(k);
                    if (mode.equals("windows")) {
                        long s = (long) (random.nextDouble() * (sizes.get(k) - window));
                        range = names.get(k) + ":" + s + "-" + (s + window);
                    }
                    String q = "?file=" + enc(file) + "&resolution=" + resolution + "&range1=" + enc(range);
                    HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/v1/pixels" + q))
                            .timeout(Duration.ofSeconds(120)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                        try (InputStream in = r.body()) {
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                                in.readAllBytes();
                            } else if (hangsUp) {
                                bytes.addAndGet(in.readNBytes(64 * 1024).length);
                                disconnects.incrementAndGet();
                            } else {
                                byte[] buf = new byte[1 << 16];
                                for (int got; (got = in.read(buf)) >= 0; ) {
                                    bytes.addAndGet(got);
                                }
                            }
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    requests.incrementAndGet();
                    if (n < lat.length) {
                        lat[n++] = System.nanoTime() - t0;
                    }
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        for (Future<long[]> f : futures) {
            latencies.add(f.get());
        }
        pool.shutdown();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double p50 = all.length == 0 ? 0 : all[(int) (0.50 * (all.length - 1))] / 1e6;
        double p99 = all.length == 0 ? 0 : all[(int) (0.99 * (all.length - 1))] / 1e6;
        System.out.printf("%s\tclients=%d\tseconds=%d\trequests=%d\terrors=%d\tdisconnects=%d\treq/s=%.1f\tMB/s=%.1f\tp50_ms=%.1f\tp99_ms=%.1f%n",
                mode, clients, seconds, requests.get(), errors.get(), disconnects.get(), requests.get() / (double) seconds,
                bytes.get() / 1e6 / seconds, p50, p99);
        System.exit(0);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
