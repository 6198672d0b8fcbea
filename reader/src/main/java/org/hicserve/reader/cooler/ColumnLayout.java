package org.hicserve.reader.cooler;

import io.jhdf.api.Dataset;
import io.jhdf.dataset.ContiguousDatasetImpl;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkOffset;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.lang.reflect.Method;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.error.UnsupportedFormatException;

/**
 * Where the bytes of one 1-D cooler column live in the file: element type, and the address and size of every
 * chunk. Extracted once through jHDF, then read by {@link ChunkReader} with plain positional reads, one reused
 * {@link java.util.zip.Inflater} and an unshuffle straight into primitive arrays: jHDF's own slice path maps
 * memory and builds an Inflater per chunk (STACK.md), which costs about 1.3x and leaks mappings until GC.
 * Immutable; shareable between threads.
 */
record ColumnLayout(String name, long length, ElementKind kind, int elementSize, boolean littleEndian,
        long chunkElements, long[] chunkAddresses, int[] chunkSizes, int[] chunkFilterMasks,
        boolean deflate, boolean shuffle) {

    enum ElementKind { SIGNED_INT, UNSIGNED_INT, FLOAT }

    private static final int FILTER_DEFLATE = 1;
    private static final int FILTER_SHUFFLE = 2;
    /** A chunk this large (decoded) is not something cooler writes; refuse it rather than allocate it. */
    private static final long MAX_CHUNK_BYTES = 256L << 20;
    private static final Method CHUNK_LOOKUP;

    static {
        try {
            CHUNK_LOOKUP = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            CHUNK_LOOKUP.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("jHDF changed: ChunkedDatasetBase.getChunkLookup not accessible: " + e);
        }
    }

    static ColumnLayout of(Dataset dataset, String file, long fileSize) {
        String name = dataset.getPath();
        int[] dims = dataset.getDimensions();
        if (dims.length != 1) {
            throw new MalformedFileException(file + ": " + name + " is not a 1-D column (dims " + java.util.Arrays.toString(dims) + ")");
        }
        long length = dataset.getDimensionsAsLong()[0];
        DataType type = dataset.getDataType();
        ElementKind kind;
        ByteOrder order;
        if (type instanceof FloatingPoint fp) {
            kind = ElementKind.FLOAT;
            order = fp.getByteOrder();
        } else if (type instanceof EnumDataType en) {
            kind = ElementKind.SIGNED_INT;
            order = ByteOrder.LITTLE_ENDIAN;
            if (!(en.getBaseType() instanceof FixedPoint base)) {
                throw new UnsupportedFormatException(file + ": " + name + " enum base type is not an integer");
            } else {
                order = base.getByteOrder();
            }
        } else if (type instanceof FixedPoint fx) {
            kind = fx.isSigned() ? ElementKind.SIGNED_INT : ElementKind.UNSIGNED_INT;
            order = fx.getByteOrder();
        } else {
            throw new UnsupportedFormatException(file + ": " + name + " has element type " + type.getClass().getSimpleName()
                    + "; expected integers or floats");
        }
        int size = type.getSize();
        if (!(size == 1 || size == 2 || size == 4 || size == 8) || (kind == ElementKind.FLOAT && size != 4 && size != 8)) {
            throw new UnsupportedFormatException(file + ": " + name + " has " + size + "-byte elements");
        }
        boolean le = order == ByteOrder.LITTLE_ENDIAN;

        if (dataset instanceof ContiguousDatasetImpl contiguous) {
            long bytes = length * size;
            long address = dataset.isEmpty() ? 0 : contiguous.getDataAddress();
            checkRange(file, name, address, bytes, fileSize);
            if (bytes > Integer.MAX_VALUE - 16) {
                throw new UnsupportedFormatException(file + ": contiguous column " + name + " over 2 GiB");
            }
            return new ColumnLayout(name, length, kind, size, le, Math.max(1, length),
                    length == 0 ? new long[0] : new long[] {address},
                    length == 0 ? new int[0] : new int[] {(int) bytes}, length == 0 ? new int[0] : new int[] {0},
                    false, false);
        }
        if (!(dataset instanceof ChunkedDatasetBase chunked)) {
            throw new UnsupportedFormatException(file + ": " + name + " uses storage layout "
                    + dataset.getClass().getSimpleName() + "; expected chunked or contiguous");
        }
        boolean deflate = false;
        boolean shuffle = false;
        List<PipelineFilterWithData> filters = chunked.getFilters();
        for (int i = 0; i < filters.size(); i++) {
            int id = filters.get(i).getId();
            if (id == FILTER_DEFLATE && i == filters.size() - 1) {
                deflate = true;
            } else if (id == FILTER_SHUFFLE && i == 0) {
                shuffle = true;
            } else {
                throw new UnsupportedFormatException(file + ": " + name + " uses HDF5 filter " + filters.get(i).getName()
                        + " (id " + id + "); hicserve reads deflate and shuffle, as cooler writes");
            }
        }
        long chunkElements = chunked.getChunkDimensions()[0];
        if (chunkElements <= 0 || chunkElements * size > MAX_CHUNK_BYTES) {
            throw new MalformedFileException(file + ": " + name + " chunk of " + chunkElements + " elements");
        }
        Map<ChunkOffset, Chunk> lookup = chunkLookup(chunked, file, name);
        long nChunks = (length + chunkElements - 1) / chunkElements;
        if (lookup.size() > nChunks) {
            throw new MalformedFileException(file + ": " + name + " has " + lookup.size() + " chunks for " + length
                    + " elements of chunk size " + chunkElements);
        }
        long[] addresses = new long[(int) nChunks];
        int[] sizes = new int[(int) nChunks];
        int[] masks = new int[(int) nChunks];
        java.util.Arrays.fill(addresses, -1);
        List<Chunk> chunks = new ArrayList<>(lookup.values());
        chunks.sort(Comparator.comparingLong(c -> c.getChunkOffset()[0]));
        for (Chunk c : chunks) {
            long offset = c.getChunkOffset()[0];
            if (offset < 0 || offset % chunkElements != 0 || offset >= Math.max(length, 1)) {
                throw new MalformedFileException(file + ": " + name + " chunk at element offset " + offset
                        + " outside 0.." + length + " or not aligned to " + chunkElements);
            }
            int k = (int) (offset / chunkElements);
            checkRange(file, name, c.getAddress(), c.getSize(), fileSize);
            addresses[k] = c.getAddress();
            sizes[k] = c.getSize();
            int mask = 0;
            java.util.BitSet bits = c.getFilterMask();
            for (int b = bits.nextSetBit(0); b >= 0 && b < 32; b = bits.nextSetBit(b + 1)) {
                mask |= 1 << b;
            }
            masks[k] = mask;
        }
        return new ColumnLayout(name, length, kind, size, le, chunkElements, addresses, sizes, masks, deflate, shuffle);
    }

    @SuppressWarnings("unchecked")
    private static Map<ChunkOffset, Chunk> chunkLookup(ChunkedDatasetBase dataset, String file, String name) {
        try {
            return (Map<ChunkOffset, Chunk>) CHUNK_LOOKUP.invoke(dataset);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new MalformedFileException(file + ": cannot read the chunk index of " + name + ": " + org.hicserve.reader.error.Causes.inWords(e.getCause()), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkRange(String file, String name, long address, long bytes, long fileSize) {
        if (address < 0 || bytes < 0 || address + bytes > fileSize) {
            throw new MalformedFileException(file + ": " + name + " data at offset " + address + " (+" + bytes
                    + " bytes) is outside the file (" + fileSize + " bytes): truncated or corrupt");
        }
    }

    int chunkCount() {
        return chunkAddresses.length;
    }

    int chunkBytes() {
        return (int) (chunkElements * elementSize);
    }

    boolean isFloat() {
        return kind == ElementKind.FLOAT;
    }
}
