package org.hicserve.reader.query;

import java.util.Locale;
import java.util.Optional;
import org.hicserve.reader.error.InvalidQueryException;
import org.hicserve.reader.model.Chromosome;
import org.hicserve.reader.model.GenomicInterval;
import org.hicserve.reader.model.Reference;

/**
 * Parses UCSC-style regions as cooler and hictk accept them: {@code chr1} (whole chromosome) or
 * {@code chr1:1,000,000-2,000,000} (0-based, half-open; commas and k/M/G suffixes allowed). Stateless.
 */
public final class UcscParser {
    private UcscParser() {
    }

    public static GenomicInterval parse(Reference reference, String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidQueryException("empty region; expected chrom or chrom:start-end");
        }
        String q = query.strip();
        // a name that contains ':' (e.g. HLA contigs) is taken whole when the file has it
        Optional<Chromosome> whole = reference.find(q);
        if (whole.isPresent()) {
            return GenomicInterval.whole(whole.get());
        }
        int colon = q.lastIndexOf(':');
        if (colon < 0) {
            return GenomicInterval.whole(reference.byName(q));
        }
        Chromosome chrom = reference.byName(q.substring(0, colon));
        String span = q.substring(colon + 1);
        int dash = span.indexOf('-');
        if (dash <= 0 || dash == span.length() - 1) {
            throw new InvalidQueryException("malformed region '" + query + "'; expected chrom:start-end");
        }
        long start = parsePosition(span.substring(0, dash), query);
        long end = parsePosition(span.substring(dash + 1), query);
        if (start >= end) {
            throw new InvalidQueryException("region '" + query + "' is empty or reversed (start " + start + " >= end " + end + ")");
        }
        if (end > chrom.length()) {
            throw new InvalidQueryException("region '" + query + "' ends past the end of " + chrom.name()
                    + " (length " + chrom.length() + ")");
        }
        return new GenomicInterval(chrom, start, end);
    }

    static long parsePosition(String text, String query) {
        String s = text.replace(",", "").replace("_", "").strip().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (s.endsWith("bp")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("k") || s.endsWith("kb")) {
            multiplier = 1_000;
            s = s.substring(0, s.indexOf('k'));
        } else if (s.endsWith("m") || s.endsWith("mb")) {
            multiplier = 1_000_000;
            s = s.substring(0, s.indexOf('m'));
        } else if (s.endsWith("g") || s.endsWith("gb")) {
            multiplier = 1_000_000_000;
            s = s.substring(0, s.indexOf('g'));
        }
        try {
            if (multiplier == 1) {
                long v = Long.parseLong(s);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                return v;
            }
            java.math.BigDecimal v = new java.math.BigDecimal(s).multiply(java.math.BigDecimal.valueOf(multiplier));
            if (v.signum() < 0) {
                throw new NumberFormatException();
            }
            return v.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidQueryException("bad position '" + text + "' in region '" + query + "'");
        }
    }
}
