package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One entry of an app's access list: {@code authorization} is a bitmask (read 4, write 2,
 * execute 1), {@code entity} the numeric id of an environment, group or user.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Authorization(int authorization, boolean deny, long entity) {

    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int EXECUTE = 1;
}
