/**
 * What a reader can refuse: an unknown name (listing what exists), an invalid query, a malformed or
 * unsupported file. Messages speak of the file, not of the library that read it.
 */
package org.hicserve.reader.error;
