package org.hicserve.service.tiles;

/**
 * IEEE 754 binary16 from float, rounding to nearest even as numpy's {@code astype("float16")} does (Java 17 has no
 * {@code Float.floatToFloat16}).
 */
final class Float16 {
    private Float16() {
    }

    static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xff;
        int mant = bits & 0x7fffff;
        if (exp == 0xff) { // Inf or NaN
            return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 : 0));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00); // overflow: infinity
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign; // underflows to zero
            }
            // subnormal: shift the mantissa (with its implicit 1) into place, rounding to nearest even
            int m = mant | 0x800000;
            int shift = 14 - e;
            int half = 1 << (shift - 1);
            int rounded = m >> shift;
            int rest = m & ((1 << shift) - 1);
            if (rest > half || (rest == half && (rounded & 1) == 1)) {
                rounded++;
            }
            return (short) (sign | rounded);
        }
        int rounded = (e << 10) | (mant >> 13);
        int rest = mant & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (rounded & 1) == 1)) {
            rounded++; // may carry into the exponent, up to infinity: still the right answer
        }
        return (short) (sign | rounded);
    }

    static float toFloat(short h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
