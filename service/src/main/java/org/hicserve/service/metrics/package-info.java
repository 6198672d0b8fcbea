/**
 * Micrometer metrics and the one log line of every answer.
 */
package org.hicserve.service.metrics;
