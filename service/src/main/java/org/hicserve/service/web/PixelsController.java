package org.hicserve.service.web;

import java.util.EnumSet;
import java.util.Locale;
import org.hicserve.reader.model.MatrixType;
import org.hicserve.reader.model.QuerySpan;
import org.hicserve.service.expected.CountTypes;
import org.hicserve.service.format.OutputFormat;
import org.hicserve.service.query.BatchStream;
import org.hicserve.service.plan.CisCall;
import org.hicserve.service.plan.PixelRequest;
import org.hicserve.service.plan.PixelsCall;
import org.hicserve.service.query.QueryService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.hicserve.service.auth.Access;
import org.hicserve.service.error.ServiceException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code pixels} and {@code cis}: bind the parameters, let {@link QueryService} check and open everything, then
 * hand the response a body that only writes.
 */
@RestController
class PixelsController {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PixelsController.class);
    private final QueryService queries;

    PixelsController(QueryService queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/pixels")
    ResponseEntity<StreamingResponseBody> pixels(
            @RequestParam(required = false) String file,
            @RequestParam(required = false) Integer resolution,
            @RequestParam(required = false) String range1,
            @RequestParam(required = false) String range2,
            @RequestParam(required = false) String normalization,
            @RequestParam(required = false) String join,
            @RequestParam(name = "query_span", required = false) String querySpan,
            @RequestParam(name = "diagonal_band_width", required = false) Long diagonalBandWidth,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String unit,
            @RequestParam(name = "matrix_type", required = false) String matrixType,
            @RequestParam(name = "count_type", required = false) String countType,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        if (diagonalBandWidth != null && diagonalBandWidth <= 0) {
            throw ServiceException.badRequest("invalid_parameter", "diagonal_band_width must be a positive whole number"
                    + " (it keeps pixels with bin2_id - bin1_id < B), not " + diagonalBandWidth);
        }
        PixelRequest request = new PixelRequest(range1, range2, normalization, bool("join", join),
                querySpan == null ? QuerySpan.UPPER_TRIANGLE : QuerySpan.parse(querySpan),
                diagonalBandWidth == null ? 0 : diagonalBandWidth, format(format, accept));
        return stream(queries.preparePixels(new PixelsCall(file, resolution, unit, request), orAll(access),
                MatrixType.parse(matrixType), CountTypes.parse(countType)));
    }

    @GetMapping("/api/v1/cis")
    ResponseEntity<StreamingResponseBody> cis(
            @RequestParam(required = false) String file,
            @RequestParam(required = false) Integer resolution,
            @RequestParam(required = false) String chromosomes,
            @RequestParam(required = false) String normalization,
            @RequestParam(required = false) String join,
            @RequestParam(required = false) String executor,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String unit,
            @RequestParam(name = "matrix_type", required = false) String matrixType,
            @RequestParam(name = "count_type", required = false) String countType,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        CisCall call = new CisCall(file, resolution, unit, QueryParameters.names(chromosomes), normalization,
                bool("join", join),
                executor, format(format, accept));
        return stream(queries.prepareCis(call, orAll(access), MatrixType.parse(matrixType),
                CountTypes.parse(countType)));
    }

    private static Access orAll(Access access) {
        return access == null ? Access.NONE : access;
    }

    private static ResponseEntity<StreamingResponseBody> stream(BatchStream prepared) {
        StreamingResponseBody body = out -> {
            try {
                prepared.writeTo(out);
            } catch (RuntimeException | java.io.IOException | Error e) {
                log.warn("aborting a response after its first byte: {}", e.toString());
                throw new StreamAbortedException("response aborted after its first byte: " + e);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(prepared.mediaType())).body(body);
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ServiceException.badRequest("invalid_parameter", name + " must be true or false, not '" + value + "'");
        };
    }

    /** Pixels are written in every format. */
    private static OutputFormat format(String format, String accept) {
        return QueryParameters.format(format, accept, EnumSet.allOf(OutputFormat.class), "");
    }
}
