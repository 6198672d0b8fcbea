package org.hicserve.service.testing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every other way of writing one request path that a server might route to the same endpoint: percent escapes of
 * each unreserved character (upper and lower hex), path parameters after each segment, doubled slashes, dot
 * segments, encoded slashes and backslashes, double encoding, a trailing slash and a changed case. Generated,
 * not hand-picked, so a new endpoint gets the whole family by being named once.
 */
public final class PathSpellings {
    private PathSpellings() {
    }

    public static Set<String> of(String path) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~') {
                String hex = String.format("%02X", (int) c);
                out.add(path.substring(0, i) + "%" + hex + path.substring(i + 1));
                out.add(path.substring(0, i) + "%" + hex.toLowerCase(Locale.ROOT) + path.substring(i + 1));
                if (i == 1 || path.charAt(i - 1) == '/') {
                    out.add(path.substring(0, i) + "%25" + hex + path.substring(i + 1)); // double encoding
                }
            }
        }
        List<Integer> slashes = new java.util.ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        slashes.add(path.length());
        for (int k = 1; k < slashes.size(); k++) {
            int end = slashes.get(k);
            for (String param : List.of(";", ";x=y", ";jsessionid=0")) {
                out.add(path.substring(0, end) + param + path.substring(end));
            }
        }
        for (int k = 0; k < slashes.size() - 1; k++) {
            int at = slashes.get(k);
            out.add(path.substring(0, at) + "/" + path.substring(at));
            out.add(path.substring(0, at) + "/." + path.substring(at));
            out.add(path.substring(0, at) + "/x/.." + path.substring(at));
            out.add(path.substring(0, at) + "/%2e" + path.substring(at));
            out.add(path.substring(0, at) + "/x/%2e%2e" + path.substring(at));
            if (k > 0) {
                for (String slash : List.of("%2F", "%2f", "%5C", "\\")) {
                    out.add(path.substring(0, at) + slash + path.substring(at + 1));
                }
            }
        }
        out.add(path + "/");
        out.add(path.toUpperCase(Locale.ROOT));
        out.add("/" + path.substring(1, 2).toUpperCase(Locale.ROOT) + path.substring(2));
        out.remove(path);
        return out;
    }
}
