package org.hicserve.service.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hicserve.service.auth.Access;
import org.hicserve.service.error.ServiceException;

/**
 * Several data sources served at once, each under its name ({@code hicserve.roots.NAME=ADDRESS}): file
 * {@code lab/x.mcool} is {@code x.mcool} of root {@code lab}. Access tokens' folders apply to the full name.
 */
public final class NamedRoots implements DataSource {
    private final Map<String, DataSource> roots;

    public NamedRoots(Map<String, DataSource> roots) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("no roots");
        }
        for (String name : roots.keySet()) {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("a root's name is letters, digits, '.', '_' or '-', not '" + name + "'");
            }
        }
        this.roots = new TreeMap<>(roots);
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        roots.forEach((name, source) -> parts.add(name + "=" + source.describe()));
        return String.join(", ", parts);
    }

    @Override
    public List<FileRef> files() {
        List<FileRef> out = new ArrayList<>();
        roots.forEach((name, source) -> source.files().forEach(f -> out.add(renamed(name + "/" + f.name(), f))));
        return out;
    }

    @Override
    public FileRef file(String name, Access access) {
        if (name == null || name.isBlank()) {
            throw ServiceException.badRequest("missing_parameter", "parameter 'file' is required; roots: " + roots.keySet());
        }
        String n = name.replace('\\', '/');
        int slash = n.indexOf('/');
        DataSource root = slash > 0 ? roots.get(n.substring(0, slash)) : null;
        if (root == null) {
            throw ServiceException.notFound("unknown_file", "no file '" + name + "': names start with a root, one of "
                    + roots.keySet());
        }
        if (!access.permits(n)) {
            throw ServiceException.forbidden("this access token does not give access to '" + name + "'");
        }
        return renamed(n, root.file(n.substring(slash + 1), Access.ALL));
    }

    private static FileRef renamed(String name, FileRef f) {
        return new FileRef(name, f.format(), f.sizeBytes(), f.location(), f.version(), f.localPath(), f.opener());
    }
}
