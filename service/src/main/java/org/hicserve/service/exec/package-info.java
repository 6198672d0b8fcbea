/**
 * Running work with bounded memory: the ordered merge of per-task batches on a bounded executor, the stream
 * limiter, and {@link org.hicserve.service.exec.PixelTask}, the one place a task becomes a reader query.
 */
package org.hicserve.service.exec;
