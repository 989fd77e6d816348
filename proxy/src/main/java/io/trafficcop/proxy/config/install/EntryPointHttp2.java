package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * HTTP/2 settings of an entry point.
 *
 * <p>Traefik key: {@code entryPoints.<name>.http2} (Traefik's {@code static.HTTP2Config}).
 */
public record EntryPointHttp2(
        Integer maxConcurrentStreams,
        @NotImplemented("HPACK table size setting is not implemented yet") Integer maxDecoderHeaderTableSize,
        @NotImplemented("HPACK table size setting is not implemented yet") Integer maxEncoderHeaderTableSize) {

    public static final Integer DEFAULT_MAX_CONCURRENT_STREAMS = 250;
    public static final Integer DEFAULT_MAX_DECODER_HEADER_TABLE_SIZE = 4096;
    public static final Integer DEFAULT_MAX_ENCODER_HEADER_TABLE_SIZE = 4096;

    public EntryPointHttp2 {
        if (maxConcurrentStreams == null) {
            maxConcurrentStreams = DEFAULT_MAX_CONCURRENT_STREAMS;
        }
        if (maxDecoderHeaderTableSize == null) {
            maxDecoderHeaderTableSize = DEFAULT_MAX_DECODER_HEADER_TABLE_SIZE;
        }
        if (maxEncoderHeaderTableSize == null) {
            maxEncoderHeaderTableSize = DEFAULT_MAX_ENCODER_HEADER_TABLE_SIZE;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static EntryPointHttp2 defaults() {
        return new EntryPointHttp2(null, null, null);
    }
}
