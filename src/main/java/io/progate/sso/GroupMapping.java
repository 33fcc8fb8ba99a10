package io.progate.sso;

import io.progate.team.TeamRole;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user's groups at the identity provider make them in ProGate: a portal admin (the admin group),
 * and per team slug a role ({@code pro-<team>-approvers} gives APPROVER, {@code pro-<team>-members}
 * MEMBER; approver wins when both are there). Groups may come as paths ({@code /pro-demo-approvers}).
 */
public record GroupMapping(boolean admin, Map<String, TeamRole> teams) {

    public static GroupMapping of(Collection<String> groups, String adminGroup, String teamPattern) {
        Pattern pattern = Pattern.compile(teamPattern);
        boolean admin = false;
        Map<String, TeamRole> teams = new TreeMap<>();
        for (String raw : groups) {
            String group = raw == null ? "" : raw.trim();
            if (group.startsWith("/")) {
                group = group.substring(group.lastIndexOf('/') + 1);
            }
            if (group.equals(adminGroup)) {
                admin = true;
                continue;
            }
            Matcher m = pattern.matcher(group);
            if (m.matches()) {
                TeamRole role = m.group("role").startsWith("approver") ? TeamRole.APPROVER : TeamRole.MEMBER;
                teams.merge(m.group("team"), role, (a, b) -> a == TeamRole.APPROVER || b == TeamRole.APPROVER
                        ? TeamRole.APPROVER : TeamRole.MEMBER);
            }
        }
        return new GroupMapping(admin, teams);
    }
}
