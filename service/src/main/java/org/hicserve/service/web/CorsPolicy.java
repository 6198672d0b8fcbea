package org.hicserve.service.web;

import java.util.List;
import org.hicserve.service.config.HicServeProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which web pages may read the viewer endpoints (raw bytes, HiGlass tiles) from another origin: juicebox.js, igv.js
 * or a HiGlass app served elsewhere. {@code hicserve.viewer.cors-origins} lists them; unset, any origin ({@code *})
 * when no tokens are configured and none otherwise (a token-protected service names its viewers' origins).
 * Spring answers the preflights and adds the headers.
 */
@Configuration
class CorsPolicy implements WebMvcConfigurer {
    private final List<String> origins;

    CorsPolicy(@Value("${hicserve.viewer.cors-origins:}") List<String> configured, HicServeProperties props) {
        boolean tokens = !props.auth().tokens().stream().allMatch(String::isBlank) || props.auth().tokenFile() != null;
        List<String> given = configured.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.origins = !given.isEmpty() ? given : tokens ? List.of() : List.of("*");
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (origins.isEmpty()) {
            return;
        }
        for (String path : List.of("/api/v1/raw/**", "/higlass/api/v1/**")) {
            registry.addMapping(path)
                    .allowedOrigins(origins.toArray(String[]::new))
                    .allowedMethods("GET", "HEAD", "POST", "OPTIONS")
                    .allowedHeaders("Range", "Authorization", "Content-Type", "If-None-Match")
                    .exposedHeaders("Content-Range", "Content-Length", "Accept-Ranges", "ETag")
                    .maxAge(600);
        }
    }
}
