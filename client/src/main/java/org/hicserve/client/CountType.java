package org.hicserve.client;

import java.util.Locale;

/**
 * How raw counts are typed ({@code count_type}): {@code INT} rounds float counts to int32, {@code FLOAT} answers
 * them as float64 (the stored float32 values of a .hic file exactly). Unset, the file's own type is used
 * ({@link Description#countType()}). Normalized values are float64 either way.
 */
public enum CountType {
    INT,
    FLOAT;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
