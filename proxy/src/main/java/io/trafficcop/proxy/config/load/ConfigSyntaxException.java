package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.trafficcop.proxy.config.validate.Problem;

/** A configuration text that does not parse, with where parsing stopped. */
public final class ConfigSyntaxException extends Exception {

    private final transient Problem problem;

    public ConfigSyntaxException(String source, int line, String message) {
        super(new Problem(source, line, "", message).toString());
        this.problem = new Problem(source, line, "", message);
    }

    static ConfigSyntaxException from(String source, Exception cause) {
        int line = 0;
        String message = cause.getMessage();
        if (cause instanceof JsonProcessingException jpe) {
            if (jpe.getLocation() != null) {
                line = jpe.getLocation().getLineNr();
            }
            message = jpe.getOriginalMessage();
        }
        ConfigSyntaxException e = new ConfigSyntaxException(source, Math.max(line, 0),
                "cannot parse: " + firstLine(message));
        e.initCause(cause);
        return e;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    public Problem problem() {
        return problem;
    }
}
