/**
 * The served files: the data directory (no path ever escapes it), the metadata cache shared by requests, and
 * the counted per-request reader handles.
 */
package org.hicserve.service.files;
