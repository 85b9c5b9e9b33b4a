package dev.virtcpu.analysis.schema;

/** Thrown when libvirt's RelaxNG schemas cannot be found or compiled. */
public class SchemaLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public SchemaLoadException(String message) {
        super(message);
    }

    public SchemaLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
