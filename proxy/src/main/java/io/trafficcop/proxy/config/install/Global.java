package io.trafficcop.proxy.config.install;

/**
 * Global switches.
 *
 * <p>Traefik key: {@code global}.
 *
 * @param checkNewVersion true by default (set by Traefik's command, not by a SetDefaults)
 */
public record Global(
        Boolean checkNewVersion,
        Boolean sendAnonymousUsage,
        Boolean notAppendXForwardedFor) {

    public static final Boolean DEFAULT_CHECK_NEW_VERSION = Boolean.TRUE;
    public static final Boolean DEFAULT_SEND_ANONYMOUS_USAGE = Boolean.FALSE;
    public static final Boolean DEFAULT_NOT_APPEND_X_FORWARDED_FOR = Boolean.FALSE;

    public Global {
        if (checkNewVersion == null) {
            checkNewVersion = DEFAULT_CHECK_NEW_VERSION;
        }
        if (sendAnonymousUsage == null) {
            sendAnonymousUsage = DEFAULT_SEND_ANONYMOUS_USAGE;
        }
        if (notAppendXForwardedFor == null) {
            notAppendXForwardedFor = DEFAULT_NOT_APPEND_X_FORWARDED_FOR;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Global defaults() {
        return new Global(null, null, null);
    }
}
