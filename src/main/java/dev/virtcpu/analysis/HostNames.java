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
        // Only the names shown: a message about 10 000 hosts must not gather 10 000 names.
        List<String> names = new ArrayList<>(SHOWN);
        for (HostSet.HostData h : hosts) {
            if (names.size() == SHOWN) break;
            names.add(h.host().name());
        }
        if (hosts.size() <= SHOWN) return String.join(", ", names);
        return String.join(", ", names) + " and " + (hosts.size() - SHOWN) + " more";
    }

    public static String join(List<String> names) {
        if (names.size() <= SHOWN) return String.join(", ", names);
        return String.join(", ", names.subList(0, SHOWN)) + " and " + (names.size() - SHOWN) + " more";
    }

    public static String count(int n, int of) {
        return n + " of " + of + " host" + (of == 1 ? "" : "s");
    }
}
