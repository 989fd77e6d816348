package io.trafficcop.proxy.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Traefik option that TrafficCop recognizes but does not act on yet. Loading a configuration that
 * sets it succeeds with one warning naming the option, so that nothing is silently ignored. Remove the
 * annotation in the change that implements the option.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface NotImplemented {
    /** Why, or which issue brings it; shown in the warning. */
    String value() default "";
}
