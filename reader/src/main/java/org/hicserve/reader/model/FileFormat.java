package org.hicserve.reader.model;

/** The container a matrix comes in, named as the HTTP API names it. */
public enum FileFormat {
    COOL("cool"),
    MCOOL("mcool"),
    HIC("hic");

    private final String apiName;

    FileFormat(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
