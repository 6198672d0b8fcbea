package org.hicserve.service.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own refusals (a request line or headers over the limits, a URI it cannot decode) in the API.md
 * error shape instead of Tomcat's HTML page. Installed as the host's error report valve; public with a no-arg
 * constructor because Tomcat creates it by name.
 */
public final class JsonErrorReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ErrorBodies.write(body, ErrorCodes.of(status), ErrorCodes.message(status));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body.toString(StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response is committed: nothing more can be said
        }
    }
}
