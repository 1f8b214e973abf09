package org.imgcluster.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one config entry, read with types and defaults. Every key read is remembered, so
 * {@link #requireAllRead} can name any key the entry does not know, with the allowed ones.
 */
final class Params {
    private final String where;
    private final Map<String, Object> values;
    private final Set<String> allowed = new LinkedHashSet<>();
    private final Map<String, Object> used = new LinkedHashMap<>();

    Params(String where, Map<String, Object> values) {
        this.where = where;
        this.values = values;
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        allowed.add(key);
        return values.containsKey(key) && values.get(key) != null;
    }

    /** The value as written (any type), or the fallback; recorded as used like the typed readers. */
    Object value(String key, Object fallback) {
        return require(key, fallback);
    }

    int integer(String key, Integer fallback) {
        Object v = require(key, fallback);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e9) {
            return n.intValue();
        }
        throw bad(key, v, "a whole number");
    }

    long integerLong(String key, long fallback) {
        Object v = require(key, fallback);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw bad(key, v, "a whole number");
    }

    double real(String key, Double fallback) {
        Object v = require(key, fallback);
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw bad(key, v, "a number");
    }

    boolean flag(String key, boolean fallback) {
        Object v = require(key, fallback);
        if (v instanceof Boolean b) {
            return b;
        }
        throw bad(key, v, "true or false");
    }

    String text(String key, String fallback, List<String> choices) {
        Object v = require(key, fallback);
        if (v instanceof String s && (choices.isEmpty() || choices.contains(s))) {
            return s;
        }
        throw bad(key, v, choices.isEmpty() ? "text" : "one of " + String.join(", ", choices));
    }

    /** An inclusive integer range written "a..b" (or a single number). */
    int[] range(String key) {
        Object v = require(key, null);
        String s = String.valueOf(v).strip();
        try {
            if (v instanceof Number n) {
                return new int[] {n.intValue(), n.intValue()};
            }
            String[] parts = s.split("\\.\\.");
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw bad(key, v, "a range such as 2..20");
    }

    /** Fails on any key that no reader asked for. */
    void requireAllRead() {
        List<String> unknown = new ArrayList<>(values.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new ConfigException(where + ": unknown key '" + unknown.get(0) + "'; allowed: "
                    + String.join(", ", allowed));
        }
    }

    ConfigException bad(String key, Object value, String expected) {
        return new ConfigException(where + "." + key + " = " + value + ": expected " + expected);
    }

    private Object require(String key, Object fallback) {
        allowed.add(key);
        Object v = values.get(key);
        if (v == null) {
            if (fallback == null) {
                throw new ConfigException(where + ": missing key '" + key + "'");
            }
            v = fallback;
        }
        used.put(key, v);
        return v;
    }

    /** The parameters as the config wrote them. */
    Map<String, Object> written() {
        return new LinkedHashMap<>(values);
    }

    /** Every parameter as used, defaults filled in, in reading order: the resolved config of this entry. */
    Map<String, Object> resolved() {
        return new LinkedHashMap<>(used);
    }
}
