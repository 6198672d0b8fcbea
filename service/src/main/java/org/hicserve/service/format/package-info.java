/**
 * Sinks that write an answer: Arrow IPC, TSV, JSON, npy and PNG, and the table description they share.
 */
package org.hicserve.service.format;
