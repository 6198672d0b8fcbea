package org.hicserve.service.web;

import org.hicserve.service.auth.Access;
import org.springframework.stereotype.Component;

/**
 * The access of a request to the viewer endpoints: the one the access filter attached (which refuses a request
 * without a valid token before it gets here when tokens are set). With none attached, nothing is readable:
 * access control fails closed.
 */
@Component
class ViewerAccess {
    Access of(Access attached) {
        return attached != null ? attached : Access.NONE;
    }
}
