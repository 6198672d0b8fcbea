/**
 * Running the reading of an answer next to its writing: the per-chromosome fan-out ({@link
 * org.hicserve.service.exec.OrderedMerge}, whose resumable tasks park without a thread while their client reads
 * slowly), the caps on answers in flight in all and per client ({@link org.hicserve.service.exec.StreamLimiter}),
 * the write-stall timeout that cuts a client that stopped reading, and {@link org.hicserve.service.exec.PixelTask},
 * the one place a task becomes a reader query.
 */
package org.hicserve.service.exec;
