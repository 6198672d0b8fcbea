package org.hicserve.client;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The bins a UCSC region selects at a fixed bin size: every bin overlapping it, {@code [start / res, ceil(end / res))}
 * clipped to the chromosome, as genome-wide ids. Mirrors the service's region syntax; a region it cannot resolve
 * (unknown chromosome, bad syntax) gives empty, and the service is left to say what is wrong.
 *
 * @param first genome-wide id of the first bin
 * @param count number of bins
 */
record RegionBins(long first, long count) {

    static Optional<RegionBins> of(Description file, int resolution, String region) {
        String q = region.strip();
        Optional<Chromosome> whole = file.chromosome(q);
        Chromosome chrom;
        long start;
        long end;
        if (whole.isPresent()) {
            chrom = whole.get();
            start = 0;
            end = chrom.length();
        } else {
            int colon = q.lastIndexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            Optional<Chromosome> c = file.chromosome(q.substring(0, colon));
            String span = q.substring(colon + 1);
            int dash = span.indexOf('-');
            if (c.isEmpty() || dash <= 0) {
                return Optional.empty();
            }
            chrom = c.get();
            Optional<Long> s = position(span.substring(0, dash));
            Optional<Long> e = position(span.substring(dash + 1));
            if (s.isEmpty() || e.isEmpty() || s.get() >= e.get() || e.get() > chrom.length()) {
                return Optional.empty();
            }
            start = s.get();
            end = e.get();
        }
        long bins = chrom.binCount(resolution);
        long firstBin = Math.min(start / resolution, bins);
        long endBin = Math.min((end + resolution - 1) / resolution, bins);
        return Optional.of(new RegionBins(file.firstBinId(chrom.name(), resolution) + firstBin, endBin - firstBin));
    }

    /** A position as the service reads it: digits with optional commas/underscores and a bp/k/M/G suffix. */
    static Optional<Long> position(String text) {
        String s = text.replace(",", "").replace("_", "").strip().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (s.endsWith("bp")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("kb") || s.endsWith("k")) {
            multiplier = 1_000;
            s = s.substring(0, s.indexOf('k'));
        } else if (s.endsWith("mb") || s.endsWith("m")) {
            multiplier = 1_000_000;
            s = s.substring(0, s.indexOf('m'));
        } else if (s.endsWith("gb") || s.endsWith("g")) {
            multiplier = 1_000_000_000;
            s = s.substring(0, s.indexOf('g'));
        }
        try {
            BigDecimal v = new BigDecimal(s).multiply(BigDecimal.valueOf(multiplier));
            return v.signum() < 0 ? Optional.empty() : Optional.of(v.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
