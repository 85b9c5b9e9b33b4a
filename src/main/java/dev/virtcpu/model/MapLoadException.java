package dev.virtcpu.model;

/** The map could not be loaded; the message names the file and, where libvirt has one, uses its wording. */
public final class MapLoadException extends Exception {
    public MapLoadException(String message) {
        super(message);
    }
}
