package io.trafficcop.proxy.provider;

/** A provider that cannot provide, with why. */
public final class ProviderException extends Exception {

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
