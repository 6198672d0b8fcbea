package org.hicserve.service.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * When tokens are configured, every {@code /api} request (and the Prometheus endpoint, unless opened by
 * {@code hicserve.auth.open-metrics}) needs {@code Authorization: Bearer <token>}: without a valid one it gets
 * 401 with the API.md error body. Health stays open. The token itself is never logged or echoed.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
    private final TokenRegistry tokens;
    private final boolean openMetrics;

    public BearerTokenFilter(TokenRegistry tokens, boolean openMetrics) {
        this.tokens = tokens;
        this.openMetrics = openMetrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/")) {
            return false;
        }
        return !(path.startsWith("/actuator/prometheus") && !openMetrics);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!tokens.enabled()) {
            request.setAttribute(Access.ATTRIBUTE, Access.ALL);
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        var access = token == null ? java.util.Optional.<Access>empty() : tokens.lookup(token);
        if (access.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"hicserve\"");
            response.setContentType("application/json");
            String message = token == null ? "this service needs an access token: send Authorization: Bearer <token>"
                    : "the access token is not valid";
            response.getOutputStream().write(("{\"error\":\"unauthorized\",\"message\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        request.setAttribute(Access.ATTRIBUTE, access.get());
        chain.doFilter(request, response);
    }
}
