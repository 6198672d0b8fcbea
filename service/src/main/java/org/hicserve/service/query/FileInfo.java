package org.hicserve.service.query;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of the files answer (API.md). */
public record FileInfo(String name, String format, @JsonProperty("size_bytes") long sizeBytes) {
}
