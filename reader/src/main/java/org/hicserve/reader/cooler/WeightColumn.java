package org.hicserve.reader.cooler;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A balancing column of {@code bins/}: its layout and whether it divides or multiplies. The rule is hictk's:
 * Juicer-style names (KR, VC, VC_SQRT, SCALE and their INTER_/GW_ variants) are divisive, everything else
 * (cooler's {@code weight}, ICE, ...) multiplicative, and a {@code divisive_weights} attribute overrides the name.
 */
record WeightColumn(String name, ColumnLayout layout, boolean divisive) {
    private static final Set<String> DIVISIVE_NAMES = Set.of("VC", "VC_SQRT", "KR", "SCALE", "INTER_VC", "INTER_KR",
            "INTER_SCALE", "GW_VC", "GW_KR", "GW_SCALE");

    static boolean divisiveByName(String name) {
        return DIVISIVE_NAMES.contains(name.toUpperCase(Locale.ROOT));
    }

    static WeightColumn of(String name, ColumnLayout layout, Optional<Boolean> divisiveAttribute) {
        return new WeightColumn(name, layout, divisiveAttribute.orElse(divisiveByName(name)));
    }
}
