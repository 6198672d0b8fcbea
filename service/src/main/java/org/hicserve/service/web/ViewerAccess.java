package org.hicserve.service.web;

import java.util.Map;
import org.hicserve.service.auth.Access;
import org.hicserve.service.config.HicServeProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The access of a request to the viewer endpoints: the one the token filter attached. When tokens are configured
 * and no filter attached one (a path the filter does not cover), the request is refused rather than served as
 * "everything": access control fails closed.
 */
@Component
class ViewerAccess {
    private final boolean tokens;

    ViewerAccess(HicServeProperties props) {
        this.tokens = !props.auth().tokens().stream().allMatch(String::isBlank) || props.auth().tokenFile() != null;
    }

    Access of(Access attached) {
        if (attached != null) {
            return attached;
        }
        if (tokens) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "this service needs an access token: send Authorization: Bearer <token>",
                    Map.of("WWW-Authenticate", "Bearer realm=\"hicserve\""));
        }
        return Access.ALL;
    }
}
