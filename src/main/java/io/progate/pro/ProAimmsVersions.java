package io.progate.pro;

import io.progate.pro.model.AimmsVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The AIMMS versions a PRO account offers; ids that PRO repeats are listed once. */
@ApplicationScoped
public class ProAimmsVersions {

    @Inject
    ProCalls calls;

    /** Official versions only. */
    public List<AimmsVersion> list(ProAccount account) {
        return list(account, false);
    }

    /** Official versions, or all of them (development builds too) with {@code includeDev}. */
    public List<AimmsVersion> list(ProAccount account, boolean includeDev) {
        AimmsVersionsApi.VersionList answer = calls.read(account, AimmsVersionsApi.class, "list of AIMMS versions",
                api -> api.list(account.apiKey(), includeDev ? Boolean.TRUE : null),
                ProAnswer.json(AimmsVersionsApi.VersionList.class));
        Set<String> seen = new LinkedHashSet<>();
        List<AimmsVersion> versions = new ArrayList<>();
        if (answer != null && answer.versions() != null) {
            for (AimmsVersion version : answer.versions()) {
                if (version != null && version.id() != null && seen.add(version.id())) {
                    versions.add(version);
                }
            }
        }
        return versions;
    }

    public AimmsVersion get(ProAccount account, String id) {
        return calls.read(account, AimmsVersionsApi.class, "read of AIMMS version " + id,
                api -> api.get(account.apiKey(), id), ProAnswer.json(AimmsVersion.class));
    }
}
