package org.hicserve.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Expands the paths and globs given to {@code load(...)} into files, with Hadoop's glob syntax as every Spark source
 * ({@code *}, {@code ?}, {@code [ab]}, {@code {a,b}}). Only local files for now: the reader reads through a file
 * channel, and remote paths ({@code s3a://}, {@code hdfs://}) come with the reader's byte-source abstraction.
 */
final class InputFiles {
    private InputFiles() {
    }

    /** Every file the patterns name, in the order given (each glob's matches sorted), without repeats. */
    static List<Path> expand(List<String> patterns, Configuration conf) {
        Set<Path> out = new LinkedHashSet<>();
        for (String pattern : patterns) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(pattern);
            URI uri = p.toUri();
            String scheme = uri.getScheme();
            if (scheme != null && !scheme.toLowerCase(Locale.ROOT).equals("file")) {
                throw new IllegalArgumentException(pattern + ": only local files are read for now (" + scheme
                        + ":// paths need the reader's remote byte source, not built yet)");
            }
            try {
                FileSystem fs = FileSystem.getLocal(conf);
                FileStatus[] matches = fs.globStatus(p);
                if (matches == null || matches.length == 0) {
                    throw new IllegalArgumentException("no file matches " + pattern);
                }
                List<Path> files = new ArrayList<>();
                for (FileStatus s : matches) {
                    if (s.isFile()) {
                        files.add(Path.of(s.getPath().toUri()).toAbsolutePath().normalize());
                    }
                }
                if (files.isEmpty()) {
                    throw new IllegalArgumentException(pattern + " matches only directories: name the files (or a glob)");
                }
                files.sort(null);
                out.addAll(files);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + pattern, e);
            }
        }
        return List.copyOf(out);
    }
}
