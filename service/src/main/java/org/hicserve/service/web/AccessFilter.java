package org.hicserve.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.hicserve.service.auth.Access;
import org.hicserve.service.auth.TokenRegistry;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets. It refuses a path that is not canonical ({@link RequestPath}: 400) and a
 * query string with a malformed escape (400), so that what is checked here is exactly what Spring routes. Then,
 * when tokens are set, every path but the {@link OpenPaths} needs {@code Authorization: Bearer <token>} (401
 * without a valid one) and carries the token's {@link Access}; open paths carry {@link Access#NONE}. Without
 * tokens every request reads everything. Tokens are never logged or echoed.
 */
final class AccessFilter extends OncePerRequestFilter {
    private final TokenRegistry tokens;
    private final OpenPaths open;

    AccessFilter(TokenRegistry tokens, OpenPaths open) {
        this.tokens = tokens;
        this.open = open;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestPath.Result path = RequestPath.check(request.getRequestURI());
        if (!path.canonical()) {
            ErrorBodies.write(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_path",
                    "the request path is not in canonical form: " + path.problem());
            return;
        }
        Optional<String> badParameter = RequestPath.malformedQueryParameter(request.getQueryString());
        if (badParameter.isPresent()) {
            ErrorBodies.write(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_parameter",
                    "parameter '" + badParameter.get() + "' has a malformed percent escape (% must be followed by two hex digits)");
            return;
        }
        if (!tokens.enabled()) {
            request.setAttribute(Access.ATTRIBUTE, Access.ALL);
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<Access> access = token == null ? Optional.empty() : tokens.lookup(token);
        if (access.isPresent()) {
            request.setAttribute(Access.ATTRIBUTE, access.get());
            chain.doFilter(request, response);
            return;
        }
        // a CORS preflight carries no credentials by design; it reads nothing, and the request it announces
        // is checked as every other one
        boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight || open.isOpen(path.path().orElseThrow())) {
            request.setAttribute(Access.ATTRIBUTE, Access.NONE);
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"hicserve\"");
        ErrorBodies.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", token == null
                ? "this service needs an access token: send Authorization: Bearer <token>" : "the access token is not valid");
    }
}
