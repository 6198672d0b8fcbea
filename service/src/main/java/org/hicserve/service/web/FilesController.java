package org.hicserve.service.web;

import java.util.List;
import org.hicserve.service.query.Description;
import org.hicserve.service.query.FileInfo;
import org.hicserve.service.query.QueryService;
import org.hicserve.service.query.ValidationAnswer;
import org.hicserve.service.auth.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code files}, {@code describe} and {@code validate}. */
@RestController
class FilesController {
    private final QueryService queries;

    FilesController(QueryService queries) {
        this.queries = queries;
    }

    @GetMapping(path = "/api/v1/files", produces = "application/json")
    List<FileInfo> files(@RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        return queries.files(access == null ? Access.NONE : access);
    }

    @GetMapping(path = "/api/v1/validate", produces = "application/json")
    ValidationAnswer validate(@RequestParam(required = false) String file,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        return queries.validate(file, access == null ? Access.NONE : access);
    }

    @GetMapping(path = "/api/v1/describe", produces = "application/json")
    Description describe(@RequestParam(required = false) String file,
            @RequestAttribute(name = Access.ATTRIBUTE, required = false) Access access) {
        return queries.describe(file, access == null ? Access.NONE : access);
    }
}
