/** The viewer page tested in a real browser (headless chromium) against the running jar. */
package org.hicserve.service.viewer;
