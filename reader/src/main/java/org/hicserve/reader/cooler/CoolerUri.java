package org.hicserve.reader.cooler;

import java.nio.file.Path;
import java.util.Optional;

/** A cooler URI: {@code path.cool} or {@code path.mcool::/resolutions/10000} (the group of one cooler). */
public record CoolerUri(Path path, Optional<String> group) {
    public static CoolerUri parse(String uri) {
        int sep = uri.indexOf("::");
        if (sep < 0) {
            return new CoolerUri(Path.of(uri), Optional.empty());
        }
        String g = uri.substring(sep + 2);
        if (!g.startsWith("/")) {
            g = "/" + g;
        }
        return new CoolerUri(Path.of(uri.substring(0, sep)), Optional.of(g));
    }
}
