package io.trafficcop.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** An existing Redis: its host:port endpoints and, optionally, the Secret key holding its password. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalRedisSpec {

    @JsonPropertyDescription("host:port endpoints of the Redis servers.")
    public List<String> endpoints = new ArrayList<>();

    @JsonPropertyDescription("Secret holding the password.")
    public SecretKeySpec passwordSecret;

    @JsonPropertyDescription("Redis database index.")
    public Integer db;

    @JsonPropertyDescription("Connect with TLS.")
    public Boolean tls;
}
