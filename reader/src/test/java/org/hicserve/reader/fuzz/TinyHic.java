package org.hicserve.reader.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Writes a minimal but complete .hic file (our own synthetic data, a few hundred bytes): chromosomes All, chr1
 * (100 kb) and chr2 (50 kb), one BP resolution of 10 kb, matrices 1_1 (one type-1 block, int16 counts), 1_2 (one
 * dense type-2 block, float counts) and 0_0, no expected values, a KR vector per chromosome. Version 8 or 9. Used to
 * produce the fuzzers' seeds (the committed ones under src/test/resources were written by {@link #main}).
 */
final class TinyHic {
    static final int RES = 10_000;

    private TinyHic() {
    }

    /** Little-endian writer that can patch earlier positions. */
    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int pos() {
            return bytes.size();
        }

        Out i8(int v) {
            bytes.write(v);
            return this;
        }

        Out i16(int v) {
            return i8(v & 0xFF).i8((v >>> 8) & 0xFF);
        }

        Out i32(int v) {
            return i16(v & 0xFFFF).i16(v >>> 16);
        }

        Out i64(long v) {
            return i32((int) v).i32((int) (v >>> 32));
        }

        Out f32(float v) {
            return i32(Float.floatToIntBits(v));
        }

        Out f64(double v) {
            return i64(Double.doubleToLongBits(v));
        }

        Out str(String s) {
            bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            return i8(0);
        }

        Out raw(byte[] b) {
            bytes.writeBytes(b);
            return this;
        }

        byte[] toArray() {
            return bytes.toByteArray();
        }
    }

    private static byte[] deflate(byte[] in) {
        Deflater d = new Deflater();
        d.setInput(in);
        d.finish();
        byte[] buf = new byte[in.length * 2 + 64];
        int n = d.deflate(buf);
        d.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    /** chr1 x chr1, upper triangle: rows y, records x <= y (type 1 stores rows by binY). */
    private static byte[] sparseBlock(int version) {
        Out b = new Out();
        b.i32(6).i32(0).i32(0).i8(0); // nRecords, binXOffset, binYOffset, useFloat=0
        if (version >= 9) {
            b.i8(0).i8(0); // useIntX, useIntY
        }
        b.i8(1); // type 1
        b.i16(3); // rows
        b.i16(0).i16(1).i16(0).i16(50); // row y=0: (0,0)=50
        b.i16(4).i16(2).i16(1).i16(7).i16(4).i16(30); // row y=4: (1,4)=7, (4,4)=30
        b.i16(9).i16(3).i16(2).i16(1).i16(8).i16(3).i16(9).i16(12); // row y=9: (2,9)=1 (8,9)=3 (9,9)=12
        return b.toArray();
    }

    /** chr1 x chr2: dense 3 x 2 patch at x in [2, 5), y in [1, 3), float counts, one empty cell. */
    private static byte[] denseBlock(int version) {
        Out b = new Out();
        b.i32(5).i32(2).i32(1).i8(1);
        if (version >= 9) {
            b.i8(0).i8(0);
        }
        b.i8(2); // type 2
        b.i32(6).i16(3); // nPts, width
        b.f32(1.5f).f32(2f).f32(Float.NaN).f32(4f).f32(5f).f32(6f);
        return b.toArray();
    }

    static byte[] build(int version) {
        boolean v9 = version >= 9;
        Out o = new Out();
        o.raw(new byte[] {'H', 'I', 'C', 0}).i32(version).i64(0); // footer position patched below
        o.str("tiny");
        int nviAt = o.pos();
        if (v9) {
            o.i64(0).i64(0); // normVectorIndexPosition / Length, patched below
        }
        o.i32(1).str("software").str("hicserve TinyHic");
        String[] names = {"All", "chr1", "chr2"};
        long[] lengths = {150, 100_000, 50_000};
        o.i32(names.length);
        for (int i = 0; i < names.length; i++) {
            o.str(names[i]);
            if (v9) {
                o.i64(lengths[i]);
            } else {
                o.i32((int) lengths[i]);
            }
        }
        o.i32(1).i32(RES); // BP resolutions
        o.i32(0); // no FRAG resolutions

        byte[][] blocks = {deflate(sparseBlock(version)), deflate(denseBlock(version)), deflate(sparseBlock(version))};
        int[] blockAt = new int[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            blockAt[i] = o.pos();
            o.raw(blocks[i]);
        }
        String[] keys = {"0_0", "1_1", "1_2"};
        int[][] chr = {{0, 0}, {1, 1}, {1, 2}};
        int[] binSizes = {1, RES, RES};
        int[] blockOf = {2, 0, 1};
        int[] matrixAt = new int[keys.length];
        int[] matrixSize = new int[keys.length];
        for (int m = 0; m < keys.length; m++) {
            matrixAt[m] = o.pos();
            o.i32(chr[m][0]).i32(chr[m][1]).i32(1);
            o.str("BP").i32(0).f32(100f).f32(10f).f32(1f).f32(2f);
            o.i32(binSizes[m]).i32(1000).i32(1).i32(1);
            o.i32(0).i64(blockAt[blockOf[m]]).i32(blocks[blockOf[m]].length);
            matrixSize[m] = o.pos() - matrixAt[m];
        }
        // norm vectors: chr1 has 10 bins, chr2 5
        int[] vecAt = new int[2];
        int[] vecSize = new int[2];
        int[] nBins = {10, 5};
        for (int v = 0; v < 2; v++) {
            vecAt[v] = o.pos();
            if (v9) {
                o.i64(nBins[v]);
            } else {
                o.i32(nBins[v]);
            }
            for (int i = 0; i < nBins[v]; i++) {
                if (v9) {
                    o.f32(i == 3 ? Float.NaN : 1f + i / 10f);
                } else {
                    o.f64(i == 3 ? Double.NaN : 1 + i / 10.0);
                }
            }
            vecSize[v] = o.pos() - vecAt[v];
        }

        int footerAt = o.pos();
        if (v9) {
            o.i64(0);
        } else {
            o.i32(0);
        }
        o.i32(keys.length);
        for (int m = 0; m < keys.length; m++) {
            o.str(keys[m]).i64(matrixAt[m]).i32(matrixSize[m]);
        }
        o.i32(0); // expected-value vectors
        o.i32(0); // normalized expected-value vectors
        int nviStart = o.pos();
        o.i32(2);
        for (int v = 0; v < 2; v++) {
            o.str("KR").i32(v + 1).str("BP").i32(RES).i64(vecAt[v]);
            if (v9) {
                o.i64(vecSize[v]);
            } else {
                o.i32(vecSize[v]);
            }
        }
        int nviLength = o.pos() - nviStart;
        byte[] file = o.toArray();
        ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        bb.putLong(8, footerAt);
        if (v9) {
            bb.putLong(nviAt, nviStart);
            bb.putLong(nviAt + 8, nviLength);
        }
        return file;
    }

    /** Writes the seed files: {@code TinyHic DIR}. */
    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve("tiny_v8.hic"), build(8));
        java.nio.file.Files.write(dir.resolve("tiny_v9.hic"), build(9));
    }
}
