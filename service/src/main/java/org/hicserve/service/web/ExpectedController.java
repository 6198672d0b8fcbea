package org.hicserve.service.web;

import java.util.EnumSet;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.hicserve.service.auth.Access;
import org.hicserve.service.expected.ExpectedService;
import org.hicserve.service.expected.ExpectedWriter;
import org.hicserve.service.format.OutputFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/expected}: the per-diagonal expected table of a file (P(s)) as Arrow, TSV or JSON, or its
 * log-log curve as PNG. Everything is checked and computed before the answer starts.
 */
@RestController
class ExpectedController {
    private final ExpectedService expected;
    private final BufferAllocator allocator;

    /** A table, not a matrix: every format but npy (png is its log-log plot). */
    private static final Set<OutputFormat> WRITABLE = EnumSet.complementOf(EnumSet.of(OutputFormat.NPY));

    ExpectedController(ExpectedService expected, BufferAllocator allocator) {
        this.expected = expected;
        this.allocator = allocator;
    }

    @GetMapping("/api/v1/expected")
    ResponseEntity<StreamingResponseBody> expected(
            @RequestParam(required = false) String file,
            @RequestParam(required = false) Integer resolution,
            @RequestParam(required = false) String normalization,
            @RequestParam(required = false) String chromosomes,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String unit,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        OutputFormat f = QueryParameters.format(format, accept, WRITABLE, "the expected table");
        ExpectedService.Answer answer = expected.table(file, resolution, unit, normalization,
                QueryParameters.names(chromosomes), access == null ? Access.NONE : access);
        StreamingResponseBody body = out -> ExpectedWriter.write(answer, f, out, allocator);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.mediaType())).body(body);
    }
}
