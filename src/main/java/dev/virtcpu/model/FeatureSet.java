package dev.virtcpu.model;

import java.util.Arrays;

/**
 * CPU data as a set of feature bits. Every x86 feature in libvirt's map is exactly one CPUID or
 * MSR bit and no two features share a bit, so libvirt's per-register data algebra (add, subtract,
 * intersect, subset) is set algebra over feature indexes in map order.
 */
public final class FeatureSet {
    private long[] words;

    public FeatureSet() {
        this.words = new long[0];
    }

    private FeatureSet(long[] words) {
        this.words = words;
    }

    public static FeatureSet of(int... indexes) {
        FeatureSet s = new FeatureSet();
        for (int i : indexes) s.add(i);
        return s;
    }

    public FeatureSet copy() {
        return new FeatureSet(words.clone());
    }

    public boolean contains(int index) {
        int w = index >>> 6;
        return w < words.length && (words[w] & (1L << index)) != 0;
    }

    public FeatureSet add(int index) {
        int w = index >>> 6;
        if (w >= words.length) words = Arrays.copyOf(words, w + 1);
        words[w] |= 1L << index;
        return this;
    }

    public FeatureSet remove(int index) {
        int w = index >>> 6;
        if (w < words.length) words[w] &= ~(1L << index);
        return this;
    }

    public FeatureSet addAll(FeatureSet other) {
        if (other.words.length > words.length) words = Arrays.copyOf(words, other.words.length);
        for (int i = 0; i < other.words.length; i++) words[i] |= other.words[i];
        return this;
    }

    public FeatureSet removeAll(FeatureSet other) {
        int len = Math.min(words.length, other.words.length);
        for (int i = 0; i < len; i++) words[i] &= ~other.words[i];
        return this;
    }

    public FeatureSet retainAll(FeatureSet other) {
        for (int i = 0; i < words.length; i++) {
            words[i] &= i < other.words.length ? other.words[i] : 0L;
        }
        return this;
    }

    /** True when every bit of this set is in {@code other}. */
    public boolean isSubsetOf(FeatureSet other) {
        for (int i = 0; i < words.length; i++) {
            long o = i < other.words.length ? other.words[i] : 0L;
            if ((words[i] & ~o) != 0) return false;
        }
        return true;
    }

    public boolean intersects(FeatureSet other) {
        int len = Math.min(words.length, other.words.length);
        for (int i = 0; i < len; i++) {
            if ((words[i] & other.words[i]) != 0) return true;
        }
        return false;
    }

    /** Makes this set equal to {@code other}, reusing its storage (scratch sets in loops over thousands of hosts). */
    public FeatureSet assign(FeatureSet other) {
        if (words.length < other.words.length) words = new long[other.words.length];
        System.arraycopy(other.words, 0, words, 0, other.words.length);
        Arrays.fill(words, other.words.length, words.length, 0L);
        return this;
    }

    public boolean isEmpty() {
        for (long w : words) {
            if (w != 0) return false;
        }
        return true;
    }

    public int size() {
        int c = 0;
        for (long w : words) c += Long.bitCount(w);
        return c;
    }

    /** Next set index at or after {@code from}, or -1. */
    public int nextSet(int from) {
        int w = from >>> 6;
        if (w >= words.length) return -1;
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) return (w << 6) + Long.numberOfTrailingZeros(word);
            if (++w >= words.length) return -1;
            word = words[w];
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FeatureSet other)) return false;
        int len = Math.max(words.length, other.words.length);
        for (int i = 0; i < len; i++) {
            long a = i < words.length ? words[i] : 0L;
            long b = i < other.words.length ? other.words[i] : 0L;
            if (a != b) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        int last = words.length;
        while (last > 0 && words[last - 1] == 0) last--;
        for (int i = 0; i < last; i++) h = 31 * h + Long.hashCode(words[i]);
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = nextSet(0); i >= 0; i = nextSet(i + 1)) {
            if (sb.length() > 1) sb.append(',');
            sb.append(i);
        }
        return sb.append('}').toString();
    }
}
