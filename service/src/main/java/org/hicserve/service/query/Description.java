package org.hicserve.service.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The describe answer (API.md), plus {@code stored_count_type}: how the file stores raw counts, when that differs
 * from what {@code count_type} says is answered by default (a .hic's float32 blocks are rounded to int32 unless
 * {@code count_type=float} is asked).
 */
public record Description(
        String name,
        String format,
        @JsonProperty("format_version") String formatVersion,
        String assembly,
        List<Integer> resolutions,
        List<ChromosomeInfo> chromosomes,
        List<String> normalizations,
        @JsonProperty("normalizations_by_resolution") Map<Integer, List<String>> normalizationsByResolution,
        @JsonProperty("count_type") String countType,
        @JsonProperty("stored_count_type") String storedCountType) {

    public record ChromosomeInfo(String name, long length) {
    }
}
