package io.progate.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;

/** The stored rules for routine changes of one team (a JSON list, in order). A team without a row has none. */
@Entity
@Table(name = "team_policy_rules")
public class PolicyRules extends BaseEntity {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Version
    public long version;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @Column(nullable = false)
    public String rules = "[]";

    /** The team's rules, empty when it has none. */
    public static ApprovalRules of(Team team) {
        return PolicyRules.<PolicyRules>find("team", team).firstResultOptional().map(PolicyRules::list)
                .orElseGet(ApprovalRules::none);
    }

    /** The team's row, locked for a change; an unsaved one when the team has none yet. */
    public static PolicyRules locked(Team team) {
        return PolicyRules.<PolicyRules>find("team", team).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseGet(() -> {
                    PolicyRules row = new PolicyRules();
                    row.team = team;
                    return row;
                });
    }

    public ApprovalRules list() {
        try {
            return new ApprovalRules(JSON.readValue(rules, new TypeReference<List<ApprovalRule>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored rules of team " + team.id + " cannot be read", e);
        }
    }

    /** Stores {@code list} in this row (persisting it if new). */
    public void put(ApprovalRules list) {
        try {
            rules = JSON.writeValueAsString(list.rules());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules cannot be written as JSON", e);
        }
        if (id == null) {
            persist();
        }
    }
}
