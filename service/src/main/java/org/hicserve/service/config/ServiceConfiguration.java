package org.hicserve.service.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.hicserve.service.exec.StreamLimiter;
import org.hicserve.service.files.DataDirectory;
import org.hicserve.service.files.DataSource;
import org.hicserve.service.files.DecodedBlocks;
import org.hicserve.service.files.NamedRoots;
import org.hicserve.service.files.MetadataCache;
import org.hicserve.service.files.ReaderHandles;
import org.hicserve.service.metrics.StreamMetrics;
import org.hicserve.service.plan.Executor;
import org.hicserve.service.plan.FanOut;
import org.hicserve.service.plan.ProcessFanOut;
import org.hicserve.service.plan.QueryPlanner;
import org.hicserve.service.plan.ThreadFanOut;
import org.hicserve.service.query.QueryService;
import org.hicserve.service.remote.BlockCache;
import org.hicserve.service.remote.RemoteFiles;
import org.hicserve.service.worker.WorkerPool;
import org.hicserve.service.worker.WorkerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the service's parts from {@link HicServeProperties}. */
@Configuration
@EnableConfigurationProperties(HicServeProperties.class)
public class ServiceConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ServiceConfiguration.class);

    /** A local folder, an {@code s3://bucket/prefix/} or an {@code http(s)://} base address. */
    @Bean
    DataSource dataSource(HicServeProperties props, BlockCache blockCache) {
        if (props.roots() != null && !props.roots().isEmpty()) {
            java.util.Map<String, DataSource> roots = new java.util.TreeMap<>();
            props.roots().forEach((name, address) -> roots.put(name, RemoteFiles.isRemote(address.strip())
                    ? RemoteFiles.dataSource(address.strip(), props.remoteSettings(), blockCache)
                    : new DataDirectory(Path.of(address.strip()))));
            NamedRoots named = new NamedRoots(roots);
            log.info("serving roots {} ({} files)", named.describe(), named.files().size());
            return named;
        }
        String dir = props.dataDir();
        if (dir != null && !dir.isBlank() && RemoteFiles.isRemote(dir.strip())) {
            DataSource remote = RemoteFiles.dataSource(dir.strip(), props.remoteSettings(), blockCache);
            log.info("serving {} (remote; {} files)", remote.describe(), remote.files().size());
            return remote;
        }
        DataDirectory d = new DataDirectory(dir != null && !dir.isBlank() ? Path.of(dir) : bundledSampleData());
        log.info("serving {} ({} files)", d.root(), d.list().size());
        return d;
    }

    /** Blocks of remote files, shared by every request (hicserve.remote.cache-size), with its metrics. */
    @Bean
    BlockCache blockCache(HicServeProperties props, MeterRegistry registry) {
        BlockCache cache = new BlockCache((int) props.remote().blockSize().toBytes(), props.remote().cacheSize().toBytes());
        CaffeineCacheMetrics.monitor(registry, (com.github.benmanes.caffeine.cache.Cache<?, ?>) cache.cache(), "remote-blocks");
        BlockCache.Stats s = cache.stats();
        io.micrometer.core.instrument.FunctionCounter.builder("hicserve.remote.bytes.fetched", s, BlockCache.Stats::bytesFetched)
                .description("bytes of remote objects fetched by ranged GETs").baseUnit("bytes").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("hicserve.remote.requests", s, BlockCache.Stats::requests)
                .description("requests sent to remote stores, retries included").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("hicserve.remote.retries", s, BlockCache.Stats::retries)
                .register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("hicserve.remote.failures", s, BlockCache.Stats::failures)
                .description("remote reads that failed for good (502/503/504)").register(registry);
        return cache;
    }

    /** With no data directory set, the bundled sample in the repository's test-data/ (found from here or the jar). */
    static Path bundledSampleData() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("test-data")) && Files.exists(p.resolve("test-data/sample.mcool"))) {
                return p.resolve("test-data");
            }
        }
        try {
            Path jar = Path.of(ServiceConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar; p != null; p = p.getParent()) {
                if (Files.exists(p.resolve("test-data/sample.mcool"))) {
                    return p.resolve("test-data");
                }
            }
        } catch (Exception ignored) {
            // fall through to the error below
        }
        throw new IllegalStateException("hicserve.data-dir is not set and no bundled test-data/ was found above " + cwd);
    }

    @Bean
    MetadataCache metadataCache(HicServeProperties props, MeterRegistry registry,
            @org.springframework.beans.factory.annotation.Value("${hicserve.expected-cache-bytes:268435456}") long expectedBytes) {
        MetadataCache cache = new MetadataCache(props.metadataCacheFiles(), props.validateOnOpen(), expectedBytes);
        CaffeineCacheMetrics.monitor(registry, (com.github.benmanes.caffeine.cache.Cache<?, ?>) cache.cache(), "file-metadata");
        CaffeineCacheMetrics.monitor(registry, (com.github.benmanes.caffeine.cache.Cache<?, ?>) cache.expectedCache(),
                "expected-tables");
        return cache;
    }

    /**
     * Decoded .hic blocks and cooler pixel chunks shared by every request (hicserve.block-cache-size, bytes), with
     * hit and miss metrics as the {@code decoded-blocks} cache.
     */
    @Bean
    ReaderHandles readerHandles(HicServeProperties props, MeterRegistry registry) {
        org.hicserve.reader.io.DecodedBlockCache blocks = DecodedBlocks.of(props.blockCacheSize().toBytes());
        if (blocks instanceof DecodedBlocks shared) {
            CaffeineCacheMetrics.monitor(registry, (com.github.benmanes.caffeine.cache.Cache<?, ?>) shared.cache(),
                    "decoded-blocks");
        }
        log.info("decoded-block cache: {}", blocks.enabled() ? props.blockCacheSize() : "off");
        ReaderHandles handles = new ReaderHandles(blocks);
        Gauge.builder("hicserve.reader.handles.open", handles, ReaderHandles::openCount)
                .description("reader handles open now; 0 when idle").register(registry);
        return handles;
    }

    @Bean
    StreamLimiter streamLimiter(HicServeProperties props, MeterRegistry registry) {
        boolean tokens = !props.auth().tokens().isEmpty() || props.auth().tokenFile() != null;
        StreamMemory memory = StreamMemory.of(props.batchRows(), props.queueBatches(), props.effectiveDecodeThreads(),
                props.blockCacheSize().toBytes());
        long heap = Runtime.getRuntime().maxMemory();
        int streams = memory.streamsWithin(heap, props.maxConcurrentStreams());
        if (streams < props.maxConcurrentStreams()) {
            log.warn("a heap of {} MB holds {} concurrent streams, not hicserve.max-concurrent-streams={} ({} MB each "
                    + "beside {} MB of cache and service): admitting {}; give the JVM more heap (-Xmx) for more",
                    heap >> 20, streams, props.maxConcurrentStreams(), memory.perStream() >> 20, memory.fixed() >> 20,
                    streams);
        }
        StreamLimiter limiter = new StreamLimiter(streams, props.maxStreamsPerClient(),
                props.retryAfter(), () -> org.hicserve.service.web.ClientKey.current(tokens));
        Gauge.builder("hicserve.streams.in_flight", limiter, StreamLimiter::inFlight).register(registry);
        return limiter;
    }

    /**
     * The bounded executor of per-chromosome cis work. Its queue holds at most one window of tasks per stream in
     * flight, so it is never the unbounded queue that hides saturation.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService fanOutExecutor(HicServeProperties props, MeterRegistry registry) {
        int threads = props.effectiveThreads();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "cis-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, threads * props.maxConcurrentStreams())), factory,
                new ThreadPoolExecutor.AbortPolicy());
        log.info("cis executor: {} threads", threads);
        return ExecutorServiceMetrics.monitor(registry, pool, "cis-fanout");
    }

    /**
     * Decoders of chunks and blocks ahead of a query's reading thread (hicserve.decode-threads: 0 none, -1 one per
     * core). Their queue
     * is bounded and a refused task is simply decoded by the reading thread, so it never blocks a query.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService decodeExecutor(HicServeProperties props) {
        int threads = Math.max(1, props.effectiveDecodeThreads());
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 8), r -> {
            Thread t = new Thread(r, "decoder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean(destroyMethod = "close")
    BufferAllocator arrowAllocator() {
        return new RootAllocator();
    }

    @Bean
    StreamMetrics streamMetrics(MeterRegistry registry) {
        return new StreamMetrics(registry);
    }

    /** Worker processes for executor=processes; an empty pool (nothing started) unless configured. */
    @Bean(destroyMethod = "close")
    WorkerPool workerPool(HicServeProperties props, BufferAllocator allocator, MeterRegistry registry) {
        HicServeProperties.Workers w = props.workers();
        WorkerSettings settings = new WorkerSettings(w.local(), w.remote(), w.taskTimeout(), w.startTimeout(), w.jvmOptions(),
                w.secret(), w.restartBackoff());
        WorkerPool pool = WorkerPool.start(settings, allocator, registry);
        if (settings.enabled()) {
            log.info("worker pool: {} local, {} remote; {} healthy", w.local(), settings.remote().size(), pool.healthy());
        }
        return pool;
    }

    @Bean
    QueryPlanner queryPlanner(DataSource dir, MetadataCache cache, ReaderHandles handles, WorkerPool workers,
            HicServeProperties props, org.hicserve.service.expected.ExpectedService expectedService,
            MeterRegistry registry) {
        return new QueryPlanner(dir, cache, handles, props, workers.size() > 0, expectedService, registry);
    }

    @Bean
    QueryService queryService(DataSource dir, MetadataCache cache, ReaderHandles handles, QueryPlanner planner,
            StreamLimiter limiter, ExecutorService fanOutExecutor, ExecutorService decodeExecutor, WorkerPool workers,
            HicServeProperties props, BufferAllocator allocator, StreamMetrics metrics) {
        Map<Executor, FanOut> fanOuts = Map.of(
                Executor.THREADS, new ThreadFanOut(fanOutExecutor, decodeExecutor, handles, props),
                Executor.PROCESSES, new ProcessFanOut(fanOutExecutor, workers, props));
        return new QueryService(dir, cache, handles, planner, fanOuts, limiter, props, allocator, metrics);
    }
}
