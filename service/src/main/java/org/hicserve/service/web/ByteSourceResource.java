package org.hicserve.service.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.hicserve.reader.io.source.ByteSource;
import org.hicserve.service.files.FileRef;
import org.springframework.core.io.AbstractResource;

/**
 * The bytes of a file that is not on this machine's disk (an S3 object, an HTTP(S) file) as a Spring resource, so
 * that {@code /api/v1/raw} answers ranges of it as it does of a local file. Spring skips to a range's start with
 * {@link InputStream#skip}, which here moves the read position without reading: a range costs only its own bytes
 * (rounded to the block cache's blocks).
 */
final class ByteSourceResource extends AbstractResource {
    private static final int CHUNK = 64 * 1024;
    private final FileRef file;

    ByteSourceResource(FileRef file) {
        this.file = file;
    }

    @Override
    public String getDescription() {
        return "remote file " + file.name();
    }

    @Override
    public String getFilename() {
        return file.fileName();
    }

    @Override
    public long contentLength() {
        return file.sizeBytes();
    }

    @Override
    public long lastModified() {
        return 0; // unknown: the ETag (the object's version) is the validator
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new SourceStream(file.opener().open(), file.sizeBytes());
    }

    /** Reads a source from a position that {@link #skip} moves; never past the size the file had when found. */
    private static final class SourceStream extends InputStream {
        private final ByteSource source;
        private final long size;
        private long position;

        SourceStream(ByteSource source, long size) {
            this.source = source;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            int want = (int) Math.min(Math.min(len, CHUNK), size - position);
            int n = source.read(ByteBuffer.wrap(b, off, want), position);
            if (n < 0) {
                throw new IOException(source.name() + " ended at byte " + position + " of " + size);
            }
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, size - position));
            position += skipped;
            return skipped;
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
