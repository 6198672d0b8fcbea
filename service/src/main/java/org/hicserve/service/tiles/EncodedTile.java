package org.hicserve.service.tiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * A tile as higlass-server answers it (clodius {@code format_dense_tile}): little-endian values in base64, float16
 * when the tile has no NaN and its range fits float16, float32 otherwise (NaN must travel as float32), with the
 * minimum and maximum of the non-NaN values ({@code "NaN"} when there are none).
 */
public record EncodedTile(String dense, String dtype, @JsonProperty("min_value") Object minValue,
        @JsonProperty("max_value") Object maxValue, int size) {
    private static final float MAX_F16 = 65504f;

    public static EncodedTile of(DenseTile tile) {
        float[] v = tile.values();
        boolean nan = false;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            if (Float.isNaN(f)) {
                nan = true;
            } else {
                min = Math.min(min, f);
                max = Math.max(max, f);
            }
        }
        boolean any = min <= max;
        boolean half = !nan && any && max > -MAX_F16 && max < MAX_F16 && min > -MAX_F16 && min < MAX_F16;
        ByteBuffer buf = ByteBuffer.allocate(v.length * (half ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            if (half) {
                buf.putShort(Float16.fromFloat(f));
            } else {
                buf.putFloat(f);
            }
        }
        return new EncodedTile(Base64.getEncoder().encodeToString(buf.array()), half ? "float16" : "float32",
                any ? (Object) (double) min : "NaN", any ? (Object) (double) max : "NaN", 1);
    }

    /** The values back, as the HiGlass client decodes them (for tests and clients). */
    public float[] decode() {
        byte[] bytes = Base64.getDecoder().decode(dense);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean half = "float16".equals(dtype);
        float[] out = new float[bytes.length / (half ? 2 : 4)];
        for (int i = 0; i < out.length; i++) {
            out[i] = half ? Float16.toFloat(buf.getShort()) : buf.getFloat();
        }
        return out;
    }
}
