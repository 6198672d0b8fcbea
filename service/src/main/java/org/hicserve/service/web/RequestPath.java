package org.hicserve.service.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one spelling of a request path that access is decided on. A path is canonical when decoding it cannot
 * change which endpoint it reaches: no {@code ;} path parameters, no empty or dot segments, no backslash, and
 * percent escapes only for characters that must be escaped (never an unreserved letter, digit or {@code -._~},
 * never {@code /}, {@code \} or {@code %} itself, never a control character). Anything else is refused before
 * routing, so the token check and Spring's router can never see two different paths. Stateless.
 */
final class RequestPath {
    private RequestPath() {
    }

    /** The decoded path when {@code rawPath} is canonical, or why it is not. */
    static Result check(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Result.refused("the path must start with '/'");
        }
        if (rawPath.indexOf(';') >= 0) {
            return Result.refused("path parameters (';') are not accepted");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Result.refused("a backslash is not accepted in a path");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                if (c < 0x20 || c == 0x7f) {
                    return Result.refused("control characters are not accepted in a path");
                }
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int b = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
            if (b < 0) {
                return Result.refused("a malformed percent escape in the path");
            }
            if (isUnreserved(b)) {
                return Result.refused("'" + rawPath.substring(i, i + 3) + "' encodes '" + (char) b
                        + "', which is never escaped: write it as it is");
            }
            if (b == '/' || b == '\\' || b == '%' || b < 0x20 || b == 0x7f) {
                return Result.refused("'" + rawPath.substring(i, i + 3) + "' is not accepted in a path");
            }
            bytes.write(b);
            i += 2;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return Result.refused("the path is not valid UTF-8");
        }
        String[] segments = decoded.substring(1).split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            String seg = segments[s];
            boolean last = s == segments.length - 1;
            if (seg.isEmpty() && !last) {
                return Result.refused("empty path segments ('//') are not accepted");
            }
            if (seg.equals(".") || seg.equals("..")) {
                return Result.refused("dot segments ('.', '..') are not accepted in a path");
            }
        }
        return new Result(Optional.of(decoded), null);
    }

    /** Whether the percent escapes of a raw query string are all well formed (the name of the first bad one). */
    static Optional<String> malformedQueryParameter(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            for (int i = pair.indexOf('%'); i >= 0; i = pair.indexOf('%', i + 1)) {
                if (i + 2 >= pair.length() || hex(pair.charAt(i + 1), pair.charAt(i + 2)) < 0) {
                    int eq = pair.indexOf('=');
                    return Optional.of(eq < 0 ? pair : pair.substring(0, eq));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~';
    }

    private static int hex(char hi, char lo) {
        int h = Character.digit(hi, 16);
        int l = Character.digit(lo, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    /** A canonical path ({@code path} present) or the reason it was refused. */
    record Result(Optional<String> path, String problem) {
        static Result refused(String problem) {
            return new Result(Optional.empty(), problem);
        }

        boolean canonical() {
            return path.isPresent();
        }
    }
}
