/** Tests of query-level values of the reader (work estimates). */
package org.hicserve.reader.query;
