/**
 * The web edge, the only package that knows HTTP: controllers, the access filter (canonical paths, tokens),
 * the parameter check, and the mapping of every failure to a status and the API.md JSON error.
 */
package org.hicserve.service.web;
