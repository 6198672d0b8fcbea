package org.hicserve.service.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.hicserve.service.error.ServiceException;

/**
 * The folder the service serves. Turns a client's {@code file} parameter into a path inside it, and refuses
 * anything that would leave it ({@code ..}, absolute paths, symbolic links pointing out) before it is opened.
 * Immutable; thread-safe.
 */
public final class DataDirectory implements DataSource {
    private static final int MAX_DEPTH = 8;
    private final Path root;

    public DataDirectory(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("data directory " + root + " does not exist", e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("data directory " + root + " is not a directory");
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public List<FileRef> files() {
        return list().stream().map(e -> FileRef.local(e.name(), e.path())).toList();
    }

    @Override
    public FileRef file(String name, org.hicserve.service.auth.Access access) {
        return FileRef.local(name.replace('\\', '/'), resolve(name, access));
    }

    /** A servable file: {@code name} relative to the root with forward slashes. */
    public record Entry(String name, String format, long sizeBytes, Path path) {
    }

    /** The servable files a caller may read. */
    public List<Entry> list(org.hicserve.service.auth.Access access) {
        return list().stream().filter(e -> access.permits(e.name())).toList();
    }

    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
            walk.filter(p -> formatOf(p).isPresent()).sorted(Comparator.naturalOrder()).forEach(p -> {
                try {
                    Path real = p.toRealPath();
                    if (real.startsWith(root) && Files.isRegularFile(real)) {
                        String name = root.relativize(p).toString().replace('\\', '/');
                        out.add(new Entry(name, formatOf(p).orElseThrow(), Files.size(real), real));
                    }
                } catch (IOException e) {
                    // a file that vanished or cannot be read is simply not listed
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return out;
    }

    public static Optional<String> formatOf(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".mcool")) {
            return Optional.of("mcool");
        }
        if (n.endsWith(".cool")) {
            return Optional.of("cool");
        }
        if (n.endsWith(".hic")) {
            return Optional.of("hic");
        }
        return Optional.empty();
    }

    /**
     * The real path of a file the caller may read: 400 for a name that escapes the directory, 403 for a file
     * outside the caller's folders, 404 for no such file (listing what the caller may read).
     */
    public Path resolve(String name, org.hicserve.service.auth.Access access) {
        if (name != null && !name.isBlank() && !access.permits(name.replace('\\', '/'))) {
            throw ServiceException.forbidden("this access token does not give access to '" + name + "'");
        }
        return resolve(name, () -> available(access));
    }

    /** As {@link #resolve(String, org.hicserve.service.auth.Access)} for a caller who may read everything. */
    public Path resolve(String name) {
        return resolve(name, org.hicserve.service.auth.Access.ALL);
    }

    private Path resolve(String name, java.util.function.Supplier<String> availableFiles) {
        if (name == null || name.isBlank()) {
            throw ServiceException.badRequest("missing_parameter", "parameter 'file' is required; " + availableFiles.get());
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.contains("\0") || n.matches("^[A-Za-z]:.*")
                || Stream.of(n.split("/")).anyMatch(s -> s.equals(".."))) {
            throw ServiceException.badRequest("invalid_file", "file '" + name
                    + "' must be a path relative to the data directory, without '..'");
        }
        Path p = root.resolve(n).normalize();
        if (!p.startsWith(root)) {
            throw ServiceException.badRequest("invalid_file", "file '" + name + "' is outside the data directory");
        }
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || formatOf(p).isEmpty()) {
            throw ServiceException.notFound("unknown_file", "no file '" + name + "'; " + availableFiles.get());
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw ServiceException.notFound("unknown_file", "no file '" + name + "'; " + availableFiles.get());
        }
        if (!real.startsWith(root)) {
            // a symbolic link pointing out of the data directory: never opened
            throw ServiceException.notFound("unknown_file", "no file '" + name + "' inside the data directory; " + availableFiles.get());
        }
        if (!Files.isRegularFile(real)) {
            throw ServiceException.notFound("unknown_file", "'" + name + "' is not a file; " + availableFiles.get());
        }
        return real;
    }

    private String available(org.hicserve.service.auth.Access access) {
        List<String> names = list(access).stream().map(Entry::name).toList();
        if (names.isEmpty()) {
            return "the data directory has no .cool, .mcool or .hic files";
        }
        List<String> shown = names.size() > 20 ? names.subList(0, 20) : names;
        return "available: " + String.join(", ", shown) + (names.size() > 20 ? ", ... (" + names.size() + " files)" : "");
    }
}
