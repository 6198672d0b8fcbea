package org.hicserve.service.query;

import java.util.List;
import org.hicserve.reader.validate.ValidationReport;

/** The validate answer: whether the file is sound, and every problem found, in words, with where it is. */
public record ValidationAnswer(String name, String format, boolean ok, List<Item> problems) {
    public record Item(String severity, String location, String message) {
    }

    public static ValidationAnswer of(String name, ValidationReport report) {
        return new ValidationAnswer(name, report.format() == null ? "unknown" : report.format().apiName(), report.ok(),
                report.problems().stream().map(p -> new Item(p.severity().name().toLowerCase(java.util.Locale.ROOT),
                        p.location(), p.message())).toList());
    }
}
