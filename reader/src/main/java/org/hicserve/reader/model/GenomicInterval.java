package org.hicserve.reader.model;

/** A 0-based half-open interval {@code [start, end)} on one chromosome. */
public record GenomicInterval(Chromosome chromosome, long start, long end) {
    public GenomicInterval {
        if (start < 0 || end < start || end > chromosome.length()) {
            throw new IllegalArgumentException("interval out of bounds: " + chromosome.name() + ":" + start + "-" + end);
        }
    }

    public static GenomicInterval whole(Chromosome chromosome) {
        return new GenomicInterval(chromosome, 0, chromosome.length());
    }

    public boolean isWholeChromosome() {
        return start == 0 && end == chromosome.length();
    }

    @Override
    public String toString() {
        return chromosome.name() + ":" + start + "-" + end;
    }
}
