package org.hicserve.service.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The describe answer (API.md). */
public record Description(
        String name,
        String format,
        @JsonProperty("format_version") String formatVersion,
        String assembly,
        List<Integer> resolutions,
        List<ChromosomeInfo> chromosomes,
        List<String> normalizations,
        @JsonProperty("normalizations_by_resolution") Map<Integer, List<String>> normalizationsByResolution,
        @JsonProperty("count_type") String countType) {

    public record ChromosomeInfo(String name, long length) {
    }
}
