/**
 * JMH benchmarks of the readers and the load generator of the end-to-end scripts.
 */
package org.hicserve.bench;
