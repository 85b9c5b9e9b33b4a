package dev.virtcpu.model;

import java.util.List;

/**
 * A CPU model of the map. {@code data} never contains the vendor, the signature, or the removed
 * and added features (libvirt keeps those as separate lists).
 */
public final class Model {
    private final String name;
    private final int index;
    private final Vendor vendor;
    private final List<Signature> signatures;
    private final FeatureSet data;
    private final List<Feature> removed;
    private final List<Feature> added;
    private final boolean decodeHost;
    private final boolean decodeGuest;
    private final boolean compatCheck;
    private final String ancestor;
    private String canonical;
    private String aliasOf;

    public Model(String name, int index, Vendor vendor, List<Signature> signatures, FeatureSet data,
                 List<Feature> removed, List<Feature> added, boolean decodeHost, boolean decodeGuest,
                 boolean compatCheck, String ancestor) {
        this.name = name;
        this.index = index;
        this.vendor = vendor;
        this.signatures = List.copyOf(signatures);
        this.data = data;
        this.removed = List.copyOf(removed);
        this.added = List.copyOf(added);
        this.decodeHost = decodeHost;
        this.decodeGuest = decodeGuest;
        this.compatCheck = compatCheck;
        this.ancestor = ancestor;
    }

    public String name() { return name; }

    /** Position in load order (decode walks models from last to first). */
    public int index() { return index; }

    public Vendor vendor() { return vendor; }

    public List<Signature> signatures() { return signatures; }

    /** The model's feature bits; callers must not modify it (copy first). */
    public FeatureSet data() { return data; }

    public List<Feature> removed() { return removed; }

    public List<Feature> added() { return added; }

    public boolean decodeHost() { return decodeHost; }

    public boolean decodeGuest() { return decodeGuest; }

    public boolean compatCheck() { return compatCheck; }

    /** The model this one was derived from ({@code <model name=…/>}), or null. */
    public String ancestor() { return ancestor; }

    /** For a base model: its canonical {@code -vN} alias, or null. */
    public String canonical() { return canonical; }

    /** For a {@code -vN} alias: the model it is an alias of, or null. */
    public String aliasOf() { return aliasOf; }

    void linkAlias(Model base) {
        base.canonical = name;
        this.aliasOf = base.name;
    }

    public boolean isRemoved(Feature f) {
        for (Feature r : removed) {
            if (r.index() == f.index()) return true;
        }
        return false;
    }

    @Override
    public String toString() { return name; }
}
