package io.progate.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One access rule of an app version: a bitmask (read 4, write 2, execute 1), grant or deny, for an entity id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationEntry(Integer authorization, Boolean deny, Long entity) {

    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int EXECUTE = 1;
}
