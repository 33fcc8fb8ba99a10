package io.progate.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.team.TeamRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's groups as ProGate reads them, with the default rules. */
class GroupMappingTest {

    private static final String ADMINS = "progate-admins";
    private static final String TEAMS = "pro-(?<team>[a-z0-9][a-z0-9-]*)-(?<role>approvers|members)";

    @Test
    void teamGroupsGiveRolesAndApproverWinsOverMember() {
        GroupMapping m = GroupMapping.of(List.of("pro-demo-members", "pro-demo-approvers", "pro-sales-eu-members",
                "engineering", "pro-Demo-approvers", "pro--members"), ADMINS, TEAMS);
        assertEquals(Map.of("demo", TeamRole.APPROVER, "sales-eu", TeamRole.MEMBER), m.teams());
        assertFalse(m.admin());
    }

    @Test
    void groupPathsCountByTheirLastSegmentAndTheAdminGroupMakesAnAdmin() {
        GroupMapping m = GroupMapping.of(List.of("/org/it/progate-admins", "/org/pro-ops-approvers"), ADMINS, TEAMS);
        assertTrue(m.admin());
        assertEquals(Map.of("ops", TeamRole.APPROVER), m.teams());
    }

    @Test
    void aCustomPatternAndAdminGroupAreHonoured() {
        GroupMapping m = GroupMapping.of(List.of("gate:finance:approvers", "gate-admins", "pro-x-members"), "gate-admins",
                "gate:(?<team>[a-z]+):(?<role>approvers|members)");
        assertTrue(m.admin());
        assertEquals(Map.of("finance", TeamRole.APPROVER), m.teams());
    }

    @Test
    void noGroupsMeanNoRoles() {
        GroupMapping m = GroupMapping.of(List.of(), ADMINS, TEAMS);
        assertFalse(m.admin());
        assertTrue(m.teams().isEmpty());
    }
}
