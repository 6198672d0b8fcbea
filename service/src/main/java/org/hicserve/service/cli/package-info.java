/**
 * Command-line tools over the readers: dump and validate.
 */
package org.hicserve.service.cli;
