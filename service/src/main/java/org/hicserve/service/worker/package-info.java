/**
 * Worker processes over Arrow Flight: the pool that starts, supervises and calls them, the worker main and
 * its Flight producer, and the task ticket.
 */
package org.hicserve.service.worker;
