/**
 * Files that live in object storage (S3 and S3-compatible stores) or behind plain HTTP(S) URLs, read by ranges.
 * {@link org.hicserve.service.remote.RemoteDataSource} serves an {@link org.hicserve.service.remote.ObjectStore}
 * ({@link org.hicserve.service.remote.S3Store}, {@link org.hicserve.service.remote.HttpStore}); each opened file is a
 * {@link org.hicserve.service.remote.RemoteByteSource} that reads through the shared
 * {@link org.hicserve.service.remote.BlockCache}; {@link org.hicserve.service.remote.RangedHttp} does the validated,
 * retried ranged GETs. No AWS SDK: S3 requests are signed by {@link org.hicserve.service.remote.SigV4} with
 * credentials from {@link org.hicserve.service.remote.AwsCredentials}. Nothing here logs, throws or measures a
 * credential.
 */
package org.hicserve.service.remote;
