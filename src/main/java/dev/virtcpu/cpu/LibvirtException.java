package dev.virtcpu.cpu;

import dev.virtcpu.xml.XmlNode;

/** A failure with libvirt's error class and wording; {@code node} locates it in the input, if known. */
public final class LibvirtException extends Exception {
    private final ErrorClass errorClass;
    private final transient XmlNode node;

    public LibvirtException(ErrorClass errorClass, String message) {
        this(errorClass, message, null);
    }

    public LibvirtException(ErrorClass errorClass, String message, XmlNode node) {
        super(message);
        this.errorClass = errorClass;
        this.node = node;
    }

    public ErrorClass errorClass() { return errorClass; }

    public XmlNode node() { return node; }

    /** The text virsh prints after {@code error: }. */
    public String virshText() { return errorClass.prefix() + getMessage(); }
}
