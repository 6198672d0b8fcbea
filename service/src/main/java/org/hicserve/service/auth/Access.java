package org.hicserve.service.auth;

import java.util.List;

/**
 * What one caller may read: every file, or the files under some folders of the data directory. Attached to the
 * request by {@link BearerTokenFilter}; {@link #ALL} when access control is off.
 */
public record Access(boolean everything, List<String> folders) {
    public static final Access ALL = new Access(true, List.of());
    /** Nothing: what a request without a valid token carries on the open paths when tokens are set. */
    public static final Access NONE = new Access(false, List.of());
    /** The request attribute that carries a caller's access. */
    public static final String ATTRIBUTE = "hicserve.access";

    public Access {
        folders = folders.stream().map(Access::normalize).toList();
    }

    private static String normalize(String folder) {
        String f = folder.replace('\\', '/').strip();
        while (f.startsWith("/")) {
            f = f.substring(1);
        }
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }

    /** Whether a file, named relative to the data directory with forward slashes, is readable. */
    public boolean permits(String relativeName) {
        if (everything) {
            return true;
        }
        String n = normalize(relativeName);
        return folders.stream().anyMatch(f -> f.isEmpty() || n.startsWith(f + "/"));
    }
}
