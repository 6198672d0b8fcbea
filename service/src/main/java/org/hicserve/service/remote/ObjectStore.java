package org.hicserve.service.remote;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A store of objects read by ranges: an S3 bucket prefix or an HTTP(S) base URL. Keys are relative to the store's
 * root, with forward slashes. Failures of the store are {@link org.hicserve.reader.io.source.RemoteReadException}s.
 * Thread-safe.
 */
public interface ObjectStore {
    /** An object's key (relative to the root), size and version (ETag, or Last-Modified). */
    record ObjectInfo(String key, long size, String version) {
    }

    /** The store's root, for the log and messages: no credentials. */
    String describe();

    /** Where one object is (an {@code s3://} or {@code https://} address, no credentials): the metadata cache key. */
    String location(String key);

    /** Every object under the root (may include objects that are not matrix files). */
    List<ObjectInfo> list() throws IOException;

    /** The object's current size and version; empty when there is no such object. */
    Optional<ObjectInfo> stat(String key) throws IOException;

    /**
     * Reads exactly {@code length} bytes at {@code start} of the object into {@code dst[offset..]}, checking that the
     * store answered that range of that version of the object.
     */
    void read(ObjectInfo object, long start, byte[] dst, int offset, int length) throws IOException;
}
