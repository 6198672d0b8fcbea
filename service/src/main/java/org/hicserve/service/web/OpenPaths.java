package org.hicserve.service.web;

import java.util.List;
import java.util.Set;

/**
 * The paths anyone may read when access tokens are set; every other path needs a token (deny by default, so
 * an endpoint added later is protected without anyone remembering to list it). Open: health probes, the
 * viewer's pages and static assets (they hold no data: the page asks the API, with a token, for files), and
 * the Prometheus endpoint only when {@code hicserve.auth.open-metrics} says so. Decided on the canonical
 * path of {@link RequestPath}. Immutable.
 */
final class OpenPaths {
    private static final Set<String> EXACT = Set.of("/", "/index.html", "/view", "/view.html", "/juicebox.html", "/favicon.ico",
            "/actuator/health");
    private static final List<String> PREFIXES = List.of("/actuator/health/", "/viewer/", "/vendor/");
    private final boolean openMetrics;

    OpenPaths(boolean openMetrics) {
        this.openMetrics = openMetrics;
    }

    boolean isOpen(String canonicalPath) {
        if (EXACT.contains(canonicalPath) || PREFIXES.stream().anyMatch(canonicalPath::startsWith)) {
            return true;
        }
        return openMetrics && canonicalPath.equals("/actuator/prometheus");
    }
}
