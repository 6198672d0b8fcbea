package org.hicserve.reader.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hicserve.reader.error.UnknownNameException;

/** The ordered chromosomes of a file. Immutable and shareable between threads. */
public final class Reference {
    private final List<Chromosome> chromosomes;
    private final Map<String, Chromosome> byName;

    public Reference(List<Chromosome> chromosomes) {
        this.chromosomes = List.copyOf(chromosomes);
        Map<String, Chromosome> names = new HashMap<>();
        for (int i = 0; i < this.chromosomes.size(); i++) {
            Chromosome c = this.chromosomes.get(i);
            if (c.id() != i) {
                throw new IllegalArgumentException("chromosome ids must follow file order: " + c + " at " + i);
            }
            names.put(c.name(), c);
        }
        this.byName = Map.copyOf(names);
    }

    public List<Chromosome> chromosomes() {
        return chromosomes;
    }

    public int size() {
        return chromosomes.size();
    }

    public Chromosome get(int id) {
        return chromosomes.get(id);
    }

    public Optional<Chromosome> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The chromosome called {@code name}, or an error that lists the names the file has. */
    public Chromosome byName(String name) {
        Chromosome c = byName.get(name);
        if (c == null) {
            throw new UnknownNameException("chromosome", name, names());
        }
        return c;
    }

    public List<String> names() {
        return chromosomes.stream().map(Chromosome::name).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reference r && r.chromosomes.equals(chromosomes);
    }

    @Override
    public int hashCode() {
        return chromosomes.hashCode();
    }

    @Override
    public String toString() {
        return "Reference" + chromosomes;
    }
}
