package io.firstsecretary.kit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * What Tomcat answers itself, before the application sees the request (a URI with an encoded slash
 * or NUL, a malformed request line), as {@code application/problem+json} like every other error
 * rather than an HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String title = StringManager.getManager(ErrorReportValve.class)
                .getString("http." + status + ".reason", request.getLocales());
        String body = "{\"type\":\"about:blank\",\"title\":\"" + (title == null ? "Error" : title.replace("\"", "'"))
                + "\",\"status\":" + status + ",\"detail\":\"The request was refused before reaching the service\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to say
        }
    }
}
