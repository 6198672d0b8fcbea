package org.hicserve.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The report of {@code bench/executor-curve.sh} (issue #17): reads the measurements it wrote and prints markdown
 * (per file: seconds per work size and mode, the crossover read off them, CPU and Flight bytes, the per-task
 * overhead; the workers' start-up) and draws one log-log PNG per file: seconds against rows answered, one line
 * per mode. JDK only (headless AWT), so the script runs it as a single source file
 * ({@code java ExecutorCurveReport.java CURVE.tsv STARTUP.tsv OUTDIR}) without building anything.
 *
 * <p>CURVE.tsv columns: file, config, resolution, work, rows, estimate, chosen, seconds, service_cpu_s,
 * worker_cpu_s, flight_bytes, answer_bytes (-1 or empty: not measured). STARTUP.tsv columns: data, config,
 * listening_ms (one per worker, comma-separated), first_answer_s, warm_s, work.
 */
public final class ExecutorCurveReport {
    /** The service's default {@code hicserve.auto-processes-above}. */
    static final long DEFAULT_AUTO_ABOVE = 100_000_000L;
    static final List<String> MODES = List.of("threads-1", "threads-2", "processes-1", "processes-2", "auto-2");
    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(110, 110, 110)};
    private static final int WIDTH = 900;
    private static final int HEIGHT = 620;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    record Point(String file, String config, int resolution, String work, long rows, long estimate, String chosen,
            double seconds, double serviceCpu, double workerCpu, long flightBytes, long answerBytes) {
        String key() {
            return resolution + " " + work;
        }

        boolean cis() {
            return !work.startsWith("window");
        }
    }

    /** Where processes-N overtake threads-N for good, in rows answered, interpolated in log-log; empty: nowhere. */
    record Crossover(int n, Optional<Double> rows, String sentence) {
    }

    private ExecutorCurveReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ExecutorCurveReport CURVE.tsv STARTUP.tsv OUTDIR");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        List<Point> points = read(Path.of(args[0]));
        List<String[]> startup = Files.exists(Path.of(args[1])) ? rows(Path.of(args[1])) : List.of();
        Path out = Path.of(args[2]);
        PrintStream md = System.out;
        Set<String> files = new LinkedHashSet<>();
        points.forEach(p -> files.add(p.file()));
        for (String file : files) {
            List<Point> mine = points.stream().filter(p -> p.file().equals(file)).toList();
            md.println("### " + file);
            md.println();
            table(md, mine);
            md.println();
            List<Crossover> crossovers = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                Crossover c = crossover(mine, n);
                crossovers.add(c);
                md.println("- " + c.sentence());
            }
            md.println("- " + suggestion(mine, crossovers.get(1)));
            Path png = out.resolve("executor-curve-" + file + ".png");
            plot(mine, file, crossovers.get(1), png);
            md.println();
            md.println("![seconds against rows answered, " + file + "](" + png.getFileName() + ")");
            md.println();
            md.println("Per request (median of the timed requests): CPU seconds of the service and of its workers, "
                    + "bytes the workers wrote to the Flight connection, bytes of the Arrow answer:");
            md.println();
            detail(md, mine);
            md.println();
        }
        if (!startup.isEmpty()) {
            md.println("### Start-up and per-task overhead");
            md.println();
            md.println("| data | config | worker listening after (JVM start) | first answer of the fresh service | "
                    + "the same warm | cold cost (class loading, JIT) | work |");
            md.println("|---|---|---|---:|---:|---:|---|");
            for (String[] s : startup) {
                double first = Double.parseDouble(s[3]);
                double warm = Double.parseDouble(s[4]);
                md.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", s[0], s[1],
                        s[2].isEmpty() || s[2].equals("-") ? "no workers" : listMs(s[2]), secs(first), secs(warm),
                        secs(first - warm), s[5]);
            }
            md.println();
            md.println("The warm time of that smallest task (one chromosome at the coarsest resolution, a few rows) is the "
                    + "per-task overhead of each mode: planning, one task through the fan-out (and for processes the "
                    + "Flight call), the answer's framing.");
        }
    }

    static List<Point> read(Path tsv) throws IOException {
        List<Point> points = new ArrayList<>();
        for (String[] r : rows(tsv)) {
            points.add(new Point(r[0], r[1], Integer.parseInt(r[2]), r[3], parseLong(r[4]), parseLong(r[5]), r[6],
                    Double.parseDouble(r[7]), parseDouble(r[8]), parseDouble(r[9]), parseLong(r[10]), parseLong(r[11])));
        }
        return points;
    }

    private static List<String[]> rows(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private static long parseLong(String s) {
        return s == null || s.isBlank() ? -1 : Long.parseLong(s.strip());
    }

    private static double parseDouble(String s) {
        return s == null || s.isBlank() ? -1 : Double.parseDouble(s.strip());
    }

    private static Map<String, Point> byKey(List<Point> points, String config) {
        Map<String, Point> m = new LinkedHashMap<>();
        points.stream().filter(p -> p.config().equals(config)).forEach(p -> m.put(p.key(), p));
        return m;
    }

    private static List<String> configs(List<Point> points) {
        return MODES.stream().filter(m -> points.stream().anyMatch(p -> p.config().equals(m))).toList();
    }

    /** The work sizes in order of rows answered (as the threads, else any mode, counted them). */
    private static List<Point> workSizes(List<Point> points) {
        Map<String, Point> first = new LinkedHashMap<>();
        points.forEach(p -> first.putIfAbsent(p.key(), p));
        return first.values().stream().sorted(Comparator.comparingLong(Point::rows)).toList();
    }

    private static void table(PrintStream md, List<Point> points) {
        List<String> configs = configs(points);
        md.print("| resolution | work | rows | estimate |");
        configs.forEach(c -> md.print(" " + c + " |"));
        md.println();
        md.print("|---:|---|---:|---:|");
        configs.forEach(c -> md.print("---:|"));
        md.println();
        Map<String, Map<String, Point>> by = new LinkedHashMap<>();
        configs.forEach(c -> by.put(c, byKey(points, c)));
        for (Point w : workSizes(points)) {
            long estimate = points.stream().filter(p -> p.key().equals(w.key()) && p.estimate() >= 0)
                    .mapToLong(Point::estimate).findFirst().orElse(-1);
            md.printf(Locale.ROOT, "| %s | %s | %,d | %s |", kb(w.resolution()), w.work(), w.rows(),
                    estimate < 0 ? "" : String.format(Locale.ROOT, "%,d", estimate));
            for (String c : configs) {
                Point p = by.get(c).get(w.key());
                String cell = p == null ? "" : secs(p.seconds());
                if (p != null && c.startsWith("auto") && !p.chosen().isBlank()) {
                    cell += " (" + p.chosen() + ")";
                }
                md.print(" " + cell + " |");
            }
            md.println();
        }
    }

    private static void detail(PrintStream md, List<Point> points) {
        md.println("| config | resolution | work | rows | seconds | service CPU | worker CPU | Flight MB | answer MB |");
        md.println("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        for (String c : configs(points)) {
            points.stream().filter(p -> p.config().equals(c)).sorted(Comparator.comparingLong(Point::rows)).forEach(p ->
                    md.printf(Locale.ROOT, "| %s | %s | %s | %,d | %s | %s | %s | %s | %s |%n", c, kb(p.resolution()),
                            p.work(), p.rows(), secs(p.seconds()), cpu(p.serviceCpu()), cpu(p.workerCpu()),
                            mb(p.flightBytes()), mb(p.answerBytes())));
        }
    }

    static Crossover crossover(List<Point> points, int n) {
        Map<String, Point> threads = byKey(points, "threads-" + n);
        Map<String, Point> processes = byKey(points, "processes-" + n);
        List<double[]> pairs = new ArrayList<>(); // rows, processes / threads
        for (Point t : threads.values()) {
            Point p = processes.get(t.key());
            if (t.cis() && p != null && t.rows() > 0) {
                pairs.add(new double[] {t.rows(), p.seconds() / t.seconds()});
            }
        }
        pairs.sort(Comparator.comparingDouble(a -> a[0]));
        String vs = "processes-" + n + " against threads-" + n;
        if (pairs.isEmpty()) {
            return new Crossover(n, Optional.empty(), vs + ": not measured");
        }
        int from = pairs.size(); // first index from which processes stay faster
        while (from > 0 && pairs.get(from - 1)[1] < 1) {
            from--;
        }
        double[] last = pairs.get(pairs.size() - 1);
        if (from == pairs.size()) {
            return new Crossover(n, Optional.empty(), String.format(Locale.ROOT, "%s: no crossover up to %,d rows "
                    + "(processes take %.2fx the time of threads there; %.2fx to %.2fx over the range)", vs, (long) last[0],
                    last[1], pairs.stream().mapToDouble(a -> a[1]).min().orElse(0),
                    pairs.stream().mapToDouble(a -> a[1]).max().orElse(0)));
        }
        if (from == 0) {
            return new Crossover(n, Optional.of(pairs.get(0)[0]), String.format(Locale.ROOT,
                    "%s: processes are faster at every measured size, from %,d rows (%.2fx at the largest)", vs,
                    (long) pairs.get(0)[0], last[1]));
        }
        double[] a = pairs.get(from - 1);
        double[] b = pairs.get(from);
        // log-log interpolation of the time ratio through 1
        double la = Math.log(a[1]);
        double lb = Math.log(b[1]);
        double x = Math.exp(Math.log(a[0]) + (Math.log(b[0]) - Math.log(a[0])) * la / (la - lb));
        return new Crossover(n, Optional.of(x), String.format(Locale.ROOT,
                "%s: crossover at about %,d rows (processes %.2fx of threads at %,d rows, %.2fx at %,d; %.2fx at the "
                        + "largest, %,d rows)", vs, Math.round(x), a[1], (long) a[0], b[1], (long) b[0], last[1], (long) last[0]));
    }

    /** The setting the measured crossover suggests, in estimated pixels (the estimate/rows ratio of the nearest size). */
    private static String suggestion(List<Point> points, Crossover c) {
        List<Point> estimated = points.stream().filter(p -> p.estimate() > 0 && p.rows() > 0).toList();
        long largest = estimated.stream().mapToLong(Point::estimate).max().orElse(-1);
        if (c.rows().isEmpty()) {
            return "suggested setting: keep `executor=auto` on threads for these sizes: `hicserve.auto-processes-above` "
                    + "above the largest estimate measured" + (largest > 0 ? String.format(Locale.ROOT, " (%,d)", largest) : "")
                    + (largest < DEFAULT_AUTO_ABOVE ? " (the default, 100,000,000, is)" : "");
        }
        double rows = c.rows().get();
        Optional<Point> nearest = estimated.stream().min(Comparator.comparingDouble(p -> Math.abs(Math.log(p.rows() / rows))));
        double ratio = nearest.map(p -> (double) p.estimate() / p.rows()).orElse(1.0);
        return String.format(Locale.ROOT, "suggested setting: `hicserve.auto-processes-above=%d` (the crossover of 2 "
                + "workers against 2 threads, %,d rows, times the estimate/rows ratio %.2f measured nearest to it)",
                Math.round(rows * ratio), Math.round(rows), ratio);
    }

    private static void plot(List<Point> points, String file, Crossover crossover, Path png) throws IOException {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            if (p.rows() > 0 && p.seconds() > 0) {
                xMin = Math.min(xMin, Math.log10(p.rows()));
                xMax = Math.max(xMax, Math.log10(p.rows()));
                yMin = Math.min(yMin, Math.log10(p.seconds()));
                yMax = Math.max(yMax, Math.log10(p.seconds()));
            }
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.BLACK);
            g.drawString("hicserve " + file + ": seconds per request against rows answered (log-log; median of warm "
                    + "requests)", LEFT, TOP - 28);
            if (!(xMax >= xMin)) {
                g.drawString("nothing measured", LEFT, HEIGHT / 2);
            } else {
                xMin = Math.floor(xMin);
                xMax = Math.max(xMin + 1, Math.ceil(xMax));
                yMin = Math.floor(yMin);
                yMax = Math.max(yMin + 1, Math.ceil(yMax));
                axes(g, xMin, xMax, yMin, yMax);
                if (crossover.rows().isPresent()) {
                    double cx = sx(Math.log10(crossover.rows().get()), xMin, xMax);
                    g.setColor(Color.GRAY);
                    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
                    g.drawLine((int) cx, TOP, (int) cx, HEIGHT - BOTTOM);
                    g.drawString("crossover (2 workers vs 2 threads)", (int) cx + 4, TOP + 12);
                }
                List<Integer> resolutions = points.stream().map(Point::resolution).distinct().sorted().toList();
                List<String> configs = configs(points);
                int legend = 0;
                for (String c : configs) {
                    Color color = COLORS[MODES.indexOf(c)];
                    List<Point> line = points.stream().filter(p -> p.config().equals(c) && p.rows() > 0 && p.seconds() > 0)
                            .sorted(Comparator.comparingLong(Point::rows)).toList();
                    g.setColor(color);
                    g.setStroke(c.startsWith("auto")
                            ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                            : new BasicStroke(2f));
                    Path2D.Double path = new Path2D.Double();
                    for (int i = 0; i < line.size(); i++) {
                        double px = sx(Math.log10(line.get(i).rows()), xMin, xMax);
                        double py = sy(Math.log10(line.get(i).seconds()), yMin, yMax);
                        if (i == 0) {
                            path.moveTo(px, py);
                        } else {
                            path.lineTo(px, py);
                        }
                    }
                    g.draw(path);
                    g.setStroke(new BasicStroke(1.5f));
                    for (Point p : line) {
                        marker(g, resolutions.indexOf(p.resolution()), sx(Math.log10(p.rows()), xMin, xMax),
                                sy(Math.log10(p.seconds()), yMin, yMax));
                    }
                    int ly = TOP + 10 + 20 * legend++;
                    g.drawLine(WIDTH - RIGHT + 15, ly, WIDTH - RIGHT + 45, ly);
                    g.setColor(Color.BLACK);
                    g.drawString(c, WIDTH - RIGHT + 52, ly + 4);
                }
                g.setColor(Color.BLACK);
                for (int i = 0; i < resolutions.size(); i++) {
                    int ly = TOP + 30 + 20 * (legend + i);
                    marker(g, i, WIDTH - RIGHT + 30, ly);
                    g.drawString(kb(resolutions.get(i)), WIDTH - RIGHT + 52, ly + 4);
                }
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    /** A filled circle, a hollow square, a hollow triangle... by resolution. */
    private static void marker(Graphics2D g, int kind, double x, double y) {
        int px = (int) Math.round(x);
        int py = (int) Math.round(y);
        switch (kind % 3) {
            case 0 -> g.fillOval(px - 4, py - 4, 8, 8);
            case 1 -> g.drawRect(px - 4, py - 4, 8, 8);
            default -> g.drawPolygon(new int[] {px - 5, px + 5, px}, new int[] {py + 4, py + 4, py - 5}, 3);
        }
    }

    private static void axes(Graphics2D g, double xMin, double xMax, double yMin, double yMax) {
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = HEIGHT - BOTTOM;
        int y1 = TOP;
        g.setColor(new Color(230, 230, 230));
        for (int e = (int) xMin; e < (int) xMax; e++) {
            for (int m = 1; m <= 9; m++) {
                int px = (int) Math.round(sx(e + Math.log10(m), xMin, xMax));
                g.drawLine(px, y0, px, y1);
            }
        }
        for (int e = (int) yMin; e < (int) yMax; e++) {
            for (int m = 1; m <= 9; m++) {
                int py = (int) Math.round(sy(e + Math.log10(m), yMin, yMax));
                g.drawLine(x0, py, x1, py);
            }
        }
        g.setColor(Color.BLACK);
        g.drawLine(x0, y0, x1, y0);
        g.drawLine(x0, y0, x0, y1);
        for (int e = (int) xMin; e <= (int) xMax; e++) {
            int px = (int) Math.round(sx(e, xMin, xMax));
            g.drawLine(px, y0, px, y0 + 5);
            g.drawString("1e" + e, px - 10, y0 + 20);
        }
        for (int e = (int) yMin; e <= (int) yMax; e++) {
            int py = (int) Math.round(sy(e, yMin, yMax));
            g.drawLine(x0 - 5, py, x0, py);
            String label = e >= 0 ? String.format(Locale.ROOT, "%.0f s", Math.pow(10, e))
                    : String.format(Locale.ROOT, "%." + (-e) + "f s", Math.pow(10, e));
            g.drawString(label, x0 - 60, py + 4);
        }
        g.drawString("rows answered", (x0 + x1) / 2 - 40, HEIGHT - 15);
    }

    private static double sx(double x, double min, double max) {
        return LEFT + (x - min) / (max - min) * (WIDTH - LEFT - RIGHT);
    }

    private static double sy(double y, double min, double max) {
        return HEIGHT - BOTTOM - (y - min) / (max - min) * (HEIGHT - TOP - BOTTOM);
    }

    private static String kb(int resolution) {
        return resolution % 1000 == 0 ? resolution / 1000 + " kb" : resolution + " bp";
    }

    private static String secs(double s) {
        return s < 0.1 ? String.format(Locale.ROOT, "%.1f ms", s * 1000) : String.format(Locale.ROOT, "%.3f s", s);
    }

    private static String cpu(double s) {
        return s < 0 ? "" : String.format(Locale.ROOT, "%.2f s", s);
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "" : String.format(Locale.ROOT, "%.2f", bytes / 1e6);
    }

    private static String listMs(String list) {
        StringBuilder b = new StringBuilder();
        for (String ms : list.split(",")) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f s", Double.parseDouble(ms) / 1000));
        }
        return b.toString();
    }
}
