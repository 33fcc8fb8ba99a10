package io.progate.pro.model;

/** How to end a running task early: solve ends it as completed, execution as failed. */
public enum TaskInterrupt {
    SOLVE("interrupt-solve"),
    EXECUTION("interrupt-execution");

    private final String wireValue;

    TaskInterrupt(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }
}
