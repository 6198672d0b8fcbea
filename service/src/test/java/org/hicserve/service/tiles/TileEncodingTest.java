package org.hicserve.service.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The pieces of a tile answer: float16 rounding, the dtype choice, tile ids and tileset uids. */
class TileEncodingTest {
    @Test
    void float16RoundsToNearestEvenLikeNumpy() {
        // bit patterns numpy's astype("float16") gives for these values
        assertThat(Float16.fromFloat(1f)).isEqualTo((short) 0x3c00);
        assertThat(Float16.fromFloat(-2f)).isEqualTo((short) 0xc000);
        assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7bff);
        assertThat(Float16.fromFloat(65520f)).as("rounds up to infinity").isEqualTo((short) 0x7c00);
        assertThat(Float16.fromFloat(0x1p-24f)).as("smallest subnormal").isEqualTo((short) 0x0001);
        assertThat(Float16.fromFloat(0x1p-25f)).as("half of it: ties to even, 0").isEqualTo((short) 0x0000);
        assertThat(Float16.fromFloat(0x1.8p-24f)).as("1.5 ulp: ties to even, 2").isEqualTo((short) 0x0002);
        assertThat(Float16.fromFloat(2049f)).as("2049 ties to 2048").isEqualTo((short) 0x6800);
        assertThat(Float16.fromFloat(2051f)).as("2051 ties to 2052").isEqualTo((short) 0x6802);
        assertThat(Float16.fromFloat(0.1f)).isEqualTo((short) 0x2e66);
        assertThat(Float16.fromFloat(0x1.ff8p-15f)).as("largest subnormal").isEqualTo((short) 0x03ff);
        assertThat(Float16.fromFloat(0x1.ffcp-15f)).as("half-way to the smallest normal: ties to even").isEqualTo((short) 0x0400);
        assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(Float.NaN)))).isTrue();
        for (float f : new float[] {0f, 1f, 0.5f, 1000f, 3.140625f, 0x1p-24f, 6.1035156e-5f}) {
            assertThat(Float16.toFloat(Float16.fromFloat(f))).isEqualTo(f);
        }
    }

    @Test
    void aTileWithoutNaNInRangeIsFloat16AndOneWithNaNFloat32() {
        DenseTile t = new DenseTile();
        t.set(0, 0, 3);
        t.set(255, 255, 0.25);
        EncodedTile e = EncodedTile.of(t);
        assertThat(e.dtype()).isEqualTo("float16");
        assertThat(e.dense()).hasSize((65536 * 2 + 2) / 3 * 4);
        assertThat(e.minValue()).isEqualTo(0.0);
        assertThat(e.maxValue()).isEqualTo(3.0);
        assertThat(e.decode()[0]).isEqualTo(3f);
        assertThat(e.decode()[65535]).isEqualTo(0.25f);

        t.set(1, 2, 70000);
        assertThat(EncodedTile.of(t).dtype()).as("past float16's range").isEqualTo("float32");
        t.set(1, 2, 1);
        t.maskRow(7);
        EncodedTile n = EncodedTile.of(t);
        assertThat(n.dtype()).isEqualTo("float32");
        assertThat(n.decode()[7 * 256 + 3]).isNaN();
        assertThat(n.decode()[1 * 256 + 2]).isEqualTo(1f);
        assertThat(n.decode()[0]).isEqualTo(3f);

        DenseTile all = new DenseTile();
        for (int r = 0; r < 256; r++) {
            all.maskRow(r);
        }
        assertThat(EncodedTile.of(all).minValue()).isEqualTo("NaN");
    }

    @Test
    void tileIdsParseWithAndWithoutTransform() {
        TileId a = TileId.parse("abc.3.4.5");
        assertThat(a.uid()).isEqualTo("abc");
        assertThat(a.zoom()).isEqualTo(3);
        assertThat(a.x()).isEqualTo(4);
        assertThat(a.y()).isEqualTo(5);
        assertThat(a.transform()).isNull();
        assertThat(TileId.parse("abc.3.4.5.KR").transform()).isEqualTo("KR");
        assertThatThrownBy(() -> TileId.parse("abc.3.4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileId.parse("abc.3.x.4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TileId.parse(".3.4.5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uidsAreDotFreeAndReversible() {
        for (String name : new String[] {"sample.mcool", "sub/dir/x.y.hic", "é.cool", "a"}) {
            String uid = TilesetUid.of(name);
            assertThat(uid).doesNotContain(".", "/", "+", "=");
            assertThat(TilesetUid.fileName(uid)).isEqualTo(name);
        }
        assertThatThrownBy(() -> TilesetUid.fileName("not*base64")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transformsFollowClodius() {
        var cool = java.util.List.of("NONE", "weight");
        var hic = java.util.List.of("NONE", "VC", "SCALE");
        assertThat(Transforms.normalization(null, cool)).isEqualTo("weight");
        assertThat(Transforms.normalization(null, hic)).isEqualTo("NONE");
        assertThat(Transforms.normalization("None", cool)).isEqualTo("NONE");
        assertThat(Transforms.normalization("scale", hic)).isEqualTo("SCALE");
        assertThatThrownBy(() -> Transforms.normalization("KR", hic)).hasMessageContaining("VC, SCALE");
        assertThat(Transforms.displayName("weight")).isEqualTo("ICE");
    }
}
