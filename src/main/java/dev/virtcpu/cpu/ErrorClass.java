package dev.virtcpu.cpu;

/** libvirt's error classes, with the prefix virsh prints before the message. */
public enum ErrorClass {
    INTERNAL("internal error: "),
    XML("XML error: "),
    CONFIG_UNSUPPORTED("unsupported configuration: "),
    OPERATION_FAILED("operation failed: "),
    NO_SUPPORT("this function is not supported by the connection driver: "),
    PLAIN("");

    private final String prefix;

    ErrorClass(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() { return prefix; }
}
