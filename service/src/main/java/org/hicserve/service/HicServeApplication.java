package org.hicserve.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The HTTP service. */
@SpringBootApplication
public class HicServeApplication {
    public static void main(String[] args) {
        SpringApplication.run(HicServeApplication.class, args);
    }
}
