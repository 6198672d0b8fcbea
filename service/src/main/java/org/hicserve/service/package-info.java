/**
 * The service entry point: Spring Boot application and the command-line dispatch (serve, worker, dump, validate).
 */
package org.hicserve.service;
