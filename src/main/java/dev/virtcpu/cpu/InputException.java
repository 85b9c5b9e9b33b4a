package dev.virtcpu.cpu;

/** An input file could not be used (unreadable, malformed XML, DTD); the message names the file and place. */
public final class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }
}
