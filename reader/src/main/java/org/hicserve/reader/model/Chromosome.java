package org.hicserve.reader.model;

/** A chromosome as a file lists it: its position in the file's order, its name and its length in bp (or fragments). */
public record Chromosome(int id, String name, long length) {
    public Chromosome {
        if (id < 0 || length < 0 || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("bad chromosome: id=" + id + " name=" + name + " length=" + length);
        }
    }
}
