package io.progate.sandbox.store;

/**
 * Switches that make the sandbox behave like a stricter PRO, one that does only what AIMMS
 * documents. Each stands for an assumption in the README's "PRO behaviour ProGate assumes"; tests
 * switch them on to prove that ProGate still works when a real account differs.
 */
public enum SandboxMode {
    /**
     * Undecided paths answer 404: {@code GET /applications/{projectName}}, {@code GET /aimms-versions/{id}}
     * and the category paths.
     */
    ONLY_DOCUMENTED_PATHS,
    /** User-manager environments, groups and users come without an {@code id}. */
    DIRECTORY_WITHOUT_IDS,
    /** User-manager lists give at most 100 entries per call, whatever {@code limit} asks for. */
    DIRECTORY_PAGES_OF_100,
    /** {@code GET /applications/{name}/{version}} includes the version's {@code authorizations}. */
    AUTHORIZATIONS_IN_GET,
    /** {@code PATCH} merges {@code attributes} into the old map instead of replacing it. */
    MERGE_ATTRIBUTES
}
