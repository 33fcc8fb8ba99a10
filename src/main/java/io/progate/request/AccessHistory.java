package io.progate.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.access.CurrentAccess;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.ProApp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * What ProGate knows of an app version's access list: PRO's own, when PRO returns it with the
 * version (documented PRO does not), else the list the team's last successful update of the version
 * set, else nothing. Every place that shows the list before a change asks here.
 */
@ApplicationScoped
public class AccessHistory {

    @Inject
    ObjectMapper json;

    /** The current list: PRO's ({@code version} may be null when it could not be read), else ProGate's last write. */
    public CurrentAccess current(long teamId, ProApp version, String name, String appVersion, long excludingRequestId) {
        if (version != null && version.authorizations() != null) {
            return CurrentAccess.fromPro(version.authorizations());
        }
        return lastWrite(teamId, name, appVersion, excludingRequestId).orElse(CurrentAccess.unknown());
    }

    /** The access list the team's last successful update of this version set; empty when ProGate never set one. */
    public Optional<CurrentAccess> lastWrite(long teamId, String name, String version, long excludingRequestId) {
        List<ReleaseRequest> done = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.<ReleaseRequest>list(
                "team.id = ?1 and appName = ?2 and appVersion = ?3 and type = ?4 and status = ?5 and id <> ?6"
                        + " order by finishedAt desc, id desc",
                teamId, name, version, RequestType.UPDATE, RequestStatus.SUCCEEDED, excludingRequestId));
        for (ReleaseRequest r : done) {
            AppUpdate update = read(r.payload);
            if (update != null && update.authorizations() != null) {
                return Optional.of(CurrentAccess.lastWrite(r.id, r.finishedAt, update.authorizations()));
            }
        }
        return Optional.empty();
    }

    private AppUpdate read(String payload) {
        try {
            return json.readValue(payload, AppUpdate.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
