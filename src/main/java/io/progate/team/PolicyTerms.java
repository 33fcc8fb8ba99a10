package io.progate.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of a team's approval policy, as compared, requested and applied. */
public record PolicyTerms(int requiredApprovals, int deleteApprovals, int maxWaitHours, boolean adminsMayApprove,
        int taskApprovals, List<String> taskAllowList) {

    public PolicyTerms {
        taskAllowList = taskAllowList == null ? List.of() : List.copyOf(taskAllowList);
    }

    /** One setting, before and after, for the side-by-side view. */
    public record Row(String setting, String before, String after, boolean changed, boolean weaker) {
    }

    public static PolicyTerms of(TeamPolicy p) {
        return new PolicyTerms(p.requiredApprovals, p.deleteApprovals, p.maxWaitHours, p.adminsMayApprove,
                p.taskApprovals, p.allowList());
    }

    /** These terms with the input's non-null fields put in. */
    public PolicyTerms with(PolicyInput input) {
        return new PolicyTerms(
                input.requiredApprovals() == null ? requiredApprovals : input.requiredApprovals(),
                input.deleteApprovals() == null ? deleteApprovals : input.deleteApprovals(),
                input.maxWaitHours() == null ? maxWaitHours : input.maxWaitHours(),
                input.adminsMayApprove() == null ? adminsMayApprove : input.adminsMayApprove(),
                input.taskApprovals() == null ? taskApprovals : input.taskApprovals(),
                input.taskAllowList() == null ? taskAllowList
                        : TaskPair.parse(String.join("\n", input.taskAllowList())));
    }

    /**
     * Whether these terms ask less than {@code before} in any respect: fewer approvals for any type,
     * a longer time limit, admins allowed to approve where they were not, or an app/service pair
     * whose tasks would run without approval that did not before.
     */
    public boolean weakens(PolicyTerms before) {
        return requiredApprovals < before.requiredApprovals || deleteApprovals < before.deleteApprovals
                || taskApprovals < before.taskApprovals || !before.taskAllowList.containsAll(taskAllowList)
                || maxWaitHours > before.maxWaitHours || (adminsMayApprove && !before.adminsMayApprove);
    }

    public void applyTo(TeamPolicy p) {
        p.requiredApprovals = requiredApprovals;
        p.deleteApprovals = deleteApprovals;
        p.maxWaitHours = maxWaitHours;
        p.adminsMayApprove = adminsMayApprove;
        p.taskApprovals = taskApprovals;
        p.taskAllowList = String.join("\n", taskAllowList);
    }

    /** The changed settings as {@code {"setting": {"from": .., "to": ..}}}, for audit events. */
    public Map<String, Object> changesFrom(PolicyTerms before) {
        Map<String, Object> changed = new LinkedHashMap<>();
        put(changed, "requiredApprovals", before.requiredApprovals, requiredApprovals);
        put(changed, "deleteApprovals", before.deleteApprovals, deleteApprovals);
        put(changed, "maxWaitHours", before.maxWaitHours, maxWaitHours);
        put(changed, "adminsMayApprove", before.adminsMayApprove, adminsMayApprove);
        put(changed, "taskApprovals", before.taskApprovals, taskApprovals);
        put(changed, "taskAllowList", before.taskAllowList, taskAllowList);
        return changed;
    }

    /** Every setting, these terms as "before" and {@code after} as "after". */
    public List<Row> rows(PolicyTerms after) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("Approvals for publish and update", requiredApprovals, after.requiredApprovals,
                after.requiredApprovals < requiredApprovals));
        rows.add(row("Approvals for delete", deleteApprovals, after.deleteApprovals,
                after.deleteApprovals < deleteApprovals));
        rows.add(row("Approvals for tasks", taskApprovals, after.taskApprovals, after.taskApprovals < taskApprovals));
        rows.add(new Row("Tasks that run without approval (app/service)", pairs(taskAllowList),
                pairs(after.taskAllowList), !taskAllowList.equals(after.taskAllowList),
                !taskAllowList.containsAll(after.taskAllowList)));
        rows.add(row("Hours a request may wait", maxWaitHours, after.maxWaitHours, after.maxWaitHours > maxWaitHours));
        rows.add(new Row("Portal admins may approve", adminsMayApprove ? "yes" : "no",
                after.adminsMayApprove ? "yes" : "no", adminsMayApprove != after.adminsMayApprove,
                after.adminsMayApprove && !adminsMayApprove));
        return rows;
    }

    private static String pairs(List<String> list) {
        return list.isEmpty() ? "none" : String.join(", ", list);
    }

    private static Row row(String setting, int before, int after, boolean weaker) {
        return new Row(setting, String.valueOf(before), String.valueOf(after), before != after, weaker);
    }

    private static void put(Map<String, Object> changed, String key, Object from, Object to) {
        if (!from.equals(to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            changed.put(key, change);
        }
    }
}
