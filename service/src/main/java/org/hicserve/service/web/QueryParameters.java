package org.hicserve.service.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hicserve.service.error.ServiceException;
import org.hicserve.service.format.OutputFormat;

/** How the endpoints read the parameters they share: the answer's format and a list of chromosome names. Stateless. */
final class QueryParameters {
    private QueryParameters() {
    }

    /**
     * The answer's format: the {@code format} parameter, else the first format the {@code Accept} header names, else
     * Arrow. An unknown format, or one the endpoint cannot write, is a 400 naming those it can.
     *
     * @param writable the formats the endpoint writes
     * @param answer what the endpoint answers, for the message (empty: its pixels)
     */
    static OutputFormat format(String format, String accept, Set<OutputFormat> writable, String answer) {
        OutputFormat f = format != null && !format.isBlank() ? OutputFormat.parse(format).orElse(null)
                : OutputFormat.fromAccept(accept).orElse(OutputFormat.ARROW);
        if (f == null || !writable.contains(f)) {
            String names = Arrays.stream(OutputFormat.values()).filter(writable::contains).map(OutputFormat::apiName)
                    .collect(Collectors.joining(", "));
            throw ServiceException.badRequest("invalid_parameter", "format must be one of " + names
                    + (answer.isEmpty() ? "" : " for " + answer) + "; not '" + format + "'");
        }
        return f;
    }

    /** A comma-separated list of names, each stripped, empty ones dropped; none given is an empty list. */
    static List<String> names(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
