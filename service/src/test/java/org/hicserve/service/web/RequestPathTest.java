package org.hicserve.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hicserve.service.testing.PathSpellings;
import org.junit.jupiter.api.Test;

/** The canonical-path rule alone: canonical paths pass decoded, every generated other spelling is refused or differs. */
class RequestPathTest {
    @Test
    void canonicalPathsPassAsThemselves() {
        for (String p : List.of("/", "/api/v1/files", "/api/v1/raw/lab/sample.hic", "/api/v1/raw/my%20maps/a.hic",
                "/higlass/api/v1/tilesets/", "/actuator/health")) {
            RequestPath.Result r = RequestPath.check(p);
            assertThat(r.canonical()).as(p + ": " + r.problem()).isTrue();
            assertThat(r.path().orElseThrow()).isEqualTo(p.replace("%20", " "));
        }
    }

    @Test
    void everyOtherSpellingOfAnEndpointIsRefusedOrIsAnotherPath() {
        for (String endpoint : List.of("/api/v1/files", "/api/v1/pixels", "/actuator/prometheus", "/higlass/api/v1/tiles")) {
            for (String spelling : PathSpellings.of(endpoint)) {
                RequestPath.Result r = RequestPath.check(spelling);
                if (r.canonical()) {
                    // what passes is taken literally: it can only be a different path (case, a trailing slash)
                    assertThat(r.path().orElseThrow()).as(spelling).isNotEqualTo(endpoint);
                    assertThat(spelling).as(spelling).doesNotContain("%", ";", "//", "/.", "\\");
                }
            }
        }
    }

    @Test
    void refusalsSayWhy() {
        assertThat(RequestPath.check("/%61pi/v1/files").problem()).contains("%61").contains("'a'");
        assertThat(RequestPath.check("/api;/v1/files").problem()).contains(";");
        assertThat(RequestPath.check("/api//v1/files").problem()).contains("//");
        assertThat(RequestPath.check("/api/./v1/files").problem()).contains("dot");
        assertThat(RequestPath.check("/api/v1%2Ffiles").problem()).contains("%2F");
        assertThat(RequestPath.check("/api/v1/%zzfiles").problem()).contains("malformed");
        assertThat(RequestPath.check("/api/v1/%ff").problem()).contains("UTF-8");
    }

    @Test
    void malformedQueryEscapesNameTheirParameter() {
        assertThat(RequestPath.malformedQueryParameter("file=a.mcool&normalization=%zz")).contains("normalization");
        assertThat(RequestPath.malformedQueryParameter("x=%4")).contains("x");
        assertThat(RequestPath.malformedQueryParameter("file=my%20file.hic&range1=chr1%3A0-5")).isEmpty();
        assertThat(RequestPath.malformedQueryParameter(null)).isEmpty();
    }
}
