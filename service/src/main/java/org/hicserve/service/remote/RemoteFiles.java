package org.hicserve.service.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.error.ServiceException;

/** Turns {@code s3://} and {@code http(s)://} addresses into data sources (the service) and files (the command line). */
public final class RemoteFiles {
    private RemoteFiles() {
    }

    /** Whether an address names a remote store rather than a local path. */
    public static boolean isRemote(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return a.startsWith("s3://") || a.startsWith("http://") || a.startsWith("https://");
    }

    /** The data source of {@code hicserve.data-dir=s3://bucket/prefix/} or {@code =https://host/base/}. */
    public static RemoteDataSource dataSource(String address, RemoteSettings settings, BlockCache cache) {
        return new RemoteDataSource(store(URI.create(address), settings.httpFiles(), settings, cache), cache);
    }

    /**
     * One remote file given on the command line ({@code s3://bucket/key}, {@code https://host/path/file.hic}), looked up
     * now.
     */
    public static FileRef file(String address, RemoteSettings settings, BlockCache cache) {
        URI uri = URI.create(address);
        String path = uri.getPath() == null ? "" : uri.getPath();
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        URI parent = uri.resolve(slash < 0 ? "/" : path.substring(0, slash + 1));
        ObjectStore store = store(parent, List.of(name), settings, cache);
        try {
            return new RemoteDataSource(store, cache).file(name, Access.ALL);
        } catch (ServiceException e) { // no such object, or not a matrix file's name: the command line's "cannot read"
            throw new UncheckedIOException(new IOException(store.describe() + ": " + e.getMessage()));
        }
    }

    /** A file given on the command line, with {@link RemoteSettings#fromSystem()} and a cache of its own. */
    public static FileRef commandLineFile(String address) {
        RemoteSettings s = RemoteSettings.fromSystem();
        return file(address, s, new BlockCache(s.blockSize(), s.cacheBytes()));
    }

    private static ObjectStore store(URI uri, List<String> files, RemoteSettings settings, BlockCache cache) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "s3" -> S3Store.of(uri, settings, cache);
            case "http", "https" -> new HttpStore(uri, files, settings, cache);
            default -> throw new IllegalArgumentException("not a remote address: " + uri);
        };
    }
}
