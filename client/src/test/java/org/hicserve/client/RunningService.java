package org.hicserve.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hicserve.service.HicServeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The real hicserve service, started in the test JVM on a free port over a data directory. */
final class RunningService implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final int port;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    static RunningService start(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hicserve.data-dir=" + dataDir,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        args.addAll(List.of(extraArgs));
        return new RunningService(new SpringApplicationBuilder(HicServeApplication.class).run(args.toArray(String[]::new)));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    HicClient client() {
        return HicClient.builder().baseUrl(baseUrl()).timeout(java.time.Duration.ofSeconds(60)).build();
    }

    @Override
    public void close() {
        context.close();
    }
}
