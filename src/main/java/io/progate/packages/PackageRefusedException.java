package io.progate.packages;

/** A package inspection refuses: unsafe paths, a zip bomb, a corrupt archive. */
public class PackageRefusedException extends Exception {

    public PackageRefusedException(String message) {
        super(message);
    }
}
