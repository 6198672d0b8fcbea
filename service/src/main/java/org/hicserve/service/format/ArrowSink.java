package org.hicserve.service.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.hicserve.reader.model.PixelBatch;
import org.hicserve.reader.model.Reference;
import org.hicserve.service.arrow.PixelColumns;
import org.hicserve.service.arrow.PixelSchemas;

/**
 * An Arrow IPC stream: one record batch per pixel batch, then the end-of-stream marker. Owns a child allocator
 * (closed with the sink, so a leak fails loudly) and one {@link VectorSchemaRoot} refilled for every batch.
 */
public final class ArrowSink implements PixelSink {
    private final PixelTable table;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final VarCharVector chromosomeNames;
    private final OutputStreamChannel channel;
    private final ArrowStreamWriter writer;
    private boolean finished;
    private final BinCoordinates coords1;
    private final BinCoordinates coords2;

    public ArrowSink(OutputStream out, PixelTable table, BufferAllocator parent) {
        this.table = table;
        this.allocator = parent.newChildAllocator("pixels", 0, Long.MAX_VALUE);
        try {
            this.root = VectorSchemaRoot.create(PixelSchemas.of(table.join(), table.countType(), table.metadata()), allocator);
            DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
            if (table.join()) {
                chromosomeNames = new VarCharVector("chromosomes",
                        FieldType.notNullable(ArrowType.Utf8.INSTANCE), allocator);
                Reference ref = table.bins().reference();
                chromosomeNames.allocateNew(ref.size());
                for (int i = 0; i < ref.size(); i++) {
                    chromosomeNames.setSafe(i, ref.get(i).name().getBytes(StandardCharsets.UTF_8));
                }
                chromosomeNames.setValueCount(ref.size());
                provider.put(new Dictionary(chromosomeNames, PixelSchemas.CHROMOSOME_ENCODING));
            } else {
                chromosomeNames = null;
            }
            // the writer closes its channel on close(); this channel never closes the response under it
            this.channel = new OutputStreamChannel(out);
            this.writer = new ArrowStreamWriter(root, provider, channel);
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
        this.coords1 = new BinCoordinates(table.bins());
        this.coords2 = new BinCoordinates(table.bins());
    }

    @Override
    public void begin() throws IOException {
        writer.start();
    }

    @Override
    public void write(PixelBatch b) throws IOException {
        int n = b.size();
        if (table.join()) {
            IntVector chrom1 = (IntVector) root.getVector(0);
            IntVector start1 = (IntVector) root.getVector(1);
            IntVector end1 = (IntVector) root.getVector(2);
            IntVector chrom2 = (IntVector) root.getVector(3);
            IntVector start2 = (IntVector) root.getVector(4);
            IntVector end2 = (IntVector) root.getVector(5);
            for (IntVector v : new IntVector[] {chrom1, start1, end1, chrom2, start2, end2}) {
                v.allocateNew(n);
            }
            long[] b1 = b.bin1();
            long[] b2 = b.bin2();
            for (int i = 0; i < n; i++) {
                chrom1.set(i, coords1.chromOf(b1[i]));
                start1.set(i, (int) coords1.start(b1[i]));
                end1.set(i, (int) coords1.end(b1[i]));
                chrom2.set(i, coords2.chromOf(b2[i]));
                start2.set(i, (int) coords2.start(b2[i]));
                end2.set(i, (int) coords2.end(b2[i]));
            }
            PixelColumns.fillCount(root.getVector("count"), b);
            root.setRowCount(n);
        } else {
            PixelColumns.fillIds(root, b);
        }
        writer.writeBatch();
    }

    @Override
    public void finish() throws IOException {
        writer.end();
        finished = true;
    }

    @Override
    public void close() {
        if (!finished) {
            // ArrowStreamWriter.close() writes the end-of-stream marker: a failed answer must not get one
            channel.discardWrites();
        }
        try {
            writer.close();
        } catch (RuntimeException ignored) {
            // the channel may already be broken (client gone); buffers are still released below
        }
        root.close();
        if (chromosomeNames != null) {
            chromosomeNames.close();
        }
        allocator.close();
    }
}
