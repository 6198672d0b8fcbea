package org.hicserve.service.tiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.Reference;
import org.hicserve.service.auth.Access;
import org.hicserve.service.files.DataSource;
import org.hicserve.service.files.FileRef;
import org.hicserve.service.files.MetadataCache;
import org.hicserve.service.files.ReaderHandles;

/**
 * What the HiGlass endpoints answer, from the same data directory, metadata cache and reader handles as every other
 * endpoint: the tilesets (one per servable file), a tileset's info, and tiles, computed in parallel on the bounded
 * executor (a tile the executor refuses is computed by the request's own thread, so a burst is slower, never lost).
 * Thread-safe.
 */
public final class TileService {
    /** higlass-server's limit on tile ids in one request. */
    public static final int MAX_TILES = 1000;
    private final DataSource dir;
    private final MetadataCache cache;
    private final ReaderHandles handles;
    private final ExecutorService executor;

    public TileService(DataSource dir, MetadataCache cache, ReaderHandles handles, ExecutorService executor) {
        this.dir = dir;
        this.cache = cache;
        this.handles = handles;
        this.executor = executor;
    }

    /** A file as a HiGlass tileset. */
    public record Tileset(String uuid, String name, String filetype) {
    }

    public List<Tileset> tilesets(Access access) {
        return dir.files(access).stream()
                .map(e -> new Tileset(TilesetUid.of(e.name()), e.name(), e.format().equals("hic") ? "hic" : "cooler"))
                .toList();
    }

    /** The file of a uid, checked as every endpoint checks a {@code file} parameter (400/403/404). */
    public FileRef resolve(String uid, Access access) {
        return dir.file(TilesetUid.fileName(uid), access);
    }

    /** A strong validator of what a set of files answers: their names and versions (size and mtime, or ETag). */
    public String etag(Set<String> uids, Access access) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String uid : new java.util.TreeSet<>(uids)) {
                FileRef f = resolve(uid, access);
                md.update((uid + "\0" + f.sizeBytes() + "\0" + f.version() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return "\"" + HexFormat.of().formatHex(md.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a tileset's file offers: resolutions, chromosomes and the normalizations present at every resolution. */
    public record FileView(String name, String format, String assembly, List<Integer> resolutions, Reference reference,
            List<String> normalizations, TileGeometry geometry) {
    }

    public FileView view(String uid, Access access) {
        FileRef file = resolve(uid, access);
        FileMetadata metadata = cache.get(file);
        List<Integer> resolutions = metadata.resolutions();
        try (MatrixFile f = handles.open(metadata, resolutions.get(resolutions.size() - 1), null)) {
            Set<String> everywhere = null;
            for (List<String> names : f.normalizationsByResolution().values()) {
                if (everywhere == null) {
                    everywhere = new LinkedHashSet<>(names);
                } else {
                    everywhere.retainAll(names);
                }
            }
            List<String> norms = everywhere == null ? List.of()
                    : everywhere.stream().filter(n -> !n.equalsIgnoreCase("NONE")).toList();
            String format = file.format().isEmpty() ? "unknown" : file.format();
            return new FileView(TilesetUid.fileName(uid), format, f.assembly(), List.copyOf(resolutions), f.chromosomes(),
                    norms, new TileGeometry(f.chromosomes(), resolutions));
        }
    }

    /** higlass-server's {@code tileset_info} of one tileset (clodius' multi-resolution cooler layout). */
    public Map<String, Object> info(String uid, Access access) {
        FileView v = view(uid, access);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("resolutions", v.resolutions());
        List<Map<String, String>> transforms = new ArrayList<>();
        for (String n : v.normalizations()) {
            Map<String, String> t = new LinkedHashMap<>();
            t.put("name", Transforms.displayName(n));
            t.put("value", n);
            transforms.add(t);
        }
        info.put("transforms", transforms);
        long g = v.geometry().genomeLength();
        info.put("min_pos", List.of(1, 1));
        info.put("max_pos", List.of(g, g));
        List<List<Object>> chromsizes = new ArrayList<>();
        for (Chromosome c : v.reference().chromosomes()) {
            chromsizes.add(List.of(c.name(), c.length()));
        }
        info.put("chromsizes", chromsizes);
        info.put("name", v.name());
        info.put("datatype", "matrix");
        info.put("coordSystem", v.assembly() == null || v.assembly().equals("unknown") ? "" : v.assembly());
        info.put("coordSystem2", "");
        return info;
    }

    /** Receives the tiles of a request in the order asked, each as soon as it and those before it are done. */
    @FunctionalInterface
    public interface TileSink {
        void accept(String id, Object tile) throws java.io.IOException;
    }

    /** Tiles computed ahead of the one being handed over: a HiGlass burst (15) runs at once, memory stays bounded. */
    static final int WINDOW = 16;

    /** The tiles of some ids as a map (see {@link #tiles(List, Access, TileSink)}). */
    public Map<String, Object> tiles(List<TileId> ids, Access access) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            tiles(ids, access, out::put);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The tiles of some ids, each given to {@code sink} under its id as given: an {@link EncodedTile}, or
     * {@code {"error": text}} for a tile that cannot be made (an unknown transform, an unreadable block). Tiles
     * outside the genome and repeated ids are left out. Every file is resolved (and refused) before the first
     * tile; then at most {@link #WINDOW} tiles are computed ahead of the sink, on the executor.
     */
    public void tiles(List<TileId> ids, Access access, TileSink sink) throws java.io.IOException {
        Map<String, FileView> views = new LinkedHashMap<>();
        Map<String, FileMetadata> metadata = new LinkedHashMap<>();
        for (TileId id : ids) {
            if (!views.containsKey(id.uid())) {
                views.put(id.uid(), view(id.uid(), access));
                metadata.put(id.uid(), cache.get(resolve(id.uid(), access)));
            }
        }
        java.util.ArrayDeque<Map.Entry<String, Future<Object>>> pending = new java.util.ArrayDeque<>();
        Set<String> seen = new java.util.HashSet<>();
        try {
            for (TileId id : ids) {
                FileView view = views.get(id.uid());
                if (!seen.add(id.text()) || !view.geometry().covers(id.zoom(), id.x(), id.y())) {
                    continue;
                }
                FileMetadata md = metadata.get(id.uid());
                java.util.concurrent.Callable<Object> task = () -> tile(md, view, id);
                Future<Object> f;
                try {
                    f = executor.submit(task);
                } catch (RejectedExecutionException e) {
                    f = CompletableFuture.completedFuture(callInline(task));
                }
                pending.add(Map.entry(id.text(), f));
                if (pending.size() >= WINDOW) {
                    deliver(pending.poll(), sink);
                }
            }
            while (!pending.isEmpty()) {
                deliver(pending.poll(), sink);
            }
        } finally {
            pending.forEach(e -> e.getValue().cancel(true)); // the sink failed (client gone): stop the rest
        }
    }

    private static void deliver(Map.Entry<String, Future<Object>> e, TileSink sink) throws java.io.IOException {
        Object tile;
        try {
            tile = e.getValue().get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing tiles", ex);
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
        sink.accept(e.getKey(), tile);
    }

    private static Object callInline(java.util.concurrent.Callable<Object> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Object tile(FileMetadata md, FileView view, TileId id) {
        int resolution = view.geometry().resolution(id.zoom());
        try (MatrixFile f = handles.open(md, resolution, null)) {
            String normalization;
            try {
                normalization = Transforms.normalization(id.transform(), f.normalizations());
            } catch (IllegalArgumentException e) {
                return Map.of("error", e.getMessage());
            }
            return EncodedTile.of(compute(f, view.geometry(), id.x(), id.y(), normalization));
        } catch (ReaderException e) {
            return Map.of("error", e.getMessage());
        }
    }

    /** One tile of an open handle (whose resolution is the tile's zoom's), unencoded. */
    public static DenseTile compute(MatrixFile f, TileGeometry geometry, long x, long y, String normalization) {
        return TileComputer.compute(f, geometry.axis(f.bins(), x), geometry.axis(f.bins(), y), normalization);
    }
}
