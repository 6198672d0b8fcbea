package org.hicserve.service.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.DataDirectory;
import org.hicserve.service.files.DataSource;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.error.ServiceException;

/**
 * The matrix files of an {@link ObjectStore}, served like a local folder: the same name rules (relative, no
 * {@code ..}), the same access checks and the same 400/403/404 answers as {@link DataDirectory}. Each lookup asks
 * the store for the object's current size and version, so the metadata cache never serves an object that changed.
 */
public final class RemoteDataSource implements DataSource {
    private final ObjectStore store;
    private final BlockCache cache;

    public RemoteDataSource(ObjectStore store, BlockCache cache) {
        this.store = store;
        this.cache = cache;
    }

    public ObjectStore store() {
        return store;
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public List<FileRef> files() {
        List<FileRef> out = new ArrayList<>();
        try {
            for (ObjectStore.ObjectInfo o : store.list()) {
                if (validName(o.key()) && format(o.key()).isPresent()) {
                    out.add(ref(o));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + store.describe() + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(FileRef::name));
        return out;
    }

    @Override
    public FileRef file(String name, Access access) {
        if (name == null || name.isBlank()) {
            throw ServiceException.badRequest("missing_parameter", "parameter 'file' is required; " + available(access));
        }
        String n = name.replace('\\', '/');
        if (!validName(n)) {
            throw ServiceException.badRequest("invalid_file", "file '" + name
                    + "' must be a path relative to the data directory, without '..'");
        }
        if (!access.permits(n)) {
            throw ServiceException.forbidden("this access token does not give access to '" + name + "'");
        }
        if (format(n).isEmpty()) {
            throw ServiceException.notFound("unknown_file", "no file '" + name + "'; " + available(access));
        }
        Optional<ObjectStore.ObjectInfo> o;
        try {
            o = store.stat(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return ref(o.orElseThrow(() -> ServiceException.notFound("unknown_file", "no file '" + name + "'; " + available(access))));
    }

    private FileRef ref(ObjectStore.ObjectInfo o) {
        String fileName = o.key().substring(o.key().lastIndexOf('/') + 1);
        return new FileRef(o.key(), format(o.key()).orElseThrow(), o.size(), store.location(o.key()), o.version(), null,
                () -> new RemoteByteSource(store, o, fileName, cache));
    }

    /** The same rules as a local folder's: relative, no empty, {@code .} or {@code ..} segment, no NUL. */
    static boolean validName(String n) {
        return !n.isEmpty() && !n.startsWith("/") && !n.contains("\0") && !n.matches("^[A-Za-z]:.*")
                && Stream.of(n.split("/", -1)).noneMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."));
    }

    private static Optional<String> format(String key) {
        return DataDirectory.formatOf(Path.of(key.substring(key.lastIndexOf('/') + 1)));
    }

    private String available(Access access) {
        List<String> names;
        try {
            names = files(access).stream().map(FileRef::name).toList();
        } catch (UncheckedIOException e) {
            return "(the store cannot be listed now)";
        }
        if (names.isEmpty()) {
            return store.describe() + " has no .cool, .mcool or .hic files";
        }
        List<String> shown = names.size() > 20 ? names.subList(0, 20) : names;
        return "available: " + String.join(", ", shown) + (names.size() > 20 ? ", ... (" + names.size() + " files)" : "");
    }
}
