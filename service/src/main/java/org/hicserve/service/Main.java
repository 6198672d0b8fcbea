package org.hicserve.service;

import java.util.Arrays;
import org.hicserve.service.cli.ConvertCommand;
import org.hicserve.service.cli.DumpCommand;
import org.hicserve.service.cli.ValidateCommand;
import org.hicserve.service.worker.WorkerMain;

/**
 * Entry point of {@code hicserve.jar}: {@code dump ...} reads a file on the command line (no Spring, no
 * server); {@code validate FILE...} checks files; {@code convert IN OUT} converts .mcool/.cool to .hic; {@code worker ...} runs a worker process (an Arrow Flight server, no Spring); anything else starts the
 * HTTP service.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("dump")) {
            // before any logger exists: the answer goes to stdout, so logs must not
            System.setProperty("logback.configurationFile", "logback-dump.xml");
            System.exit(DumpCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("validate")) {
            System.setProperty("logback.configurationFile", "logback-dump.xml");
            System.exit(ValidateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("convert")) {
            System.setProperty("logback.configurationFile", "logback-dump.xml");
            System.exit(ConvertCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("worker")) {
            System.setProperty("logback.configurationFile", System.getProperty("logback.configurationFile", "logback-worker.xml"));
            try {
                WorkerMain.main(Arrays.copyOfRange(args, 1, args.length));
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
            }
            return;
        }
        HicServeApplication.main(args);
    }
}
