package org.hicserve.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One answer of {@link HicClient#pixels(Query)} or {@link HicClient#cis(CisQuery)}, read batch by batch from the open
 * HTTP response with bounded memory (one record batch of at most 262,144 rows at a time). One-shot and must be
 * closed (try-with-resources): closing before the end drops the connection, which also stops the service's work.
 * Not thread-safe: one thread reads one stream (the {@link HicClient} itself is shared).
 *
 * <pre>{@code
 * try (PixelStream s = client.pixels(query)) {
 *     while (s.nextBatch()) {
 *         VectorSchemaRoot batch = s.root();          // the same root, refilled by every nextBatch()
 *         for (int i = 0; i < s.rowCount(); i++) use(s.bin1(i), s.bin2(i), s.count(i));
 *     }
 * }
 * }</pre>
 *
 * <p>The end of the answer is checked: {@link #nextBatch()} returns {@code false} only after the Arrow end-of-stream
 * marker; an answer cut before it (the service aborts an answer it cannot finish) throws
 * {@link TruncatedStreamException}, never a silently shorter result.
 *
 * <p>Columns (API.md): {@code bin1_id, bin2_id, count} or, with {@code join}, {@code chrom1, start1, end1, chrom2,
 * start2, end2, count} where the chromosome columns are indices into one dictionary ({@link #chromosomeName(int)}).
 * {@code count} is int32 for raw integer counts and float64 otherwise; {@link #count(int)} widens both to double.
 */
public final class PixelStream implements AutoCloseable {
    private final String what;
    private final BufferAllocator allocator;
    private final EndMarkerInputStream body;
    private final ArrowStreamReader reader;
    private final VectorSchemaRoot root;
    private final boolean joined;
    private final boolean floatCounts;
    private long rowsRead;
    private boolean finished;
    private boolean failed;
    private boolean closed;
    private VarCharVector dictionary;
    private String[] names = new String[0];

    private PixelStream(String what, BufferAllocator allocator, EndMarkerInputStream body, ArrowStreamReader reader,
            VectorSchemaRoot root) {
        this.what = what;
        this.allocator = allocator;
        this.body = body;
        this.reader = reader;
        this.root = root;
        Schema schema = root.getSchema();
        this.joined = schema.getFields().stream().anyMatch(f -> f.getName().equals("chrom1"));
        Field count = schema.findField("count");
        this.floatCounts = count.getType() instanceof org.apache.arrow.vector.types.pojo.ArrowType.FloatingPoint;
    }

    /** Reads the schema of an answer; the stream then owns {@code in} and a child of {@code parent}. */
    static PixelStream open(String what, InputStream in, BufferAllocator parent) {
        BufferAllocator allocator = parent.newChildAllocator("hicserve-client " + what, 0, parent.getLimit());
        EndMarkerInputStream body = new EndMarkerInputStream(in);
        ArrowStreamReader reader = new ArrowStreamReader(body, allocator);
        try {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            Schema schema = root.getSchema();
            boolean binIds = schema.getFields().stream().anyMatch(f -> f.getName().equals("bin1_id"));
            boolean joined = schema.getFields().stream().anyMatch(f -> f.getName().equals("chrom1"));
            if (schema.findField("count") == null || binIds == joined) {
                throw new HicServeException("the answer of " + what + " is not a pixel table: columns "
                        + schema.getFields().stream().map(Field::getName).toList());
            }
            return new PixelStream(what, allocator, body, reader, root);
        } catch (IOException e) {
            closeQuietly(reader, allocator);
            if (Thread.currentThread().isInterrupted()) {
                throw new HicServeTransportException("interrupted while reading the answer of " + what, e);
            }
            throw new TruncatedStreamException("the answer of " + what + " ended or was cut before its Arrow schema ("
                    + body.bytesRead() + " bytes read); it is incomplete: " + e.getMessage(), body.bytesRead(), e);
        } catch (RuntimeException e) {
            closeQuietly(reader, allocator);
            if (e instanceof HicServeException h) {
                throw h;
            }
            throw new HicServeException("the answer of " + what + " is not a valid Arrow stream: " + e, e);
        }
    }

    /**
     * Loads the next record batch into {@link #root()}.
     *
     * @return {@code false} once the whole answer has been read (its end-of-stream marker included)
     * @throws TruncatedStreamException when the answer ends or is cut before its end-of-stream marker
     */
    public boolean nextBatch() {
        if (closed) {
            throw new IllegalStateException("the stream of " + what + " is closed");
        }
        if (failed) {
            throw new IllegalStateException("the stream of " + what + " already failed");
        }
        if (finished) {
            return false;
        }
        boolean more;
        try {
            more = reader.loadNextBatch();
        } catch (IOException e) {
            failed = true;
            if (Thread.currentThread().isInterrupted()) {
                throw new HicServeTransportException("interrupted while reading the answer of " + what, e);
            }
            throw truncated("was cut after", e);
        } catch (RuntimeException e) {
            failed = true;
            if (body.reachedEnd()) {
                // Arrow's reader trips over a message cut short (e.g. inside the end marker) without an IOException
                throw truncated("was cut after", new IOException(e.toString(), e));
            }
            throw new HicServeException("the answer of " + what + " is not a valid Arrow stream after " + rowsRead
                    + " rows: " + e, e);
        } catch (OutOfMemoryError e) {
            // a stream cut inside a message's length prefix makes Arrow read part of it as a huge length and try
            // to allocate it: once the body has ended, that is a truncated answer, not a lack of memory
            failed = true;
            if (body.reachedEnd()) {
                throw truncated("was cut after", new IOException("a message cut inside its length", e));
            }
            throw e;
        }
        if (!more) {
            if (!body.endedWithMarker()) {
                failed = true;
                throw truncated("ended without its end-of-stream marker after", null);
            }
            finishBody();
            finished = true;
            return false;
        }
        rowsRead += root.getRowCount();
        return true;
    }

    /**
     * After the end marker, reads the HTTP body to its end: an answer is complete only when the transport also ends
     * cleanly (a service that fails late aborts the connection, possibly after having written the marker).
     */
    private void finishBody() {
        long extra = 0;
        byte[] buf = new byte[512];
        try {
            for (int n = body.read(buf, 0, buf.length); n >= 0; n = body.read(buf, 0, buf.length)) {
                extra += n;
            }
        } catch (IOException e) {
            failed = true;
            if (Thread.currentThread().isInterrupted()) {
                throw new HicServeTransportException("interrupted while reading the answer of " + what, e);
            }
            throw truncated("was aborted after its end-of-stream marker, after", e);
        }
        if (extra > 0) {
            failed = true;
            throw new HicServeException("the answer of " + what + " has " + extra
                    + " bytes after its Arrow end-of-stream marker; it is not a valid answer");
        }
    }

    private TruncatedStreamException truncated(String how, IOException cause) {
        return new TruncatedStreamException("the answer of " + what + " " + how + " " + rowsRead + " rows ("
                + body.bytesRead() + " bytes); it is incomplete" + (cause == null ? "" : ": " + cause.getMessage()),
                body.bytesRead(), cause);
    }

    /**
     * The batch container, refilled by every {@link #nextBatch()}; its vectors are valid until the next call or
     * {@link #close()} (copy what must outlive that, e.g. with {@code TransferPair} into your own allocator).
     */
    public VectorSchemaRoot root() {
        return root;
    }

    /** The Arrow schema of the answer (with the service's metadata, see {@link #metadata()}). */
    public Schema schema() {
        return root.getSchema();
    }

    /** Schema metadata: {@code hicserve.file}, {@code hicserve.resolution}, {@code hicserve.normalization}. */
    public Map<String, String> metadata() {
        Map<String, String> m = root.getSchema().getCustomMetadata();
        return m == null ? Map.of() : Map.copyOf(m);
    }

    /** Whether rows have genomic coordinates ({@code join=true}) rather than bin ids. */
    public boolean joined() {
        return joined;
    }

    /** Whether {@code count} is float64 (normalized or float counts) rather than int32. */
    public boolean floatCounts() {
        return floatCounts;
    }

    /** Rows in the current batch. */
    public int rowCount() {
        return root.getRowCount();
    }

    /** Rows read so far, over all batches. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Bytes of the answer read so far. */
    public long bytesRead() {
        return body.bytesRead();
    }

    /** {@code bin1_id} of a row of the current batch (answers without {@code join}). */
    public long bin1(int row) {
        return ((BigIntVector) vector("bin1_id")).get(row);
    }

    /** {@code bin2_id} of a row of the current batch (answers without {@code join}). */
    public long bin2(int row) {
        return ((BigIntVector) vector("bin2_id")).get(row);
    }

    /** {@code count} of a row of the current batch, widened to double. */
    public double count(int row) {
        FieldVector v = root.getVector("count");
        return floatCounts ? ((Float8Vector) v).get(row) : ((IntVector) v).get(row);
    }

    /** The chromosome name a dictionary index of {@code chrom1}/{@code chrom2} stands for ({@code join} answers). */
    public String chromosomeName(int index) {
        if (!joined) {
            throw new IllegalStateException("the answer of " + what + " has bin ids, not chromosomes (ask with join)");
        }
        Dictionary d = dictionaries().get(root.getSchema().findField("chrom1").getDictionary().getId());
        if (d == null) {
            throw new HicServeException("the answer of " + what + " has no chromosome dictionary");
        }
        VarCharVector v = (VarCharVector) d.getVector();
        if (v != dictionary || names.length != v.getValueCount()) {
            String[] n = new String[v.getValueCount()];
            for (int i = 0; i < n.length; i++) {
                n[i] = new String(v.get(i), StandardCharsets.UTF_8);
            }
            dictionary = v;
            names = n;
        }
        if (index < 0 || index >= names.length) {
            throw new HicServeException("chromosome index " + index + " outside the dictionary of " + names.length
                    + " names in the answer of " + what);
        }
        return names[index];
    }

    private Map<Long, Dictionary> dictionaries() {
        try {
            return reader.getDictionaryVectors(); // the schema is read already: no I/O here
        } catch (IOException e) {
            throw new HicServeException("cannot read the dictionaries of the answer of " + what, e);
        }
    }

    /** The chromosome names of the dictionary ({@code join} answers; read with the first batch). */
    public List<String> chromosomeNames() {
        if (names.length == 0 && joined && !dictionaries().isEmpty()) {
            chromosomeName(0);
        }
        return List.of(names);
    }

    /**
     * The rows of the batches not loaded yet, as {@link Pixel} records (answers without {@code join}), read lazily
     * batch by batch; call it instead of, not in the middle of, a {@link #nextBatch()} loop. Closing the returned
     * stream closes this one. A truncated answer throws {@link TruncatedStreamException} from
     * the terminal operation.
     */
    public Stream<Pixel> pixels() {
        if (joined) {
            throw new IllegalStateException("the answer of " + what + " is joined: use joinedPixels()");
        }
        return rows(i -> new Pixel(bin1(i), bin2(i), count(i)));
    }

    /** The remaining rows as {@link JoinedPixel} records ({@code join=true} answers); see {@link #pixels()}. */
    public Stream<JoinedPixel> joinedPixels() {
        if (!joined) {
            throw new IllegalStateException("the answer of " + what + " has bin ids: ask with join(true) or use pixels()");
        }
        return rows(i -> new JoinedPixel(chromosomeName(intAt("chrom1", i)), intAt("start1", i), intAt("end1", i),
                chromosomeName(intAt("chrom2", i)), intAt("start2", i), intAt("end2", i), count(i)));
    }

    private int intAt(String column, int row) {
        return ((IntVector) vector(column)).get(row);
    }

    private FieldVector vector(String name) {
        FieldVector v = root.getVector(name);
        if (v == null) {
            throw new IllegalStateException("the answer of " + what + " has no column " + name + " (joined: " + joined + ")");
        }
        return v;
    }

    private interface Row<T> {
        T at(int row);
    }

    private <T> Stream<T> rows(Row<T> row) {
        Spliterator<T> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            private int next;
            private boolean loaded;

            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                while (!loaded || next >= root.getRowCount()) {
                    if (!nextBatch()) {
                        return false;
                    }
                    loaded = true;
                    next = 0;
                }
                action.accept(row.at(next++));
                return true;
            }
        };
        return StreamSupport.stream(rows, false).onClose(this::close);
    }

    /** Releases the batch memory and the connection (dropped when the answer was not read to its end). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(reader, null);
        allocator.close(); // throws if vectors of this stream were kept past close: a leak should fail loudly
    }

    private static void closeQuietly(ArrowStreamReader reader, BufferAllocator allocator) {
        try {
            reader.close(); // closes the root, the dictionaries and the response body
        } catch (IOException | RuntimeException ignored) {
            // the connection may already be broken; the memory is released below
        }
        if (allocator != null) {
            allocator.close();
        }
    }
}
