package io.trafficcop.proxy.runtime.compile;

/** An object of the configuration that cannot be built into the runtime, with why (shown to the user). */
public final class CompileException extends Exception {

    public CompileException(String message) {
        super(message);
    }

    public CompileException(String message, Throwable cause) {
        super(message, cause);
    }
}
