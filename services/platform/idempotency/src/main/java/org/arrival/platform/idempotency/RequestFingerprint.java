package org.arrival.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** What makes two requests the same request: SHA-256 of method, path, query and body. */
public final class RequestFingerprint {

    private RequestFingerprint() {}

    public static String of(String method, String path, @Nullable String query, byte[] body) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        // lengths first, so that no shift of bytes between the parts gives the same input
        String head = method + "\n" + path.length() + ":" + path + "\n"
                + (query == null ? "-" : query.length() + ":" + query) + "\n" + body.length + "\n";
        sha256.update(head.getBytes(StandardCharsets.UTF_8));
        sha256.update(body);
        return HexFormat.of().formatHex(sha256.digest());
    }
}
