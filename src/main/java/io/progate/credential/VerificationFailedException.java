package io.progate.credential;

import io.progate.common.FieldError;
import io.progate.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** PRO did not accept the key for every claimed scope, and the user did not ask to save it unverified. 400. */
public class VerificationFailedException extends InvalidInputException {

    private final transient Verification verification;

    public VerificationFailedException(Verification verification) {
        super(errors(verification));
        this.verification = verification;
    }

    public Verification verification() {
        return verification;
    }

    private static List<FieldError> errors(Verification verification) {
        List<FieldError> errors = new ArrayList<>();
        for (Verification.ScopeCheck failed : verification.failures()) {
            errors.add(new FieldError("scopes", failed.scope().wireName() + " failed: " + failed.reason()));
        }
        errors.add(new FieldError("saveUnverified", "the key was not saved; to store it without verification, "
                + "send saveUnverified=true"));
        return errors;
    }
}
