package org.hicserve.service.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking, for the per-client cap of the stream limiter: the token when access control is on (so that
 * one token is one client from whatever address), else the remote address. A token is kept only as a short
 * SHA-256 digest, so the key can be logged or kept in a map without the secret in it.
 */
public final class ClientKey {
    private ClientKey() {
    }

    /** The current request's client, or {@code null} outside a request (a test, the command line). */
    public static String current(boolean byToken) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        HttpServletRequest request = servlet.getRequest();
        String authorization = request.getHeader("Authorization");
        if (byToken && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "token:" + digest(authorization.substring(7).strip());
        }
        return "address:" + request.getRemoteAddr();
    }

    private static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
