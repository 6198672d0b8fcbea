/**
 * What the endpoints do, below HTTP: plan, start, and hand back a stream that only writes; describe, files, validate.
 */
package org.hicserve.service.query;
