/**
 * Worker processes for {@code executor=processes}: the pool and its per-slot supervisors ({@link
 * org.hicserve.service.worker.WorkerPool}), the seams a fake worker plugs into ({@link
 * org.hicserve.service.worker.WorkerStarter}, {@link org.hicserve.service.worker.WorkerHandle}, {@link
 * org.hicserve.service.worker.WorkerStream}), the Flight client and the shared secret on every call, and the
 * worker's own side ({@code hicserve.jar worker}: {@link org.hicserve.service.worker.WorkerMain} and its producer).
 */
package org.hicserve.service.worker;
