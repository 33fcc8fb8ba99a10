package io.progate.sandbox;

import jakarta.enterprise.context.RequestScoped;

/** What the current sandbox call has shown so far, for its call record (the key's name, never its value). */
@RequestScoped
public class SandboxCaller {

    private String keyName;
    private String detail;
    private boolean recorded;

    public String keyName() {
        return keyName;
    }

    public void keyName(String name) {
        this.keyName = name;
    }

    public String detail() {
        return detail;
    }

    public void detail(String text) {
        this.detail = text;
    }

    /** True once the call has been recorded; the first caller to ask records it. */
    public boolean markRecorded() {
        boolean already = recorded;
        recorded = true;
        return already;
    }
}
