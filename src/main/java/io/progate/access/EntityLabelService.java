package io.progate.access;

import io.progate.account.User;
import io.progate.common.Paging;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.Validator;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A team's labels for PRO entity ids: members read them; approvers of the team and admins set and
 * remove them (labels are what approvers read in access changes), each change audited.
 */
@ApplicationScoped
public class EntityLabelService {

    static final int MAX_LABEL = 200;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    @Inject
    TeamService teams;

    @Inject
    AuditLog audit;

    public List<EntityLabel> list(String slug, User user) {
        return EntityLabel.ofTeam(teams.require(slug, user).id);
    }

    /** A page of the team's labels, by entity id. */
    public Paging.Page<EntityLabel> page(String slug, User user, Paging paging) {
        return EntityLabel.pageOf(teams.require(slug, user).id, paging);
    }

    public boolean canChange(Team team, User user) {
        return user.admin || teams.isApprover(team, user);
    }

    /** Sets (or changes) the label of one entity id. */
    @Transactional
    public EntityLabel set(String slug, User user, Long entityId, String label) {
        Team team = teams.require(slug, user);
        requireChanger(team, user);
        String text = label == null ? null : label.trim();
        new Validator()
                .check(entityId != null && entityId > 0, "entityId", "the numeric id of an environment, group or user")
                .require("label", text, "A label")
                .maxLength("label", text, MAX_LABEL)
                .check(text == null || !CONTROL.matcher(text).find(), "label", "letters, digits and punctuation only")
                .throwIfInvalid();
        EntityLabel row = EntityLabel.of(team.id, entityId).orElse(null);
        String previous = row == null ? null : row.label;
        if (row == null) {
            row = new EntityLabel();
            row.team = team;
            row.entityId = entityId;
        }
        row.label = text;
        row.updatedBy = user.username;
        row.updatedAt = Instant.now();
        if (row.id == null) {
            row.persist();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entityId", entityId);
        details.put("label", text);
        if (previous != null) {
            details.put("previous", previous);
        }
        audit.record(AuditRecord.of("entity-label.set", "team", team.slug).team(team.id).details(details));
        return row;
    }

    @Transactional
    public void remove(String slug, User user, long entityId) {
        Team team = teams.require(slug, user);
        requireChanger(team, user);
        EntityLabel row = EntityLabel.of(team.id, entityId)
                .orElseThrow(() -> new NotFoundException("no label for entity " + entityId));
        audit.record(AuditRecord.of("entity-label.remove", "team", team.slug).team(team.id)
                .details(Map.of("entityId", entityId, "label", row.label)));
        row.delete();
    }

    private void requireChanger(Team team, User user) {
        if (!canChange(team, user)) {
            throw new ForbiddenException("only approvers of the team and admins label entity ids");
        }
    }
}
