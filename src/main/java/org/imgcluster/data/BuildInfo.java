package org.imgcluster.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions this build was made with (written by Maven into imgcluster-build.properties), for provenance. */
public final class BuildInfo {
    private static final String RESOURCE = "/imgcluster-build.properties";

    private BuildInfo() {
    }

    /** imgcluster, Deeplearning4j/ND4J, Smile and Java versions, in that order. */
    public static Map<String, String> versions() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("imgcluster", p.getProperty("version", "unknown"));
        out.put("deeplearning4j", p.getProperty("dl4j.version", "unknown"));
        out.put("smile", p.getProperty("smile.version", "unknown"));
        out.put("java", System.getProperty("java.version"));
        return out;
    }
}
