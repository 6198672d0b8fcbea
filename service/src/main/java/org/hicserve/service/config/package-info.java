/**
 * Settings ({@code hicserve.*}) and the wiring of the service parts from them.
 */
package org.hicserve.service.config;
