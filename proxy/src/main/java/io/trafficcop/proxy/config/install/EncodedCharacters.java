package io.trafficcop.proxy.config.install;

/**
 * Which percent-encoded characters request paths may contain; absent allows all.
 *
 * <p>Traefik key: {@code entryPoints.<name>.http.encodedCharacters}.
 */
public record EncodedCharacters(
        Boolean allowEncodedSlash,
        Boolean allowEncodedBackSlash,
        Boolean allowEncodedNullCharacter,
        Boolean allowEncodedSemicolon,
        Boolean allowEncodedPercent,
        Boolean allowEncodedQuestionMark,
        Boolean allowEncodedHash) {

    public static final Boolean DEFAULT_ALLOW_ENCODED_SLASH = Boolean.TRUE;
    public static final Boolean DEFAULT_ALLOW_ENCODED_BACK_SLASH = Boolean.TRUE;
    public static final Boolean DEFAULT_ALLOW_ENCODED_NULL_CHARACTER = Boolean.TRUE;
    public static final Boolean DEFAULT_ALLOW_ENCODED_SEMICOLON = Boolean.TRUE;
    public static final Boolean DEFAULT_ALLOW_ENCODED_PERCENT = Boolean.TRUE;
    public static final Boolean DEFAULT_ALLOW_ENCODED_QUESTION_MARK = Boolean.TRUE;
    public static final Boolean DEFAULT_ALLOW_ENCODED_HASH = Boolean.TRUE;

    public EncodedCharacters {
        if (allowEncodedSlash == null) {
            allowEncodedSlash = DEFAULT_ALLOW_ENCODED_SLASH;
        }
        if (allowEncodedBackSlash == null) {
            allowEncodedBackSlash = DEFAULT_ALLOW_ENCODED_BACK_SLASH;
        }
        if (allowEncodedNullCharacter == null) {
            allowEncodedNullCharacter = DEFAULT_ALLOW_ENCODED_NULL_CHARACTER;
        }
        if (allowEncodedSemicolon == null) {
            allowEncodedSemicolon = DEFAULT_ALLOW_ENCODED_SEMICOLON;
        }
        if (allowEncodedPercent == null) {
            allowEncodedPercent = DEFAULT_ALLOW_ENCODED_PERCENT;
        }
        if (allowEncodedQuestionMark == null) {
            allowEncodedQuestionMark = DEFAULT_ALLOW_ENCODED_QUESTION_MARK;
        }
        if (allowEncodedHash == null) {
            allowEncodedHash = DEFAULT_ALLOW_ENCODED_HASH;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static EncodedCharacters defaults() {
        return new EncodedCharacters(null, null, null, null, null, null, null);
    }
}
