/**
 * A pixel query as hictk and cooler define it, and the UCSC-style region parser.
 */
package org.hicserve.reader.query;
