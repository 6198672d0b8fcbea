package org.hicserve.service.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.hicserve.service.config.HicServeProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which web pages may read the viewer endpoints (raw bytes, HiGlass tiles) from another origin: juicebox.js, igv.js
 * or a HiGlass app served elsewhere. {@code hicserve.viewer.cors-origins} lists them; unset, any origin ({@code *})
 * when no tokens are configured and none otherwise (a token-protected service names its viewers' origins).
 */
@Component
class CorsPolicy {
    private final List<String> origins;

    CorsPolicy(@Value("${hicserve.viewer.cors-origins:}") List<String> configured, HicServeProperties props) {
        boolean tokens = !props.auth().tokens().stream().allMatch(String::isBlank) || props.auth().tokenFile() != null;
        List<String> given = configured.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.origins = !given.isEmpty() ? given : tokens ? List.of() : List.of("*");
    }

    /** Adds the CORS headers a cross-origin reader needs, when the request's origin is allowed. */
    void apply(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null || origins.isEmpty()) {
            return;
        }
        if (origins.contains("*")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        } else if (origins.contains(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.addHeader("Vary", "Origin");
        } else {
            return;
        }
        response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Range, Authorization, Content-Type, If-None-Match");
        response.setHeader("Access-Control-Expose-Headers", "Content-Range, Content-Length, Accept-Ranges, ETag");
        response.setHeader("Access-Control-Max-Age", "600");
    }
}
