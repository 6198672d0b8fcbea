package org.hicserve.service.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The answer formats of the pixels and cis endpoints (API.md), with their media types. */
public enum OutputFormat {
    ARROW("arrow", "application/vnd.apache.arrow.stream"),
    TSV("tsv", "text/tab-separated-values"),
    JSON("json", "application/json"),
    /** A dense float64 matrix of a region, as a NumPy .npy file (pixels only). */
    NPY("npy", "application/x-npy"),
    /** A heatmap of a region (pixels only). */
    PNG("png", "image/png");

    private final String apiName;
    private final String mediaType;

    OutputFormat(String apiName, String mediaType) {
        this.apiName = apiName;
        this.mediaType = mediaType;
    }

    public String apiName() {
        return apiName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Formats that need the whole region as a dense matrix (bounded in size, refused with 413 past it). */
    public boolean isDense() {
        return this == NPY || this == PNG;
    }

    public static Optional<OutputFormat> parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.apiName.equals(n)).findFirst();
    }

    /** The first format an Accept header names (ignoring parameters and wildcards). */
    public static Optional<OutputFormat> fromAccept(String accept) {
        if (accept == null) {
            return Optional.empty();
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            for (OutputFormat f : values()) {
                if (f.mediaType.equals(type)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
