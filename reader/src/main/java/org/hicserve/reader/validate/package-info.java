/**
 * File validation: a cheap check when a file is first opened and a full one that reads every block or pixel,
 * reported as problems in words.
 */
package org.hicserve.reader.validate;
