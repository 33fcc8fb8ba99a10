package io.progate.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of a team's approval policy, as compared, requested and applied. */
public record PolicyTerms(int requiredApprovals, int deleteApprovals, int maxWaitHours, boolean adminsMayApprove,
        int taskApprovals, List<String> taskAllowList, String changeWindows, Boolean breakGlassAllowed) {

    /** Terms filed before change windows and break-glass existed read as "any time" and "allowed". */
    public PolicyTerms {
        taskAllowList = taskAllowList == null ? List.of() : List.copyOf(taskAllowList);
        changeWindows = changeWindows == null ? "" : ChangeWindows.parse(changeWindows).text();
        breakGlassAllowed = breakGlassAllowed == null || breakGlassAllowed;
    }

    public PolicyTerms(int requiredApprovals, int deleteApprovals, int maxWaitHours, boolean adminsMayApprove,
            int taskApprovals, List<String> taskAllowList) {
        this(requiredApprovals, deleteApprovals, maxWaitHours, adminsMayApprove, taskApprovals, taskAllowList, "",
                true);
    }

    /** One setting, before and after, for the side-by-side view. */
    public record Row(String setting, String before, String after, boolean changed, boolean weaker) {
    }

    public static PolicyTerms of(TeamPolicy p) {
        return new PolicyTerms(p.requiredApprovals, p.deleteApprovals, p.maxWaitHours, p.adminsMayApprove,
                p.taskApprovals, p.allowList(), p.changeWindows, p.breakGlassAllowed);
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
                        : TaskPair.parse(String.join("\n", input.taskAllowList())),
                input.changeWindows() == null ? changeWindows : String.join("\n", input.changeWindows()),
                input.breakGlassAllowed() == null ? breakGlassAllowed : input.breakGlassAllowed());
    }

    /**
     * Whether these terms ask less than {@code before} in any respect: fewer approvals for any type,
     * a longer time limit, admins allowed to approve where they were not, or an app/service pair
     * whose tasks would run without approval that did not before.
     */
    public boolean weakens(PolicyTerms before) {
        return requiredApprovals < before.requiredApprovals || deleteApprovals < before.deleteApprovals
                || taskApprovals < before.taskApprovals || !before.taskAllowList.containsAll(taskAllowList)
                || maxWaitHours > before.maxWaitHours || (adminsMayApprove && !before.adminsMayApprove)
                || weakensSchedule(before);
    }

    /** Change windows that allow a time {@code before}'s did not, or break-glass allowed where it was not. */
    private boolean weakensSchedule(PolicyTerms before) {
        return !windows().within(before.windows()) || (breakGlassAllowed && !before.breakGlassAllowed);
    }

    public ChangeWindows windows() {
        return ChangeWindows.parse(changeWindows);
    }

    public void applyTo(TeamPolicy p) {
        p.requiredApprovals = requiredApprovals;
        p.deleteApprovals = deleteApprovals;
        p.maxWaitHours = maxWaitHours;
        p.adminsMayApprove = adminsMayApprove;
        p.taskApprovals = taskApprovals;
        p.taskAllowList = String.join("\n", taskAllowList);
        p.changeWindows = changeWindows;
        p.breakGlassAllowed = breakGlassAllowed;
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
        put(changed, "changeWindows", before.windows().describe(), windows().describe());
        put(changed, "breakGlassAllowed", before.breakGlassAllowed, breakGlassAllowed);
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
        rows.addAll(scheduleRows(after));
        return rows;
    }

    private List<Row> scheduleRows(PolicyTerms after) {
        return List.of(
                new Row("Change windows", windows().describe(), after.windows().describe(),
                        !changeWindows.equals(after.changeWindows), !after.windows().within(windows())),
                new Row("Break-glass allowed", breakGlassAllowed ? "yes" : "no", after.breakGlassAllowed ? "yes" : "no",
                        !breakGlassAllowed.equals(after.breakGlassAllowed), after.breakGlassAllowed && !breakGlassAllowed));
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
