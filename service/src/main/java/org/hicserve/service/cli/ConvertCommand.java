package org.hicserve.service.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.convert.ConversionException;
import org.hicserve.reader.convert.CoolerToHic;

/**
 * {@code hicserve.jar convert IN OUT [--resolutions R,R,...] [--threads N] [--tmp-dir DIR] [--compression-level 1-9] [--force] [--quiet]}:
 * converts between formats, chosen by the extensions, like {@code hictk convert}. Today: {@code .cool}/{@code .mcool}
 * to {@code .hic} v9. The output is written under a temp name in its folder and renamed at the end, so a failed run
 * leaves nothing under the final name. Exit codes: 0 done, 2 bad usage, 3 unknown resolution, 4 unreadable input,
 * 5 output not written (disk full, permission).
 */
public final class ConvertCommand {
    private static final String USAGE = "usage: hicserve.jar convert IN.mcool|IN.cool OUT.hic [--resolutions R,R,...] "
            + "[--threads N] [--tmp-dir DIR] [--compression-level 1-9] [--force] [--quiet]";

    private ConvertCommand() {
    }

    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        List<String> files = new ArrayList<>();
        CoolerToHic.Options options = CoolerToHic.Options.defaults();
        boolean force = false;
        boolean quiet = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        stdout.println(USAGE);
                        return 0;
                    }
                    case "--force" -> force = true;
                    case "--quiet" -> quiet = true;
                    case "--resolutions", "--threads", "--tmp-dir", "--compression-level" -> {
                        if (i + 1 >= args.length) {
                            stderr.println("missing value for " + a + "\n" + USAGE);
                            return 2;
                        }
                        String v = args[++i];
                        if (a.equals("--resolutions")) {
                            List<Integer> r = new ArrayList<>();
                            for (String s : v.split(",")) {
                                r.add(Integer.parseInt(s.strip()));
                            }
                            options = options.withResolutions(r);
                        } else if (a.equals("--compression-level")) {
                            options = options.withCompressionLevel(Integer.parseInt(v));
                        } else if (a.equals("--threads")) {
                            options = options.withThreads(Integer.parseInt(v));
                        } else {
                            options = options.withSpillDir(Path.of(v));
                        }
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            stderr.println("unknown option " + a + "\n" + USAGE);
                            return 2;
                        }
                        files.add(a);
                    }
                }
            }
        } catch (NumberFormatException e) {
            stderr.println("not a number: " + e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (InvalidQueryException e) {
            stderr.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (files.size() != 2) {
            stderr.println(USAGE);
            return 2;
        }
        Path in = Path.of(files.get(0));
        Path out = Path.of(files.get(1));
        String outName = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!CoolerToHic.isCooler(in) || !outName.endsWith(".hic")) {
            if (in.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hic") && CoolerToHic.isCooler(out)) {
                stderr.println(".hic -> .cool/.mcool is not available: jHDF's writer keeps every dataset in memory "
                        + "(no appendable chunked datasets), so it cannot write a pixel table in bounded memory; "
                        + "see the README, \"Converting between formats\"");
            } else {
                stderr.println("cannot tell the conversion from the extensions (supported: .cool/.mcool -> .hic)\n"
                        + USAGE);
            }
            return 2;
        }
        if (!Files.isRegularFile(in)) {
            stderr.println(in + ": no such file");
            return 4;
        }
        if (Files.exists(out) && !force) {
            stderr.println(out + " exists (use --force to replace it)");
            return 2;
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            stderr.println("no such folder for " + out);
            return 5;
        }
        TerminalProgressBar bar = new TerminalProgressBar(stderr, System.console() != null);
        long t0 = System.nanoTime();
        try {
            CoolerToHic.Summary s = CoolerToHic.convert(in, out, options,
                    quiet ? org.hicserve.reader.convert.ProgressListener.NONE : bar);
            bar.finishLine();
            for (String w : s.warnings()) {
                stderr.println("warning: " + w);
            }
            stdout.printf(Locale.ROOT, "%s: .hic v9, resolutions %s, normalizations %s, %d pixels, %d blocks, %d bytes, "
                    + "%.1f s%n", s.output(), s.resolutions(), s.normalizations().isEmpty() ? "none" : s.normalizations(),
                    s.pixels(), s.blocks(), s.bytes(), (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (UnknownNameException e) {
            bar.finishLine();
            stderr.println(e.getMessage());
            return 3;
        } catch (InvalidQueryException e) {
            bar.finishLine();
            stderr.println(e.getMessage());
            return 2;
        } catch (ReaderException e) {
            bar.finishLine();
            stderr.println(in + " cannot be read: " + e.getMessage() + " (nothing written)");
            return 4;
        } catch (ConversionException e) {
            bar.finishLine();
            stderr.println(e.getMessage() + " (nothing written under " + out.getFileName() + ")");
            return 5;
        } catch (java.io.UncheckedIOException e) {
            bar.finishLine();
            stderr.println("I/O error: " + e.getMessage() + " (nothing written under " + out.getFileName() + ")");
            return 5;
        }
    }
}
