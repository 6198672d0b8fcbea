package org.hicserve.reader.cooler;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hicserve.reader.FileMetadata;
import org.hicserve.reader.MatrixFile;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.model.MatrixUnit;
import org.hicserve.reader.error.ReaderException;
import org.hicserve.reader.error.UnknownNameException;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.reader.io.source.ByteSourceChannel;
import org.hicserve.reader.io.source.LocalFileSource;
import org.hicserve.reader.io.source.RemoteReadException;
import org.hicserve.reader.model.FileFormat;

/**
 * The immutable description of a .cool or .mcool file: its resolutions and, for each, a fully parsed
 * {@link CoolerGroup}. Read once (through jHDF, which is closed again), then shared by every handle on the file.
 * Thread-safe.
 */
public final class CoolerMetadata implements FileMetadata {
    private final Path path; // null: not a local file
    private final String name;
    private final ByteSource.Opener opener;
    private final long fileSize;
    private final FileFormat format;
    private final String formatVersion;
    private final Map<Integer, CoolerGroup> groups; // by resolution, ascending

    private CoolerMetadata(String name, Path path, ByteSource.Opener opener, long fileSize, FileFormat format,
            String formatVersion, Map<Integer, CoolerGroup> groups) {
        this.name = name;
        this.path = path;
        this.opener = opener;
        this.fileSize = fileSize;
        this.format = format;
        this.formatVersion = formatVersion;
        this.groups = groups;
    }

    /** Parses a whole .cool or .mcool file (every resolution). */
    public static CoolerMetadata read(Path path) {
        return read(path, null);
    }

    /**
     * Parses a file, or only the cooler at {@code groupPath} when given (a cooler URI's {@code ::/group} part).
     * Any failure to read is a {@link MalformedFileException}; nothing else escapes.
     */
    public static CoolerMetadata read(Path path, String groupPath) {
        return read(path.getFileName().toString(), path, LocalFileSource.opener(path), groupPath);
    }

    /**
     * As {@link #read(Path, String)} for a file wherever its bytes are; handles open their own sources through
     * {@code opener}. A remote store's failure comes out as an {@link UncheckedIOException} caused by a
     * {@link RemoteReadException}, never as a malformed file.
     *
     * @param path the local file, or null for a file elsewhere
     */
    public static CoolerMetadata read(String file, Path path, ByteSource.Opener opener, String groupPath) {
        return read(file, path, opener, groupPath, null);
    }

    /**
     * As {@link #read(String, Path, ByteSource.Opener, String)} of the whole file, and the cheap integrity check of
     * {@link CoolerIntegrity} (structure and indexes, no pixel scan) on the same open file, its problems to
     * {@code problems}: the file is opened once and its HDF5 structure parsed once, for both (under one
     * {@link HdfDeadline}). A file that does not parse is refused as by {@code read}, and not checked.
     */
    public static CoolerMetadata readChecked(String file, Path path, ByteSource.Opener opener,
            CoolerIntegrity.Sink problems) {
        return read(file, path, opener, null, java.util.Objects.requireNonNull(problems));
    }

    private static CoolerMetadata read(String file, Path path, ByteSource.Opener opener, String groupPath,
            CoolerIntegrity.Sink check) {
        ByteSource source;
        try {
            source = opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        HdfDeadline deadline = new HdfDeadline();
        try (source; deadline; HdfFile h5 = openHdf(source, file, path)) {
            CoolerMetadata metadata = parse(h5, file, path, opener, source.size(), groupPath);
            if (check != null) {
                deadline.restart(); // the check gets its own limit, as when it opened the file itself
                CoolerIntegrity.checkOpen(h5, source, file, deadline, check); // reports, never throws for the file
            }
            return metadata;
        } catch (ReaderException e) {
            if (deadline.expired()) {
                throw parseTimeout(file, deadline, e);
            }
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (deadline.expired()) {
                throw parseTimeout(file, deadline, e);
            }
            RemoteReadException.rethrowIfRemote(e);
            // jHDF reports corruption with assorted runtime exceptions (and a huge bogus size can make it try to
            // allocate it); a file that cannot be parsed is a malformed file, whatever failed inside.
            throw new MalformedFileException(file + ": not a readable cooler file: " + org.hicserve.reader.error.Causes.inWords(e), e);
        }
    }

    /**
     * jHDF on the file: a local file as jHDF always opened it (its own channel, memory-mapped reads: parse speed and
     * the deadline's interrupt unchanged); any other source through {@link ByteSourceChannel}, which jHDF reads by
     * position through its own locked FileChannel wrapper.
     */
    static HdfFile openHdf(ByteSource source, String file, Path path) {
        if (path != null) {
            return new HdfFile(path);
        }
        URI uri;
        try {
            uri = new URI("remote", null, "/" + file, null);
        } catch (URISyntaxException e) {
            throw new MalformedFileException(file + ": not a usable name: " + e.getMessage());
        }
        return new HdfFile(new ByteSourceChannel(source), uri);
    }

    /** The start of the message when the HDF5 structure does not parse in time ({@link HdfDeadline}). */
    public static final String PARSE_TIMEOUT = "HDF5 structure did not parse within";

    private static MalformedFileException parseTimeout(String file, HdfDeadline deadline, Throwable cause) {
        return new MalformedFileException(file + ": " + PARSE_TIMEOUT + " " + deadline.limit().toSeconds()
                + " s (a cycle in a corrupt file?)", cause);
    }

    /** Whether a refusal from {@link #read} means the HDF5 structure could not be parsed in time. */
    public static boolean isParseTimeout(ReaderException e) {
        return e instanceof MalformedFileException && e.getMessage() != null && e.getMessage().contains(": " + PARSE_TIMEOUT)
                && e.getCause() != null;
    }

    private static CoolerMetadata parse(HdfFile h5, String file, Path path, ByteSource.Opener opener, long size,
            String groupPath) {
        String rootFormat = Attributes.string(h5, "format").orElse("");
        Map<Integer, CoolerGroup> groups = new TreeMap<>();
        FileFormat format;
        String version;
        if (groupPath != null && !groupPath.equals("/")) {
            CoolerGroup g = CoolerGroup.read(h5, groupPath, resolutionFromName(groupPath), file, size);
            groups.put(g.resolution, g);
            format = FileFormat.MCOOL;
            version = Attributes.string(h5, "format-version").orElse(g.formatVersion);
        } else if (rootFormat.equals("HDF5::MCOOL") || h5.getChildren().containsKey("resolutions")) {
            format = FileFormat.MCOOL;
            version = Attributes.string(h5, "format-version").orElse("unknown");
            Node res = h5.getChild("resolutions");
            if (!(res instanceof Group resGroup)) {
                throw new MalformedFileException(file + ": .mcool without a /resolutions group");
            }
            for (String name : resGroup.getChildren().keySet()) {
                int r = resolutionFromName(name);
                if (r <= 0) {
                    throw new MalformedFileException(file + ": /resolutions/" + name + " is not a resolution");
                }
                groups.put(r, CoolerGroup.read(h5, "/resolutions/" + name, r, file, size));
            }
        } else if (h5.getChildren().containsKey("pixels")) {
            CoolerGroup g = CoolerGroup.read(h5, "/", 0, file, size);
            groups.put(g.resolution, g);
            format = FileFormat.COOL;
            version = g.formatVersion;
        } else if (h5.getChildren().containsKey("0")) {
            // legacy multi-resolution layout: /0 .. /N, each a cooler with its own bin-size (HiGlass/clodius)
            format = FileFormat.MCOOL;
            version = "1";
            for (String name : h5.getChildren().keySet()) {
                if (name.chars().allMatch(Character::isDigit)) {
                    CoolerGroup g = CoolerGroup.read(h5, "/" + name, 0, file, size);
                    groups.put(g.resolution, g);
                }
            }
        } else {
            throw new MalformedFileException(file + ": HDF5 file but neither a .cool nor an .mcool (no pixels or resolutions group)");
        }
        if (groups.isEmpty()) {
            throw new MalformedFileException(file + ": no resolutions");
        }
        return new CoolerMetadata(file, path, opener, size, format, version, Map.copyOf(groups));
    }

    private static int resolutionFromName(String groupPath) {
        String last = groupPath.substring(groupPath.lastIndexOf('/') + 1);
        try {
            return Integer.parseInt(last);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The local file, or null when the file is elsewhere (see {@link #name()}). */
    @Override
    public Path path() {
        return path;
    }

    @Override
    public String name() {
        return name;
    }

    /** How handles open the file's bytes. */
    public ByteSource.Opener opener() {
        return opener;
    }

    /** A new source on the file's bytes (one per handle); the caller closes it. */
    public ByteSource openSource() throws IOException {
        return opener.open();
    }

    @Override
    public MatrixFile open(int resolution, MatrixUnit unit) {
        if (unit == MatrixUnit.FRAG) {
            throw new InvalidQueryException(name + ": cooler files have BP resolutions only, not FRAG");
        }
        return CoolerFile.open(this, resolution);
    }

    public long fileSize() {
        return fileSize;
    }

    @Override
    public FileFormat format() {
        return format;
    }

    public String formatVersion() {
        return formatVersion;
    }

    @Override
    public List<Integer> resolutions() {
        return new ArrayList<>(new TreeMap<>(groups).keySet());
    }

    CoolerGroup group(int resolution) {
        if (resolution <= 0 && groups.size() == 1) {
            return groups.values().iterator().next();
        }
        CoolerGroup g = groups.get(resolution);
        if (g == null) {
            throw new UnknownNameException("resolution", resolution <= 0 ? "(none given)" : Integer.toString(resolution),
                    resolutions().stream().map(String::valueOf).toList());
        }
        return g;
    }

    Map<Integer, CoolerGroup> groups() {
        return new TreeMap<>(groups);
    }
}
