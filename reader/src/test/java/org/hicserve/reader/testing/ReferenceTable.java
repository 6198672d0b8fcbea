package org.hicserve.reader.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the markdown tables of ../shared/test-data/REFERENCE.md, so tests use the reference answers as the
 * reference tools printed them, with nothing copied by hand.
 */
public final class ReferenceTable {
    private ReferenceTable() {
    }

    /** Rows (cells trimmed, backquotes removed) of the first table after the heading line that starts with {@code heading}. */
    public static List<List<String>> rows(Path markdown, String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith(heading)) {
            i++;
        }
        if (i == lines.size()) {
            throw new IllegalStateException("no heading '" + heading + "' in " + markdown);
        }
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        i += 2; // header row and separator
        List<List<String>> rows = new ArrayList<>();
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i).strip();
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            List<String> row = new ArrayList<>();
            for (String cell : cells) {
                row.add(cell.replace("`", "").strip());
            }
            rows.add(row);
        }
        return rows;
    }
}
