package org.hicserve.reader.model;

/** How a query's values are typed: raw integer counts stay int32, normalized values and float files are float64. */
public enum CountType {
    INT32,
    FLOAT64
}
