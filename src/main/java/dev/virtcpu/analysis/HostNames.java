package dev.virtcpu.analysis;

import dev.virtcpu.hosts.HostSet;

import java.util.ArrayList;
import java.util.List;

/** Lists hosts in messages: all of them when few, else the first few and a count. */
public final class HostNames {
    private static final int SHOWN = 5;

    private HostNames() {
    }

    public static String of(List<HostSet.HostData> hosts) {
        List<String> names = new ArrayList<>();
        for (HostSet.HostData h : hosts) names.add(h.host().name());
        return join(names);
    }

    public static String join(List<String> names) {
        if (names.size() <= SHOWN) return String.join(", ", names);
        return String.join(", ", names.subList(0, SHOWN)) + " and " + (names.size() - SHOWN) + " more";
    }

    public static String count(int n, int of) {
        return n + " of " + of + " host" + (of == 1 ? "" : "s");
    }
}
