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
 * once listening (on loopback unless {@code --host} says otherwise; another address needs a secret in
 * {@code HICSERVE_WORKER_SECRET}, see {@link WorkerSecret}). Started by the service with {@code --exit-with-stdin}, it exits when the service goes away
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
        String secretValue = System.getenv(WorkerSecret.ENVIRONMENT);
        WorkerSecret secret = secretValue == null || secretValue.isBlank() ? null : WorkerSecret.of(secretValue);
        if (secret == null && !isLoopback(host)) {
            System.err.println("refusing to listen on " + host + " without a secret: set " + WorkerSecret.ENVIRONMENT
                    + " in the worker's environment (the same value as the service's hicserve.workers.secret)");
            System.exit(2);
        }
        if (secret == null) {
            log.warn("worker {}: no {} set; calls are not authenticated (listening on loopback only)", id,
                    WorkerSecret.ENVIRONMENT);
        }
        BufferAllocator allocator = new RootAllocator();
        FlightServer server = serve(allocator, host, port, secret, new PixelFlightProducer(allocator));
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

    /** Starts a worker's Flight server; with a secret, every call without it is refused before it reaches the producer. */
    static FlightServer serve(BufferAllocator allocator, String host, int port, WorkerSecret secret,
            PixelFlightProducer producer) throws IOException {
        FlightServer.Builder b = FlightServer.builder(allocator, Location.forGrpcInsecure(host, port), producer);
        if (secret != null) {
            b.middleware(WorkerSecret.Check.KEY, new WorkerSecret.Check(secret));
        }
        return b.build().start();
    }

    static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
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
