package org.hicserve.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses the small JSON answers (files, describe, errors) into the public records. Thread-safe. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static List<FileInfo> files(byte[] body, String what) {
        JsonNode root = tree(body, what);
        if (!root.isArray()) {
            throw malformed(what, "expected a JSON array");
        }
        List<FileInfo> files = new ArrayList<>();
        for (JsonNode f : root) {
            files.add(new FileInfo(text(f, "name", what), text(f, "format", what), number(f, "size_bytes", what)));
        }
        return List.copyOf(files);
    }

    static Description description(byte[] body, String what) {
        JsonNode d = tree(body, what);
        List<Integer> resolutions = new ArrayList<>();
        array(d, "resolutions", what).forEach(r -> resolutions.add(r.asInt()));
        List<Chromosome> chromosomes = new ArrayList<>();
        array(d, "chromosomes", what).forEach(c -> chromosomes.add(new Chromosome(text(c, "name", what),
                number(c, "length", what))));
        List<String> normalizations = strings(array(d, "normalizations", what));
        Map<Integer, List<String>> byResolution = new LinkedHashMap<>();
        JsonNode by = d.path("normalizations_by_resolution");
        if (by.isObject()) {
            by.fields().forEachRemaining(e -> {
                try {
                    byResolution.put(Integer.parseInt(e.getKey()), List.copyOf(strings(e.getValue())));
                } catch (NumberFormatException x) {
                    throw malformed(what, "normalizations_by_resolution has a key that is not a resolution: " + e.getKey());
                }
            });
        }
        return new Description(text(d, "name", what), text(d, "format", what), d.path("format_version").asText(""),
                d.path("assembly").asText(""), resolutions, chromosomes, normalizations, byResolution,
                d.path("count_type").asText(""));
    }

    /** The {@code error} and {@code message} of an API error body, if the body is one. */
    static Optional<String[]> error(byte[] body) {
        try {
            JsonNode e = MAPPER.readTree(body);
            if (e != null && e.isObject() && e.path("error").isTextual()) {
                return Optional.of(new String[] {e.get("error").asText(), e.path("message").asText("")});
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: the caller reports the raw body
        }
        return Optional.empty();
    }

    private static JsonNode tree(byte[] body, String what) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null) {
                throw malformed(what, "empty body");
            }
            return n;
        } catch (IOException e) {
            throw new HicServeException("the answer of " + what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode array(JsonNode parent, String field, String what) {
        JsonNode a = parent.path(field);
        if (!a.isArray()) {
            throw malformed(what, "'" + field + "' is missing or not an array");
        }
        return a;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode parent, String field, String what) {
        JsonNode n = parent.path(field);
        if (!n.isValueNode() || n.isNull()) {
            throw malformed(what, "'" + field + "' is missing");
        }
        return n.asText();
    }

    private static long number(JsonNode parent, String field, String what) {
        JsonNode n = parent.path(field);
        if (!n.isIntegralNumber()) {
            throw malformed(what, "'" + field + "' is missing or not a whole number");
        }
        return n.asLong();
    }

    private static HicServeException malformed(String what, String why) {
        return new HicServeException("unexpected answer of " + what + ": " + why);
    }
}
