package org.hicserve.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HiGlass-like tile bursts against a hicserve on loopback (only 127.0.0.1/localhost is accepted as a target).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.hicserve.bench.TileBurst tiles|npy URL FILE RESOLUTION TRANSFORM VIEWERS BURSTS
 * </pre>
 * Each of VIEWERS concurrent viewers makes BURSTS bursts, one after the other. A burst is what HiGlass asks when a
 * view settles: 15 tiles at one zoom (the zoom of RESOLUTION), a 5 x 3 block on and above the diagonal at a random
 * place of the first chromosome, in one GET of 15 {@code d} ids ({@code tiles}). {@code npy}, the peer: the same 15
 * 256 x 256-bin regions as 15 dense {@code pixels?format=npy} queries, one after the other. Prints one line: mode,
 * file, viewers, bursts, tiles, errors, seconds, tiles/s, p50 and p99 burst latency (ms).
 */
public final class TileBurst {
    private static final int SIZE = 256;

    private TileBurst() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: TileBurst tiles|npy URL FILE RESOLUTION TRANSFORM VIEWERS BURSTS");
            System.exit(2);
        }
        String mode = args[0];
        URI base = URI.create(args[1]);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("load is only sent to loopback, not " + base.getHost());
        }
        String file = args[2];
        int resolution = Integer.parseInt(args[3]);
        String transform = args[4];
        int viewers = Integer.parseInt(args[5]);
        int bursts = Integer.parseInt(args[6]);
        String uid = Base64.getUrlEncoder().withoutPadding().encodeToString(file.getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String info = http.send(HttpRequest.newBuilder(base.resolve("/higlass/api/v1/tileset_info/?d=" + uid)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<Integer> resolutions = new ArrayList<>();
        Matcher rm = Pattern.compile("\"resolutions\":\\[([0-9,]+)]").matcher(info);
        if (!rm.find()) {
            throw new IllegalStateException("no resolutions in " + info);
        }
        Arrays.stream(rm.group(1).split(",")).map(Integer::parseInt).forEach(resolutions::add);
        resolutions.sort(java.util.Comparator.reverseOrder());
        int zoom = resolutions.indexOf(resolution);
        if (zoom < 0) {
            throw new IllegalArgumentException(file + " has no resolution " + resolution + ": " + resolutions);
        }
        Matcher cm = Pattern.compile("\"chromsizes\":\\[\\[\"([^\"]+)\",(\\d+)]").matcher(info);
        if (!cm.find()) {
            throw new IllegalStateException("no chromsizes in " + info);
        }
        String chrom = cm.group(1);
        long chromLength = Long.parseLong(cm.group(2));
        long span = (long) SIZE * resolution;
        int places = (int) Math.max(1, chromLength / span - 5);

        ExecutorService pool = Executors.newFixedThreadPool(viewers);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int v = 0; v < viewers; v++) {
            int viewer = v;
            futures.add(pool.submit(() -> {
                Random random = new Random(7000 + viewer);
                long[] result = new long[2 + bursts]; // tiles, errors, latencies
                for (int b = 0; b < bursts; b++) {
                    int t = random.nextInt(places);
                    long t0 = System.nanoTime();
                    if (mode.equals("tiles")) {
                        StringBuilder q = new StringBuilder("/higlass/api/v1/tiles/?");
                        for (int x = t; x < t + 5; x++) {
                            for (int y = x; y < x + 3; y++) {
                                q.append("d=").append(uid).append('.').append(zoom).append('.').append(x).append('.')
                                        .append(y).append('.').append(transform).append('&');
                            }
                        }
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(q + "s=bench")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        int got = r.statusCode() == 200 ? count(r.body(), "\"dense\"") : 0;
                        result[0] += got;
                        result[1] += 15 - got;
                    } else {
                        for (int x = t; x < t + 5; x++) {
                            for (int y = x; y < x + 3; y++) {
                                String q = "/api/v1/pixels?format=npy&file=" + file + "&resolution=" + resolution
                                        + "&normalization=" + (transform.equals("None") ? "NONE" : transform)
                                        + "&range1=" + chrom + ":" + x * span + "-" + Math.min(chromLength, (x + 1) * span)
                                        + "&range2=" + chrom + ":" + y * span + "-" + Math.min(chromLength, (y + 1) * span);
                                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(q)).build(),
                                        HttpResponse.BodyHandlers.ofByteArray());
                                if (r.statusCode() == 200) {
                                    result[0]++;
                                } else {
                                    result[1]++;
                                }
                            }
                        }
                    }
                    result[2 + b] = System.nanoTime() - t0;
                }
                return result;
            }));
        }
        long tiles = 0;
        long errors = 0;
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> f : futures) {
            long[] r = f.get();
            tiles += r[0];
            errors += r[1];
            for (int i = 2; i < r.length; i++) {
                latencies.add(r[i]);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        latencies.sort(null);
        System.out.printf(java.util.Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%d\t%.2f\t%.1f\t%.0f\t%.0f%n", mode, file, viewers,
                bursts, tiles, errors, seconds, tiles / seconds, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get(Math.min(latencies.size() - 1, (int) (latencies.size() * 0.99))) / 1e6);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
