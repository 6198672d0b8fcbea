/**
 * The service's own failures ({@link org.hicserve.service.error.ServiceException} and its kinds), thrown by every
 * layer below the web edge, which alone maps them to HTTP statuses and the API.md error body.
 */
package org.hicserve.service.error;
