package org.hicserve.service.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts local worker processes from the service's own code: a fresh JVM each (spawn semantics: a cleared
 * environment, nothing inherited but its command line), its output piped into the service's log under
 * {@code hicserve.worker.<id>}. From the fat jar it runs {@code java -jar hicserve.jar worker ...}; from a class
 * path (tests, IDE) {@code java -cp ... org.hicserve.service.Main worker ...}.
 */
final class WorkerLauncher {
    private static final Logger log = LoggerFactory.getLogger(WorkerLauncher.class);

    /** A started worker: its process and the port it listens on. */
    record Started(Process process, int port) {
    }

    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private final WorkerSecret secret;

    WorkerLauncher(String jvmOptions, Duration startTimeout) {
        this(jvmOptions, startTimeout, null);
    }

    /** {@code secret} goes to each worker's environment (never its command line); null: none. */
    WorkerLauncher(String jvmOptions, Duration startTimeout, WorkerSecret secret) {
        this.secret = secret;
        this.jvmOptions = jvmOptions == null || jvmOptions.isBlank() ? List.of()
                : Arrays.asList(jvmOptions.strip().split("\\s+"));
        this.startTimeout = startTimeout;
    }

    List<String> command(int id) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED"); // Arrow (STACK.md): the manifest entry covers -jar only
        cmd.add("-Dlogback.configurationFile=logback-worker.xml");
        String classPath = System.getProperty("java.class.path");
        if (isBootJar(classPath)) {
            cmd.add("-jar");
            cmd.add(classPath);
        } else {
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add("org.hicserve.service.Main");
        }
        cmd.addAll(List.of("worker", "--id", Integer.toString(id), "--host", "127.0.0.1", "--exit-with-stdin"));
        return cmd;
    }

    private static boolean isBootJar(String classPath) {
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar") || !Files.isRegularFile(Path.of(classPath))) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    Started start(int id) {
        ProcessBuilder pb = new ProcessBuilder(command(id)).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        String path = env.get("PATH");
        env.clear();
        if (path != null) {
            env.put("PATH", path);
        }
        if (secret != null) {
            env.put(WorkerSecret.ENVIRONMENT, secret.value());
        }
        Process process;
        long startNanos = System.nanoTime();
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start worker " + id, e);
        }
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Logger workerLog = LoggerFactory.getLogger("hicserve.worker." + id);
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!port.isDone() && line.startsWith(WorkerMain.PORT_LINE)) {
                        port.complete(Integer.parseInt(line.substring(WorkerMain.PORT_LINE.length()).strip()));
                    } else {
                        workerLog.info("[worker {} pid {}] {}", id, process.pid(), line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IOException("worker " + id + " exited before listening"));
        }, "worker-" + id + "-log");
        pump.setDaemon(true);
        pump.start();
        try {
            int p = port.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("worker {} started: pid {}, port {}, listening {} ms after its process started", id, process.pid(), p,
                    (System.nanoTime() - startNanos) / 1_000_000);
            return new Started(process, p);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting worker " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS); // gone before the slot starts another: never two per slot
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("worker " + id + " did not start within " + startTimeout + ": " + e, e);
        }
    }
}
