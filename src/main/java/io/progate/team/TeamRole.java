package io.progate.team;

/** What a user may do in a team. Approvers can do everything members can. */
public enum TeamRole {
    MEMBER, APPROVER
}
