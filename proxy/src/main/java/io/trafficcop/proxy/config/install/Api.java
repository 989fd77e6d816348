package io.trafficcop.proxy.config.install;

/**
 * The API and dashboard; present (even empty) enables them.
 *
 * <p>Traefik key: {@code api} (Traefik's {@code static.API}).
 *
 * @param insecure serve the API on the entry point named traefik
 */
public record Api(
        String basePath,
        Boolean insecure,
        Boolean dashboard,
        Boolean debug,
        Boolean disableDashboardAd,
        String dashboardName) {

    public static final String DEFAULT_BASE_PATH = "/";
    public static final Boolean DEFAULT_INSECURE = Boolean.FALSE;
    public static final Boolean DEFAULT_DASHBOARD = Boolean.TRUE;
    public static final Boolean DEFAULT_DEBUG = Boolean.FALSE;
    public static final Boolean DEFAULT_DISABLE_DASHBOARD_AD = Boolean.FALSE;
    public static final String DEFAULT_DASHBOARD_NAME = "";

    public Api {
        if (basePath == null) {
            basePath = DEFAULT_BASE_PATH;
        }
        if (insecure == null) {
            insecure = DEFAULT_INSECURE;
        }
        if (dashboard == null) {
            dashboard = DEFAULT_DASHBOARD;
        }
        if (debug == null) {
            debug = DEFAULT_DEBUG;
        }
        if (disableDashboardAd == null) {
            disableDashboardAd = DEFAULT_DISABLE_DASHBOARD_AD;
        }
        if (dashboardName == null) {
            dashboardName = DEFAULT_DASHBOARD_NAME;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Api defaults() {
        return new Api(null, null, null, null, null, null);
    }
}
