/** Classes loaded into the S3Mock test server's own JVM, never into the service. */
package org.hicserve.testsupport.s3mock;
