package io.progate.sandbox;

import io.progate.web.CookieFreePaths;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The sandbox's PRO API and user manager take the {@code apikey} header, never the portal's cookies. */
@ApplicationScoped
class SandboxCookieFreePaths implements CookieFreePaths {

    @Override
    public List<String> prefixes() {
        return List.of(SandboxPaths.ACCOUNT + SandboxPaths.PRO_API + "/",
                SandboxPaths.ACCOUNT + SandboxPaths.USER_MANAGER + "/");
    }
}
