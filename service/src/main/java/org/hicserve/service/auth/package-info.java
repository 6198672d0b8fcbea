/**
 * Who may read what: {@link org.hicserve.service.auth.Access} (every file, or folders) and the token registry.
 * The filter that checks requests is at the web edge.
 */
package org.hicserve.service.auth;
