package org.hicserve.service.web;

import org.hicserve.service.config.HicServeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code hicserve.write-stall-timeout}: how long one write to a client may block before the answer is aborted.
 * Tomcat's blocking writes time out after the connector's {@code connectionTimeout} (60 s by default), which
 * then fails the stream's write with an I/O error: the answer is cut (an incomplete chunked transfer) and its
 * handles, parked tasks and stream permit are released. The same timeout bounds reading a request's headers
 * and a keep-alive connection's idle time, which a public service wants short as well.
 */
@Configuration
class WriteStallTimeout {
    private static final Logger log = LoggerFactory.getLogger(WriteStallTimeout.class);

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> writeStallTimeoutCustomizer(HicServeProperties props) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, props.writeStallTimeout().toMillis()));
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setProperty("connectionTimeout", Integer.toString(millis)));
            log.debug("write-stall timeout {} ms", millis);
        };
    }
}
