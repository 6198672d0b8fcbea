package org.hicserve.reader.testing;

import io.jhdf.HdfFile;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/** Damage done to copies of test files (never to the originals). */
public final class Corruption {
    private Corruption() {
    }

    /**
     * Overwrites the middle of the last compressed chunk of a cooler column: the file still opens, and the rows in
     * that chunk (the last chromosome's pixels of a pixel column) cannot be read.
     */
    public static void overwriteLastChunk(Path file, String dataset) throws Exception {
        long address;
        int size;
        try (HdfFile h5 = new HdfFile(file)) {
            ChunkedDatasetBase ds = (ChunkedDatasetBase) h5.getDatasetByPath(dataset);
            Method lookup = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            lookup.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Object, Chunk> chunks = (Map<Object, Chunk>) lookup.invoke(ds);
            Chunk last = chunks.values().stream().max(Comparator.comparingLong(c -> c.getChunkOffset()[0])).orElseThrow();
            address = last.getAddress();
            size = last.getSize();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] junk = new byte[Math.max(8, size / 2)];
            Arrays.fill(junk, (byte) 0x5a);
            ch.write(ByteBuffer.wrap(junk), address + size / 4);
        }
    }
}
