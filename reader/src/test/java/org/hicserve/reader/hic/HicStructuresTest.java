package org.hicserve.reader.hic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.hicserve.reader.error.MalformedFileException;
import org.hicserve.reader.io.BinaryCursor;
import org.hicserve.reader.io.BlockInflater;
import org.hicserve.reader.io.source.LocalFileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Single structures parsed from hand-written little-endian bytes (jHDF's first test layer). */
class HicStructuresTest {
    @TempDir
    Path tmp;

    /** A little-endian byte writer. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes i8(int v) {
            out.write(v);
            return this;
        }

        Bytes i16(int v) {
            return put(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v));
        }

        Bytes i32(int v) {
            return put(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v));
        }

        Bytes i64(long v) {
            return put(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v));
        }

        Bytes f32(float v) {
            return put(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v));
        }

        Bytes str(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            return this;
        }

        private Bytes put(ByteBuffer b) {
            out.writeBytes(b.array());
            return this;
        }

        byte[] toArray() {
            return out.toByteArray();
        }

        BinaryCursor cursor(String name) {
            byte[] b = toArray();
            return BinaryCursor.ofBytes(b, b.length, name);
        }
    }

    @Test
    void cursorReadsLittleEndianAndNamesFieldAndOffsetWhenShort() {
        BinaryCursor c = new Bytes().i32(0x01020304).i16(-2).str("chr1").i8(7).cursor("t.hic");
        assertThat(c.int32("a")).isEqualTo(0x01020304);
        assertThat(c.int16("b")).isEqualTo((short) -2);
        assertThat(c.cString("name")).isEqualTo("chr1");
        assertThat(c.position()).isEqualTo(11);
        assertThatThrownBy(() -> c.int32("nEntries")).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("t.hic").hasMessageContaining("nEntries").hasMessageContaining("offset 11");
    }

    @Test
    void countsAreCheckedBeforeUse() {
        BinaryCursor neg = new Bytes().i32(-3).cursor("t.hic");
        assertThatThrownBy(() -> neg.int32Count("nEntries", 100, 1)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("nEntries=-3 at offset 0");
        BinaryCursor big = new Bytes().i32(1000).i32(0).cursor("t.hic");
        assertThatThrownBy(() -> big.int32Count("nBlocks", Integer.MAX_VALUE, 16))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("do not fit");
        BinaryCursor huge = new Bytes().i64(Long.MAX_VALUE).cursor("t.hic");
        assertThatThrownBy(() -> huge.int64Count("nValues", Long.MAX_VALUE, 4)).isInstanceOf(MalformedFileException.class);
    }

    @Test
    void stringsMustEndAndStayShort() {
        assertThatThrownBy(() -> new Bytes().i8('a').i8('b').cursor("t.hic").cString("genomeId"))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("genomeId");
        byte[] longName = new byte[BinaryCursor.MAX_STRING + 10];
        Arrays.fill(longName, (byte) 'x');
        assertThatThrownBy(() -> BinaryCursor.ofBytes(longName, longName.length, "t.hic").cString("chrName"))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("longer than");
    }

    @Test
    void channelCursorRefillsAcrossItsWindow() throws IOException {
        Bytes b = new Bytes();
        for (int i = 0; i < 50_000; i++) {
            b.i32(i).str("k" + i);
        }
        Path p = tmp.resolve("big.bin");
        Files.write(p, b.toArray());
        try (LocalFileSource ch = LocalFileSource.open(p)) {
            BinaryCursor c = BinaryCursor.ofChannel(ch, "big.bin", 0, ch.size());
            for (int i = 0; i < 50_000; i++) {
                assertThat(c.int32("i")).isEqualTo(i);
                assertThat(c.cString("k")).isEqualTo("k" + i);
            }
            assertThat(c.atEnd()).isTrue();
        }
    }

    /** A v9 header with a chromosome longer than Integer.MAX_VALUE (int64 lengths are new in v9). */
    @Test
    void v9HeaderWithLongChromosome() {
        byte[] b = new Bytes().i8('H').i8('I').i8('C').i8(0).i32(9).i64(200).str("/x/y/hg99.chrom.sizes")
                .i64(150).i64(10) // normVectorIndexPosition, length
                .i32(1).str("software").str("test")
                .i32(3).str("All").i64(5).str("chrBig").i64(3_000_000_000L).str("chrS").i64(77)
                .i32(2).i32(1000).i32(5000) // bp resolutions
                .i32(0) // frag resolutions
                .toArray();
        byte[] file = Arrays.copyOf(b, 400);
        HicHeader h = HicHeader.read(BinaryCursor.ofBytes(file, file.length, "big.hic"));
        assertThat(h.version()).isEqualTo(9);
        assertThat(h.normVectorIndexPosition()).isEqualTo(150);
        assertThat(h.chromosomes()).extracting(HicHeader.HicChromosome::length).containsExactly(5L, 3_000_000_000L, 77L);
        assertThat(h.chromosomes().get(0).isAll()).isTrue();
        assertThat(h.bpResolutions()).containsExactly(1000, 5000);
    }

    @Test
    void negativeChromosomeLengthIsMalformed() {
        byte[] b = new Bytes().i8('H').i8('I').i8('C').i8(0).i32(8).i64(100).str("hg19")
                .i32(0).i32(1).str("chr1").i32(-5).toArray();
        byte[] file = Arrays.copyOf(b, 200);
        assertThatThrownBy(() -> HicHeader.read(BinaryCursor.ofBytes(file, file.length, "neg.hic")))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("chrLength=-5");
    }

    @Test
    void v9ListBlockWithInt32Offsets() {
        InteractionBlock block = new InteractionBlock();
        // nRecords, binXOffset, binYOffset, useFloat, useIntX, useIntY, type
        block.decode(new Bytes().i32(3).i32(100_000).i32(200_000).i8(1).i8(1).i8(1).i8(1)
                .i32(2) // rowCount
                .i32(0).i32(2).i32(5).f32(1.5f).i32(7).f32(2f) // row 0: two records
                .i32(40_000).i32(1).i32(0).f32(3f) // row 40000: one record
                .cursor("b"), 9);
        assertThat(block.size).isEqualTo(3);
        assertThat(Arrays.copyOf(block.binX, 3)).containsExactly(100_005, 100_007, 100_000);
        assertThat(Arrays.copyOf(block.binY, 3)).containsExactly(200_000, 200_000, 240_000);
        assertThat(Arrays.copyOf(block.counts, 3)).containsExactly(1.5f, 2f, 3f);
    }

    @Test
    void v8DenseBlockSkipsEmptyCells() {
        InteractionBlock block = new InteractionBlock();
        block.decode(new Bytes().i32(4).i32(10).i32(20).i8(0).i8(2)
                .i32(4).i16(2) // nPts, w
                .i16(5).i16(Short.MIN_VALUE).i16(Short.MIN_VALUE).i16(9)
                .cursor("b"), 8);
        assertThat(block.size).isEqualTo(2);
        assertThat(Arrays.copyOf(block.binX, 2)).containsExactly(10, 11);
        assertThat(Arrays.copyOf(block.binY, 2)).containsExactly(20, 21);
        assertThat(Arrays.copyOf(block.counts, 2)).containsExactly(5f, 9f);
    }

    @Test
    void v6Block() {
        InteractionBlock block = new InteractionBlock();
        block.decode(new Bytes().i32(1).i32(3).i32(4).f32(8f).cursor("b"), 6);
        assertThat(block.size).isEqualTo(1);
        assertThat(block.binX[0]).isEqualTo(3);
        assertThat(block.binY[0]).isEqualTo(4);
    }

    @Test
    void corruptBlocksAreMalformed() {
        InteractionBlock block = new InteractionBlock();
        assertThatThrownBy(() -> block.decode(new Bytes().i32(1).i32(0).i32(0).i8(0).i8(3).cursor("b"), 8))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("type=3");
        // a row claims 30000 records but the block ends
        assertThatThrownBy(() -> block.decode(new Bytes().i32(1).i32(0).i32(0).i8(0).i8(1).i16(1).i16(0).i16(30_000)
                .i16(1).i16(1).cursor("b"), 8)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("recordCount=30000");
        assertThatThrownBy(() -> block.decode(new Bytes().i32(5).i32(0).i32(0).f32(1).cursor("b"), 6))
                .isInstanceOf(MalformedFileException.class).hasMessageContaining("nRecords=5");
        assertThatThrownBy(() -> block.decode(new Bytes().i32(1).i32(0).i32(0).i8(0).i8(2).i32(1).i16(0).i16(1)
                .cursor("b"), 8)).isInstanceOf(MalformedFileException.class).hasMessageContaining("w=0");
    }

    @Test
    void inflaterRejectsTruncatedAndGarbageStreams() throws IOException {
        byte[] plain = new byte[100_000];
        Arrays.fill(plain, (byte) 7);
        Deflater d = new Deflater();
        d.setInput(plain);
        d.finish();
        byte[] z = new byte[200_000];
        int n = d.deflate(z);
        d.end();
        Path p = tmp.resolve("z.bin");
        Files.write(p, Arrays.copyOf(z, n));
        try (LocalFileSource ch = LocalFileSource.open(p); BlockInflater inf = new BlockInflater()) {
            assertThat(inf.inflate(ch, n, 0, n, "z")).isEqualTo(100_000);
            assertThat(inf.buffer()[99_999]).isEqualTo((byte) 7);
            assertThatThrownBy(() -> inf.inflate(ch, n, 0, n / 2, "z")).isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("truncated");
            assertThatThrownBy(() -> inf.inflate(ch, n, 1, n - 1, "z")).isInstanceOf(MalformedFileException.class);
            assertThatThrownBy(() -> inf.inflate(ch, n, 0, n + 1, "z")).isInstanceOf(MalformedFileException.class)
                    .hasMessageContaining("outside the file");
            // still usable after errors
            assertThat(inf.inflate(ch, n, 0, n, "z")).isEqualTo(100_000);
        }
    }
}
