package org.imgcluster.data;

/** One file a named dataset is downloaded as: its name on disk, canonical URL, size and SHA-256. */
public record RemoteFile(String fileName, String url, long bytes, String sha256) {
}
