package org.hicserve.testsupport.s3mock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Loaded into the S3Mock process only (through {@code loader.path}, see S3MockServer): S3Mock adds its plain-HTTP
 * connector without an address, so it would listen on every interface; this binds it to 127.0.0.1 like the tests'
 * other servers. Its package is outside the service's component scan.
 */
@AutoConfiguration
public class LoopbackConnectors {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> loopbackOnly() {
        return factory -> factory.getAdditionalTomcatConnectors().forEach(c -> c.setProperty("address", "127.0.0.1"));
    }
}
