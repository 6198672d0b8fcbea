/**
 * Arrow schemas and vectors of pixel answers, shared by the Arrow sink and the worker protocol.
 */
package org.hicserve.service.arrow;
