package org.hicserve.service.worker;

import java.io.IOException;
import java.io.InputStream;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hicserve.jar worker [--id N] [--host H] [--port P] [--exit-with-stdin]}: a worker process, a plain main
 * (no Spring) serving {@link PixelFlightProducer} over Arrow Flight. Prints {@code HICSERVE_WORKER_PORT=<port>}
 * once listening. Started by the service with {@code --exit-with-stdin}, it exits when the service goes away
 * (its stdin closes), so no worker outlives the service; started by hand on another host, it runs until killed.
 */
public final class WorkerMain {
    public static final String PORT_LINE = "HICSERVE_WORKER_PORT=";

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        String id = "0";
        String host = "127.0.0.1";
        int port = 0;
        boolean exitWithStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--id" -> id = args[++i];
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--exit-with-stdin" -> exitWithStdin = true;
                default -> throw new IllegalArgumentException("unknown worker option " + args[i]
                        + "; usage: worker [--id N] [--host H] [--port P] [--exit-with-stdin]");
            }
        }
        System.setProperty("hicserve.worker.id", id);
        Logger log = LoggerFactory.getLogger(WorkerMain.class);
        BufferAllocator allocator = new RootAllocator();
        FlightServer server = FlightServer.builder(allocator, Location.forGrpcInsecure(host, port),
                new PixelFlightProducer(allocator)).build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.shutdown();
                server.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        System.out.println(PORT_LINE + server.getPort());
        System.out.flush();
        log.info("worker {} listening on {}:{} (pid {})", id, host, server.getPort(), ProcessHandle.current().pid());
        if (exitWithStdin) {
            waitForEndOfInput(System.in);
            log.info("worker {}: the service closed our stdin; exiting", id);
            System.exit(0);
        }
        server.awaitTermination();
    }

    private static void waitForEndOfInput(InputStream in) {
        try {
            while (in.read() >= 0) {
                // the service never writes; any byte is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the service is gone as well
        }
    }
}
