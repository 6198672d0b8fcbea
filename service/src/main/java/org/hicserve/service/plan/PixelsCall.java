package org.hicserve.service.plan;

/** A pixels request: which file, at which resolution and unit ({@code null}: the defaults), and the query. */
public record PixelsCall(String file, Integer resolution, String unit, PixelRequest request) {
}
