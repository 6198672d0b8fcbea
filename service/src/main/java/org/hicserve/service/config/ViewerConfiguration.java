package org.hicserve.service.config;

import java.util.concurrent.ExecutorService;
import org.hicserve.service.files.DataSource;
import org.hicserve.service.files.MetadataCache;
import org.hicserve.service.files.ReaderHandles;
import org.hicserve.service.tiles.TileService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The viewers' side of the service: HiGlass tiles computed on the same executor as per-chromosome cis work. */
@Configuration
public class ViewerConfiguration {
    @Bean
    TileService tileService(DataSource dir, MetadataCache cache, ReaderHandles handles,
            @Qualifier("fanOutExecutor") ExecutorService fanOutExecutor) {
        return new TileService(dir, cache, handles, fanOutExecutor);
    }
}
