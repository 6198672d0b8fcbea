package org.hicserve.client;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of the parameters one kind of request has, in the order they are sent; the one place values become
 * a query string. Immutable: {@link #with} returns a changed copy.
 */
final class Params {
    private final List<Param<?>> order;
    private final Map<Param<?>, Object> values; // only the parameters set

    private Params(List<Param<?>> order, Map<Param<?>, Object> values) {
        this.order = order;
        this.values = values;
    }

    /** No value set, for a request with these parameters, sent in this order. */
    static Params of(Param<?>... order) {
        return new Params(List.of(order), Map.of());
    }

    /** A copy with {@code param} set to {@code value}. */
    <T> Params with(Param<T> param, T value) {
        if (!order.contains(param)) {
            throw new IllegalArgumentException("this request has no parameter " + param + " (only " + order + ")");
        }
        Map<Param<?>, Object> changed = new HashMap<>(values);
        changed.put(param, value);
        return new Params(order, changed);
    }

    /** The value set, or the parameter's {@link Param#unset()} value. */
    @SuppressWarnings("unchecked")
    <T> T get(Param<T> param) {
        return values.containsKey(param) ? (T) values.get(param) : param.unset();
    }

    /** The parameters sent, by name, in order. */
    Map<String, String> sent() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Param<?> p : order) {
            put(out, p);
        }
        return out;
    }

    private <T> void put(Map<String, String> out, Param<T> p) {
        T value = get(p);
        if (p.isSent(value)) {
            out.put(p.name(), p.write(value));
        }
    }

    /** The query string, e.g. {@code file=sample.mcool&resolution=5000&range1=chr1}. */
    String queryString() {
        return Urls.queryString(sent());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.sent().equals(sent());
    }

    @Override
    public int hashCode() {
        return sent().hashCode();
    }

    @Override
    public String toString() {
        return queryString();
    }
}
