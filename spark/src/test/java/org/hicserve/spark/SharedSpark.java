package org.hicserve.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One {@code local[2]} SparkSession for every test class of the module (starting Spark takes seconds), bound to
 * the loopback interface, without UI; Spark stops it at JVM exit.
 */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("hicserve-spark-tests")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
        }
        return session;
    }
}
