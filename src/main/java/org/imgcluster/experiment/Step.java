package org.imgcluster.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of a config's {@code features} or {@code algorithms} list: a type and its parameters. Written as a bare
 * name ({@code - raw}) or a map with {@code type}. A parameter given as a list is a sweep: the entry stands for one
 * step per combination of listed values ({@code k: [10, 50]} gives two k-means runs).
 */
record Step(String type, Params params) {

    /** The steps a config entry stands for, sweeps expanded in the order written. */
    static List<Step> expand(Object node, String where) {
        Map<String, Object> map;
        if (node instanceof String name) {
            map = new LinkedHashMap<>(Map.of("type", name));
        } else if (node instanceof Map<?, ?> m) {
            map = new LinkedHashMap<>();
            m.forEach((k, v) -> map.put(String.valueOf(k), v));
        } else {
            throw new ConfigException(where + ": expected a name or a map with 'type', got " + node);
        }
        Object type = map.remove("type");
        if (!(type instanceof String name) || name.isBlank()) {
            throw new ConfigException(where + ": missing key 'type'");
        }
        List<Map<String, Object>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, Object> e : map.entrySet()) {
            List<?> values = e.getValue() instanceof List<?> list ? list : List.of(e.getValue());
            if (values.isEmpty()) {
                throw new ConfigException(where + "." + e.getKey() + ": an empty list sweeps nothing");
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> combo : combos) {
                for (Object v : values) {
                    Map<String, Object> c = new LinkedHashMap<>(combo);
                    c.put(e.getKey(), v);
                    next.add(c);
                }
            }
            combos = next;
        }
        String label = where + " (" + name + ")";
        return combos.stream().map(c -> new Step(name, new Params(label, c))).toList();
    }

    /** The entry as a map: its type, then every parameter as used, defaults included. */
    Map<String, Object> resolved() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.putAll(params.resolved());
        return out;
    }

    /** "type(key=value, ...)" with the parameters the config wrote (not the defaults), for tables and titles. */
    String label() {
        StringBuilder s = new StringBuilder(type);
        Map<String, Object> written = new LinkedHashMap<>(params.written());
        written.remove("seed");
        if (!written.isEmpty()) {
            s.append('(');
            written.forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '(' ? "" : ", ").append(k).append('=').append(v));
            s.append(')');
        }
        return s.toString();
    }
}
