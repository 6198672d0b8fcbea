package org.hicserve.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hicserve.service.HicServeApplication;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real hicserve service, started in the test JVM on a free port over a data directory, and a client on it: a
 * test class's extension ({@code @RegisterExtension static final}), started before its first test and closed after
 * its last.
 */
final class RunningService implements BeforeAllCallback, AfterAllCallback {
    private final Callable<Path> dataDir;
    private final List<String> extraArgs;
    private ConfigurableApplicationContext context;
    private HicClient client;

    private RunningService(Callable<Path> dataDir, List<String> extraArgs) {
        this.dataDir = dataDir;
        this.extraArgs = extraArgs;
    }

    /**
     * @param dataDir the data directory, asked for when the service starts (it may prepare the files, or skip the
     *     test class when they are missing)
     * @param extraArgs more command-line settings of the service
     */
    static RunningService over(Callable<Path> dataDir, String... extraArgs) {
        return new RunningService(dataDir, List.of(extraArgs));
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hicserve.data-dir=" + dataDir.call(),
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        args.addAll(extraArgs);
        context = new SpringApplicationBuilder(HicServeApplication.class).run(args.toArray(String[]::new));
        client = HicClient.builder().baseUrl(baseUrl()).timeout(java.time.Duration.ofSeconds(60)).build();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        try {
            if (client != null) {
                client.close(); // its allocator throws here if a stream leaked memory
            }
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The client on the service, shared by the class's tests. */
    HicClient client() {
        return client;
    }
}
