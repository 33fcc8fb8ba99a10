package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One entry of an app's access list: {@code authorization} is a bitmask (read 4, write 2,
 * execute 1), granted or (with {@code deny}) denied to {@code entity}, the numeric id of an
 * environment, group or user. A missing number reads as 0, which validation refuses.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Authorization(int authorization, boolean deny, long entity) {

    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int EXECUTE = 1;
}
