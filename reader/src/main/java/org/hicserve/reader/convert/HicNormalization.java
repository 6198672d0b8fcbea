package org.hicserve.reader.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hicserve.reader.cooler.CoolerFile;

/**
 * One cooler balancing column turned into a .hic normalization vector: .hic vectors always divide
 * ({@code count / (v1 * v2)}), so a multiplicative cooler column ({@code weight}, ICE, anything with
 * {@code divisive_weights=False}) is stored as {@code 1 / w}, a divisive one (KR, VC, VC_SQRT, SCALE copied from a
 * .hic) as is. v9 stores float32, so values are rounded to float here once and everything downstream (the
 * normalized expected vectors) uses the rounded values, as a reader will. Immutable.
 *
 * @param hicName the name in the .hic file: cooler's {@code weight} becomes {@code ICE} (unless the file also has an
 *        {@code ICE} column), every other column keeps its name
 * @param values one divisive value per genome-wide bin; NaN = masked
 */
record HicNormalization(String coolerName, String hicName, boolean sourceDivisive, float[] values) {

    /** The vectors of every balancing column of one resolution. */
    static List<HicNormalization> of(CoolerFile file) {
        List<String> names = file.normalizations().stream().filter(n -> !n.equals("NONE")).toList();
        Set<String> upper = new HashSet<>();
        names.forEach(n -> upper.add(n.toUpperCase(Locale.ROOT)));
        List<HicNormalization> out = new ArrayList<>();
        for (String name : names) {
            String hicName = name.equals("weight") && !upper.contains("ICE") ? "ICE" : name;
            if (!isAsciiName(hicName)) {
                continue;
            }
            boolean divisive = file.isDivisive(name);
            double[] w = file.weightValues(name);
            float[] v = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                v[i] = (float) (divisive ? w[i] : 1.0 / w[i]);
            }
            out.add(new HicNormalization(name, hicName, divisive, v));
        }
        return out;
    }

    private static boolean isAsciiName(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c > 32 && c < 127);
    }
}
