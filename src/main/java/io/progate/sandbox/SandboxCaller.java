package io.progate.sandbox;

import jakarta.enterprise.context.RequestScoped;

/** The name of the key the current sandbox call authenticated with, for the call record. */
@RequestScoped
public class SandboxCaller {

    String keyName;
    String detail;
    boolean recorded;
}
