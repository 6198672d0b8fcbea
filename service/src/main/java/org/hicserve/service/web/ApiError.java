package org.hicserve.service.web;

/** The error body of API.md. */
public record ApiError(String error, String message) {
}
