package io.trafficcop.proxy.observability.accesslog;

/** The names of Traefik's access log fields (pkg/middlewares/accesslog/logdata.go), as written in JSON. */
public final class AccessLogFieldNames {

    public static final String START_UTC = "StartUTC";
    public static final String START_LOCAL = "StartLocal";
    public static final String DURATION = "Duration";
    public static final String ROUTER_NAME = "RouterName";
    public static final String SERVICE_NAME = "ServiceName";
    public static final String SERVICE_URL = "ServiceURL";
    public static final String SERVICE_ADDR = "ServiceAddr";
    public static final String CLIENT_ADDR = "ClientAddr";
    public static final String CLIENT_HOST = "ClientHost";
    public static final String CLIENT_PORT = "ClientPort";
    public static final String CLIENT_USERNAME = "ClientUsername";
    public static final String REQUEST_ADDR = "RequestAddr";
    public static final String REQUEST_HOST = "RequestHost";
    public static final String REQUEST_PORT = "RequestPort";
    public static final String REQUEST_METHOD = "RequestMethod";
    public static final String REQUEST_PATH = "RequestPath";
    public static final String REQUEST_PROTOCOL = "RequestProtocol";
    public static final String REQUEST_SCHEME = "RequestScheme";
    public static final String REQUEST_CONTENT_SIZE = "RequestContentSize";
    public static final String REQUEST_REFERER_HEADER = "request_Referer";
    public static final String REQUEST_USER_AGENT_HEADER = "request_User-Agent";
    public static final String ORIGIN_DURATION = "OriginDuration";
    public static final String ORIGIN_CONTENT_SIZE = "OriginContentSize";
    public static final String ORIGIN_STATUS = "OriginStatus";
    public static final String DOWNSTREAM_STATUS = "DownstreamStatus";
    public static final String DOWNSTREAM_CONTENT_SIZE = "DownstreamContentSize";
    public static final String REQUEST_COUNT = "RequestCount";
    public static final String GZIP_RATIO = "GzipRatio";
    public static final String OVERHEAD = "Overhead";
    public static final String RETRY_ATTEMPTS = "RetryAttempts";
    public static final String ENTRY_POINT_NAME = "entryPointName";

    /** Prefixes of the header fields: request headers, backend response headers, response headers. */
    public static final String REQUEST_HEADER_PREFIX = "request_";
    public static final String ORIGIN_HEADER_PREFIX = "origin_";
    public static final String DOWNSTREAM_HEADER_PREFIX = "downstream_";

    private AccessLogFieldNames() {
    }
}
