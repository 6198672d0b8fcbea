package org.hicserve.reader.cooler;

import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.util.Optional;

/** Typed access to HDF5 attributes, which cooler versions wrote with varying types ("2" or 2, "null" for none). */
final class Attributes {
    private Attributes() {
    }

    static Optional<String> string(Node node, String name) {
        Object v = raw(node, name);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(v));
    }

    static Optional<Long> integer(Node node, String name) {
        Object v = raw(node, name);
        if (v instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (v instanceof String s) {
            try {
                return Optional.of(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty(); // "null" and friends
            }
        }
        return Optional.empty();
    }

    static Optional<Boolean> bool(Node node, String name) {
        Object v = raw(node, name);
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        if (v instanceof Number n) {
            return Optional.of(n.longValue() != 0);
        }
        if (v instanceof String s) {
            return Optional.of(Boolean.parseBoolean(s.strip()));
        }
        return Optional.empty();
    }

    /** The attribute's value, a scalar or the first element of a one-element array; null when absent or unreadable. */
    private static Object raw(Node node, String name) {
        try {
            Attribute a = node.getAttribute(name);
            if (a == null || a.isEmpty()) {
                return null;
            }
            Object data = a.getData();
            if (data != null && data.getClass().isArray()) {
                return Array.getLength(data) == 1 ? Array.get(data, 0) : null;
            }
            return data;
        } catch (RuntimeException e) {
            return null; // an attribute jHDF cannot decode is treated as absent: none of them is essential
        }
    }
}
