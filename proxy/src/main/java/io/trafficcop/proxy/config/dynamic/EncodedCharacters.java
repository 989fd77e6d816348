package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.encodedCharacters} ({@code dynamic.EncodedCharacters}).
 */
@NotImplemented("middleware not implemented yet")
public record EncodedCharacters(
        Boolean allowEncodedSlash,
        Boolean allowEncodedBackSlash,
        Boolean allowEncodedNullCharacter,
        Boolean allowEncodedSemicolon,
        Boolean allowEncodedPercent,
        Boolean allowEncodedQuestionMark,
        Boolean allowEncodedHash) {
}
